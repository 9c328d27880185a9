import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/server/audit/chain.js';
import { repositories } from '../../src/server/repositories/index.js';
import { useTestApp } from '../support/harness.js';
import { tamper } from '../support/audit-tampering.js';

const t = useTestApp();

async function appendThree() {
  const audit = repositories(t.db).audit;
  for (const [i, action] of ['call.opened', 'call.closed', 'call.reopened'].entries()) {
    await audit.append({
      at: new Date(Date.UTC(2026, 10, 24, 1, i)),
      actorUserId: null,
      action,
      entityType: 'call',
      entityId: 'JS-INTL-2026',
      before: i === 0 ? null : { open: i % 2 === 0 },
      after: { open: i % 2 === 1, note: '窗口调整' },
    });
  }
}

describe('audit log hash chain', () => {
  // Each test starts from an empty log of its own making: the others break theirs on purpose.
  beforeEach(async () => {
    await tamper(t.db, sql`delete from audit_log`);
  });

  it('an untouched log verifies, entry by entry in seq order', async () => {
    await appendThree();
    const verdict = await verifyChain(repositories(t.db).audit.all(2));
    expect(verdict).toMatchObject({ intact: true });
    expect(verdict.entries).toBeGreaterThanOrEqual(3);
  });

  it('an edited entry breaks the chain at that entry', async () => {
    await appendThree();
    const [last] = await repositories(t.db).audit.list({ limit: 1 });
    await tamper(t.db, sql`update audit_log set after = '{"open": true}'::jsonb where seq = ${last!.seq}`);
    const verdict = await verifyChain(repositories(t.db).audit.all());
    expect(verdict).toMatchObject({ intact: false, brokenAt: last!.seq });
  });

  it('a removed entry shows as a gap', async () => {
    await tamper(t.db, sql`delete from audit_log`);
    await appendThree();
    await tamper(t.db, sql`delete from audit_log where seq = 2`);
    const verdict = await verifyChain(repositories(t.db).audit.all());
    expect(verdict).toMatchObject({ intact: false, brokenAt: 3 });
    if (!verdict.intact) expect(verdict.reason).toContain('缺少第 2 条');
  });
});
