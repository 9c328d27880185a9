import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditAnchor } from '../../src/server/audit/anchor.js';
import { entryHash, GENESIS_HASH, verifyChain } from '../../src/server/audit/chain.js';
import { CheckpointStore, verifyAgainstCheckpoints } from '../../src/server/audit/checkpoints.js';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { grantServingRole, openPostgres } from '../../src/server/db/database.js';
import { repositories } from '../../src/server/repositories/index.js';
import { tamper } from '../support/audit-tampering.js';
import { inject, useTestApp } from '../support/harness.js';
import { temporaryDatabase } from '../support/temporary-database.js';

const t = useTestApp();

const signingKey = () =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** An anchor writing to a folder of its own, and `count` entries appended to the log. */
async function anchoredLog(count: number) {
  const audit = repositories(t.db).audit;
  const store = new CheckpointStore(await mkdtemp(join(tmpdir(), 'shenbao-checkpoints-')));
  const anchor = new AuditAnchor(audit, store, signingKey(), t.clock);
  await anchor.anchor();
  const before = await audit.headSeq();
  for (let i = 0; i < count; i++) {
    await audit.append({
      at: t.clock.now(),
      actorUserId: null,
      action: 'call.deadlines-changed',
      entityType: 'call',
      entityId: `CALL-${randomUUID()}`,
      after: { step: i },
    });
  }
  return { audit, store, anchor, first: before + 1, last: before + count };
}

const verdict = async (store: CheckpointStore, anchor: AuditAnchor) =>
  verifyAgainstCheckpoints(repositories(t.db).audit.all(), await store.list(), anchor.publicKeyPem);

describe('审计日志只能追加', () => {
  beforeEach(async () => {
    await repositories(t.db).audit.append({
      at: t.clock.now(),
      actorUserId: null,
      action: 'call.opened',
      entityType: 'call',
      entityId: 'X',
    });
  });

  it.each([
    ['UPDATE', sql`update audit_log set action = 'x'`],
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('%s 被数据库拒绝', async (_op, statement) => {
    const refusal = await t.db.execute(statement).then(
      () => 'accepted',
      (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
    );
    expect(refusal).toContain('audit_log is append-only');
    expect(await repositories(t.db).audit.headSeq()).toBeGreaterThan(0);
  });
});

describe('签名检查点', () => {
  it('追加后写出签名检查点；没有新记录时不再写', async () => {
    const { store, anchor, first, last } = await anchoredLog(3);
    const checkpoint = await anchor.anchor();
    expect(checkpoint).toMatchObject({ seq: last, fromSeq: first });
    expect(checkpoint!.hashes).toHaveLength(3);
    expect(await anchor.anchor()).toBeUndefined();
    expect(await verdict(store, anchor)).toMatchObject({ anchored: true, anchoredSeq: last });
  });

  it('改写一条记录并重算此后所有哈希：哈希链本身仍然自洽，检查点指出第一条被改写的记录', async () => {
    const { store, anchor, first, last } = await anchoredLog(4);
    await anchor.anchor();
    const rewritten = first + 1;
    // The attacker rewrites one entry and every hash after it, so that the chain alone still verifies.
    await tamper(t.db, sql`update audit_log set after = '{"step": 99}'::jsonb where seq = ${rewritten}`);
    const [before] = await repositories(t.db).audit.list({ beforeSeq: rewritten, limit: 1 });
    let prevHash = before?.hash ?? GENESIS_HASH;
    for (let seq = rewritten; seq <= last; seq++) {
      const [entry] = await repositories(t.db).audit.list({ beforeSeq: seq + 1, limit: 1 });
      const hash = entryHash(prevHash, entry!);
      await tamper(
        t.db,
        sql`update audit_log set prev_hash = ${prevHash}, hash = ${hash} where seq = ${seq}`,
      );
      prevHash = hash;
    }
    expect(await verifyChain(repositories(t.db).audit.all())).toMatchObject({ intact: true });
    expect(await verdict(store, anchor)).toMatchObject({
      anchored: false,
      firstBadSeq: rewritten,
      reason: expect.stringContaining('与签名检查点不一致'),
    });
  });

  it('删去最新的记录：指出截断，从第一条缺失的记录起', async () => {
    const { store, anchor, first, last } = await anchoredLog(3);
    await anchor.anchor();
    await tamper(t.db, sql`delete from audit_log where seq >= ${first + 1}`);
    expect(await verifyChain(repositories(t.db).audit.all())).toMatchObject({ intact: true });
    expect(await verdict(store, anchor)).toMatchObject({
      anchored: false,
      firstBadSeq: first + 1,
      reason: expect.stringContaining(`签名检查点记录到第 ${last} 条`),
    });
  });

  it('改动检查点本身：签名不符', async () => {
    const { store, anchor } = await anchoredLog(2);
    const checkpoint = (await anchor.anchor())!;
    const forged = new CheckpointStore(await mkdtemp(join(tmpdir(), 'shenbao-forged-')));
    await forged.write({ ...checkpoint, hashes: checkpoint.hashes.map(() => 'f'.repeat(64)) });
    expect(await verdict(store, anchor)).toMatchObject({ anchored: true });
    expect(
      await verifyAgainstCheckpoints(
        repositories(t.db).audit.all(),
        await forged.list(),
        anchor.publicKeyPem,
      ),
    ).toMatchObject({ anchored: false, reason: expect.stringContaining('签名无效') });
  });

  it('公开接口发布检查点和公钥，无需登录', async () => {
    const response = await inject(t.app, { method: 'GET', url: '/api/public/audit-checkpoints' });
    expect(response.statusCode).toBe(200);
    expect(response.json().publicKey).toContain('BEGIN PUBLIC KEY');
    expect(Array.isArray(response.json().checkpoints)).toBe(true);
    const bad = await inject(t.app, { method: 'GET', url: '/api/public/audit-checkpoints?after=-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('after');
  });
});

describe('签名私钥不在 DATA_DIR 中', () => {
  it('AUDIT_SIGNING_KEY_FILE 指向 DATA_DIR 之内时拒绝启动', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'shenbao-data-'));
    const load = () =>
      loadConfig({
        DATA_DIR: dataDir,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        AUDIT_SIGNING_KEY_FILE: join(dataDir, 'keys', 'audit.pem'),
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/AUDIT_SIGNING_KEY_FILE/);
  });
});

describe.runIf(process.env.DATABASE_URL)('PostgreSQL：迁移角色拥有表，服务角色只能追加审计日志', () => {
  it('服务角色能写业务数据和追加审计，不能改、删、清空审计日志，也不能停用触发器', async () => {
    const database = await temporaryDatabase(process.env.DATABASE_URL!, 'shenbao_roles');
    const role = `shenbao_app_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL! });
    await admin.connect();
    await admin.query(`create role ${role} login password 'app'`);
    const owner = openPostgres(database.url);
    const servingUrl = new URL(database.url);
    servingUrl.username = role;
    servingUrl.password = 'app';
    const serving = openPostgres(servingUrl.toString());
    try {
      await owner.migrate();
      await grantServingRole(owner.db, role);
      const audit = repositories(serving.db).audit;
      await audit.append({
        at: new Date(),
        actorUserId: null,
        action: 'call.opened',
        entityType: 'call',
        entityId: 'X',
      });
      expect(await audit.headSeq()).toBe(1);
      for (const statement of [
        sql`update audit_log set action = 'x'`,
        sql`delete from audit_log`,
        sql`truncate audit_log`,
        sql`alter table audit_log disable trigger user`,
      ]) {
        const refusal = await serving.db.execute(statement).then(
          () => 'accepted',
          (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
        );
        expect(refusal).toMatch(/permission denied|must be owner/);
      }
      expect(await audit.headSeq()).toBe(1);
    } finally {
      await serving.close();
      await owner.close();
      await database.drop();
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
    }
  });
});
