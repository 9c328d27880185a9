import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { calls } from '../db/schema.js';

export type CallRow = typeof calls.$inferSelect;
export type NewCall = typeof calls.$inferInsert;

export class CallRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<CallRow[]> {
    return this.db.select().from(calls).orderBy(asc(calls.isPractice), asc(calls.id));
  }

  async findById(id: string): Promise<CallRow | undefined> {
    const [row] = await this.db.select().from(calls).where(eq(calls.id, id));
    return row;
  }

  /** Inserts the call, or updates its name and windows when it exists (seeding is idempotent). */
  async upsert(call: NewCall): Promise<CallRow> {
    const [row] = await this.db
      .insert(calls)
      .values(call)
      .onConflictDoUpdate({
        target: calls.id,
        set: {
          name: call.name,
          submissionClosesAt: call.submissionClosesAt,
          recommendationClosesAt: call.recommendationClosesAt,
          paperClosesAt: call.paperClosesAt,
          readOnly: call.readOnly ?? false,
        },
      })
      .returning();
    return row!;
  }
}
