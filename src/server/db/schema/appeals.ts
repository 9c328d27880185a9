import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { APPEAL_STATUSES, type AppealStatus } from '../../../core/appeals/statuses.js';
import { applications } from './applications.js';
import { inList, instant } from './columns.js';
import { users } from './users.js';

// Issue 14 §2 and §8: the experts an applicant names to avoid (回避专家), kept apart from the 申报书 so that no
// expert ever reads them, and the applicant's 复核 of a 不予受理.

/** One expert an applicant asked not to be judged by; matched to the pool by name and organization. */
export const avoidedExperts = pgTable(
  'avoided_experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    organization: text('organization').notNull(),
    reason: text('reason').notNull(),
    createdAt: instant('created_at').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('avoided_experts_application_idx').on(t.applicationId)],
);

/** An evidence PDF of an appeal, content-addressed in the file store. */
export interface AppealEvidence {
  sha256: string;
  size: number;
  fileName: string;
  uploadedAt: string;
}

/** 复核: the applicant's request to re-check a 不予受理, and the province's answer. */
export const formalReviewAppeals = pgTable(
  'formal_review_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    status: text('status').$type<AppealStatus>().notNull().default('open'),
    reasons: text('reasons').notNull(),
    evidence: jsonb('evidence').$type<AppealEvidence[]>().notNull().default([]),
    /** When the 不予受理 appealed against was made known (the window runs from its Beijing date). */
    refusedAt: instant('refused_at').notNull(),
    filedAt: instant('filed_at').notNull(),
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    decidedAt: instant('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    /** The province's reason: required when dismissed. */
    decisionReason: text('decision_reason'),
  },
  (t) => [
    check('formal_review_appeals_status', sql`${t.status} in (${inList(APPEAL_STATUSES)})`),
    check(
      'formal_review_appeals_decided',
      sql`(${t.status} = 'open') = (${t.decidedAt} is null) and (${t.status} <> 'dismissed' or ${t.decisionReason} is not null)`,
    ),
    uniqueIndex('formal_review_appeals_one_open')
      .on(t.applicationId)
      .where(sql`${t.status} = 'open'`),
    index('formal_review_appeals_application_idx').on(t.applicationId),
  ],
);
