import { and, asc, eq, getTableColumns, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { documents, files, users } from '../db/schema.js';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type NewFile = typeof files.$inferInsert;
/** A document with what its view shows besides the row: the file's size and the uploader's name. */
export type DocumentRecord = DocumentRow & { size: number; uploaderName: string };

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
