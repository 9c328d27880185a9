import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Criterion } from '../../../core/experts/scoring-forms.js';
import { instant } from './columns.js';
import { reviewRounds } from './review-rounds.js';
import { users } from './users.js';

// 评分表 (issue 14 §3): the form a review round uses for a topic, versioned. Editing saves a new version; once an
// expert saved a score in the round for the topic, none is added. An assignment names the version it was scored
// on (`expert_assignments.scoring_form_id`). A round without a saved version uses the default of its kind, which
// is saved as version 1 (`created_by` null) when the first score is.

export const scoringForms = pgTable(
  'scoring_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id, { onDelete: 'cascade' }),
    topic: smallint('topic').notNull(),
    version: integer('version').notNull(),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    /** What the form asks of experts as a whole, above its criteria. */
    guidance: text('guidance').notNull().default(''),
    minCommentLength: integer('min_comment_length').notNull(),
    createdAt: instant('created_at').notNull(),
    /** Null: the default of the round's kind, adopted when the first score was saved. */
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    check('scoring_forms_topic', sql`${t.topic} between 1 and 5`),
    check('scoring_forms_version', sql`${t.version} >= 1`),
    uniqueIndex('scoring_forms_round_topic_version_key').on(t.roundId, t.topic, t.version),
  ],
);
