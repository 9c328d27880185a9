import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/server/db/database.js';
import { repositories } from '../../src/server/repositories/index.js';
import { verifyPassword } from '../../src/server/security/passwords.js';
import { PASSWORD_MIN_LENGTH } from '../../src/contract/auth.js';
import { runCli } from '../support/cli.js';

// `shenbao admin create-province-admin` against a PGlite data directory of its own, as a first start leaves it.

const MIGRATING_TIMEOUT_MS = 120_000;
const dirs: string[] = [];

async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shenbao-admin-'));
  dirs.push(dir);
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('DATA_DIR', dir);
  return dir;
}

async function provinceUsers(dataDir: string) {
  const database = openDatabase({ databaseUrl: undefined, dataDir });
  try {
    const repos = repositories(database.db);
    const users = (await repos.users.listOfficials({ role: 'province' })).map((o) => o.user);
    const audit = await repos.audit.list({ action: 'user.province-admin-created', limit: 10 });
    return { users, audit };
  } finally {
    await database.close();
  }
}

const flags = (login: string) => [
  'admin',
  'create-province-admin',
  '--login',
  login,
  '--name',
  '王管理',
  '--mobile',
  '138 1234 5678',
  '--email',
  'Admin@JSST.gov.cn',
  '--password',
  'Sheng-Admin-2026',
];

afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('shenbao admin create-province-admin', () => {
  it(
    '空的数据目录：迁移数据库，创建拥有全部职责的管理员并记入审计日志；再次执行不再创建，退出码都是 0',
    async () => {
      const dataDir = await freshDataDir();
      const first = await runCli(flags('sheng-admin'));
      expect(first.stderr).toBe('');
      expect(first.stdout).toContain('已创建省级管理员 sheng-admin（王管理）');
      expect(first.code).toBe(0);

      const again = await runCli(flags('another-admin'));
      expect(again.stdout).toContain('已有启用的省级管理员 sheng-admin');
      expect(again.code).toBe(0);

      const { users, audit } = await provinceUsers(dataDir);
      expect(users).toHaveLength(1);
      const [admin] = users;
      expect(admin).toMatchObject({
        login: 'sheng-admin',
        displayName: '王管理',
        mobile: '13812345678',
        email: 'admin@jsst.gov.cn',
        duties: ['admin'],
        mustChangePassword: false,
        disabled: false,
      });
      expect(await verifyPassword(admin!.passwordHash, 'Sheng-Admin-2026')).toBe(true);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorUserId: null, entityId: admin!.id });
      expect(audit[0]!.after).toMatchObject({ login: 'sheng-admin', duties: ['admin'], via: '命令行' });
      expect(JSON.stringify(audit[0])).not.toContain('Sheng-Admin-2026');
    },
    MIGRATING_TIMEOUT_MS,
  );

  it(
    '在终端中逐项询问未给出的项；密码输入两次，不一致时重新输入',
    async () => {
      const dataDir = await freshDataDir();
      const run = await runCli(['admin', 'create-province-admin', '--login', 'terminal-admin'], {}, [
        '李处长',
        '13900001111',
        'li@jsst.gov.cn',
        'Password-One-1',
        'Password-Two-2',
        'Password-One-1',
        'Password-One-1',
      ]);
      expect(run.asked).toEqual([
        '姓名：',
        '手机号码：',
        '电子邮箱：',
        '密码：',
        '再次输入密码：',
        '密码：',
        '再次输入密码：',
      ]);
      expect(run.stderr).toBe('两次输入的密码不一致，请重新输入\n');
      expect(run.code).toBe(0);
      const [admin] = (await provinceUsers(dataDir)).users;
      expect(admin).toMatchObject({ login: 'terminal-admin', displayName: '李处长' });
      expect(await verifyPassword(admin!.passwordHash, 'Password-One-1')).toBe(true);
    },
    MIGRATING_TIMEOUT_MS,
  );

  it('输入有误：逐项用中文指出字段，退出码 2，不打开数据库', async () => {
    const dataDir = await freshDataDir();
    const run = await runCli([
      'admin',
      'create-province-admin',
      '--login',
      '王',
      '--name',
      '王管理',
      '--mobile',
      '1234',
      '--email',
      'not-an-address',
      '--password',
      'short',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('未创建管理员');
    for (const label of ['登录名', '手机号码：', '电子邮箱：', `密码：至少 ${PASSWORD_MIN_LENGTH} 个字符`]) {
      expect(run.stderr).toContain(label);
    }
    expect(run.stdout).toBe('');
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  });

  it('非交互运行缺少选项、未知参数或子命令：说明用法，退出码 2', async () => {
    await freshDataDir();
    const missing = await runCli(['admin', 'create-province-admin', '--login', 'x-admin']);
    expect(missing.stderr).toContain('缺少选项：--name --mobile --email --password');
    expect(missing.code).toBe(2);
    expect((await runCli(['admin', 'create-province-admin', '--role', 'x'])).stderr).toContain(
      '未知的参数：--role',
    );
    expect((await runCli(['admin'])).stderr).toContain('缺少子命令');
    expect((await runCli(['admin', '--help'])).code).toBe(0);
  });
});
