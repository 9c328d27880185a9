import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { applications, direction } from './applications.js';
import { calls } from './calls.js';
import { createdAt, day } from './columns.js';
import { files } from './documents.js';
import { organizations, platform } from './organizations.js';
import { users } from './users.js';

// What the province grants: qualifying platforms (二、3 separate slots) and 定向组织 (一、专题一, and 专题二's
// joint labs 科技部 approved in 2026), each recorded with who granted it and when.

/** The PDF that proves a grant, kept in the file store. */
const evidence = () => ({
  evidenceSha256: text('evidence_sha256')
    .notNull()
    .references(() => files.sha256),
  evidenceName: text('evidence_name').notNull(),
});

const grantedBy = () => ({
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/** A qualifying platform of an organization, proven by a PDF, valid from one date to another (both included). */
export const organizationPlatforms = pgTable(
  'organization_platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    platform: platform('platform').notNull(),
    validFrom: day('valid_from').notNull(),
    validTo: day('valid_to').notNull(),
    note: text('note').notNull().default(''),
    ...evidence(),
    ...grantedBy(),
  },
  (t) => [
    index('organization_platforms_organization_idx').on(t.organizationId),
    check('organization_platforms_validity', sql`${t.validFrom} <= ${t.validTo}`),
  ],
);

/** The province's invitation of an organization to a directed-only stream of a call. */
export const directedInvitations = pgTable(
  'directed_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    topic: smallint('topic').notNull(),
    /** `null`: a topic without directions. */
    direction: direction('direction'),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    ...grantedBy(),
  },
  (t) => [
    unique('directed_invitations_stream_key')
      .on(t.callId, t.topic, t.direction, t.organizationId)
      .nullsNotDistinct(),
    index('directed_invitations_organization_idx').on(t.organizationId),
  ],
);

/** An application the province marked 定向 outside the directed-only streams, with its evidence. */
export const directedMarks = pgTable('directed_marks', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  note: text('note').notNull(),
  ...evidence(),
  ...grantedBy(),
});
