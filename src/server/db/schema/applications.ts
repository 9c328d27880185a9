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
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ApplicationForm } from '../../../core/application/form.js';
import { DIRECTIONS } from '../../../core/bundle/schema.js';
import { APPLICATION_STATUSES } from '../../../contract/vocabulary.js';
import { calls } from './calls.js';
import { createdAt, instant, updatedAt } from './columns.js';
import { departments } from './departments.js';
import { organizations } from './organizations.js';
import { people } from './people.js';
import { users } from './users.js';

export const applicationStatus = pgEnum('application_status', APPLICATION_STATUSES);
export const direction = pgEnum('direction', DIRECTIONS);

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
    /** The application form (src/core/application/form.ts): fields of spec/bundle.md without a column. */
    form: jsonb('form').$type<ApplicationForm>().notNull().default({}),
    /** Optimistic concurrency: an update names the version it read. */
    version: integer('version').notNull().default(1),
    acceptanceNo: text('acceptance_no').unique(),
    submittedAt: instant('submitted_at'),
    separateSlot: boolean('separate_slot').notNull().default(false),
    recommendationAt: instant('recommendation_at'),
    /** The 定稿 the documents to sign are printed from; any later edit of the form clears it (reopens). */
    finalizedSnapshotId: uuid('finalized_snapshot_id').references((): AnyPgColumn => applicationSnapshots.id),
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

/**
 * A 定稿: what is needed to print the application again exactly as it was finalised (SnapshotContent), under
 * the SHA-256 of its canonical JSON, which every printed page carries.
 */
export const applicationSnapshots = pgTable(
  'application_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references((): AnyPgColumn => applications.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull().unique(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('application_snapshots_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    index('application_snapshots_application_idx').on(t.applicationId, t.createdAt),
  ],
);
