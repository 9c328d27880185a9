import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/server/db/database.js';
import { AuditRepository } from '../../src/server/repositories/audit.js';
import { runCli } from '../support/cli.js';

// `shenbao audit verify` against a PGlite data directory as the server leaves it under DATA_DIR.

const SETUP_TIMEOUT_MS = 60_000;
let dataDir: string;

async function withDatabase<T>(work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const database = openDatabase({ databaseUrl: undefined, dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shenbao-audit-'));
  const database = openDatabase({ databaseUrl: undefined, dataDir });
  await database.migrate();
  const audit = new AuditRepository(database.db);
  for (const [i, status] of ['draft', 'submitted', 'recommended'].entries()) {
    await audit.append({
      at: new Date(Date.UTC(2026, 4, 10, 2, i)),
      actorUserId: null,
      action: 'application.status-changed',
      entityType: 'application',
      entityId: 'a1',
      before: i === 0 ? null : { status: ['draft', 'submitted'][i - 1] },
      after: { status },
    });
  }
  await database.close();
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

const verify = (env: Record<string, string>) => {
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('DATA_DIR', dataDir);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return runCli(['audit', 'verify']);
};

describe('shenbao audit verify', () => {
  it('链条完整：输出条数和链尾哈希，退出码 0', async () => {
    const head = await withDatabase(async (db) => (await new AuditRepository(db).list({ limit: 1 }))[0]!);
    const run = await verify({});
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`审计日志完整：3 条记录，链尾哈希 ${head.hash}\n`);
    expect(run.code).toBe(0);
  });

  it('有人用 SQL 改了一条记录：指出第一处断开的序号和原因，退出码 1', async () => {
    await withDatabase((db) =>
      db.execute(sql`update audit_log set after = '{"status": "not-recommended"}'::jsonb where seq = 2`),
    );
    const run = await verify({});
    expect(run.stdout).toBe(
      '审计日志在第 2 条记录处断开：记录内容与其哈希不一致（内容被改动）（此前 1 条完整）\n',
    );
    expect(run.code).toBe(1);
  });

  it('环境变量有误、数据库不存在或用法有误：中文说明，退出码 2', async () => {
    const badUrl = await verify({ DATABASE_URL: 'mysql://localhost/shenbao' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('环境变量 DATABASE_URL 无效');

    const missing = await verify({ DATA_DIR: join(dataDir, 'nowhere') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到数据库');

    const usage = await runCli(['audit']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('用法：shenbao audit verify');
  });
});
