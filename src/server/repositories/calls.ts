import { asc, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { CallDocument } from '../../core/calls/schema.js';
import type { Database } from '../db/database.js';
import { applications, callStates, callVersions, calls, type CallSnapshot, users } from '../db/schema.js';
import type { CallChange, CallStatus } from '../../contract/vocabulary.js';
import { selectionFromJson, selectionSql } from './json-rows.js';
import { prepared } from './prepared.js';

/**
 * A call as it stands, with its status (a call without a `call_states` row is open: the seeded calls) and its
 * newest version number (0 while it has never been changed).
 */
export type CallRow = typeof calls.$inferSelect & { status: CallStatus; version: number };
export type NewCall = typeof calls.$inferInsert;
export type CallVersionRow = typeof callVersions.$inferSelect;
export type { CallChange, CallSnapshot, CallStatus };

/** What the `calls` row copies from a document: its name and closing times, indexed. */
export function columnsOf(document: CallDocument) {
  return {
    document,
    name: document.name,
    submissionClosesAt: new Date(document.deadlines.submission.value),
    recommendationClosesAt: new Date(document.deadlines.recommendation.value),
    paperClosesAt: new Date(document.deadlines.paper.value),
  };
}

const withStatus = {
  ...getTableColumns(calls),
  status: sql<CallStatus>`coalesce(${callStates.status}, 'open')`,
  version: sql<number>`(select coalesce(max(${callVersions.version}), 0)::int from ${callVersions} where ${callVersions.callId} = ${calls.id})`,
};

/** The call whose id `id` (an SQL expression) gives, as the JSON object `callFromJson` reads; `null` if none. */
export const callJson = (id: SQL) => sql`(
  select row_to_json(c) from (
    select ${selectionSql(withStatus)} from ${calls} left join ${callStates} on ${callStates.callId} = ${calls.id}
    where ${calls.id} = ${id}) c)`;

export const callFromJson = (json: Record<string, unknown>) => selectionFromJson<CallRow>(withStatus, json);

export class CallRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<CallRow[]> {
    return this.db
      .select(withStatus)
      .from(calls)
      .leftJoin(callStates, eq(callStates.callId, calls.id))
      .orderBy(asc(calls.isPractice), asc(calls.id));
  }

  async findById(id: string): Promise<CallRow | undefined> {
    const [row] = await prepared(this.db, 'call_by_id', () =>
      this.db
        .select(withStatus)
        .from(calls)
        .leftJoin(callStates, eq(callStates.callId, calls.id))
        .where(eq(calls.id, sql.placeholder('id'))),
    ).execute({ id });
    return row;
  }

  /** The call under a row lock, so that changes to one call take turns and number their versions densely. */
  async lock(id: string): Promise<CallRow | undefined> {
    await this.db.select({ id: calls.id }).from(calls).where(eq(calls.id, id)).for('update');
    return this.findById(id);
  }

  /** Inserts the call, or updates its name and windows when it exists (seeding is idempotent). */
  async upsert(call: NewCall): Promise<typeof calls.$inferSelect> {
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

  /** A new call; false when the id is taken. */
  async insert(call: NewCall, status: CallStatus): Promise<boolean> {
    const inserted = await this.db
      .insert(calls)
      .values(call)
      .onConflictDoNothing({ target: calls.id })
      .returning({ id: calls.id });
    if (inserted.length === 0) return false;
    await this.setStatus(call.id, status);
    return true;
  }

  async setStatus(callId: string, status: CallStatus): Promise<void> {
    await this.db
      .insert(callStates)
      .values({ callId, status })
      .onConflictDoUpdate({ target: callStates.callId, set: { status } });
  }

  async setDeadlines(
    callId: string,
    deadlines: Pick<NewCall, 'submissionClosesAt' | 'recommendationClosesAt' | 'paperClosesAt'>,
  ): Promise<void> {
    await this.db.update(calls).set(deadlines).where(eq(calls.id, callId));
  }

  /** The call's document and its indexed copies: name and the three closing times. */
  async setDocument(callId: string, document: CallDocument): Promise<void> {
    await this.db.update(calls).set(columnsOf(document)).where(eq(calls.id, callId));
  }

  /** Whether any application, of whatever status, names the call. */
  async inUse(callId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.callId, callId))
      .limit(1);
    return row !== undefined;
  }

  /** Removes a call that no application names, with its versions and status. */
  async delete(callId: string): Promise<void> {
    await this.db.delete(callVersions).where(eq(callVersions.callId, callId));
    await this.db.delete(callStates).where(eq(callStates.callId, callId));
    await this.db.delete(calls).where(eq(calls.id, callId));
  }

  async insertVersion(version: typeof callVersions.$inferInsert): Promise<void> {
    await this.db.insert(callVersions).values(version);
  }

  /** Newest first, with who made each. */
  versions(callId: string): Promise<(CallVersionRow & { actorName: string | null })[]> {
    return this.db
      .select({ ...getTableColumns(callVersions), actorName: users.displayName })
      .from(callVersions)
      .leftJoin(users, eq(users.id, callVersions.actorUserId))
      .where(eq(callVersions.callId, callId))
      .orderBy(desc(callVersions.version));
  }
}
