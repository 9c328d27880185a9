import { boolean, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { CallDocument } from '../../../core/calls/schema.js';
import { createdAt, instant } from './columns.js';

export const calls = pgTable('calls', {
  /** e.g. `JS-INTL-2026`, or a practice copy of it. */
  id: text('id').primaryKey(),
  /** The call whose parameters (src/core) apply: itself, or the real call a practice call copies. */
  baseCallId: text('base_call_id').notNull(),
  name: text('name').notNull(),
  isPractice: boolean('is_practice').notNull().default(false),
  submissionClosesAt: instant('submission_closes_at').notNull(),
  recommendationClosesAt: instant('recommendation_closes_at').notNull(),
  paperClosesAt: instant('paper_closes_at').notNull(),
  readOnly: boolean('read_only').notNull().default(false),
  /**
   * The call's own `shenbao.call/1` document, the truth of its parameters; `null`: the base call's parameters
   * unchanged, with this row's windows. The closing times above are its indexed copy, written on every save.
   */
  document: jsonb('document').$type<CallDocument>(),
  createdAt: createdAt(),
});
