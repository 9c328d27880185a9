import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { repositories } from '../../src/server/repositories/index.js';
import { registrationBody, VALID_PASSWORD } from '../support/factories/server.js';
import { login, useTestApp } from '../support/harness.js';

const t = useTestApp();

async function anyDepartmentId(): Promise<string> {
  return (await repositories(t.db).departments.list())[0]!.id;
}

function register(payload: object) {
  return t.app.inject({ method: 'POST', url: '/api/auth/register-organization', payload });
}

describe('POST /api/auth/register-organization', () => {
  it('注册单位并创建单位管理员，管理员随即可以登录', async () => {
    const body = registrationBody({ departmentId: await anyDepartmentId() });
    const response = await register(body);
    expect(response.statusCode).toBe(201);
    const { organization, user } = response.json();
    expect(organization).toMatchObject({
      name: body.organization.name,
      creditCode: body.organization.creditCode,
    });
    expect(user).toMatchObject({
      login: body.admin.login,
      role: 'unit-admin',
      organization: { id: organization.id, name: body.organization.name },
      person: null,
      department: null,
    });

    const cookie = await login(t.app, body.admin.login, VALID_PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user.organization.id).toBe(organization.id);
  });

  it('管理员的手机号码和电子邮箱必填，规范化后保存，写错时以中文指出字段', async () => {
    const body = registrationBody({ departmentId: await anyDepartmentId() });
    const { mobile: _mobile, ...withoutMobile } = body.admin;
    const missing = await register({ ...body, admin: { ...withoutMobile, email: 'not-an-address' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([
      { path: 'admin.mobile', message: '手机号码：必填' },
      { path: 'admin.email', message: expect.stringMatching(/^电子邮箱：应为有效的电子邮箱地址/) },
    ]);
    const wrongMobile = await register({ ...body, admin: { ...body.admin, mobile: '2345678901' } });
    expect(wrongMobile.json().error.fields).toEqual([
      { path: 'admin.mobile', message: expect.stringMatching(/^手机号码：应为 11 位手机号码/) },
    ]);

    const created = await register({
      ...body,
      admin: { ...body.admin, mobile: '+86 139 1234 5678', email: ' Admin@Example.COM ' },
    });
    expect(created.statusCode).toBe(201);
    const user = await repositories(t.db).users.findByLogin(body.admin.login);
    expect(user).toMatchObject({ mobile: '13912345678', email: 'admin@example.com' });
  });

  it('统一社会信用代码先规范化（去空格、全角转半角、转大写）再校验和保存', async () => {
    const body = registrationBody({ departmentId: await anyDepartmentId() });
    const code = body.organization.creditCode;
    const fullWidth = Array.from(code.toLowerCase(), (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    ).join('');
    const response = await register({
      ...body,
      organization: { ...body.organization, creditCode: ` ${fullWidth} ` },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().organization.creditCode).toBe(code);
  });

  it('校验位错误的统一社会信用代码被拒绝，并指明字段', async () => {
    const body = registrationBody({ departmentId: await anyDepartmentId() });
    const code = body.organization.creditCode;
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const response = await register({ ...body, organization: { ...body.organization, creditCode: wrong } });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual([
      {
        path: 'organization.creditCode',
        message: expect.stringMatching(/^统一社会信用代码校验位（第 18 位）应为/),
      },
    ]);
  });

  it('缺少或写错的字段逐个以中文指出', async () => {
    const body = registrationBody({ departmentId: await anyDepartmentId() });
    const { name: _name, ...withoutName } = body.organization;
    const response = await register({
      organization: { ...withoutName, kind: 'company', registeredOn: '2015-02-30' },
      admin: { ...body.admin, password: 'short1' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'organization.name', message: '单位名称：必填' },
      { path: 'organization.kind', message: expect.stringMatching(/^单位类型：应为以下之一："enterprise"/) },
      { path: 'organization.registeredOn', message: '注册日期：应为 YYYY-MM-DD 格式的有效日期' },
      { path: 'admin.password', message: '密码：至少 10 个字符' },
    ]);
  });

  it('注册日期晚于今天（北京时间）被拒绝', async () => {
    // TEST_START is 2026-11-23 09:00 in Beijing.
    const tomorrow = registrationBody({ departmentId: await anyDepartmentId(), registeredOn: '2026-11-24' });
    const response = await register(tomorrow);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'organization.registeredOn', message: '注册日期：不能晚于今天' },
    ]);
    const today = registrationBody({ departmentId: await anyDepartmentId(), registeredOn: '2026-11-23' });
    expect((await register(today)).statusCode).toBe(201);
  });

  it('不存在或已停用的项目主管部门被拒绝', async () => {
    const refused = [
      { path: 'organization.departmentId', message: '项目主管部门：所选部门不存在或已停用，请从列表中选择' },
    ];
    const body = registrationBody({ departmentId: '6f1c2a64-7d0e-4b7a-9d55-0c2b3f0e8a11' });
    const response = await register(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual(refused);
    const inactive = await repositories(t.db).departments.insert({
      name: `已停用的主管部门${randomUUID()}`,
      kind: 'university',
      active: false,
    });
    const underInactive = await register(registrationBody({ departmentId: inactive.id }));
    expect(underInactive.statusCode).toBe(400);
    expect(underInactive.json().error.fields).toEqual(refused);
  });

  it('统一社会信用代码已注册时返回 409，且不创建管理员账号', async () => {
    const departmentId = await anyDepartmentId();
    const first = registrationBody({ departmentId });
    expect((await register(first)).statusCode).toBe(201);
    const second = registrationBody({ departmentId, creditCode: first.organization.creditCode });
    const response = await register(second);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'CREDIT_CODE_TAKEN',
      message: expect.stringContaining('该统一社会信用代码已注册'),
    });
    expect(await repositories(t.db).users.findByLogin(second.admin.login)).toBeUndefined();
  });

  it('登录名已被占用时返回 409，且单位不被写入', async () => {
    const departmentId = await anyDepartmentId();
    const first = registrationBody({ departmentId });
    expect((await register(first)).statusCode).toBe(201);
    const second = registrationBody({ departmentId }, { login: first.admin.login.toUpperCase() });
    const response = await register(second);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('LOGIN_TAKEN');
    // Nothing half-written: the same organization can still register with a free login.
    const retry = await register({ ...second, admin: { ...second.admin, login: `${first.admin.login}-2` } });
    expect(retry.statusCode).toBe(201);
  });
});
