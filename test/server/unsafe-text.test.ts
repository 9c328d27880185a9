import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organizations } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { registrationBody } from '../support/factories/server.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';

// NUL characters and lone surrogates, which PostgreSQL cannot store, are refused at validation for every route.

const t = useTestApp();

const errorOf = (response: { statusCode: number; json(): unknown }) => ({
  status: response.statusCode,
  body: response.json() as { error: { code: string; fields?: { path: string; message: string }[] } },
});

describe('空字符与不成对的代理字符', () => {
  it('登录名含 \\u0000：400，指出字段', async () => {
    const { status, body } = errorOf(
      await inject(t.app, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'admin\u0000', password: 'x' },
      }),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields).toEqual([{ path: 'login', message: expect.stringContaining('空字符') }]);
  });

  it('注册单位时名称含不成对的代理字符：400，指出嵌套字段，不写入任何数据', async () => {
    const departmentId = (await repositories(t.db).departments.list())[0]!.id;
    const payload = registrationBody({ departmentId, name: '星河\ud800科技' });
    const response = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/register-organization',
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
    });
    const { status, body } = errorOf(response);
    expect(status).toBe(400);
    expect(body.error.fields?.map((f) => f.path)).toEqual(['organization.name']);
    const stored = await t.db
      .select()
      .from(organizations)
      .where(eq(organizations.creditCode, payload.organization.creditCode));
    expect(stored).toEqual([]);
  });

  it('成对的代理字符（如 emoji）照常接受', async () => {
    const response = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'nobody😀', password: 'wrong-password' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('路径参数与查询参数中的 %00：400，指出参数', async () => {
    const { cookie } = await insertUser(t, 'province');
    const path = errorOf(await inject(t.app, { method: 'GET', url: '/api/province/calls/%00', cookie }));
    expect(path.status).toBe(400);
    expect(path.body.error.fields?.[0]?.path).toBe('id');

    const department = await insertUser(t, 'department');
    const query = errorOf(
      await inject(t.app, {
        method: 'GET',
        url: '/api/review/applications?callId=a%00b',
        cookie: department.cookie,
      }),
    );
    expect(query.status).toBe(400);
    expect(query.body.error.fields?.[0]?.path).toBe('callId');
  });

  it('字段名含空字符同样被拒绝', async () => {
    const response = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: JSON.stringify({ login: 'a', password: 'b', 'x\u0000': 1 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
  });
});
