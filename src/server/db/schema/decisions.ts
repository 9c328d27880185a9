import { sql } from 'drizzle-orm';
import { bigint, check, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications.js';
import { calls } from './calls.js';
import { instant } from './columns.js';
import { users } from './users.js';

// The provincial centre's part after the departments' lists (issue 5 §4, §6): 形式审查/信用审查, 立项决定,
// 公示 and the step into contract signing.

/** 受理 / 不予受理. */
export type FormalReviewResult = 'accepted' | 'rejected';
/** 立项 / 不予立项. */
export type DecisionOutcome = 'approved' | 'rejected';

/** A reason of a 形式审查 result: a rule of the core that fails (its id and clause), or the reviewer's own words. */
export interface FormalReviewReason {
  rule?: string;
  clause?: string;
  message: string;
}

/** 形式审查（信用审查）: the current result per application; earlier ones are in its timeline and the audit log. */
export const formalReviews = pgTable(
  'formal_reviews',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    result: text('result').$type<FormalReviewResult>().notNull(),
    reasons: jsonb('reasons').$type<FormalReviewReason[]>().notNull(),
    reviewedAt: instant('reviewed_at').notNull(),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [check('formal_reviews_result', sql`${t.result} in ('accepted', 'rejected')`)],
);

/** 拟立项项目公示: a draft until published; publishing freezes its entries and locks the call's decisions. */
export interface AnnouncementEntry {
  acceptanceNo: string;
  title: string;
  organizationName: string;
  piName: string;
  topic: number;
  partnerCountry: string | null;
  /** 省资助经费, yuan. */
  funding: number;
}

export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    title: text('title').notNull(),
    /** Chosen at creation, or (absent) the publication date and five working days. */
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: instant('created_at').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    publishedAt: instant('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    /** What the public page shows, as it stood at publication. */
    entries: jsonb('entries').$type<AnnouncementEntry[]>(),
  },
  (t) => [
    check('announcements_period', sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      'announcements_published_whole',
      sql`(${t.publishedAt} is null) = (${t.entries} is null) and (${t.publishedAt} is null or ${t.startsOn} is not null)`,
    ),
    index('announcements_call_idx').on(t.callId),
  ],
);

/** 立项决定 per application that was 受理; locked once a 公示 is published. */
export const decisions = pgTable(
  'decisions',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    outcome: text('outcome').$type<DecisionOutcome>().notNull(),
    /** 省资助经费, yuan; only when approved. */
    funding: bigint('funding', { mode: 'number' }),
    reason: text('reason').notNull(),
    decidedAt: instant('decided_at').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    /** The 公示 whose publication locked it (approved ones are listed in it). */
    announcementId: uuid('announcement_id').references(() => announcements.id),
    /** 进入合同签订. */
    contractStageAt: instant('contract_stage_at'),
    contractStageBy: uuid('contract_stage_by').references(() => users.id),
    /**
     * An approval revoked after its 公示 by an upheld objection (issue 14 §7): the outcome is then 'rejected'
     * and these say when, by whom, why and through which objection; the 公示's frozen entry stays as it was.
     */
    revokedAt: instant('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokedReason: text('revoked_reason'),
    /** The upheld objection (`objections.id`; no foreign key, as the objections' schema reads this one's). */
    revokedObjectionId: uuid('revoked_objection_id'),
  },
  (t) => [
    check('decisions_outcome', sql`${t.outcome} in ('approved', 'rejected')`),
    check(
      'decisions_funding',
      sql`(${t.outcome} = 'approved') = (${t.funding} is not null and ${t.funding} > 0)`,
    ),
    check(
      'decisions_contract_after_publication',
      sql`${t.contractStageAt} is null or ${t.announcementId} is not null`,
    ),
    check(
      'decisions_revocation_whole',
      sql`(${t.revokedAt} is null) = (${t.revokedReason} is null) and (${t.revokedAt} is null or ${t.outcome} = 'rejected')`,
    ),
    index('decisions_call_idx').on(t.callId),
    index('decisions_announcement_idx').on(t.announcementId),
  ],
);
