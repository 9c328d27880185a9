import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/server/db/schema.js';
import { VALID_PASSWORD } from '../support/factories/server.js';
import { insertUser, login, registerUnitAdmin, useTestApp } from '../support/harness.js';

const t = useTestApp({ SESSION_TTL_HOURS: '12', LOGIN_MAX_FAILURES: '5', LOGIN_WINDOW_MINUTES: '15' });

function attempt(loginName: string, password: string, remoteAddress = '127.0.0.1') {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: loginName, password },
    remoteAddress,
  });
}

function me(cookie?: string) {
  return t.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie ? { cookie } : {} });
}

/** The id of the user a session cookie signs in, or `null` for a dead session: /auth/me answers both with 200. */
async function signedIn(cookie: string): Promise<string | null> {
  const response = await me(cookie);
  expect(response.statusCode).toBe(200);
  return (response.json() as { user: { id: string } | null }).user?.id ?? null;
}

const HOUR = 3_600_000;

describe('POST /api/auth/login', () => {
  it('登录成功后设置 HttpOnly、SameSite=Lax 的会话 Cookie', async () => {
    const admin = await registerUnitAdmin(t);
    const response = await attempt(admin.login, VALID_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ login: admin.login, role: 'unit-admin' });
    const cookie = response.cookies.find((c) => c.name === 'shenbao_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('登录名不区分大小写，前后空格忽略', async () => {
    const admin = await registerUnitAdmin(t);
    expect((await attempt(` ${admin.login.toUpperCase()} `, VALID_PASSWORD)).statusCode).toBe(200);
  });

  it('经 HTTPS 反向代理访问时 Cookie 带 Secure', async () => {
    const admin = await registerUnitAdmin(t);
    const app = await t.buildApp({ TRUST_PROXY: 'true' });
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { login: admin.login, password: VALID_PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === 'shenbao_session')?.secure).toBe(true);
  });

  it('密码错误与登录名不存在给出同样的回答', async () => {
    const admin = await registerUnitAdmin(t);
    const wrongPassword = await attempt(admin.login, 'Wrong2026', '10.1.0.1');
    const unknownLogin = await attempt('nobody-here', VALID_PASSWORD, '10.1.0.1');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownLogin.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: '登录名或密码错误' },
    });
    expect(unknownLogin.json()).toEqual(wrongPassword.json());
  });

  it('缺少密码时指出字段', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'someone' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'password', message: '密码：必填' }]);
  });

  it('同一 IP 与登录名连续失败 5 次后暂停登录，正确密码也被拒绝，窗口过后恢复', async () => {
    const admin = await registerUnitAdmin(t);
    const ip = '10.2.0.1';
    for (let i = 0; i < 5; i++) expect((await attempt(admin.login, 'Wrong2026', ip)).statusCode).toBe(401);

    const blocked = await attempt(admin.login, VALID_PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toEqual({
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
      message: '登录失败次数过多，请 15 分钟后再试',
    });
    expect(blocked.headers['retry-after']).toBe('900');

    // Another address is not held back by this one's failures.
    expect((await attempt(admin.login, VALID_PASSWORD, '10.2.0.2')).statusCode).toBe(200);

    t.clock.advance(15 * 60_000);
    expect((await attempt(admin.login, VALID_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('登录成功后失败计数清零', async () => {
    const admin = await registerUnitAdmin(t);
    const ip = '10.3.0.1';
    for (let i = 0; i < 4; i++) await attempt(admin.login, 'Wrong2026', ip);
    expect((await attempt(admin.login, VALID_PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt(admin.login, 'Wrong2026', ip)).statusCode).toBe(401);
  });

  it('已停用的账号不能登录，已有会话随即失效', async () => {
    const { user, cookie } = await insertUser(t, 'province');
    expect(await signedIn(cookie)).toBe(user.id);
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await signedIn(cookie)).toBeNull();
    const response = await attempt(user.login, VALID_PASSWORD, '10.4.0.1');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('GET /api/auth/me', () => {
  // Every page asks, public ones too: a visitor is answered without an error, so the browser logs none.
  it('未登录时返回 200，没有用户', async () => {
    const response = await me();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user: null });
  });

  it('伪造的会话令牌视同未登录', async () => {
    expect(await signedIn('shenbao_session=forged-token')).toBeNull();
  });

  it.each(['department', 'province', 'expert'] as const)('%s 用户可以查看自己的身份', async (role) => {
    const { user, cookie } = await insertUser(t, role);
    const response = await me(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, role });
    if (role === 'department')
      expect(response.json().user.department).toMatchObject({ id: user.departmentId });
  });

  it('会话过期后需重新登录，且过期会话被删除', async () => {
    const admin = await registerUnitAdmin(t);
    t.clock.advance(12 * HOUR - 1000);
    expect(await signedIn(admin.cookie)).toBe(admin.userId);
    t.clock.advance(1000);
    expect(await signedIn(admin.cookie)).toBeNull();
    const sessions = await t.db.query.sessions.findMany({ where: (s, { eq }) => eq(s.userId, admin.userId) });
    expect(sessions).toEqual([]);
  });
});

describe('POST /api/auth/logout', () => {
  it('退出后会话失效，Cookie 被清除', async () => {
    const admin = await registerUnitAdmin(t);
    const other = await login(t.app, admin.login);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === 'shenbao_session');
    expect(cleared?.expires?.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await signedIn(admin.cookie)).toBeNull();
    // Only that session ends: the same user's other session lives on.
    expect(await signedIn(other)).toBe(admin.userId);
  });

  it('未登录时退出也成功', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });

  it('数据库中只保存令牌的密钥散列', async () => {
    const admin = await registerUnitAdmin(t);
    const token = admin.cookie.split('=')[1]!;
    const stored = await t.db.query.sessions.findMany();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((s) => s.id !== token && /^[0-9a-f]{64}$/.test(s.id))).toBe(true);
  });
});
