import { buildApp } from './app.js';
import { auditAnchor } from './audit/anchor.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createJobRunner } from './jobs/index.js';
import { smtpTransport } from './io/mail/transport.js';
import { seedCalls } from './seed/calls.js';
import { seedDepartments } from './seed/departments.js';
import { DEMO_PASSWORD, seedDemo, type DemoAccount } from './seed/demo.js';
import { provinceAdminFromEnv, seedProvinceAdmin } from './seed/province-admin.js';
import { createServices } from './services/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const firstAdmin = provinceAdminFromEnv(process.env);
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    // No connection exists before migrate(), which runs once `app` is built.
    onPoolError: (error) => app.log.error({ err: error }, 'idle database connection failed'),
  });
  const isDemo = process.argv.includes('--demo');
  const app = await buildApp({
    config,
    db: database.db,
    clock: systemClock,
    requestLogLevel: isDemo ? 'debug' : 'info',
  });
  await migrate(config, database);
  await seedDepartments(database.db);
  await seedCalls(database.db, systemClock.now());
  if (firstAdmin) {
    const { created, user } = await seedProvinceAdmin(database.db, systemClock, firstAdmin, '环境变量');
    if (created)
      app.log.info({ login: user.login }, 'first province administrator created from SHENBAO_ADMIN_*');
  }
  const demo = isDemo
    ? await seedDemo(
        database.db,
        createServices({ db: database.db, clock: systemClock, config }),
        systemClock.now(),
      )
    : [];
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
  if (demo.length > 0) printDemo(config.host, config.port, database.driver, config.dataDir, demo);
}

function printDemo(
  host: string,
  port: number,
  driver: string,
  dataDir: string,
  accounts: DemoAccount[],
): void {
  const address = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`;
  const rows = accounts.map((a) => `  ${a.login.padEnd(16)} ${a.role.padEnd(11)} ${a.who}`);
  console.log(
    [
      '',
      `申报 shenbao 已启动 / is serving: ${address}`,
      `数据库 / database: ${driver === 'pglite' ? `PGlite（内嵌，${dataDir}）` : 'PostgreSQL'}`,
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
