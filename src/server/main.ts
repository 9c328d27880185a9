import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { auditAnchor } from './audit/anchor.js';
import { systemClock } from './clock.js';
import { type Config, ConfigError, loadConfig, type LogLevel } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createJobRunner } from './jobs/index.js';
import { smtpTransport } from './io/mail/transport.js';
import { seedCalls } from './seed/calls.js';
import { seedDepartments } from './seed/departments.js';
import { DEMO_PASSWORD, seedDemo, type DemoAccount } from './seed/demo.js';
import { provinceAdminFromEnv, seedProvinceAdmin } from './seed/province-admin.js';
import { createServices } from './services/index.js';

interface StartLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** Migrates and seeds, once, before any process serves. */
async function prepare(config: Config, database: DatabaseHandle, log: StartLog): Promise<DemoAccount[]> {
  const firstAdmin = provinceAdminFromEnv(process.env);
  await migrate(config, database);
  await seedDepartments(database.db);
  await seedCalls(database.db, systemClock.now());
  if (firstAdmin) {
    const { created, user } = await seedProvinceAdmin(database.db, systemClock, firstAdmin, '环境变量');
    if (created) log.info({ login: user.login }, 'first province administrator created from SHENBAO_ADMIN_*');
  }
  return process.argv.includes('--demo')
    ? seedDemo(
        database.db,
        createServices({ db: database.db, clock: systemClock, config }),
        systemClock.now(),
      )
    : [];
}

/** One serving process: the app, its background jobs and audit anchoring, until SIGTERM or SIGINT. */
async function serve(
  config: Config,
  database: DatabaseHandle,
  app: FastifyInstance,
  demo: DemoAccount[],
): Promise<void> {
  const mail = config.mail && smtpTransport(config.mail.smtpUrl, config.mail.from);
  const jobs = createJobRunner({
    db: database.db,
    clock: systemClock,
    log: app.log,
    mail,
    staleAfterMs: config.jobsStaleAfterMs,
  });
  app.addHook('onClose', async () => {
    await jobs.stop();
    mail?.close();
  });
  jobs.start(config.jobsPollMs);
  const anchor = auditAnchor(database.db, config.audit, systemClock);
  // Checkpoints within a second of each append, and a last one after the final request.
  anchor.start(1000, (error) => app.log.error({ err: error }, 'audit checkpoint failed'));
  app.addHook('onClose', () => anchor.stop());

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: database.driver }, 'shenbao is serving');
  if (demo.length > 0) printDemo(config, database.driver, demo);
}

function openServingDatabase(config: Config, log: () => StartLog): DatabaseHandle {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    onPoolError: (error) => log().error({ err: error }, 'idle database connection failed'),
  });
}

async function buildServingApp(config: Config, database: DatabaseHandle): Promise<FastifyInstance> {
  return buildApp({
    config,
    db: database.db,
    clock: systemClock,
    requestLogLevel: process.argv.includes('--demo') ? 'debug' : 'info',
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) {
    // The primary has migrated and seeded; a worker only serves.
    const database = openServingDatabase(config, () => app.log);
    const app = await buildServingApp(config, database);
    return serve(config, database, app, []);
  }
  if (config.workers === 1) {
    // No connection exists before prepare(), which runs once `app` is built.
    const database = openServingDatabase(config, () => app.log);
    const app = await buildServingApp(config, database);
    return serve(config, database, app, await prepare(config, database, app.log));
  }
  const primaryLog = primaryLogOf(config.logLevel);
  const database = openServingDatabase(config, () => primaryLog);
  const demo = await prepare(config, database, primaryLog);
  await database.close();
  runWorkers(config, demo, primaryLog);
}

/** The primary's few lines, in the shape of the workers' JSON log and at their level. */
function primaryLogOf(level: LogLevel): StartLog {
  const shown = (at: LogLevel) => level !== 'silent' && LEVELS.indexOf(at) <= LEVELS.indexOf(level);
  const line = (value: number, object: object, msg: string) =>
    JSON.stringify({ level: value, time: Date.now(), pid: process.pid, ...object, msg }, errorReplacer);
  return {
    info: (object, msg) => shown('info') && console.log(line(30, object, msg)),
    error: (object, msg) => shown('error') && console.error(line(50, object, msg)),
  };
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { type: value.name, message: value.message, stack: value.stack } : value;
}

/**
 * `config.workers` processes share the port (node:cluster hands each connection to one). Nothing lives in a
 * process that another needs: sessions, rate limits, jobs and the audit chain are in the database. A worker that
 * dies is replaced; one that dies before it ever listened stops the server (its port or database is wrong).
 */
function runWorkers(config: Config, demo: DemoAccount[], primaryLog: StartLog): void {
  let closing = false;
  let listening = 0;
  const everListened = new Set<number>();
  cluster.on('listening', (worker) => {
    everListened.add(worker.id);
    listening += 1;
    if (listening === config.workers) {
      primaryLog.info({ workers: config.workers }, 'shenbao is serving');
      if (demo.length > 0) printDemo(config, config.databaseUrl ? 'postgres' : 'pglite', demo);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (closing) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    primaryLog.error({ worker: worker.process.pid, code, signal }, 'server process exited');
    if (!everListened.has(worker.id)) {
      closing = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    cluster.fork();
  });
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    primaryLog.info({ signal }, 'shutting down');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  for (let i = 0; i < config.workers; i++) cluster.fork();
}

function printDemo({ host, port, dataDir, workers }: Config, driver: string, accounts: DemoAccount[]): void {
  const address = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`;
  const rows = accounts.map((a) => `  ${a.login.padEnd(16)} ${a.role.padEnd(11)} ${a.who}`);
  console.log(
    [
      '',
      `申报 shenbao 已启动 / is serving: ${address}`,
      `数据库 / database: ${driver === 'pglite' ? `PGlite（内嵌，${dataDir}）` : 'PostgreSQL'}`,
      `服务进程 / server processes: ${workers}`,
      `演示账号（密码均为 ${DEMO_PASSWORD}）/ demo accounts (password ${DEMO_PASSWORD}):`,
      ...rows,
      '演示计划“（演示）”的网上填报窗口自今日起开放 30 天；2026 年正式计划已截止，仅供查阅。',
      '示例计划文件 calls/ 已建为演示计划：专题三双边创新合作项目（新加坡、挪威；demo-haichuan）和 2027 年度计划（demo-qinglan）。',
      '其日期为演示虚构（通知未发布），网上填报窗口同样自今日起开放 30 天。',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('启动失败 / start-up failed:', error);
  }
  process.exit(1);
});
