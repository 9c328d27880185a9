import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { type BundleDocument, type CompletenessFlag, DOCUMENT_KINDS } from '../../../core/bundle/schema.js';
import { applications } from './applications.js';
import { createdAt, instant } from './columns.js';
import { users } from './users.js';

export const documentKind = pgEnum('document_kind', DOCUMENT_KINDS);

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
  /** 其他附件: what it is. */
  caption?: string;
  /** A signed scan of a generated form: the SHA-256 of the 定稿 snapshot it was printed from, as declared. */
  printedFrom?: string;
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
