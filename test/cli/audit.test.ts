import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditAnchor } from '../../src/server/audit/anchor.js';
import { CheckpointStore } from '../../src/server/audit/checkpoints.js';
import { systemClock } from '../../src/server/clock.js';
import { openDatabase } from '../../src/server/db/database.js';
import { AuditRepository } from '../../src/server/repositories/audit.js';
import { runCli } from '../support/cli.js';
import { tamper } from '../support/audit-tampering.js';

// `shenbao audit verify` against a PGlite data directory as the server leaves it under DATA_DIR.

const SETUP_TIMEOUT_MS = 60_000;
let dataDir: string;

async function withDatabase<T>(
  dir: string,
  work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>,
): Promise<T> {
  const database = openDatabase({ databaseUrl: undefined, dataDir: dir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** A data directory whose audit log holds three entries of one application's status. */
async function loggedDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shenbao-audit-'));
  const database = openDatabase({ databaseUrl: undefined, dataDir: dir });
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
  return dir;
}

beforeAll(async () => {
  dataDir = await loggedDataDir();
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

/** Each run sees only the variables it names (and DATABASE_URL unset), whatever ran before it. */
const verify = (env: Record<string, string>) => {
  vi.unstubAllEnvs();
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('DATA_DIR', dataDir);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return runCli(['audit', 'verify']);
};

describe('shenbao audit verify', () => {
  it('链条完整：输出条数和链尾哈希，退出码 0', async () => {
    const head = await withDatabase(
      dataDir,
      async (db) => (await new AuditRepository(db).list({ limit: 1 }))[0]!,
    );
    const run = await verify({});
    expect(run.stderr).toContain('尚无签名检查点，只校验了哈希链本身');
    expect(run.stdout).toBe(`审计日志完整：3 条记录，链尾哈希 ${head.hash}\n`);
    expect(run.code).toBe(0);
  });

  it('有人用 SQL 改了一条记录：指出第一处断开的序号和原因，退出码 1', async () => {
    // A log of its own: the other tests read the intact one.
    const tampered = await loggedDataDir();
    await withDatabase(tampered, (db) =>
      tamper(db, sql`update audit_log set after = '{"status": "not-recommended"}'::jsonb where seq = 2`),
    );
    const run = await verify({ DATA_DIR: tampered });
    await rm(tampered, { recursive: true, force: true });
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

describe('shenbao audit verify 对照签名检查点', () => {
  let anchored: { dir: string; env: Record<string, string> };
  beforeAll(async () => {
    anchored = await anchoredDataDir();
  }, SETUP_TIMEOUT_MS);

  async function anchoredDataDir() {
    const dir = await mkdtemp(join(tmpdir(), 'shenbao-anchored-'));
    const keyFile = join(await mkdtemp(join(tmpdir(), 'shenbao-key-')), 'audit.pem');
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await writeFile(keyFile, key);
    const database = openDatabase({ databaseUrl: undefined, dataDir: dir });
    await database.migrate();
    const audit = new AuditRepository(database.db);
    for (let i = 1; i <= 3; i++) {
      await audit.append({
        at: new Date(),
        actorUserId: null,
        action: 'call.opened',
        entityType: 'call',
        entityId: `C${i}`,
      });
    }
    await new AuditAnchor(
      audit,
      new CheckpointStore(join(dir, 'audit-checkpoints')),
      key,
      systemClock,
    ).anchor();
    await database.close();
    return { dir, env: { DATA_DIR: dir, AUDIT_SIGNING_KEY_FILE: keyFile } };
  }

  it('与检查点一致：退出码 0；最新两条被删去：指出截断处，退出码 1', async () => {
    const { dir, env } = anchored;
    const intact = await verify(env);
    expect(intact.stdout).toContain('与 1 个签名检查点一致（已锚定至第 3 条）');
    expect(intact.code).toBe(0);

    const database = openDatabase({ databaseUrl: undefined, dataDir: dir });
    await tamper(database.db, sql`delete from audit_log where seq >= 2`);
    await database.close();
    const truncated = await verify(env);
    expect(truncated.stdout).toBe(
      '审计日志自第 2 条记录起有问题：审计日志被截断：签名检查点记录到第 3 条，数据库中只到第 1 条\n',
    );
    expect(truncated.code).toBe(1);
  });

  it('有检查点却找不到公钥：退出码 2', async () => {
    const { env } = anchored;
    const run = await verify({ ...env, AUDIT_SIGNING_KEY_FILE: join(tmpdir(), `missing-${Date.now()}.pem`) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到核验检查点的公钥');
  });
});
