import { and, asc, desc, eq, gt, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { bodyBeforeSeq, GENESIS_HASH, type AuditEntry } from '../audit/chain.js';
import type { Database } from '../db/database.js';
import {
  announcements,
  applications,
  auditLog,
  calls,
  departments,
  experts,
  organizations,
  people,
  users,
} from '../db/schema.js';

// Any constant will do, as long as every instance of the app uses the same one.
const AUDIT_LOCK_ID = 7_326_100_027;

export interface AuditRecord {
  at: Date;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** A record an entry is about or points at, by its entity type (`application`, `call` …) and id. */
export interface EntityRef {
  type: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  /** Entries before this seq (paging backwards from the newest). */
  beforeSeq?: number;
  limit: number;
}

/** The records of each transaction `deferringAudit` runs, written together when its work is done. */
const deferred = new WeakMap<Database, AuditRecord[]>();

/**
 * Runs `work` in the transaction `tx`, holding back its audit records until the work is done, then appends
 * them. The audit lock, held until commit, is so the last lock the transaction takes: one that audited early
 * and then waited for a row another transaction held while that one waited for the audit lock would deadlock.
 */
export async function deferringAudit<T>(tx: Database, work: () => Promise<T>): Promise<T> {
  const records: AuditRecord[] = [];
  deferred.set(tx, records);
  try {
    const result = await work();
    if (records.length > 0) await appendEntries(tx, records);
    return result;
  } finally {
    deferred.delete(tx);
  }
}

/**
 * Appends in `tx`: the lock makes appends take turns until commit, so seq has no gaps and every entry chains
 * to the one committed before it.
 */
async function appendEntries(tx: Database, records: AuditRecord[]): Promise<void> {
  await new AuditRepository(tx).lock();
  for (const record of records) await tx.execute(auditInsert(record));
}

/** Takes the log's lock, held until commit: appends of other transactions wait for it. */
export const AUDIT_LOCK = sql`pg_advisory_xact_lock(${AUDIT_LOCK_ID})`;

/**
 * The statement that appends `record`, numbered and hashed as it is inserted, to run (alone or in a CTE) in a
 * statement begun after `AUDIT_LOCK` was taken: it reads the last entry, and such a statement sees what the
 * lock's previous holder committed.
 */
export function auditInsert(record: AuditRecord): SQL {
  const before = record.before ?? null;
  const after = record.after ?? null;
  const prefix = bodyBeforeSeq({ ...record, before, after });
  return sql`
    insert into ${auditLog} (seq, at, actor_user_id, action, entity_type, entity_id, before, after, prev_hash, hash)
    select last.seq + 1, ${record.at.toISOString()}::timestamptz, ${record.actorUserId}::uuid, ${record.action},
           ${record.entityType}, ${record.entityId}, ${before === null ? null : JSON.stringify(before)}::jsonb,
           ${after === null ? null : JSON.stringify(after)}::jsonb, last.hash,
           encode(sha256(convert_to(last.hash || chr(10) || ${prefix} || (last.seq + 1)::text || '}', 'UTF8')), 'hex')
    from (
      select m.seq, coalesce(a.hash, ${GENESIS_HASH}) as hash
      from (select coalesce(max(seq), 0) as seq from ${auditLog}) m
      left join ${auditLog} a on a.seq = m.seq
    ) last`;
}

export class AuditRepository {
  constructor(private readonly db: Database) {}

  /** The log's lock, held to commit; an entry is then appended by a statement of `auditInsert`. */
  async lock(): Promise<void> {
    await this.db.execute(sql`select ${AUDIT_LOCK}`);
  }

  /** In a transaction `deferringAudit` runs, when its work is done; otherwise at once, in its own. */
  async append(record: AuditRecord): Promise<void> {
    const held = deferred.get(this.db);
    if (held) held.push(record);
    else await this.db.transaction((tx) => appendEntries(tx, [record]));
  }

  /** The newest entry's seq, 0 when the log is empty. */
  async headSeq(): Promise<number> {
    const [last] = await this.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return last?.seq ?? 0;
  }

  list(filter: AuditFilter): Promise<AuditEntry[]> {
    const where: SQL[] = [];
    if (filter.action) where.push(eq(auditLog.action, filter.action));
    if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
    if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
    if (filter.actorUserId) where.push(eq(auditLog.actorUserId, filter.actorUserId));
    if (filter.from) where.push(gte(auditLog.at, filter.from));
    if (filter.to) where.push(lt(auditLog.at, filter.to));
    if (filter.beforeSeq) where.push(lt(auditLog.seq, filter.beforeSeq));
    return this.db
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.seq))
      .limit(filter.limit);
  }

  /** Every entry after `after` in seq order, read in pages so that a long log never sits in memory whole. */
  async *all(pageSize = 1000, from = 0): AsyncGenerator<AuditEntry> {
    let after = from;
    for (;;) {
      const page = await this.db
        .select()
        .from(auditLog)
        .where(gt(auditLog.seq, after))
        .orderBy(asc(auditLog.seq))
        .limit(pageSize);
      yield* page;
      if (page.length < pageSize) return;
      after = page.at(-1)!.seq;
    }
  }

  /**
   * The names people know the records by, keyed `type:id`: an application by its title and acceptance number,
   * the others by their name. Records no longer there are simply absent.
   */
  async names(refs: readonly EntityRef[]): Promise<Map<string, string>> {
    const ids = (type: string) => [
      ...new Set(refs.filter((r) => r.type === type && UUID.test(r.id)).map((r) => r.id)),
    ];
    const names = new Map<string, string>();
    const put = (type: string, rows: { id: string; name: string }[]) => {
      for (const row of rows) names.set(`${type}:${row.id}`, row.name);
    };
    const lookup = async (
      type: string,
      wanted: string[],
      fetch: (wanted: string[]) => Promise<{ id: string; name: string }[]>,
    ) => {
      if (wanted.length > 0) put(type, await fetch(wanted));
    };
    const byName = (
      type: string,
      table: typeof departments | typeof organizations | typeof people | typeof experts,
    ) =>
      lookup(type, ids(type), (wanted) =>
        this.db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, wanted)),
      );
    await byName('department', departments);
    await byName('organization', organizations);
    await byName('person', people);
    await byName('expert', experts);
    await lookup('user', ids('user'), (wanted) =>
      this.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted)),
    );
    await lookup('announcement', ids('announcement'), (wanted) =>
      this.db
        .select({ id: announcements.id, name: announcements.title })
        .from(announcements)
        .where(inArray(announcements.id, wanted)),
    );
    // Calls are named by code, not UUID.
    await lookup('call', [...new Set(refs.filter((r) => r.type === 'call').map((r) => r.id))], (wanted) =>
      this.db.select({ id: calls.id, name: calls.name }).from(calls).where(inArray(calls.id, wanted)),
    );
    const applicationIds = ids('application');
    if (applicationIds.length > 0) {
      const rows = await this.db
        .select({
          id: applications.id,
          title: sql<string | null>`${applications.form}->>'title'`,
          no: applications.acceptanceNo,
        })
        .from(applications)
        .where(inArray(applications.id, applicationIds));
      put(
        'application',
        rows.map((r) => ({
          id: r.id,
          name: `《${r.title || '未填写项目名称'}》${r.no ? `（${r.no}）` : ''}`,
        })),
      );
    }
    return names;
  }
}
