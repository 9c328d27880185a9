import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/server/config.js';
import { repositories } from '../../src/server/repositories/index.js';
import { provinceAdminFromEnv, seedProvinceAdmin } from '../../src/server/seed/province-admin.js';
import { verifyPassword } from '../../src/server/security/passwords.js';
import { useTestApp } from '../support/harness.js';

// The first province administrator from SHENBAO_ADMIN_* on a start: created once, only while no enabled
// province administrator exists; the variables are judged as the API judges the same fields.

const t = useTestApp();

const ENV = {
  SHENBAO_ADMIN_LOGIN: 'env-admin',
  SHENBAO_ADMIN_NAME: '赵管理',
  SHENBAO_ADMIN_MOBILE: '13700001234',
  SHENBAO_ADMIN_EMAIL: 'zhao@jsst.gov.cn',
  SHENBAO_ADMIN_PASSWORD: 'Env-Admin-2026',
};

describe('首位省级管理员：环境变量', () => {
  it('未设置任何 SHENBAO_ADMIN_* 时不创建；设置不全或有误时启动失败，逐个指出变量', () => {
    expect(provinceAdminFromEnv({})).toBeUndefined();
    expect(provinceAdminFromEnv({ SHENBAO_ADMIN_LOGIN: '' })).toBeUndefined();
    let error: unknown;
    try {
      provinceAdminFromEnv({ ...ENV, SHENBAO_ADMIN_EMAIL: 'zhao', SHENBAO_ADMIN_PASSWORD: undefined });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('环境变量 SHENBAO_ADMIN_EMAIL 无效：电子邮箱：');
    expect(message).toContain('环境变量 SHENBAO_ADMIN_PASSWORD 无效：');
    expect(message).not.toContain('SHENBAO_ADMIN_MOBILE');
  });

  it('启动时创建一次（首次登录须修改密码，记入审计日志）；已有启用的省级管理员时不再创建', async () => {
    const admin = provinceAdminFromEnv(ENV)!;
    const first = await seedProvinceAdmin(t.db, t.clock, admin, '环境变量');
    expect(first.created).toBe(true);
    expect(first.user).toMatchObject({
      login: 'env-admin',
      displayName: '赵管理',
      role: 'province',
      duties: ['admin'],
      mustChangePassword: true,
    });
    expect(await verifyPassword(first.user.passwordHash, 'Env-Admin-2026')).toBe(true);

    const restarted = await seedProvinceAdmin(t.db, t.clock, { ...admin, login: 'other-admin' }, '环境变量');
    expect(restarted).toMatchObject({ created: false, user: { id: first.user.id } });
    const repos = repositories(t.db);
    expect(await repos.users.findByLogin('other-admin')).toBeUndefined();
    const entries = await repos.audit.list({ action: 'user.province-admin-created', limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ login: 'env-admin', via: '环境变量' });
  });
});
