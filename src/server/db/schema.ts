import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type BundleDocument,
  type CompletenessFlag,
  DEPARTMENT_KINDS,
  DIRECTIONS,
  DOCUMENT_KINDS,
  ONGOING_PROGRAMS,
  ORGANIZATION_KINDS,
  PLATFORMS,
} from '../../core/bundle/schema.js';
import type { ApplicationForm } from '../../core/application/form.js';
import { APPLICATION_STATUSES, USER_ROLES } from '../../contract/vocabulary.js';
import { day, instant } from './schema/columns.js';

export * from './schema/audit.js';
export * from './schema/calls-history.js';
export * from './schema/cross-checks.js';
export * from './schema/import-keys.js';
export * from './schema/decisions.js';
export * from './schema/experts.js';
export * from './schema/registers.js';

// The tables follow spec/bundle.md so that a bundle can be exported from and imported into them:
// organizations, people, departments and applications carry the bundle's fields under snake_case names.

const createdAt = () => instant('created_at').notNull().defaultNow();
const updatedAt = () =>
  instant('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const organizationKind = pgEnum('organization_kind', ORGANIZATION_KINDS);
export const platform = pgEnum('platform', PLATFORMS);
export const ongoingProgram = pgEnum('ongoing_program', ONGOING_PROGRAMS);
export const departmentKind = pgEnum('department_kind', DEPARTMENT_KINDS);
export const userRole = pgEnum('user_role', USER_ROLES);
export const applicationStatus = pgEnum('application_status', APPLICATION_STATUSES);
export const direction = pgEnum('direction', DIRECTIONS);
export const documentKind = pgEnum('document_kind', DOCUMENT_KINDS);

/** 项目主管部门. */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    kind: departmentKind('kind').notNull(),
    /** A county shares the quota of this city. */
    cityId: uuid('city_id').references((): AnyPgColumn => departments.id),
    /** GB/T 2260 code of the division a bureau serves, or of the city a high-tech zone lies in. */
    divisionCode: text('division_code'),
    createdAt: createdAt(),
  },
  (t) => [
    check('departments_city_only_for_county', sql`(${t.kind} = 'county') = (${t.cityId} is not null)`),
    index('departments_city_idx').on(t.cityId),
  ],
);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull().unique(),
    kind: organizationKind('kind').notNull(),
    inJiangsu: boolean('in_jiangsu').notNull(),
    registeredOn: day('registered_on').notNull(),
    independentLegalEntity: boolean('independent_legal_entity').notNull(),
    ministryOrProvincialUniversity: boolean('ministry_or_provincial_university').notNull().default(false),
    platforms: platform('platforms')
      .array()
      .notNull()
      .default(sql`'{}'`),
    dishonestyUntil: day('dishonesty_until'),
    /** The 项目主管部门 it applies through; absent for organizations known only as partners. */
    departmentId: uuid('department_id').references(() => departments.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('organizations_department_idx').on(t.departmentId)],
);

/** An organization's own 在研 provincial projects. */
export const ongoingProjects = pgTable(
  'ongoing_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    program: ongoingProgram('program').notNull(),
    title: text('title'),
    createdAt: createdAt(),
  },
  (t) => [index('ongoing_projects_organization_idx').on(t.organizationId)],
);

/** Project leaders (项目负责人). */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => organizations.id),
    ongoingProvincialProjects: integer('ongoing_provincial_projects').notNull().default(0),
    dishonestyUntil: day('dishonesty_until'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('people_ongoing_non_negative', sql`${t.ongoingProvincialProjects} >= 0`),
    // Per employer, so that one organization cannot learn whom another employs.
    uniqueIndex('people_employer_id_number_key').on(t.employerId, t.idNumber),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored normalised (trimmed, lower case). */
    login: text('login').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    role: userRole('role').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    personId: uuid('person_id').references(() => people.id),
    departmentId: uuid('department_id').references(() => departments.id),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: instant('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Each role carries exactly the scope it is authorized by.
    check(
      'users_scope_matches_role',
      sql`case ${t.role}
        when 'unit-admin' then ${t.organizationId} is not null and ${t.personId} is null and ${t.departmentId} is null
        when 'pi' then ${t.organizationId} is not null and ${t.personId} is not null and ${t.departmentId} is null
        when 'department' then ${t.departmentId} is not null and ${t.organizationId} is null and ${t.personId} is null
        else ${t.organizationId} is null and ${t.personId} is null and ${t.departmentId} is null
      end`,
    ),
    index('users_organization_idx').on(t.organizationId),
    uniqueIndex('users_person_key').on(t.personId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** HMAC-SHA256 of the cookie's random 256-bit token: the database never holds a usable token. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Failed logins per key (IP + login) in a fixed window: in the database so that every instance sees them. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  windowStartedAt: instant('window_started_at').notNull(),
  failures: integer('failures').notNull(),
});

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
  createdAt: createdAt(),
});

/** The application form (src/core/application/form.ts): fields of spec/bundle.md without a column. */
export type { ApplicationForm };

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    piId: uuid('pi_id')
      .notNull()
      .references(() => people.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    topic: smallint('topic').notNull(),
    direction: direction('direction'),
    directed: boolean('directed').notNull().default(false),
    status: applicationStatus('status').notNull().default('draft'),
    form: jsonb('form').$type<ApplicationForm>().notNull().default({}),
    /** Optimistic concurrency: an update names the version it read. */
    version: integer('version').notNull().default(1),
    acceptanceNo: text('acceptance_no').unique(),
    submittedAt: instant('submitted_at'),
    separateSlot: boolean('separate_slot').notNull().default(false),
    recommendationAt: instant('recommendation_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('applications_topic_range', sql`${t.topic} between 1 and 5`),
    index('applications_call_organization_idx').on(t.callId, t.organizationId),
    index('applications_department_idx').on(t.departmentId),
    index('applications_pi_idx').on(t.piId),
  ],
);

/** The application's timeline. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    /** Insertion order: events of one instant keep the order they happened in. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    at: instant('at').notNull(),
    /** Absent for what the system does by itself. */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    kind: text('kind').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);

/** Content-addressed blobs: the bytes live in file storage under their hash. */
export const files = pgTable(
  'files',
  {
    sha256: text('sha256').primaryKey(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('files_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('files_size_non_negative', sql`${t.size} >= 0`),
  ],
);

export interface DocumentMetadata {
  /** Organization ids, or the foreign partner's name. */
  parties: string[];
  signedOn?: string;
  validUntil?: string;
  language: BundleDocument['language'];
  chineseTranslation: boolean;
  complete: Partial<Record<CompletenessFlag, boolean>>;
}

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: documentKind('kind').notNull(),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    fileName: text('file_name').notNull(),
    metadata: jsonb('metadata').$type<DocumentMetadata>().notNull(),
    /** History is kept: a replaced document points at its successor. */
    replacedBy: uuid('replaced_by').references((): AnyPgColumn => documents.id),
    supersededAt: instant('superseded_at'),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: instant('uploaded_at').notNull(),
  },
  (t) => [index('documents_application_idx').on(t.applicationId, t.kind)],
);

/** 受理回执: what the applicant was told at submission, signed so it can be verified later. */
export const receipts = pgTable(
  'receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    acceptanceNo: text('acceptance_no').notNull(),
    issuedAt: instant('issued_at').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [
    index('receipts_application_idx').on(t.applicationId),
    index('receipts_acceptance_no_idx').on(t.acceptanceNo),
  ],
);

/** The last acceptance number issued per call: incremented under a row lock, so numbers are unique and dense. */
export const acceptanceCounters = pgTable('acceptance_counters', {
  callId: text('call_id')
    .primaryKey()
    .references(() => calls.id),
  last: integer('last').notNull(),
});

/** A document as it stood at a submission: enough to tell what was added, removed or replaced since. */
export interface SnapshotDocument {
  id: string;
  kind: BundleDocument['kind'];
  fileName: string;
  sha256: string;
  metadata: DocumentMetadata;
}

/** The form and documents as submitted, once per submission: a returned application's changes are shown from them. */
export const submissionSnapshots = pgTable(
  'submission_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    receiptId: uuid('receipt_id')
      .notNull()
      .references(() => receipts.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    at: instant('at').notNull(),
    form: jsonb('form').$type<ApplicationForm>().notNull(),
    documents: jsonb('documents').$type<SnapshotDocument[]>().notNull(),
  },
  (t) => [index('submission_snapshots_application_idx').on(t.applicationId, t.seq)],
);

/** 网上确认提交: a department's list for a call, locked once confirmed (三、2 一律不予退回重报). */
export const reviewConfirmations = pgTable(
  'review_confirmations',
  {
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    confirmedAt: instant('confirmed_at').notNull(),
    confirmedBy: uuid('confirmed_by')
      .notNull()
      .references(() => users.id),
    /** What was confirmed: the recommended and not recommended applications at that moment. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.callId] })],
);

/** 形式审查: a department's answers to the 汇总表's judgement columns for one application. */
export type ChecklistAnswers = Record<
  'documentsCompliant' | 'materialsComplete' | 'ethics' | 'credit' | 'separateSlot',
  { ok: boolean; note: string }
>;

export const reviewChecklists = pgTable('review_checklists', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  answers: jsonb('answers').$type<ChecklistAnswers>().notNull(),
  savedAt: instant('saved_at').notNull(),
  savedBy: uuid('saved_by')
    .notNull()
    .references(() => users.id),
});

/** 项目主管部门诚信承诺书 for a call: one current per department and call, earlier uploads kept. */
export const departmentCommitments = pgTable(
  'department_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    fileName: text('file_name').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: instant('uploaded_at').notNull(),
    supersededAt: instant('superseded_at'),
  },
  (t) => [
    uniqueIndex('department_commitments_current_idx')
      .on(t.departmentId, t.callId)
      .where(sql`${t.supersededAt} is null`),
  ],
);
