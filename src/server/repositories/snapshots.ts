import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { applications, applicationSnapshots, calls } from '../db/schema.js';
import { prepared } from './prepared.js';

/** What lists a snapshot: everything but its content. */
export const SNAPSHOT_HEAD = {
  id: applicationSnapshots.id,
  sha256: applicationSnapshots.sha256,
  createdAt: applicationSnapshots.createdAt,
};

export type SnapshotHead = Pick<SnapshotRow, keyof typeof SNAPSHOT_HEAD>;

export type SnapshotRow = typeof applicationSnapshots.$inferSelect;
export type NewSnapshot = typeof applicationSnapshots.$inferInsert;

/** A fingerprint as the public page may tell it: nothing about the project itself. */
export interface FingerprintFacts {
  createdAt: Date;
  callName: string;
  acceptanceNo: string | null;
  current: boolean;
}

export class SnapshotRepository {
  constructor(private readonly db: Database) {}

  /** The snapshot under `sha256`, written now unless one with the same content exists. */
  async insertOrFind(snapshot: NewSnapshot): Promise<SnapshotRow> {
    const [inserted] = await this.db
      .insert(applicationSnapshots)
      .values(snapshot)
      .onConflictDoNothing({ target: applicationSnapshots.sha256 })
      .returning();
    return inserted ?? (await this.findBySha256(snapshot.sha256))!;
  }

  async findById(id: string): Promise<SnapshotRow | undefined> {
    const [row] = await this.db.select().from(applicationSnapshots).where(eq(applicationSnapshots.id, id));
    return row;
  }

  async findBySha256(sha256: string): Promise<SnapshotRow | undefined> {
    const [row] = await this.db
      .select()
      .from(applicationSnapshots)
      .where(eq(applicationSnapshots.sha256, sha256));
    return row;
  }

  /** The application's snapshot under `sha256`, if it has one. */
  async findOfApplication(applicationId: string, sha256: string): Promise<SnapshotRow | undefined> {
    const [row] = await this.db
      .select()
      .from(applicationSnapshots)
      .where(
        and(eq(applicationSnapshots.applicationId, applicationId), eq(applicationSnapshots.sha256, sha256)),
      );
    return row;
  }

  /** The application's snapshots, newest first, without their content. */
  listByApplication(applicationId: string) {
    return prepared(this.db, 'snapshots_of_application', () =>
      this.db
        .select(SNAPSHOT_HEAD)
        .from(applicationSnapshots)
        .where(eq(applicationSnapshots.applicationId, sql.placeholder('applicationId')))
        .orderBy(desc(applicationSnapshots.createdAt)),
    ).execute({ applicationId });
  }

  async fingerprint(sha256: string): Promise<FingerprintFacts | undefined> {
    const [row] = await this.db
      .select({
        id: applicationSnapshots.id,
        createdAt: applicationSnapshots.createdAt,
        callName: calls.name,
        acceptanceNo: applications.acceptanceNo,
        finalizedSnapshotId: applications.finalizedSnapshotId,
      })
      .from(applicationSnapshots)
      .innerJoin(applications, eq(applications.id, applicationSnapshots.applicationId))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(eq(applicationSnapshots.sha256, sha256));
    if (!row) return undefined;
    return {
      createdAt: row.createdAt,
      callName: row.callName,
      acceptanceNo: row.acceptanceNo,
      current: row.finalizedSnapshotId === row.id,
    };
  }

  /** Sets (or, with `null`, clears) the application's current 定稿 without touching its form's version. */
  async setCurrent(applicationId: string, snapshotId: string | null): Promise<void> {
    await this.db
      .update(applications)
      .set({ finalizedSnapshotId: snapshotId })
      .where(eq(applications.id, applicationId));
  }
}
