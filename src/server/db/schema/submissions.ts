import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { ApplicationForm } from '../../../core/application/form.js';
import type { BundleDocument } from '../../../core/bundle/schema.js';
import { applications } from './applications.js';
import { calls } from './calls.js';
import { instant } from './columns.js';
import type { DocumentMetadata } from './documents.js';

/** The last acceptance number issued per call: incremented under a row lock, so numbers are unique and dense. */
export const acceptanceCounters = pgTable('acceptance_counters', {
  callId: text('call_id')
    .primaryKey()
    .references(() => calls.id),
  last: integer('last').notNull(),
});

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
