import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  applications,
  crossCheckFindings,
  crossCheckPairs,
  crossCheckRuns,
  departments,
  organizations,
  users,
} from '../db/schema.js';
import { receivedLive } from './applications.js';

export type CrossCheckRun = typeof crossCheckRuns.$inferSelect;
export type NewCrossCheckFinding = typeof crossCheckFindings.$inferInsert;
export type NewCrossCheckPair = typeof crossCheckPairs.$inferInsert;
export type CrossCheckPairRow = typeof crossCheckPairs.$inferSelect;
export type FindingListing = Awaited<ReturnType<CrossCheckRepository['findings']>>['rows'][number];

export interface FindingFilter {
  rule?: string | undefined;
  severity?: 'error' | 'warning' | undefined;
  departmentId?: string | undefined;
  topic?: number | undefined;
  limit: number;
  offset: number;
}

export interface PairFilter {
  minShare?: number | undefined;
  /** `none`: only pairs no rule of the core judged (the report proper). */
  rule?: string | undefined;
  departmentId?: string | undefined;
  limit: number;
  offset: number;
}

export class CrossCheckRepository {
  constructor(private readonly db: Database) {}

  async insertRun(values: typeof crossCheckRuns.$inferInsert): Promise<CrossCheckRun> {
    const [row] = await this.db.insert(crossCheckRuns).values(values).returning();
    return row!;
  }

  async findRun(id: string): Promise<CrossCheckRun | undefined> {
    const [row] = await this.db.select().from(crossCheckRuns).where(eq(crossCheckRuns.id, id));
    return row;
  }

  /** Requests and settlements of one call take turns until the transaction ends. */
  async lockCall(callId: string): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`cross-checks:${callId}`}))`);
  }

  async queuedRun(callId: string): Promise<CrossCheckRun | undefined> {
    const [row] = await this.db
      .select()
      .from(crossCheckRuns)
      .where(and(eq(crossCheckRuns.callId, callId), eq(crossCheckRuns.status, 'queued')))
      .orderBy(asc(crossCheckRuns.requestedAt))
      .limit(1);
    return row;
  }

  recentRuns(callId: string, limit: number): Promise<CrossCheckRun[]> {
    return this.db
      .select()
      .from(crossCheckRuns)
      .where(eq(crossCheckRuns.callId, callId))
      .orderBy(desc(crossCheckRuns.requestedAt), desc(crossCheckRuns.id))
      .limit(limit);
  }

  /** The call's finished run that no later one superseded: the one whose results the province sees. */
  async currentRun(callId: string): Promise<CrossCheckRun | undefined> {
    const [row] = await this.db
      .select()
      .from(crossCheckRuns)
      .where(
        and(
          eq(crossCheckRuns.callId, callId),
          eq(crossCheckRuns.status, 'done'),
          isNull(crossCheckRuns.supersededBy),
        ),
      )
      .orderBy(desc(crossCheckRuns.requestedAt), desc(crossCheckRuns.id))
      .limit(1);
    return row;
  }

  /** Marks failed the running runs whose heartbeat went stale after `maxAttempts` claims: they keep crashing. */
  async failExhausted(staleBefore: Date, maxAttempts: number, now: Date, error: string): Promise<void> {
    await this.db
      .update(crossCheckRuns)
      .set({ status: 'failed', finishedAt: now, error })
      .where(
        and(
          eq(crossCheckRuns.status, 'running'),
          lt(crossCheckRuns.heartbeatAt, staleBefore),
          gte(crossCheckRuns.attempts, maxAttempts),
        ),
      );
  }

  /**
   * Takes the oldest queued run, or a running one whose heartbeat is older than `staleBefore` (its instance is
   * gone), for `instance`. SKIP LOCKED lets instances polling together each take a different run.
   */
  claimNext(instance: string, now: Date, staleBefore: Date): Promise<CrossCheckRun | undefined> {
    return this.db.transaction(async (tx) => {
      const [candidate] = await tx
        .select({ id: crossCheckRuns.id })
        .from(crossCheckRuns)
        .where(
          or(
            eq(crossCheckRuns.status, 'queued'),
            and(eq(crossCheckRuns.status, 'running'), lt(crossCheckRuns.heartbeatAt, staleBefore)),
          ),
        )
        .orderBy(asc(crossCheckRuns.requestedAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!candidate) return undefined;
      const [claimed] = await tx
        .update(crossCheckRuns)
        .set({
          status: 'running',
          claimedBy: instance,
          attempts: sql`${crossCheckRuns.attempts} + 1`,
          startedAt: now,
          heartbeatAt: now,
          phase: null,
          progressDone: 0,
          progressTotal: 0,
          error: null,
        })
        .where(eq(crossCheckRuns.id, candidate.id))
        .returning();
      return claimed;
    });
  }

  /** The run, locked until the transaction ends, if `instance` still holds its claim. */
  async lockClaimed(id: string, instance: string): Promise<CrossCheckRun | undefined> {
    const [row] = await this.db
      .select()
      .from(crossCheckRuns)
      .where(
        and(
          eq(crossCheckRuns.id, id),
          eq(crossCheckRuns.claimedBy, instance),
          eq(crossCheckRuns.status, 'running'),
        ),
      )
      .for('update');
    return row;
  }

  async updateRun(id: string, values: Partial<typeof crossCheckRuns.$inferInsert>): Promise<void> {
    await this.db.update(crossCheckRuns).set(values).where(eq(crossCheckRuns.id, id));
  }

  /** Gives a claimed run back to the queue (its instance is shutting down), if the claim is still its own. */
  async release(id: string, instance: string): Promise<void> {
    await this.db
      .update(crossCheckRuns)
      .set({ status: 'queued', claimedBy: null, heartbeatAt: null, phase: null, progressDone: 0 })
      .where(
        and(
          eq(crossCheckRuns.id, id),
          eq(crossCheckRuns.claimedBy, instance),
          eq(crossCheckRuns.status, 'running'),
        ),
      );
  }

  /** Removes what an earlier attempt of the run wrote. */
  async clearResults(runIds: string[]): Promise<void> {
    await this.db.delete(crossCheckFindings).where(inArray(crossCheckFindings.runId, runIds));
    await this.db.delete(crossCheckPairs).where(inArray(crossCheckPairs.runId, runIds));
  }

  async insertFindings(rows: NewCrossCheckFinding[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(crossCheckFindings).values(rows);
  }

  async insertPairs(rows: NewCrossCheckPair[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(crossCheckPairs).values(rows);
  }

  /**
   * Once a run is done, the call's latest requested finished run is current; every other finished run is
   * superseded by it and its results dropped (a slow earlier request finishing last supersedes nothing).
   */
  async settleCurrent(callId: string): Promise<void> {
    await this.lockCall(callId);
    const [latest] = await this.db
      .select({ id: crossCheckRuns.id })
      .from(crossCheckRuns)
      .where(and(eq(crossCheckRuns.callId, callId), eq(crossCheckRuns.status, 'done')))
      .orderBy(desc(crossCheckRuns.requestedAt), desc(crossCheckRuns.id))
      .limit(1);
    if (!latest) return;
    const dropped = await this.db
      .update(crossCheckRuns)
      .set({ supersededBy: latest.id })
      .where(
        and(
          eq(crossCheckRuns.callId, callId),
          eq(crossCheckRuns.status, 'done'),
          isNull(crossCheckRuns.supersededBy),
          ne(crossCheckRuns.id, latest.id),
        ),
      )
      .returning({ id: crossCheckRuns.id });
    if (dropped.length > 0) await this.clearResults(dropped.map((r) => r.id));
  }

  async findings(runId: string, filter: FindingFilter) {
    const where = and(
      eq(crossCheckFindings.runId, runId),
      filter.rule ? eq(crossCheckFindings.rule, filter.rule) : undefined,
      filter.severity ? eq(crossCheckFindings.severity, filter.severity) : undefined,
      filter.departmentId ? eq(crossCheckFindings.departmentId, filter.departmentId) : undefined,
      filter.topic ? eq(crossCheckFindings.topic, filter.topic) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      this.db
        .select({
          id: crossCheckFindings.id,
          applicationId: crossCheckFindings.applicationId,
          departmentId: crossCheckFindings.departmentId,
          departmentName: departments.name,
          topic: crossCheckFindings.topic,
          rule: crossCheckFindings.rule,
          severity: crossCheckFindings.severity,
          clause: crossCheckFindings.clause,
          message: crossCheckFindings.message,
          field: crossCheckFindings.field,
          acceptanceNo: applications.acceptanceNo,
          title: sql<string | null>`${applications.form} ->> 'title'`,
          applicantName: organizations.name,
        })
        .from(crossCheckFindings)
        .innerJoin(departments, eq(departments.id, crossCheckFindings.departmentId))
        .leftJoin(applications, eq(applications.id, crossCheckFindings.applicationId))
        .leftJoin(organizations, eq(organizations.id, applications.organizationId))
        .where(where)
        .orderBy(
          asc(crossCheckFindings.severity),
          asc(departments.name),
          asc(applications.acceptanceNo),
          asc(crossCheckFindings.rule),
          asc(crossCheckFindings.id),
        )
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.select({ n: count() }).from(crossCheckFindings).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  }

  /** How many findings each rule gave in the run, by severity: what the filters offer. */
  ruleCounts(runId: string) {
    return this.db
      .select({ rule: crossCheckFindings.rule, severity: crossCheckFindings.severity, n: count() })
      .from(crossCheckFindings)
      .where(eq(crossCheckFindings.runId, runId))
      .groupBy(crossCheckFindings.rule, crossCheckFindings.severity)
      .orderBy(asc(crossCheckFindings.rule));
  }

  async pairs(runId: string, filter: PairFilter): Promise<{ rows: CrossCheckPairRow[]; total: number }> {
    const conditions: (SQL | undefined)[] = [eq(crossCheckPairs.runId, runId)];
    if (filter.minShare !== undefined) conditions.push(gte(crossCheckPairs.share, filter.minShare));
    if (filter.rule === 'none') conditions.push(isNull(crossCheckPairs.rule));
    else if (filter.rule) conditions.push(eq(crossCheckPairs.rule, filter.rule));
    if (filter.departmentId) {
      conditions.push(
        or(
          sql`${crossCheckPairs.a} ->> 'departmentId' = ${filter.departmentId}`,
          sql`${crossCheckPairs.b} ->> 'departmentId' = ${filter.departmentId}`,
        ),
      );
    }
    const where = and(...conditions);
    const [rows, [total]] = await Promise.all([
      this.db
        .select()
        .from(crossCheckPairs)
        .where(where)
        .orderBy(desc(crossCheckPairs.share), asc(crossCheckPairs.id))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.select({ n: count() }).from(crossCheckPairs).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  }

  async pair(id: string): Promise<CrossCheckPairRow | undefined> {
    const [row] = await this.db.select().from(crossCheckPairs).where(eq(crossCheckPairs.id, id));
    return row;
  }

  displayNames(userIds: string[]): Promise<{ id: string; displayName: string }[]> {
    return userIds.length === 0
      ? Promise.resolve([])
      : this.db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, userIds));
  }

  /**
   * Ids of the call's applications its departments received and that were not withdrawn (`receivedLive`);
   * `among` narrows them to those ids.
   */
  async receivedApplications(callId: string, among?: string[]): Promise<string[]> {
    if (among?.length === 0) return [];
    const rows = await this.db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.callId, callId), receivedLive, among && inArray(applications.id, among)));
    return rows.map((r) => r.id);
  }

  acceptanceNumbers(applicationIds: string[]): Promise<{ id: string; acceptanceNo: string | null }[]> {
    return applicationIds.length === 0
      ? Promise.resolve([])
      : this.db
          .select({ id: applications.id, acceptanceNo: applications.acceptanceNo })
          .from(applications)
          .where(inArray(applications.id, applicationIds));
  }
}
