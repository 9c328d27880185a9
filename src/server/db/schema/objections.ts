import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  OBJECTION_FINDINGS,
  OBJECTION_STATUSES,
  type ObjectionFinding,
  type ObjectionStatus,
} from '../../../core/objections/objections.js';
import { applications } from './applications.js';
import { calls } from './calls.js';
import { inList, instant } from './columns.js';
import { announcements } from './decisions.js';
import { expertAssignments } from './experts.js';
import { users } from './users.js';

// 公示异议 (issue 14 §7) and the opinions released to applicants (§6).

/** The next 异议编号 per call: taken under the row's lock, so two filings never share one. */
export const objectionSequences = pgTable('objection_sequences', {
  callId: text('call_id')
    .primaryKey()
    .references(() => calls.id),
  last: integer('last').notNull(),
});

/** An objection filed by a named member of the public against one entry of a published 公示. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 异议编号, e.g. YY2026-0001: unique within the call. */
    reference: text('reference').notNull(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id),
    /** The project objected to: its 受理编号 in the 公示, and its application. */
    acceptanceNo: text('acceptance_no').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    name: text('name').notNull(),
    mobile: text('mobile'),
    email: text('email'),
    organization: text('organization').notNull(),
    grounds: text('grounds').notNull(),
    status: text('status').$type<ObjectionStatus>().notNull().default('received'),
    receivedAt: instant('received_at').notNull(),
    /** The filer's address, hashed: enough to see repeated filings, nothing more. */
    sourceHash: text('source_hash'),
    /** SHA-256 of the key given to the objector at filing, with which further evidence may be added. */
    evidenceKeyHash: text('evidence_key_hash').notNull(),
    registeredAt: instant('registered_at'),
    registeredBy: uuid('registered_by').references(() => users.id),
    finding: text('finding').$type<ObjectionFinding>(),
    findingText: text('finding_text'),
    closedAt: instant('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    /** Closed as upheld and the project's approval revoked with it. */
    revokedApproval: boolean('revoked_approval').notNull().default(false),
  },
  (t) => [
    // One sequence per call: two calls of a year may each have a YY2026-0001.
    uniqueIndex('objections_call_reference_key').on(t.callId, t.reference),
    index('objections_reference_idx').on(t.reference),
    index('objections_call_idx').on(t.callId),
    check('objections_status', sql`${t.status} in (${inList(OBJECTION_STATUSES)})`),
    check('objections_finding', sql`${t.finding} is null or ${t.finding} in (${inList(OBJECTION_FINDINGS)})`),
    check('objections_contact', sql`${t.mobile} is not null or ${t.email} is not null`),
    check(
      'objections_closed_whole',
      sql`(${t.status} = 'closed') = (${t.finding} is not null and ${t.closedAt} is not null)`,
    ),
    check('objections_revoked_upheld', sql`not ${t.revokedApproval} or ${t.finding} = 'upheld'`),
  ],
);

/** An evidence PDF attached to an objection (the file in the file store). */
export const objectionEvidence = pgTable(
  'objection_evidence',
  {
    objectionId: uuid('objection_id')
      .notNull()
      .references(() => objections.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    addedAt: instant('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.objectionId, t.sha256] })],
);

/** 调查情况: the province's notes on an objection, in order. */
export const objectionNotes = pgTable(
  'objection_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    objectionId: uuid('objection_id')
      .notNull()
      .references(() => objections.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    at: instant('at').notNull(),
    by: uuid('by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('objection_notes_objection_idx').on(t.objectionId)],
);

/** Whether the province releases review opinions to the call's applicants (三、2: off unless chosen). */
export const feedbackSettings = pgTable('feedback_settings', {
  callId: text('call_id')
    .primaryKey()
    .references(() => calls.id),
  enabled: boolean('enabled').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
});

export const RELEASED_OPINION_KINDS = ['comment', 'panel-summary'] as const;
export type ReleasedOpinionKind = (typeof RELEASED_OPINION_KINDS)[number];

/**
 * An opinion released to an application's applicants: the text as released (a later change of its source
 * never alters it), and for a comment the assignment it came from, which applicants never see.
 */
export const releasedOpinions = pgTable(
  'released_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ReleasedOpinionKind>().notNull(),
    /** Order among the application's released comments (专家意见一 is 1). */
    position: integer('position').notNull(),
    text: text('text').notNull(),
    sourceAssignmentId: uuid('source_assignment_id').references(() => expertAssignments.id, {
      onDelete: 'set null',
    }),
    releasedAt: instant('released_at').notNull(),
    releasedBy: uuid('released_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('released_opinions_kind', sql`${t.kind} in (${inList(RELEASED_OPINION_KINDS)})`),
    uniqueIndex('released_opinions_position_key').on(t.applicationId, t.kind, t.position),
    uniqueIndex('released_opinions_source_key').on(t.sourceAssignmentId),
  ],
);
