import { and, asc, count, eq, getTableColumns, inArray, isNull, sql, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { applications, documents, files, users } from '../db/schema.js';
import type { DocumentKind } from '../../core/bundle/schema.js';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type NewFile = typeof files.$inferInsert;
/** A document with what its view shows besides the row: the file's size and the uploader's name. */
export type DocumentRecord = DocumentRow & { size: number; uploaderName: string };
/** The bytes of the distinct files some documents use, and whether a given file is among them already. */
export interface StoredBytes {
  bytes: number;
  holds: boolean;
}

export class DocumentRepository {
  constructor(private readonly db: Database) {}

  /** The application's current documents, or with `history` every version, oldest first. */
  listByApplication(applicationId: string, history: boolean): Promise<DocumentRecord[]> {
    return this.records()
      .where(
        and(eq(documents.applicationId, applicationId), history ? undefined : isNull(documents.supersededAt)),
      )
      .orderBy(asc(documents.uploadedAt), asc(documents.id));
  }

  async findById(id: string): Promise<DocumentRecord | undefined> {
    const [row] = await this.records().where(eq(documents.id, id));
    return row;
  }

  /** The application's current (not superseded) document `id`, locked until the transaction ends. */
  async lockCurrent(id: string, applicationId: string): Promise<DocumentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(documents)
      .where(
        and(eq(documents.id, id), eq(documents.applicationId, applicationId), isNull(documents.supersededAt)),
      )
      .for('update');
    return row;
  }

  /** Serialises the uploads of one organisation's applications until the transaction ends. */
  async lockOrganizationUploads(organizationId: string): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`uploads:${organizationId}`}))`);
  }

  async countCurrentOfKind(applicationId: string, kind: DocumentKind): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(documents)
      .where(
        and(
          eq(documents.applicationId, applicationId),
          eq(documents.kind, kind),
          isNull(documents.supersededAt),
        ),
      );
    return row!.n;
  }

  /** Every version of the application's documents counts: superseded versions are kept. */
  applicationBytes(applicationId: string, sha256: string): Promise<StoredBytes> {
    return this.bytesOf(
      this.db
        .select({ sha256: documents.fileSha256 })
        .from(documents)
        .where(eq(documents.applicationId, applicationId)),
      sha256,
    );
  }

  organizationBytes(organizationId: string, sha256: string): Promise<StoredBytes> {
    return this.bytesOf(
      this.db
        .select({ sha256: documents.fileSha256 })
        .from(documents)
        .innerJoin(applications, eq(applications.id, documents.applicationId))
        .where(eq(applications.organizationId, organizationId)),
      sha256,
    );
  }

  private async bytesOf(used: SQLWrapper, sha256: string): Promise<StoredBytes> {
    const [row] = await this.db
      .select({
        bytes: sql<string>`coalesce(sum(${files.size}), 0)`,
        holds: sql<boolean>`coalesce(bool_or(${files.sha256} = ${sha256}), false)`,
      })
      .from(files)
      .where(inArray(files.sha256, used));
    return { bytes: Number(row!.bytes), holds: row!.holds };
  }

  /** Records a stored blob; equal bytes are recorded once. */
  async addFile(file: NewFile): Promise<void> {
    await this.db.insert(files).values(file).onConflictDoNothing({ target: files.sha256 });
  }

  async insert(document: NewDocument): Promise<DocumentRow> {
    const [row] = await this.db.insert(documents).values(document).returning();
    return row!;
  }

  async supersede(id: string, at: Date, replacedBy: string | null): Promise<void> {
    await this.db.update(documents).set({ supersededAt: at, replacedBy }).where(eq(documents.id, id));
  }

  private records() {
    return this.db
      .select({ ...getTableColumns(documents), size: files.size, uploaderName: users.displayName })
      .from(documents)
      .innerJoin(files, eq(files.sha256, documents.fileSha256))
      .innerJoin(users, eq(users.id, documents.uploadedBy))
      .$dynamic();
  }
}
