import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonView } from '../../src/contract/people.js';
import { accountBody, personBody } from '../support/factories/server.js';
import {
  inject,
  insertUser,
  login,
  registerUnitAdmin,
  signInAsNewHolder,
  type UnitAdmin,
  useTestApp,
} from '../support/harness.js';

const t = useTestApp();

let admin: UnitAdmin;
let otherAdmin: UnitAdmin;

beforeAll(async () => {
  admin = await registerUnitAdmin(t);
  otherAdmin = await registerUnitAdmin(t);
});

async function createPerson(by: UnitAdmin, body: object = personBody()): Promise<PersonView> {
  const response = await inject(t.app, {
    method: 'POST',
    url: '/api/organization/people',
    cookie: by.cookie,
    payload: body,
  });
  expect(response.statusCode).toBe(201);
  return response.json().person;
}

async function listPeople(by: UnitAdmin): Promise<PersonView[]> {
  const response = await inject(t.app, { method: 'GET', url: '/api/organization/people', cookie: by.cookie });
  expect(response.statusCode).toBe(200);
  return response.json().people;
}

describe('GET /api/organization/people', () => {
  it('单位管理员只看到本单位的项目负责人', async () => {
    const mine = await createPerson(admin);
    const theirs = await createPerson(otherAdmin);
    const ids = (await listPeople(admin)).map((p) => p.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
  });
});

describe('POST /api/organization/people', () => {
  it('登记项目负责人', async () => {
    const body = personBody({
      name: '  张三 ',
      idNumber: '32010219800101123x',
      ongoingProvincialProjects: 1,
    });
    const person = await createPerson(admin, body);
    expect(person).toMatchObject({
      name: '张三',
      idNumber: '3201**********123X',
      ongoingProvincialProjects: 1,
      dishonestyUntil: null,
      login: null,
    });
    expect(await listPeople(admin)).toContainEqual(person);
  });

  it('同时开通的项目负责人账号可以登录，身份为 pi', async () => {
    const account = accountBody();
    const person = await createPerson(admin, personBody({ name: '李四', account }));
    expect(person.login).toBe(account.login);
    const cookie = await login(t.app, account.login);
    const me = await inject(t.app, { method: 'GET', url: '/api/auth/me', cookie });
    expect(me.json().user).toMatchObject({
      role: 'pi',
      displayName: '李四',
      person: { id: person.id, name: '李四' },
      organization: { id: admin.organizationId },
    });
  });

  it('开通的账号首次登录须先改为自己的密码，此前其他接口一律答 PASSWORD_CHANGE_REQUIRED', async () => {
    const account = accountBody();
    await createPerson(admin, personBody({ account }));
    const cookie = await login(t.app, account.login, account.password);
    const me = await inject(t.app, { method: 'GET', url: '/api/auth/me', cookie });
    expect(me.json().user).toMatchObject({ role: 'pi', mustChangePassword: true });
    const gated = await inject(t.app, { method: 'GET', url: '/api/applications', cookie });
    expect(gated.statusCode).toBe(403);
    expect(gated.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const { cookie: own, password } = await signInAsNewHolder(t.app, account.login, account.password);
    expect((await inject(t.app, { method: 'GET', url: '/api/applications', cookie: own })).statusCode).toBe(
      200,
    );
    const again = await login(t.app, account.login, password);
    const after = await inject(t.app, { method: 'GET', url: '/api/auth/me', cookie: again });
    expect(after.json().user.mustChangePassword).toBe(false);
  });

  it('字段有误时以中文指出', async () => {
    const response = await inject(t.app, {
      method: 'POST',
      url: '/api/organization/people',
      cookie: admin.cookie,
      payload: {
        name: '  ',
        ongoingProvincialProjects: -1,
        account: accountBody({ login: 'x' }),
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'name', message: '姓名：不能为空' },
      { path: 'ongoingProvincialProjects', message: '主持的在研省级科技项目数：不能小于 0' },
      { path: 'account.login', message: '登录名应为 3–64 位字母、数字或 . _ @ -，并以字母或数字开头' },
    ]);
  });

  it('登录名已被占用时返回 409，人员也不被写入', async () => {
    const before = await listPeople(admin);
    const response = await inject(t.app, {
      method: 'POST',
      url: '/api/organization/people',
      cookie: admin.cookie,
      payload: personBody({ account: accountBody({ login: otherAdmin.login }) }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('LOGIN_TAKEN');
    expect(await listPeople(admin)).toEqual(before);
  });

  it('本单位重复的证件号码返回 409；别的单位可以登记同一证件号码', async () => {
    const body = personBody();
    await createPerson(admin, body);
    const again = await inject(t.app, {
      method: 'POST',
      url: '/api/organization/people',
      cookie: admin.cookie,
      payload: body,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ID_NUMBER_TAKEN');
    await createPerson(otherAdmin, body);
  });
});

describe('PATCH /api/organization/people/:id', () => {
  it('修改本单位项目负责人，账号显示名随之更新', async () => {
    const account = accountBody();
    const person = await createPerson(admin, personBody({ account }));
    const response = await inject(t.app, {
      method: 'PATCH',
      url: `/api/organization/people/${person.id}`,
      cookie: admin.cookie,
      payload: { name: '王五', idNumber: null, ongoingProvincialProjects: 2 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().person).toEqual({
      ...person,
      name: '王五',
      idNumber: null,
      ongoingProvincialProjects: 2,
    });
    const me = await inject(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      cookie: await login(t.app, account.login),
    });
    expect(me.json().user.displayName).toBe('王五');
  });

  it('空的修改被拒绝', async () => {
    const person = await createPerson(admin);
    const response = await inject(t.app, {
      method: 'PATCH',
      url: `/api/organization/people/${person.id}`,
      cookie: admin.cookie,
      payload: {},
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: '', message: '请求内容：请至少修改一项' }]);
  });

  it('编号格式错误时指出路径参数', async () => {
    const response = await inject(t.app, {
      method: 'PATCH',
      url: '/api/organization/people/not-a-uuid',
      cookie: admin.cookie,
      payload: { name: '赵六' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'id', message: '编号：应为有效的编号（UUID）' }]);
  });

  it('别的单位的人员与不存在的人员得到同样的 404，且未被修改', async () => {
    const theirs = await createPerson(otherAdmin, personBody({ name: '外单位' }));
    const patch = (id: string) =>
      inject(t.app, {
        method: 'PATCH',
        url: `/api/organization/people/${id}`,
        cookie: admin.cookie,
        payload: { name: '篡改' },
      });
    const foreign = await patch(theirs.id);
    const missing = await patch(randomUUID());
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    expect((await listPeople(otherAdmin)).find((p) => p.id === theirs.id)?.name).toBe('外单位');
  });
});

describe('authorization of /api/organization/people', () => {
  const routes = [
    { method: 'GET', url: () => '/api/organization/people' },
    { method: 'POST', url: () => '/api/organization/people', payload: personBody() },
    { method: 'PATCH', url: () => `/api/organization/people/${randomUUID()}`, payload: { name: '钱七' } },
  ] as const;

  it.each(routes)('$method 未登录返回 401', async (route) => {
    const response = await inject(t.app, {
      method: route.method,
      url: route.url(),
      payload: 'payload' in route ? route.payload : undefined,
    });
    expect(response.statusCode).toBe(401);
  });

  it.each(['pi', 'department', 'province', 'expert'] as const)('%s 角色无权管理单位人员', async (role) => {
    const scope =
      role === 'pi' ? { organizationId: admin.organizationId, personId: (await createPerson(admin)).id } : {};
    const { cookie } = await insertUser(t, role, scope);
    for (const route of routes) {
      const response = await inject(t.app, {
        method: route.method,
        url: route.url(),
        cookie,
        payload: 'payload' in route ? route.payload : undefined,
      });
      expect(response.statusCode, `${role} ${route.method}`).toBe(403);
      expect(response.json().error).toEqual({ code: 'FORBIDDEN', message: '当前账号无权执行此操作' });
    }
  });
});
