import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { USER_ROLES, type Duty, type UserRole } from '../../src/contract/vocabulary.js';
import { unitWithPerson } from '../support/api/applicant.js';
import { accountBody, personBody } from '../support/factories/server.js';
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
  'POST /api/auth/password-reset': '忘记密码的人无法登录；无论账号是否存在答复都相同，并限制频率',
  'POST /api/auth/password-reset/complete': '持邮件中一次性、30 分钟有效的链接设置新密码',
  'POST /api/invitations/inspect': '受邀者打开邮件中的链接，尚无账号；只答邀请单位和角色',
  'POST /api/invitations/accept': '受邀者凭一次性链接开通账号',
  'POST /api/receipts/verify': '持回执者核验签名，只用服务器公钥，不读数据库',
  'GET /api/public/announcements': '公示无需登录（任务五、6）',
  'GET /api/public/announcements/{id}': '公示无需登录（任务五、6）',
  'POST /api/public/announcements/{id}/objections':
    '公示期内任何人可实名对公示项目提出异议（任务十四、7）；不受理匿名，按地址每小时限次',
  'POST /api/public/objections/{reference}/evidence':
    '异议人凭提出异议时给出的凭证补充证明材料（公示期内，按地址每小时限次）',
  'GET /api/public/audit-checkpoints': '审计日志的签名检查点，公开供任何人留存核验（只有序号、哈希和时间）',
  'GET /api/public/fingerprints/{sha256}':
    '纸质材料封面二维码核验定稿指纹，只答生成时间、计划、受理编号和是否现行定稿',
};

/** Prefixes and the roles that may use them; every other role must be refused there. */
const FENCES: [prefix: string, roles: UserRole[]][] = [
  ['/api/province/', ['province']],
  ['/api/expert/', ['expert']],
  ['/api/department/', ['department']],
  ['/api/review/', ['department', 'province']],
  ['/api/organization/users', ['unit-admin']],
  ['/api/organization/invitations', ['unit-admin']],
  ['/api/organization/', ['unit-admin', 'unit-contact']],
  ['/api/department/', ['department']],
];

/**
 * What each route that changes something needs of an official beyond the role (管理员 holds every duty); the
 * province's and departments' reading needs none. Every province route but a GET must be listed here.
 */
const DUTIES_NEEDED: Record<string, { role: 'province' | 'department'; duty: Duty }> = {
  'POST /api/province/calls/{id}/open': { role: 'province', duty: 'admin' },
  'PUT /api/province/scoring-forms/{roundId}/{topic}': { role: 'province', duty: 'center' },
  'POST /api/province/departments': { role: 'province', duty: 'admin' },
  'POST /api/province/departments/import/preview': { role: 'province', duty: 'admin' },
  'POST /api/province/departments/import': { role: 'province', duty: 'admin' },
  'PUT /api/province/departments/{id}': { role: 'province', duty: 'admin' },
  'PUT /api/province/departments/{id}/contact': { role: 'province', duty: 'admin' },
  'POST /api/province/departments/{id}/deactivate': { role: 'province', duty: 'admin' },
  'POST /api/province/departments/{id}/activate': { role: 'province', duty: 'admin' },
  'DELETE /api/province/departments/{id}': { role: 'province', duty: 'admin' },
  'POST /api/province/organizations/{id}/platforms': { role: 'province', duty: 'center' },
  'DELETE /api/province/organization-platforms/{id}': { role: 'province', duty: 'center' },
  'POST /api/province/calls/{id}/invitations': { role: 'province', duty: 'cooperation' },
  'DELETE /api/province/invitations/{id}': { role: 'province', duty: 'cooperation' },
  'PUT /api/province/applications/{id}/directed': { role: 'province', duty: 'cooperation' },
  'DELETE /api/province/applications/{id}/directed': { role: 'province', duty: 'cooperation' },
  'POST /api/province/calls/{id}/close': { role: 'province', duty: 'admin' },
  'PUT /api/province/calls/{id}/deadlines': { role: 'province', duty: 'admin' },
  'POST /api/province/calls/{id}/clone': { role: 'province', duty: 'admin' },
  'PUT /api/province/calls/{id}/document': { role: 'province', duty: 'admin' },
  'POST /api/province/calls/{id}/document/preview': { role: 'province', duty: 'admin' },
  'POST /api/province/calls': { role: 'province', duty: 'admin' },
  'DELETE /api/province/calls/{id}': { role: 'province', duty: 'admin' },
  'POST /api/province/accounts': { role: 'province', duty: 'admin' },
  'POST /api/province/accounts/{id}/disable': { role: 'province', duty: 'admin' },
  'POST /api/province/accounts/{id}/enable': { role: 'province', duty: 'admin' },
  'PUT /api/province/accounts/{id}/duties': { role: 'province', duty: 'admin' },
  'POST /api/province/cross-checks/runs': { role: 'province', duty: 'center' },
  'POST /api/province/panels': { role: 'province', duty: 'center' },
  'PUT /api/province/panels/{id}/items/{itemId}': { role: 'province', duty: 'center' },
  'PUT /api/province/panels/{id}/items/{itemId}/votes/{expertId}': { role: 'province', duty: 'center' },
  'POST /api/province/paper/receipts': { role: 'province', duty: 'center' },
  'POST /api/province/paper/receipts/{id}/correction': { role: 'province', duty: 'center' },
  'POST /api/province/registers/{kind}/preview': { role: 'province', duty: 'center' },
  'POST /api/province/registers/{kind}/import': { role: 'province', duty: 'center' },
  'PUT /api/province/formal-review/{id}': { role: 'province', duty: 'center' },
  'POST /api/province/appeals/{id}/decision': { role: 'province', duty: 'center' },
  'POST /api/province/experts': { role: 'province', duty: 'center' },
  'PUT /api/province/experts/{id}': { role: 'province', duty: 'center' },
  'POST /api/province/experts/{id}/conflicts': { role: 'province', duty: 'center' },
  'DELETE /api/province/experts/{id}/conflicts/{conflictId}': { role: 'province', duty: 'center' },
  'POST /api/province/experts/applications/{id}/assignments': { role: 'province', duty: 'center' },
  'POST /api/province/experts/auto-assign': { role: 'province', duty: 'center' },
  'PATCH /api/province/experts/assignments/{id}': { role: 'province', duty: 'center' },
  'DELETE /api/province/experts/assignments/{id}': { role: 'province', duty: 'center' },
  'POST /api/province/experts/reminders': { role: 'province', duty: 'center' },
  'POST /api/province/review-rounds': { role: 'province', duty: 'center' },
  'POST /api/province/review-rounds/{id}/invitations': { role: 'province', duty: 'center' },
  'POST /api/province/experts/vacancies/{id}/reassign': { role: 'province', duty: 'center' },
  'POST /api/review/import/preview': { role: 'province', duty: 'center' },
  'POST /api/review/import': { role: 'province', duty: 'center' },
  'PUT /api/province/decisions/{id}': { role: 'province', duty: 'cooperation' },
  'POST /api/province/decisions/{id}/undo': { role: 'province', duty: 'cooperation' },
  'POST /api/province/decisions/{id}/contract-stage': { role: 'province', duty: 'cooperation' },
  'PUT /api/province/contracts/{id}/basics': { role: 'province', duty: 'cooperation' },
  'POST /api/province/contracts/{id}/sign': { role: 'province', duty: 'cooperation' },
  'POST /api/province/announcements': { role: 'province', duty: 'cooperation' },
  'POST /api/province/announcements/{id}/publish': { role: 'province', duty: 'cooperation' },
  'DELETE /api/province/announcements/{id}': { role: 'province', duty: 'cooperation' },
  'POST /api/province/objections/{id}/register': { role: 'province', duty: 'cooperation' },
  'POST /api/province/objections/{id}/notes': { role: 'province', duty: 'cooperation' },
  'POST /api/province/objections/{id}/close': { role: 'province', duty: 'cooperation' },
  'PUT /api/province/calls/{id}/feedback-setting': { role: 'province', duty: 'cooperation' },
  'POST /api/province/applications/{id}/feedback': { role: 'province', duty: 'cooperation' },
  'GET /api/province/accounts': { role: 'province', duty: 'admin' },
  'GET /api/department/staff': { role: 'department', duty: 'admin' },
  'POST /api/department/staff': { role: 'department', duty: 'admin' },
  'POST /api/department/staff/{id}/disable': { role: 'department', duty: 'admin' },
  'POST /api/department/staff/{id}/enable': { role: 'department', duty: 'admin' },
  'PUT /api/department/staff/{id}/duties': { role: 'department', duty: 'admin' },
};

interface Operation {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  url: string;
}

let operations: Operation[] = [];
const cookies = {} as Record<UserRole, string>;
/** Officials holding one duty each (or none), besides the 管理员 in `cookies`. */
const officials = {} as Record<'cooperation' | 'center' | 'none', string> & { departmentStaff: string };

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
  const pi = personBody({ account: accountBody() });
  const created = await inject(t.app, {
    method: 'POST',
    url: '/api/organization/people',
    cookie: admin.cookie,
    payload: pi,
  });
  expect(created.statusCode).toBe(201);
  cookies.pi = await login(t.app, pi.account!.login);
  cookies['unit-contact'] = (
    await insertUser(t, 'unit-contact', { organizationId: admin.organizationId })
  ).cookie;
  for (const role of ['department', 'province', 'expert'] as const) {
    cookies[role] = (await insertUser(t, role)).cookie;
  }
  for (const duty of ['cooperation', 'center'] as const) {
    officials[duty] = (await insertUser(t, 'province', { duties: [duty] })).cookie;
  }
  officials.none = (await insertUser(t, 'province', { duties: [] })).cookie;
  officials.departmentStaff = (await insertUser(t, 'department', { duties: [] })).cookie;
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
  it.each(USER_ROLES)('%s 在不属于它的前缀下一律被拒绝（403 或 404），从不成功', async (role) => {
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
  });

  it.each(USER_ROLES)('%s 用随机编号调用每个接口，从不答 500，错误都是中文的 AppError', async (role) => {
    for (const op of operations.filter((o) => o.name !== 'POST /api/auth/logout')) {
      const response = await inject(t.app, { method: op.method, url: op.url, cookie: cookies[role] });
      expect(response.statusCode, `${role} ${op.name}`).toBeLessThan(500);
      if (response.statusCode >= 400) expectAppError(response, `${role} ${op.name}`);
    }
  });
});

describe('职责：省级和主管部门账号只能做其职责内的修改，阅读不受限', () => {
  const send = (op: Operation, cookie: string) =>
    inject(t.app, {
      method: op.method,
      url: op.url,
      cookie,
      ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: { invalid: true } }),
    });

  it('省级的每个修改接口都列明了所需职责，列出的接口都存在', () => {
    const names = new Set(operations.map((o) => o.name));
    const writes = operations.filter((o) => o.path.startsWith('/api/province/') && o.method !== 'GET');
    expect(writes.filter((o) => !(o.name in DUTIES_NEEDED)).map((o) => o.name)).toEqual([]);
    expect(Object.keys(DUTIES_NEEDED).filter((name) => !names.has(name))).toEqual([]);
  });

  it('缺少职责的账号在读取请求内容之前即被拒绝（403 MISSING_DUTY）；有该职责或为管理员时不因职责被拒', async () => {
    for (const op of operations.filter((o) => o.name in DUTIES_NEEDED)) {
      const { role, duty } = DUTIES_NEEDED[op.name]!;
      const lacking =
        role === 'department'
          ? [officials.departmentStaff]
          : (['cooperation', 'center', 'none'] as const).filter((d) => d !== duty).map((d) => officials[d]);
      for (const cookie of lacking) {
        const response = await send(op, cookie);
        expect(response.statusCode, op.name).toBe(403);
        expect(response.json().error.code, op.name).toBe('MISSING_DUTY');
      }
      const holders = [
        cookies[role],
        ...(duty === 'admin' ? [] : [officials[duty as 'cooperation' | 'center']]),
      ];
      for (const cookie of holders) {
        const response = await send(op, cookie);
        expect(response.statusCode, `${op.name} → ${response.body}`).not.toBe(403);
        expect(response.statusCode, op.name).toBeLessThan(500);
      }
    }
  });

  it('没有任何职责的省级账号可以阅读省级的每个页面（GET 从不 403）', async () => {
    const reads = operations.filter(
      (o) => o.method === 'GET' && o.path.startsWith('/api/province/') && !(o.name in DUTIES_NEEDED),
    );
    expect(reads.length).toBeGreaterThan(20);
    for (const op of reads) {
      const response = await send(op, officials.none);
      expect(response.statusCode, op.name).not.toBe(403);
      expect(response.statusCode, op.name).toBeLessThan(500);
    }
  });

  it('对外合作处的账号不能作形式审查，项目管理中心的账号不能作立项决定', async () => {
    const id = randomUUID();
    const review = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/formal-review/${id}`,
      cookie: officials.cooperation,
      payload: { result: 'accepted', reasons: [] },
    });
    expect(review.statusCode).toBe(403);
    expect(review.json().error.message).toContain('职责');
    const decision = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/decisions/${id}`,
      cookie: officials.center,
      payload: { outcome: 'approved', funding: 100000 },
    });
    expect(decision.statusCode).toBe(403);
    // Each with its own duty is let through to the record, which does not exist.
    const ownReview = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/formal-review/${id}`,
      cookie: officials.center,
      payload: { result: 'accepted', reasons: [] },
    });
    expect(ownReview.statusCode).not.toBe(403);
  });
});
