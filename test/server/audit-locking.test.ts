import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/server/audit/chain.js';
import { departments } from '../../src/server/db/schema.js';
import type { AuditRecord } from '../../src/server/repositories/audit.js';
import { inTransaction, repositories } from '../../src/server/repositories/index.js';
import { useTestApp } from '../support/harness.js';

// When a transaction's audit entries are written, and why: the audit lock is held until commit, so it must be
// the last lock a transaction takes (repositories/audit.ts).

const t = useTestApp();
const postgres = process.env.DATABASE_URL;

const record = (action: string): AuditRecord => ({
  at: t.clock.now(),
  actorUserId: null,
  action,
  entityType: 'test',
  entityId: action,
});

const actions = async () =>
  (await repositories(t.db).audit.list({ entityType: 'test', limit: 100 })).map((e) => e.action).reverse();

describe('审计日志在事务结束时写入', () => {
  it('事务中的记录按顺序在工作完成后写入；事务回滚则一条不留', async () => {
    await inTransaction(t.db, async (repos) => {
      await repos.audit.append(record('first'));
      await repos.audit.append(record('second'));
      // Not yet written: held until the work is done.
      expect(await repos.audit.list({ entityType: 'test', limit: 10 })).toEqual([]);
    });
    await expect(
      inTransaction(t.db, async (repos) => {
        await repos.audit.append(record('rolled-back'));
        throw new Error('放弃');
      }),
    ).rejects.toThrow('放弃');
    expect(await actions()).toEqual(['first', 'second']);
    expect(await verifyChain(repositories(t.db).audit.all())).toMatchObject({ intact: true });
  });

  // Without the deferral this is a deadlock: the work holds the audit lock and waits for the row, the other
  // transaction holds the row and waits for the audit lock; PostgreSQL aborts one of them.
  it.skipIf(!postgres)(
    '先记审计再等行锁的事务，与持有该行、随后记审计的事务同时进行：两者都完成，不死锁（须 PostgreSQL）',
    async () => {
      const [department] = await t.db.select().from(departments).limit(1);
      const rowOf = eq(departments.id, department!.id);
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      let proceed!: () => void;
      const blocked = new Promise<void>((resolve) => (proceed = resolve));

      const other = t.db.transaction(async (tx) => {
        await tx.select().from(departments).where(rowOf).for('update');
        holding();
        await blocked;
        await repositories(tx).audit.append(record('row-holder'));
      });
      await held;
      const work = inTransaction(t.db, async (repos) => {
        await repos.audit.append(record('auditor'));
        await repos.review.lockDepartment(department!.id);
      });
      // Until the work waits for the row: then the other transaction goes on to its audit entry.
      await expect
        .poll(async () => {
          const waiting = await t.db.execute(
            sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
          );
          return (waiting as unknown as { rows: [{ n: number }] }).rows[0].n;
        })
        .toBe(1);
      proceed();

      await Promise.all([other, work]);
      expect((await actions()).slice(-2)).toEqual(['row-holder', 'auditor']);
      expect(await verifyChain(repositories(t.db).audit.all())).toMatchObject({ intact: true });
    },
  );
});
