import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ROUND_KINDS, type RoundKind } from '../../../core/experts/rounds.js';
import { calls } from './calls.js';
import { inList, instant } from './columns.js';
import { users } from './users.js';

// 评审轮次 (issue 14 §1): the province invites experts to a round (`expert_invitations`); an expert who accepts
// declares conflicts per assigned application and agrees to confidentiality, and only then scores. Assignments
// name their round.

export const reviewRounds = pgTable(
  'review_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    kind: text('kind').$type<RoundKind>().notNull(),
    name: text('name').notNull(),
    /** Invitations of the round are answered by this moment unless each says otherwise. */
    respondBy: instant('respond_by').notNull(),
    /** Scores are due by this moment unless an assignment says otherwise. */
    dueAt: instant('due_at').notNull(),
    createdAt: instant('created_at').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('review_rounds_kind', sql`${t.kind} in (${inList(ROUND_KINDS)})`),
    check('review_rounds_due_after_answer', sql`${t.dueAt} > ${t.respondBy}`),
    index('review_rounds_call_idx').on(t.callId),
  ],
);
