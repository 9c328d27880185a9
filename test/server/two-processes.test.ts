import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStale, TARGETS } from '../../scripts/build-if-stale.js';
import { buildApp } from '../../src/server/app.js';
import { SettableClock } from '../../src/server/clock.js';
import { loadConfig } from '../../src/server/config.js';
import { type DatabaseHandle, openPostgres } from '../../src/server/db/database.js';
import { crossCheckRuns } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { insertApplication, insertPerson } from '../support/api/application-rows.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { insertUser, registerUnitAdmin, type TestApp } from '../support/harness.js';
import { pdf, sha256 } from '../support/pdf.js';
import { type S3Server, startS3 } from '../support/s3.js';
import { temporaryDatabase } from '../support/temporary-database.js';

// Scale-out as deployed: two server processes (`node dist/server/main.js`, or its sources before a build) on
// one PostgreSQL database and one S3 store, each with a data folder of its own, so that nothing they share
// passes through a disk. Needs PostgreSQL (PGlite serves one process): CI's PostgreSQL pass runs it.

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) console.info('two-processes.test.ts 跳过 / skipped: 需要 PostgreSQL，请设置 DATABASE_URL');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Short, so that a take-over comes within seconds; a live instance beats its heartbeat at every step. */
const STALE_AFTER_MS = 1500;
const START_TIMEOUT_MS = 90_000;
/** The build, as production runs it, when it is up to date (CI builds before testing); else the sources. */
const SERVER = isStale(
  TARGETS.find((target) => target.script === 'build:server')!,
  ROOT,
)
  ? ['--import', 'tsx', 'src/server/main.ts']
  : ['dist/server/main.js'];

interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** What it printed, for the message of a failed assertion. */
  output(): string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(name: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `shenbao-${name}-`));
  const child = spawn(process.execPath, SERVER, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const server = { name, url: `http://127.0.0.1:${port}`, child, output: () => output };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited at start:\n${output}`);
    const health = await fetch(`${server.url}/api/health`).catch(() => undefined);
    if (health?.ok) return server;
    if (Date.now() > deadline) throw new Error(`${name} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function stop(server: ServerProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill(signal);
  return exited;
}

/** Polls `read` until `done` holds of its value. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!adminUrl)(
  '两个服务进程共用一个 PostgreSQL 与一个 S3 存储（需设置 DATABASE_URL，否则跳过）',
  () => {
    let database: Awaited<ReturnType<typeof temporaryDatabase>>;
    let handle: DatabaseHandle;
    let s3: S3Server;
    let a: ServerProcess;
    let b: ServerProcess;
    const t = {} as TestApp;
    let shared: string | undefined;

    beforeAll(async () => {
      database = await temporaryDatabase(adminUrl!, 'shenbao_two');
      s3 = await startS3();
      shared = mkdtempSync(join(tmpdir(), 'shenbao-shared-'));
      // What every instance must share: the database, the store, the secrets and the audit key.
      const env = {
        DATABASE_URL: database.url,
        ...s3.env('two-processes'),
        SESSION_SECRET: randomBytes(32).toString('hex'),
        RECEIPT_PRIVATE_KEY: generateKeyPairSync('ed25519')
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
        AUDIT_SIGNING_KEY_FILE: join(shared, 'audit-signing-key.pem'),
        AUDIT_CHECKPOINT_DIR: join(shared, 'audit-checkpoints'),
        // One process each (no cluster of workers), so that the one working a run is the one the test kills.
        WORKERS: '1',
        JOBS_POLL_MS: '100',
        JOBS_STALE_AFTER_MS: String(STALE_AFTER_MS),
        LOG_LEVEL: 'info',
      };
      [a, b] = await Promise.all([startServer('a', env), startServer('b', env)]);
      // The test's own instance writes the accounts and signs them in; the sessions are in the database.
      handle = openPostgres(database.url);
      const clock = new SettableClock(new Date().toISOString());
      const app = await buildApp({
        config: loadConfig({ ...env, LOG_LEVEL: 'silent' }),
        db: handle.db,
        clock,
      });
      Object.assign(t, { app, db: handle.db, clock });
    }, START_TIMEOUT_MS * 2);

    afterAll(async () => {
      await Promise.all([stop(a, 'SIGTERM'), stop(b, 'SIGTERM')]);
      await t.app?.close();
      await handle?.close();
      await database?.drop();
      await s3?.close();
      if (shared) rmSync(shared, { recursive: true, force: true });
    }, 60_000);

    it('经一个进程上传的附件，经另一个进程下载得到逐字节相同的文件', async () => {
      const admin = await registerUnitAdmin(t);
      const [department] = await repositories(t.db).departments.list();
      const leader = await insertPerson(t.db, admin.organizationId, '张三');
      const application = await insertApplication(t.db, {
        organizationId: admin.organizationId,
        piId: leader.id,
        departmentId: department!.id,
      });
      const bytes = pdf({ seed: 'two-processes' });
      const body = new FormData();
      body.append('kind', 'integrity-commitment-unit');
      body.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), '诚信承诺书.pdf');
      const uploaded = await fetch(`${a.url}/api/applications/${application.id}/documents`, {
        method: 'POST',
        headers: { cookie: admin.cookie },
        body,
      });
      expect(uploaded.status, await uploaded.clone().text()).toBe(201);
      const { document } = (await uploaded.json()) as { document: { id: string; sha256: string } };
      expect(document.sha256).toBe(sha256(bytes));

      const downloaded = await fetch(`${b.url}/api/documents/${document.id}/file`, {
        headers: { cookie: admin.cookie },
      });
      expect(downloaded.status, b.output()).toBe(200);
      expect(Buffer.from(await downloaded.arrayBuffer()).equals(bytes)).toBe(true);
      // In the bucket, under its hash; neither process's data folder holds it.
      expect(await s3.keys('two-processes/')).toEqual([
        `two-processes/${document.sha256.slice(0, 2)}/${document.sha256.slice(2, 4)}/${document.sha256}`,
      ]);
    });

    it('一个进程开始的全省交叉核查，在它被强行终止（SIGKILL）后由另一个进程接手完成', async () => {
      const [city] = (await repositories(t.db).departments.list()).filter((d) => d.kind === 'city');
      await insertSubmitted(t.db, new Date(), { departmentId: city!.id });
      const province = (await insertUser(t, 'province')).cookie;

      // The test holds the findings table: whichever instance claims the run stops at its first write, inside
      // the step's transaction, and is killed there.
      const blocker = new pg.Client({ connectionString: database.url });
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('lock table cross_check_findings in access exclusive mode');
      let runId: string;
      try {
        const requested = await fetch(`${a.url}/api/province/cross-checks/runs`, {
          method: 'POST',
          headers: { cookie: province, 'content-type': 'application/json' },
          body: JSON.stringify({ callId: PRACTICE_CALL_ID }),
        });
        expect(requested.status, await requested.clone().text()).toBe(202);
        runId = ((await requested.json()) as { run: { id: string } }).run.id;
        const claimed = await until(
          () => runRow(runId),
          (run) => run.status === 'running',
          'the run was not claimed',
        );
        expect(claimed.attempts).toBe(1);
        const claimant = [a, b].find(
          (server) => claimed.claimedBy?.split(':')[1] === String(server.child.pid),
        )!;
        const survivor = claimant === a ? b : a;
        await stop(claimant, 'SIGKILL');
        await blocker.query('commit');

        const done = await until(
          () => runRow(runId),
          (run) => run.status === 'done' || run.status === 'failed',
          'the run was not finished',
        );
        expect(done, survivor.output()).toMatchObject({
          status: 'done',
          attempts: 2,
          phase: null,
          error: null,
        });
        expect(done.claimedBy?.split(':')[1]).toBe(String(survivor.child.pid));
        expect(done.summary).toMatchObject({ errors: expect.any(Number), warnings: expect.any(Number) });

        // The survivor serves the result, as either instance would.
        const shown = await fetch(`${survivor.url}/api/province/cross-checks/runs/${runId}`, {
          headers: { cookie: province },
        });
        expect(shown.status).toBe(200);
        expect(((await shown.json()) as { run: { status: string } }).run.status).toBe('done');
      } finally {
        await blocker.end();
      }
    });

    async function runRow(id: string) {
      const [row] = await t.db.select().from(crossCheckRuns).where(eq(crossCheckRuns.id, id));
      return row!;
    }
  },
);
