import { and, asc, desc, eq, gt, gte, lt, type SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { entryHash, GENESIS_HASH, type AuditEntry } from '../audit/chain.js';
import type { Database } from '../db/database.js';
import { auditLog } from '../db/schema.js';

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

export class AuditRepository {
  constructor(private readonly db: Database) {}

  /**
   * Appends in the caller's transaction (or its own): the lock makes appends take turns until commit, so
   * seq has no gaps and every entry chains to the one committed before it.
   */
  async append(record: AuditRecord): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_ID})`);
      const [last] = await tx
        .select({ seq: auditLog.seq, hash: auditLog.hash })
        .from(auditLog)
        .orderBy(desc(auditLog.seq))
        .limit(1);
      const content = {
        seq: (last?.seq ?? 0) + 1,
        at: record.at,
        actorUserId: record.actorUserId,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        before: record.before ?? null,
        after: record.after ?? null,
      };
      const prevHash = last?.hash ?? GENESIS_HASH;
      await tx.insert(auditLog).values({ ...content, prevHash, hash: entryHash(prevHash, content) });
    });
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

  /** Every entry in seq order, read in pages so that a long log never sits in memory whole. */
  async *all(pageSize = 1000): AsyncGenerator<AuditEntry> {
    let after = 0;
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
}
