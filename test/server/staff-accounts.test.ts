import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { outbox, sessions } from '../../src/server/db/schema.js';
import type { Department } from '../../src/server/repositories/departments.js';
import { repositories } from '../../src/server/repositories/index.js';
import { ownDepartment } from '../support/api/own-calls-and-departments.js';
import { officialBody, VALID_PASSWORD } from '../support/factories/server.js';
import { inject, insertUser, login, signInAsNewHolder, useTestApp } from '../support/harness.js';

// Officials' accounts through the API: the province's 管理员 creates department accounts and its own staff
// with duties, a department's 管理员 its own staff; disabling ends sessions at once; the last administrator
// stays; anything outside one's reach is answered like a missing record.

const t = useTestApp();
const repos = () => repositories(t.db);

let admin: { userId: string; cookie: string };
let nanjing: Department;
let suzhou: Department;

beforeAll(async () => {
  const { user, cookie } = await insertUser(t, 'province');
  admin = { userId: user.id, cookie };
  const all = await repos().departments.list();
  nanjing = all.find((d) => d.name === '南京市科学技术局')!;
  suzhou = all.find((d) => d.name === '苏州市科学技术局')!;
});

const createOfficial = (cookie: string, payload: object) =>
  inject(t.app, { method: 'POST', url: '/api/province/accounts', cookie, payload });

const createStaff = (cookie: string, payload: object) =>
  inject(t.app, { method: 'POST', url: '/api/department/staff', cookie, payload });

const post = (cookie: string, url: string, payload?: object) =>
  inject(t.app, { method: payload ? 'PUT' : 'POST', url, cookie, ...(payload ? { payload } : {}) });

/** The passwords created accounts' holders chose at their first login, by login. */
const chosen = new Map<string, string>();

/** Signs a created account in as its holder would: the first time, with the initial password, choosing their own. */
async function signIn(loginName: string, initial = VALID_PASSWORD): Promise<string> {
  const known = chosen.get(loginName);
  if (known) return login(t.app, loginName, known);
  const { cookie, password } = await signInAsNewHolder(t.app, loginName, initial);
  chosen.set(loginName, password);
  return cookie;
}

async function departmentAdmin(department: Department) {
  const body = officialBody({
    role: 'department',
    departmentId: department.id,
    duties: ['admin'],
    password: VALID_PASSWORD,
  });
  const created = await createOfficial(admin.cookie, body);
  expect(created.statusCode, created.body).toBe(201);
  return { id: created.json().account.id as string, cookie: await signIn(body.login) };
}

describe('省级管理员新建账号', () => {
  it('新建主管部门账号：系统生成初始密码只显示一次，首次登录须改密码，收到不含密码的邀请通知，记入审计日志', async () => {
    const body = officialBody({ role: 'department', departmentId: nanjing.id });
    const created = await createOfficial(admin.cookie, body);
    expect(created.statusCode, created.body).toBe(201);
    const { account, initialPassword } = created.json();
    expect(initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(account).toMatchObject({
      login: body.login,
      role: 'department',
      department: { id: nanjing.id, name: '南京市科学技术局' },
      duties: [],
      mobile: '13812345678',
      mustChangePassword: true,
      disabled: false,
    });

    const list = await inject(t.app, {
      method: 'GET',
      url: `/api/province/accounts?q=${body.login}`,
      cookie: admin.cookie,
    });
    expect(list.json().accounts).toHaveLength(1);
    expect(list.json().accounts[0]).toMatchObject({ id: account.id, mobile: '138****5678' });

    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: body.login, password: initialPassword },
    });
    expect(signedIn.statusCode).toBe(200);

    const [message, ...others] = await t.db.select().from(outbox).where(eq(outbox.userId, account.id));
    expect(others).toEqual([]);
    expect(message).toMatchObject({ kind: 'account.invited', address: body.email });
    expect(message!.body).toContain(body.login);
    expect(message!.body).not.toContain(initialPassword);

    const [entry] = await repos().audit.list({ action: 'user.created', entityId: account.id, limit: 1 });
    expect(entry).toMatchObject({ actorUserId: admin.userId });
    expect(entry!.after).toMatchObject({ login: body.login, role: 'department', departmentId: nanjing.id });
    expect(JSON.stringify(entry)).not.toContain(initialPassword);
    expect(JSON.stringify(entry)).not.toContain('13812345678');
  });

  it('新建省级工作人员：创建人选定的初始密码，职责随账号登录后由 /api/auth/me 给出', async () => {
    const body = officialBody({ role: 'province', duties: ['cooperation'], password: 'Chosen-2026' });
    const created = await createOfficial(admin.cookie, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().initialPassword).toBeNull();
    const me = await inject(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      cookie: await signIn(body.login, 'Chosen-2026'),
    });
    expect(me.json().user).toMatchObject({ role: 'province', duties: ['cooperation'] });
  });

  it('输入有误：逐项用中文指出字段，什么也不写入', async () => {
    const before = (await repos().users.listOfficials({})).length;
    const bad = await createOfficial(admin.cookie, {
      role: 'province',
      login: '王',
      displayName: '',
      mobile: '0251234',
      email: 'someone@',
      password: 'short',
      duties: [],
    });
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries(
      bad.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    expect(Object.keys(fields).sort()).toEqual(['displayName', 'email', 'login', 'mobile', 'password']);
    expect(fields.mobile).toMatch(/^手机号码：/);
    expect(fields.email).toMatch(/^电子邮箱：/);
    const noDuty = await createOfficial(admin.cookie, officialBody({ role: 'province', duties: [] }));
    expect(noDuty.json().error.fields).toEqual([{ path: 'duties', message: '职责：请至少选择一项职责' }]);

    const noDepartment = await createOfficial(
      admin.cookie,
      officialBody({ role: 'department', departmentId: randomUUID() }),
    );
    expect(noDepartment.statusCode).toBe(400);
    expect(noDepartment.json().error.fields).toEqual([
      { path: 'departmentId', message: '主管部门：所选部门不存在，请从列表中选择' },
    ]);
    const wrongDuty = await createOfficial(
      admin.cookie,
      officialBody({ role: 'department', departmentId: nanjing.id, duties: ['center'] }),
    );
    expect(wrongDuty.statusCode).toBe(400);
    expect(wrongDuty.json().error.fields[0]).toEqual({
      path: 'duties',
      message: '职责：主管部门账号不能担任“项目管理中心”',
    });

    const taken = await createOfficial(admin.cookie, {
      ...officialBody({ role: 'province', duties: ['center'] }),
      login: (await repos().users.findById(admin.userId))!.login,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('LOGIN_TAKEN');
    expect((await repos().users.listOfficials({})).length).toBe(before);
  });
});

describe('停用与启用', () => {
  it('停用即结束其全部会话（原 Cookie 答 401），不能再登录；重新启用后可以登录；都记入审计日志', async () => {
    const body = officialBody({ role: 'department', departmentId: nanjing.id, password: VALID_PASSWORD });
    const id = (await createOfficial(admin.cookie, body)).json().account.id;
    const cookie = await signIn(body.login);
    const otherCookie = await signIn(body.login);
    expect((await inject(t.app, { method: 'GET', url: '/api/review/applications', cookie })).statusCode).toBe(
      200,
    );

    const disabled = await post(admin.cookie, `/api/province/accounts/${id}/disable`);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().account.disabled).toBe(true);
    for (const old of [cookie, otherCookie]) {
      const refused = await inject(t.app, { method: 'GET', url: '/api/review/applications', cookie: old });
      expect(refused.statusCode).toBe(401);
    }
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, id))).toEqual([]);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: body.login, password: chosen.get(body.login) },
    });
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');

    expect((await post(admin.cookie, `/api/province/accounts/${id}/enable`)).json().account.disabled).toBe(
      false,
    );
    await signIn(body.login);

    const entries = await repos().audit.list({ entityId: id, limit: 10 });
    expect(entries.map((e) => e.action)).toEqual([
      'user.enabled',
      'user.disabled',
      'user.password-changed',
      'user.created',
    ]);
    expect(entries[1]).toMatchObject({
      actorUserId: admin.userId,
      before: { disabled: false },
      after: { disabled: true },
    });
  });

  it('不能停用自己，也不能修改自己的职责', async () => {
    const own = await post(admin.cookie, `/api/province/accounts/${admin.userId}/disable`);
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('OWN_ACCOUNT');
    const duties = await post(admin.cookie, `/api/province/accounts/${admin.userId}/duties`, {
      duties: ['center'],
    });
    expect(duties.json().error.code).toBe('OWN_ACCOUNT');
  });

  it('主管部门最后一位启用的管理员不能停用，也不能取消其管理员职责；有另一位后可以', async () => {
    // A department of its own: other tests add administrators to the seeded ones.
    const department = await ownDepartment(t, 'city');
    const first = await departmentAdmin(department);
    const lastOne = await post(admin.cookie, `/api/province/accounts/${first.id}/disable`);
    expect(lastOne.statusCode).toBe(409);
    expect(lastOne.json().error.code).toBe('LAST_ADMIN');
    const demoted = await post(admin.cookie, `/api/province/accounts/${first.id}/duties`, { duties: [] });
    expect(demoted.json().error.code).toBe('LAST_ADMIN');
    expect((await repos().users.findById(first.id))!).toMatchObject({ disabled: false, duties: ['admin'] });

    const second = await departmentAdmin(department);
    expect(
      (await post(first.cookie, `/api/department/staff/${second.id}/duties`, { duties: [] })).statusCode,
    ).toBe(200);
    expect(
      (await post(first.cookie, `/api/department/staff/${second.id}/duties`, { duties: ['admin'] }))
        .statusCode,
    ).toBe(200);
    const handedOver = await post(second.cookie, `/api/department/staff/${first.id}/disable`);
    expect(handedOver.statusCode, handedOver.body).toBe(200);
  });

  it('省级账号的职责可以修改，立即生效（下一个请求即按新职责判断）', async () => {
    const body = officialBody({ role: 'province', duties: ['center'], password: VALID_PASSWORD });
    const id = (await createOfficial(admin.cookie, body)).json().account.id;
    const cookie = await signIn(body.login);
    const run = () =>
      inject(t.app, { method: 'POST', url: '/api/province/announcements', cookie, payload: {} });
    expect((await run()).statusCode).toBe(403);
    const changed = await post(admin.cookie, `/api/province/accounts/${id}/duties`, {
      duties: ['cooperation', 'center'],
    });
    expect(changed.json().account.duties).toEqual(['center', 'cooperation']);
    expect((await run()).statusCode).toBe(400);
    const [entry] = await repos().audit.list({ action: 'user.duties-changed', entityId: id, limit: 1 });
    expect(entry).toMatchObject({
      before: { duties: ['center'] },
      after: { duties: ['center', 'cooperation'] },
    });
  });
});

describe('主管部门管理员管理本部门账号', () => {
  it('新建、列出本部门账号；别的部门和省级的账号与不存在的一样答 404；非管理员答 403', async () => {
    const nanjingAdmin = await departmentAdmin(nanjing);
    const staff = officialBody({ password: VALID_PASSWORD });
    const created = await createStaff(nanjingAdmin.cookie, staff);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().account).toMatchObject({
      role: 'department',
      department: { id: nanjing.id },
      duties: [],
      mustChangePassword: true,
    });

    const list = await inject(t.app, {
      method: 'GET',
      url: '/api/department/staff',
      cookie: nanjingAdmin.cookie,
    });
    expect(
      list.json().accounts.every((a: { department: { id: string } }) => a.department.id === nanjing.id),
    ).toBe(true);
    expect(list.json().accounts.map((a: { login: string }) => a.login)).toContain(staff.login);

    const suzhouAdmin = await departmentAdmin(suzhou);
    for (const id of [suzhouAdmin.id, admin.userId, randomUUID()]) {
      for (const action of ['disable', 'enable']) {
        const response = await post(nanjingAdmin.cookie, `/api/department/staff/${id}/${action}`);
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('NOT_FOUND');
      }
      expect(
        (await post(nanjingAdmin.cookie, `/api/department/staff/${id}/duties`, { duties: [] })).statusCode,
      ).toBe(404);
    }
    expect((await repos().users.findById(suzhouAdmin.id))!.disabled).toBe(false);

    const staffCookie = await signIn(staff.login);
    const refused = await createStaff(staffCookie, officialBody({}));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('MISSING_DUTY');
    const crossed = await createStaff(nanjingAdmin.cookie, officialBody({ duties: ['center'] }));
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().error.fields[0].path).toBe('duties');
  });

  it('省级账号管理的接口不接受主管部门、申报单位和专家（403），也不管理专家和申报单位的账号（404）', async () => {
    const department = await departmentAdmin(nanjing);
    const response = await inject(t.app, {
      method: 'GET',
      url: '/api/province/accounts',
      cookie: department.cookie,
    });
    expect(response.statusCode).toBe(403);
    const expert = await insertUser(t, 'expert');
    expect((await post(admin.cookie, `/api/province/accounts/${expert.user.id}/disable`)).statusCode).toBe(
      404,
    );
    expect((await repos().users.findById(expert.user.id))!.disabled).toBe(false);
  });
});
