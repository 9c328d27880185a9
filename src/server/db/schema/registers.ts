import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OngoingProgram } from '../../../core/bundle/schema.js';
import { REGISTER_KINDS, type RegisterKind } from '../../../core/registers/kinds.js';
import { calls } from './calls.js';
import { day, inList, instant } from './columns.js';
import { users } from './users.js';

// The province's registers (src/core/registers): each record under its natural key, so that importing the same
// file again finds every record unchanged.

/** One import: who, when, which file (its SHA-256), and what it did. */
export const registerBatches = pgTable(
  'register_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<RegisterKind>().notNull(),
    /** The call a call-scoped register was imported for. */
    callId: text('call_id').references(() => calls.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    importedBy: uuid('imported_by')
      .notNull()
      .references(() => users.id),
    importedAt: instant('imported_at').notNull(),
    rows: integer('rows').notNull(),
    created: integer('created').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
  },
  (t) => [
    check('register_batches_kind', sql`${t.kind} in (${inList(REGISTER_KINDS)})`),
    index('register_batches_imported_at_idx').on(t.importedAt),
  ],
);

const batchColumns = () => ({
  /** The import that created or last changed the record. */
  batchId: uuid('batch_id')
    .notNull()
    .references(() => registerBatches.id),
  naturalKey: text('natural_key').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const registerOngoingProjects = pgTable(
  'register_ongoing_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...batchColumns(),
    projectNo: text('project_no').notNull(),
    program: text('program').$type<OngoingProgram>().notNull(),
    organizationName: text('organization_name').notNull(),
    creditCode: text('credit_code').notNull(),
    title: text('title').notNull(),
    piName: text('pi_name').notNull(),
    piIdNumber: text('pi_id_number'),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
  },
  (t) => [
    uniqueIndex('register_ongoing_projects_key').on(t.naturalKey),
    check(
      'register_ongoing_projects_program',
      sql`${t.program} in ('intl-coop', 'frontier-tech', 'major-special', 'other')`,
    ),
    index('register_ongoing_projects_credit_code_idx').on(t.creditCode),
    index('register_ongoing_projects_pi_id_number_idx').on(t.piIdNumber),
  ],
);

export const registerDishonesty = pgTable(
  'register_dishonesty',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...batchColumns(),
    subject: text('subject').$type<'organization' | 'person'>().notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    idNumber: text('id_number'),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    source: text('source').notNull(),
    recordNo: text('record_no'),
    reason: text('reason').notNull(),
  },
  (t) => [
    uniqueIndex('register_dishonesty_key').on(t.naturalKey),
    check('register_dishonesty_subject', sql`${t.subject} in ('organization', 'person')`),
    index('register_dishonesty_credit_code_idx').on(t.creditCode),
    index('register_dishonesty_id_number_idx').on(t.idNumber),
  ],
);

export const registerExternalSubmissions = pgTable(
  'register_external_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...batchColumns(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    department: text('department').notNull(),
    program: text('program').notNull(),
    organizationName: text('organization_name').notNull(),
    creditCode: text('credit_code').notNull(),
    piName: text('pi_name').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    directed: boolean('directed').notNull(),
  },
  (t) => [
    uniqueIndex('register_external_submissions_key').on(t.callId, t.naturalKey),
    index('register_external_submissions_credit_code_idx').on(t.callId, t.creditCode),
    index('register_external_submissions_pi_name_idx').on(t.callId, t.piName),
  ],
);
