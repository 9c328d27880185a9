import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { avoidedExperts } from '../db/schema.js';

export type AvoidedExpertRow = typeof avoidedExperts.$inferSelect;

// 回避专家 as the applicant named them; read by expert review to build conflicts.

export class AvoidedExpertRepository {
  constructor(private readonly db: Database) {}

  list(applicationIds: string[]): Promise<AvoidedExpertRow[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(avoidedExperts)
      .where(inArray(avoidedExperts.applicationId, applicationIds))
      .orderBy(asc(avoidedExperts.createdAt), asc(avoidedExperts.id));
  }

  async count(applicationId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(avoidedExperts)
      .where(eq(avoidedExperts.applicationId, applicationId));
    return row?.n ?? 0;
  }

  async insert(row: typeof avoidedExperts.$inferInsert): Promise<AvoidedExpertRow> {
    const [inserted] = await this.db.insert(avoidedExperts).values(row).returning();
    return inserted!;
  }

  async delete(applicationId: string, id: string): Promise<AvoidedExpertRow | undefined> {
    const [deleted] = await this.db
      .delete(avoidedExperts)
      .where(and(eq(avoidedExperts.applicationId, applicationId), eq(avoidedExperts.id, id)))
      .returning();
    return deleted;
  }
}
