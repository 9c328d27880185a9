import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Conflict } from '../../../core/experts/conflicts.js';
import { INVITATION_STATUSES, type InvitationStatus } from '../../../core/experts/rounds.js';
import { VACANCY_CAUSES, type VacancyCause } from '../../../core/experts/invitations.js';
import type { Scores } from '../../../core/experts/scoring-forms.js';
import { applications } from './applications.js';
import { inList, instant } from './columns.js';
import { reviewRounds } from './review-rounds.js';
import { scoringForms } from './scoring-forms.js';
import { users } from './users.js';

// 专家评审 (issue 5 §5): the expert pool, declared conflicts, assignments with their scores, and the
// notifications experts read (due reminders).

/** An expert of the pool; each has one login of role `expert`. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id),
    name: text('name').notNull(),
    organizationName: text('organization_name').notNull(),
    /** Absent for an organization without one (e.g. outside the mainland). */
    organizationCreditCode: text('organization_credit_code'),
    /** 学科/技术领域, matched against the form's 技术领域. */
    fields: text('fields')
      .array()
      .notNull()
      .default(sql`'{}'`),
    title: text('title').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('experts_credit_code_idx').on(t.organizationCreditCode)],
);

/** A conflict the expert declared: an organization (by credit code) or one application. */
export const expertConflicts = pgTable(
  'expert_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id, { onDelete: 'cascade' }),
    creditCode: text('credit_code'),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: instant('created_at').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('expert_conflicts_one_target', sql`(${t.creditCode} is null) <> (${t.applicationId} is null)`),
    index('expert_conflicts_expert_idx').on(t.expertId),
  ],
);

/** One answer of an expert's conflict declaration on accepting an invitation. */
export interface ConflictDeclaration {
  applicationId: string;
  conflict: boolean;
  reason: string | null;
}

/** One expert reviewing one application: the draft scores until submitted, then fixed. */
export const expertAssignments = pgTable(
  'expert_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    dueAt: instant('due_at').notNull(),
    assignedAt: instant('assigned_at').notNull(),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    /** Present when the province assigned despite `conflicts`. */
    overrideReason: text('override_reason'),
    conflicts: jsonb('conflicts').$type<Conflict[]>().notNull().default([]),
    /** The round it belongs to (every new assignment names one). */
    roundId: uuid('round_id')
      .notNull()
      .references((): AnyPgColumn => reviewRounds.id),
    scores: jsonb('scores').$type<Scores>().notNull().default({}),
    /** 专家论证: the amount the expert recommends, yuan. */
    recommendedFunding: bigint('recommended_funding', { mode: 'number' }),
    /** The version of the round's form the scores were saved on; null before any, or without a round. */
    scoringFormId: uuid('scoring_form_id').references((): AnyPgColumn => scoringForms.id),
    comment: text('comment').notNull().default(''),
    savedAt: instant('saved_at'),
    submittedAt: instant('submitted_at'),
  },
  (t) => [
    uniqueIndex('expert_assignments_round_pair_key').on(t.roundId, t.expertId, t.applicationId),
    index('expert_assignments_application_idx').on(t.applicationId),
    check(
      'expert_assignments_override_has_reason',
      sql`jsonb_array_length(${t.conflicts}) = 0 or ${t.overrideReason} is not null`,
    ),
  ],
);

/** What a user is told in the app; `assignment_id` and `kind` make a reminder once per assignment. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    assignmentId: uuid('assignment_id').references(() => expertAssignments.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_assignment_kind_key').on(t.assignmentId, t.kind),
  ],
);

/** An invitation to a review round, answered by the expert (issue 14 §1). */
export const expertInvitations = pgTable(
  'expert_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    status: text('status').$type<InvitationStatus>().notNull().default('pending'),
    invitedAt: instant('invited_at').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    respondBy: instant('respond_by').notNull(),
    respondedAt: instant('responded_at'),
    /** Why the expert declined. */
    declineReason: text('decline_reason'),
    /** 保密承诺: agreed on accepting. */
    confidentialityAgreedAt: instant('confidentiality_agreed_at'),
    /** The 保密承诺 text the expert agreed to, as shown. */
    confidentialityText: text('confidentiality_text'),
    /** The conflicts declared on accepting: a yes/no per assigned application, a reason for each yes. */
    declarations: jsonb('declarations').$type<ConflictDeclaration[]>().notNull().default([]),
    remindedAt: instant('reminded_at'),
  },
  (t) => [
    check('expert_invitations_status', sql`${t.status} in (${inList(INVITATION_STATUSES)})`),
    check(
      'expert_invitations_declined_has_reason',
      sql`${t.status} <> 'declined' or ${t.declineReason} is not null`,
    ),
    check(
      'expert_invitations_accepted_agreed',
      sql`${t.status} <> 'accepted' or ${t.confidentialityAgreedAt} is not null`,
    ),
    uniqueIndex('expert_invitations_round_expert_key').on(t.roundId, t.expertId),
    index('expert_invitations_status_idx').on(t.status, t.respondBy),
  ],
);

/**
 * An application that lost an expert of a round through a decline, an expiry or a declared conflict, until the
 * province assigns another (`filled_at`).
 */
export const expertVacancies = pgTable(
  'expert_vacancies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    /** The expert lost. */
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    cause: text('cause').$type<VacancyCause>().notNull(),
    reason: text('reason'),
    createdAt: instant('created_at').notNull(),
    filledAt: instant('filled_at'),
    filledBy: uuid('filled_by').references(() => users.id),
    /** The assignment that replaced the expert. */
    replacementId: uuid('replacement_id').references(() => expertAssignments.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('expert_vacancies_cause', sql`${t.cause} in (${inList(VACANCY_CAUSES)})`),
    index('expert_vacancies_round_idx').on(t.roundId, t.filledAt),
  ],
);
