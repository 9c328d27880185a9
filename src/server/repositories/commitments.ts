import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { departmentCommitments, departments, files, users } from '../db/schema.js';

export type NewCommitment = typeof departmentCommitments.$inferInsert;
export type CommitmentRecord = Awaited<ReturnType<CommitmentRepository['history']>>[number];

// 项目主管部门诚信承诺书: the files a department uploaded for a call, newest first.

export class CommitmentRepository {
  constructor(private readonly db: Database) {}

  private records() {
    return this.db
      .select({
        id: departmentCommitments.id,
        callId: departmentCommitments.callId,
        departmentId: departmentCommitments.departmentId,
        departmentName: departments.name,
        fileName: departmentCommitments.fileName,
        fileSha256: departmentCommitments.fileSha256,
        size: files.size,
        uploadedBy: users.displayName,
        uploadedAt: departmentCommitments.uploadedAt,
        supersededAt: departmentCommitments.supersededAt,
      })
      .from(departmentCommitments)
      .innerJoin(departments, eq(departments.id, departmentCommitments.departmentId))
      .innerJoin(files, eq(files.sha256, departmentCommitments.fileSha256))
      .innerJoin(users, eq(users.id, departmentCommitments.uploadedBy));
  }

  history(departmentId: string, callId: string) {
    return this.records()
      .where(
        and(eq(departmentCommitments.departmentId, departmentId), eq(departmentCommitments.callId, callId)),
      )
      .orderBy(desc(departmentCommitments.uploadedAt), desc(departmentCommitments.supersededAt));
  }

  async findById(id: string): Promise<CommitmentRecord | undefined> {
    const [row] = await this.records().where(eq(departmentCommitments.id, id));
    return row;
  }

  /** Every department's current commitment for the call. */
  currentForCall(callId: string) {
    return this.records().where(
      and(eq(departmentCommitments.callId, callId), isNull(departmentCommitments.supersededAt)),
    );
  }

  async hasCurrent(departmentId: string, callId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: departmentCommitments.id })
      .from(departmentCommitments)
      .where(
        and(
          eq(departmentCommitments.departmentId, departmentId),
          eq(departmentCommitments.callId, callId),
          isNull(departmentCommitments.supersededAt),
        ),
      );
    return row !== undefined;
  }

  /** Makes `commitment` the current one, keeping the one it replaces as history. */
  async replaceCurrent(commitment: NewCommitment & { uploadedAt: Date }): Promise<string> {
    await this.db
      .update(departmentCommitments)
      .set({ supersededAt: commitment.uploadedAt })
      .where(
        and(
          eq(departmentCommitments.departmentId, commitment.departmentId),
          eq(departmentCommitments.callId, commitment.callId),
          isNull(departmentCommitments.supersededAt),
        ),
      );
    const [row] = await this.db
      .insert(departmentCommitments)
      .values(commitment)
      .returning({ id: departmentCommitments.id });
    return row!.id;
  }
}
