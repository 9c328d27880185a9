import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../../src/contract/vocabulary.js';
import { unitWithPerson } from '../support/api/applicant.js';
import { personBody, uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import { inject, insertUser, login, useTestApp } from '../support/harness.js';

// Every route the OpenAPI document lists, called with random ids: without a session, and by each role under
// the prefixes it may never use. The document is the list, so a new route is swept without touching this file.

const t = useTestApp();

/** Anyone may call these, each for a stated reason; every other route needs a session. */
const PUBLIC: Record<string, string> = {
  'GET /api/health': '负载均衡探活，只答服务与数据库是否可用',
  'GET /api/departments': '注册单位时选择项目主管部门',
  'GET /api/calls': '公开的申报计划（草稿不列出）',
  'GET /api/calls/{id}/requirements': '申报材料要求，与通知一样公开（草稿计划答“不存在”）',
  'GET /api/calls/{id}/commitments': '承诺书的通知文号和承诺事项，与通知一样公开（草稿计划答“不存在”）',
  'POST /api/auth/register-organization': '单位自行注册',
  'POST /api/auth/claim-organization': '发现信用代码已注册的人向其主管部门申请认领（按地址每小时限次）',
  'POST /api/auth/login': '登录',
  'POST /api/auth/logout': '无会话时只清除 Cookie',
  'GET /api/auth/me': '每个页面都问当前用户，公开页面也问；未登录答 { user: null }，浏览器不记失败的请求',
  'POST /api/receipts/verify': '持回执者核验签名，只用服务器公钥，不读数据库',
  'GET /api/public/announcements': '公示无需登录（任务五、6）',
  'GET /api/public/announcements/{id}': '公示无需登录（任务五、6）',
  'GET /api/public/audit-checkpoints': '审计日志的签名检查点，公开供任何人留存核验（只有序号、哈希和时间）',
};

/** Prefixes and the roles that may use them; every other role must be refused there. */
const FENCES: [prefix: string, roles: UserRole[]][] = [
  ['/api/province/', ['province']],
  ['/api/expert/', ['expert']],
  ['/api/department/', ['department']],
  ['/api/review/', ['department', 'province']],
  ['/api/organization/', ['unit-admin']],
];

interface Operation {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  url: string;
}

let operations: Operation[] = [];
const cookies = {} as Record<UserRole, string>;

function expectAppError(response: LightMyRequestResponse, name: string) {
  const body = response.json();
  expect(Object.keys(body), name).toEqual(['error']);
  expect(body.error.code, name).toMatch(/^[A-Z_]+$/);
  expect(body.error.message, name).toMatch(/\p{Script=Han}/u);
  expect(response.body, name).not.toMatch(/stack|\.ts:\d|\bat \w+ \(/);
}

beforeAll(async () => {
  const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, methods]) =>
      Object.keys(methods).map((m) => {
        const method = m.toUpperCase() as Operation['method'];
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        return { name: `${method} ${path}`, method, path, url };
      }),
  );

  const admin = await unitWithPerson(t);
  cookies['unit-admin'] = admin.cookie;
  const pi = personBody({ account: { login: uniqueLogin('pi'), password: VALID_PASSWORD } });
  const created = await inject(t.app, {
    method: 'POST',
    url: '/api/organization/people',
    cookie: admin.cookie,
    payload: pi,
  });
  expect(created.statusCode).toBe(201);
  cookies.pi = await login(t.app, pi.account!.login);
  for (const role of ['department', 'province', 'expert'] as const) {
    cookies[role] = (await insertUser(t, role)).cookie;
  }
});

describe('没有登录', () => {
  it('OpenAPI 列出的接口都被检查到（含公开接口）', () => {
    expect(operations.length).toBeGreaterThan(90);
    const names = new Set(operations.map((o) => o.name));
    expect(Object.keys(PUBLIC).filter((name) => !names.has(name))).toEqual([]);
  });

  it('除公开接口外，每个接口不读请求内容就答 401“请先登录”', async () => {
    const answered: string[] = [];
    for (const op of operations.filter((o) => !(o.name in PUBLIC))) {
      // An invalid body: a route that validated before authenticating would answer 400.
      const response = await inject(t.app, {
        method: op.method,
        url: op.url,
        ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: { invalid: true } }),
      });
      expectAppError(response, op.name);
      answered.push(`${op.name} ${response.statusCode} ${response.json().error.code}`);
    }
    expect(answered.filter((a) => !a.endsWith(' 401 UNAUTHENTICATED'))).toEqual([]);
  });

  it('公开接口不需要登录，出错时也答中文错误而不是 500', async () => {
    for (const op of operations.filter((o) => o.name in PUBLIC)) {
      const response = await inject(t.app, { method: op.method, url: op.url });
      expect(response.statusCode, op.name).not.toBe(401);
      expect(response.statusCode, op.name).toBeLessThan(500);
      if (response.statusCode >= 400) expectAppError(response, op.name);
    }
  });
});

describe('角色不能使用的接口前缀', () => {
  it.each(['unit-admin', 'pi', 'department', 'province', 'expert'] as UserRole[])(
    '%s 在不属于它的前缀下一律被拒绝（403 或 404），从不成功',
    async (role) => {
      const refused = operations.filter((o) =>
        FENCES.some(([prefix, roles]) => o.path.startsWith(prefix) && !roles.includes(role)),
      );
      expect(refused.length).toBeGreaterThan(0);
      for (const op of refused) {
        const response = await inject(t.app, {
          method: op.method,
          url: op.url,
          cookie: cookies[role],
          ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: { invalid: true } }),
        });
        expect([403, 404], `${role} ${op.name} → ${response.statusCode}`).toContain(response.statusCode);
        expectAppError(response, op.name);
      }
    },
  );

  it.each(['unit-admin', 'pi', 'department', 'province', 'expert'] as UserRole[])(
    '%s 用随机编号调用每个接口，从不答 500，错误都是中文的 AppError',
    async (role) => {
      for (const op of operations.filter((o) => o.name !== 'POST /api/auth/logout')) {
        const response = await inject(t.app, { method: op.method, url: op.url, cookie: cookies[role] });
        expect(response.statusCode, `${role} ${op.name}`).toBeLessThan(500);
        if (response.statusCode >= 400) expectAppError(response, `${role} ${op.name}`);
      }
    },
  );
});
