import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountTokens, auditLog, outbox, users } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { hashPassword } from '../../src/server/security/passwords.js';
import { registrationBody, uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import { inject, login, registerUnitAdmin, type UnitAdmin, useTestApp } from '../support/harness.js';

const PUBLIC_URL = 'https://shenbao.example.cn';
const t = useTestApp({ PUBLIC_URL });

const NEW_PASSWORD = 'lantern-quiet-river';
const MINUTE = 60_000;

let lastAddress = 0;
/** Each test asks from its own address, so that the per-address limit on reset requests is its own. */
const newAddress = () => `10.0.${Math.floor(++lastAddress / 250)}.${(lastAddress % 250) + 1}`;

async function withEmail(admin: UnitAdmin, email = `${admin.login}@example.cn`) {
  await t.db.update(users).set({ email }).where(eq(users.id, admin.userId));
  return email;
}

function loginAttempt(loginName: string, password: string, userAgent?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: loginName, password },
    headers: userAgent ? { 'user-agent': userAgent } : {},
  });
}

async function signedIn(cookie: string): Promise<boolean> {
  return (await inject(t.app, { method: 'GET', url: '/api/auth/me', cookie })).json().user !== null;
}

function requestReset(account: string, remoteAddress = newAddress()) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset',
    payload: { account },
    remoteAddress,
  });
}

function completeReset(token: string, newPassword = NEW_PASSWORD) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset/complete',
    payload: { token, newPassword },
  });
}

async function messagesTo(userId: string) {
  return t.db.select().from(outbox).where(eq(outbox.userId, userId));
}

/** The token of the link in the user's latest reset message. */
async function resetTokenOf(userId: string): Promise<string> {
  const messages = await messagesTo(userId);
  const body = messages.at(-1)?.body ?? '';
  const link = body.match(/https:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no link in ${JSON.stringify(body)}`);
  const url = new URL(link);
  expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC_URL}/reset-password`);
  return url.searchParams.get('token')!;
}

async function auditActions(userId: string) {
  const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, userId));
  return rows.map((row) => row.action);
}

describe('设置密码的每个入口都用同一规则', () => {
  it('注册单位时常见密码被拒绝（不区分大小写），说明字段和原因', async () => {
    const [department] = await repositories(t.db).departments.list();
    const body = registrationBody({ departmentId: department!.id });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register-organization',
      payload: { ...body, admin: { ...body.admin, password: 'Iloveyou12' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'admin.password', message: expect.stringMatching(/^密码：过于常见/) },
    ]);
  });

  it('登录时不套用新规则：按旧规则设置的密码照常登录', async () => {
    const older = 'abc12345';
    const user = await repositories(t.db).users.insert({
      login: uniqueLogin('older'),
      passwordHash: await hashPassword(older),
      displayName: '旧密码用户',
      role: 'province',
    });
    expect((await loginAttempt(user.login, older)).statusCode).toBe(200);
  });
});

describe('POST /api/me/password', () => {
  it('改密码：其他设备上的登录退出，本次登录保留，新密码可登录、旧密码不行', async () => {
    const admin = await registerUnitAdmin(t);
    const other = await login(t.app, admin.login);
    const response = await inject(t.app, {
      method: 'POST',
      url: '/api/me/password',
      cookie: admin.cookie,
      payload: { currentPassword: VALID_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(response.statusCode).toBe(204);
    expect(await signedIn(admin.cookie)).toBe(true);
    expect(await signedIn(other)).toBe(false);
    expect((await loginAttempt(admin.login, VALID_PASSWORD)).statusCode).toBe(401);
    expect((await loginAttempt(admin.login, NEW_PASSWORD)).statusCode).toBe(200);
    expect(await auditActions(admin.userId)).toContain('user.password-changed');
  });

  it('当前密码不对、新密码过短或常见，都以字段和中文说明拒绝，密码不变', async () => {
    const admin = await registerUnitAdmin(t);
    const change = (currentPassword: string, newPassword: string) =>
      inject(t.app, {
        method: 'POST',
        url: '/api/me/password',
        cookie: admin.cookie,
        payload: { currentPassword, newPassword },
      });
    const wrong = await change('not-my-password', NEW_PASSWORD);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([{ path: 'currentPassword', message: '当前密码：不正确' }]);
    const short = await change(VALID_PASSWORD, 'short-pw');
    expect(short.json().error.fields).toEqual([{ path: 'newPassword', message: '新密码：至少 10 个字符' }]);
    const common = await change(VALID_PASSWORD, 'Password123');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields).toEqual([
      { path: 'newPassword', message: expect.stringMatching(/^新密码：过于常见/) },
    ]);
    expect((await loginAttempt(admin.login, VALID_PASSWORD)).statusCode).toBe(200);
  });
});

describe('忘记密码：POST /api/auth/password-reset', () => {
  it('账号存在与否，回答一字不差（202）；只有存在的账号收到消息', async () => {
    const admin = await registerUnitAdmin(t);
    await withEmail(admin);
    const known = await requestReset(admin.login);
    const unknown = await requestReset('nobody-at-all');
    const unknownEmail = await requestReset('nobody@example.cn');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknownEmail.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(unknownEmail.body).toBe(known.body);
    expect(known.json().message).toMatch(/30 分钟内有效/);
    const messages = await messagesTo(admin.userId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: 'account.password-reset',
      channel: 'email',
      address: `${admin.login}@example.cn`,
    });
    expect(messages[0]!.body).toContain(admin.login);
  });

  it('也可以填登记的电子邮箱（不区分大小写）', async () => {
    const admin = await registerUnitAdmin(t);
    const email = await withEmail(admin);
    expect((await requestReset(` ${email.toUpperCase()} `)).statusCode).toBe(202);
    expect(await messagesTo(admin.userId)).toHaveLength(1);
  });

  it('邮件中的链接能设置新密码；链接只存哈希，数据库中没有原始令牌', async () => {
    const admin = await registerUnitAdmin(t);
    await withEmail(admin);
    await requestReset(admin.login);
    const token = await resetTokenOf(admin.userId);
    const stored = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, admin.userId));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ purpose: 'password-reset', usedAt: null });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]!.expiresAt.getTime() - t.clock.now().getTime()).toBe(30 * MINUTE);

    const other = await login(t.app, admin.login);
    await t.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, admin.userId));
    expect((await completeReset(token)).statusCode).toBe(204);
    // Every session ends, and whatever an administrator required of the next login is done.
    expect(await signedIn(admin.cookie)).toBe(false);
    expect(await signedIn(other)).toBe(false);
    const [user] = await t.db.select().from(users).where(eq(users.id, admin.userId));
    expect(user!.mustChangePassword).toBe(false);
    expect((await loginAttempt(admin.login, NEW_PASSWORD)).statusCode).toBe(200);
    expect(await auditActions(admin.userId)).toEqual(
      expect.arrayContaining(['user.password-reset-requested', 'user.password-reset']),
    );
    const logged = JSON.stringify(await t.db.select().from(auditLog));
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(NEW_PASSWORD);
  });

  it('链接只能用一次：再用被拒绝，并说明已使用过', async () => {
    const admin = await registerUnitAdmin(t);
    await withEmail(admin);
    await requestReset(admin.login);
    const token = await resetTokenOf(admin.userId);
    expect((await completeReset(token)).statusCode).toBe(204);
    const again = await completeReset(token, 'another-long-passphrase');
    expect(again.statusCode).toBe(410);
    expect(again.json().error).toMatchObject({
      code: 'RESET_LINK_USED',
      message: expect.stringMatching(/已使用过/),
    });
    expect((await loginAttempt(admin.login, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('链接 30 分钟内有效，到 30 分钟即过期并说明', async () => {
    const admin = await registerUnitAdmin(t);
    await withEmail(admin);
    await requestReset(admin.login);
    const first = await resetTokenOf(admin.userId);
    t.clock.advance(30 * MINUTE);
    const expired = await completeReset(first);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error).toMatchObject({
      code: 'RESET_LINK_EXPIRED',
      message: expect.stringMatching(/已过期/),
    });

    await requestReset(admin.login);
    const second = await resetTokenOf(admin.userId);
    t.clock.advance(30 * MINUTE - 1);
    expect((await completeReset(second)).statusCode).toBe(204);
  });

  it('新密码不合规时链接不作废，改用合规的密码仍可完成', async () => {
    const admin = await registerUnitAdmin(t);
    await withEmail(admin);
    await requestReset(admin.login);
    const token = await resetTokenOf(admin.userId);
    const refused = await completeReset(token, 'qwertyuiop');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe('newPassword');
    expect((await completeReset(token)).statusCode).toBe(204);
  });

  it('伪造或残缺的链接被拒绝', async () => {
    const response = await completeReset('not-a-token-we-ever-sent');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('RESET_LINK_INVALID');
  });

  it('停用的账号收不到重置邮件，已发出的链接也不能用', async () => {
    const admin = await registerUnitAdmin(t);
    await withEmail(admin);
    await requestReset(admin.login);
    const token = await resetTokenOf(admin.userId);
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, admin.userId));
    expect((await requestReset(admin.login)).statusCode).toBe(202);
    expect(await messagesTo(admin.userId)).toHaveLength(1);
    const response = await completeReset(token);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('同一地址申请过于频繁时答 429；同一账号 15 分钟内最多发 3 封', async () => {
    const admin = await registerUnitAdmin(t);
    await withEmail(admin);
    const address = newAddress();
    for (let i = 0; i < 10; i++) expect((await requestReset(admin.login, address)).statusCode).toBe(202);
    const over = await requestReset(admin.login, address);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.message).toMatch(/过于频繁/);
    expect(await messagesTo(admin.userId)).toHaveLength(3);
  });
});

describe('首次登录须设置自己的密码', () => {
  it('其他接口一律答 403 PASSWORD_CHANGE_REQUIRED，改密码后恢复', async () => {
    const admin = await registerUnitAdmin(t);
    await t.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, admin.userId));
    const cookie = await login(t.app, admin.login);
    const me = await inject(t.app, { method: 'GET', url: '/api/auth/me', cookie });
    expect(me.json().user).toMatchObject({ login: admin.login, mustChangePassword: true });

    for (const [method, url] of [
      ['GET', '/api/organization/people'],
      ['GET', '/api/me/sessions'],
      ['POST', '/api/me/sessions/sign-out-others'],
    ] as const) {
      const refused = await inject(t.app, { method, url, cookie });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error).toMatchObject({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: expect.stringMatching(/设置您自己的新密码/),
      });
    }

    const changed = await inject(t.app, {
      method: 'POST',
      url: '/api/me/password',
      cookie,
      payload: { currentPassword: VALID_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode).toBe(204);
    expect((await inject(t.app, { method: 'GET', url: '/api/organization/people', cookie })).statusCode).toBe(
      200,
    );
    const after = await inject(t.app, { method: 'GET', url: '/api/auth/me', cookie });
    expect(after.json().user.mustChangePassword).toBe(false);
    const logout = await inject(t.app, { method: 'POST', url: '/api/auth/logout', cookie });
    expect(logout.statusCode).toBe(204);
  });
});

describe('我的登录：GET /api/me/sessions 与退出其他设备', () => {
  it('列出有效的登录（设备、时间，标出本次），退出其他设备后只剩本次', async () => {
    const admin = await registerUnitAdmin(t);
    const chrome =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
    const wechat =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.50';
    const desk = (await loginAttempt(admin.login, VALID_PASSWORD, chrome)).cookies;
    const phone = (await loginAttempt(admin.login, VALID_PASSWORD, wechat)).cookies;
    const cookieOf = (cookies: typeof desk) =>
      `shenbao_session=${cookies.find((c) => c.name === 'shenbao_session')!.value}`;
    const deskCookie = cookieOf(desk);

    const listed = await inject(t.app, { method: 'GET', url: '/api/me/sessions', cookie: deskCookie });
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json().sessions;
    // registerUnitAdmin's own login, the desk and the phone.
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toEqual([
      expect.objectContaining({ device: 'Chrome · Windows', createdAt: expect.stringMatching(/\+08:00$/) }),
    ]);
    expect(sessions.map((s: { device: string }) => s.device)).toContain('微信 · iOS');
    expect(JSON.stringify(sessions)).not.toMatch(/"id"/);

    const signedOut = await inject(t.app, {
      method: 'POST',
      url: '/api/me/sessions/sign-out-others',
      cookie: deskCookie,
    });
    expect(signedOut.json()).toEqual({ ended: 2 });
    expect(await signedIn(deskCookie)).toBe(true);
    expect(await signedIn(cookieOf(phone))).toBe(false);
    expect(await signedIn(admin.cookie)).toBe(false);
    const after = await inject(t.app, { method: 'GET', url: '/api/me/sessions', cookie: deskCookie });
    expect(after.json().sessions).toHaveLength(1);
    expect(await auditActions(admin.userId)).toContain('user.other-sessions-ended');
  });

  it('别人的登录不会列出', async () => {
    const one = await registerUnitAdmin(t);
    const two = await registerUnitAdmin(t);
    const listed = await inject(t.app, { method: 'GET', url: '/api/me/sessions', cookie: one.cookie });
    expect(listed.json().sessions).toHaveLength(1);
    await inject(t.app, { method: 'POST', url: '/api/me/sessions/sign-out-others', cookie: one.cookie });
    expect(await signedIn(two.cookie)).toBe(true);
  });
});
