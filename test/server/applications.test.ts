import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationForm } from '../../src/core/application/form.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { randomUuid } from '../support/factories/random.js';
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
import { attachRequiredDocuments, completeForm, SHA } from '../support/api/submitted-applications.js';

const t = useTestApp();

let admin: UnitAdmin;
let other: UnitAdmin;
let piId: string;
let piCookie: string;

/** A PI with a login, signed in as its holder first does: choosing their own password. */
async function createPi(by: UnitAdmin): Promise<{ id: string; cookie: string }> {
  const body = personBody({ account: accountBody() });
  const response = await inject(t.app, {
    method: 'POST',
    url: '/api/organization/people',
    cookie: by.cookie,
    payload: body,
  });
  expect(response.statusCode).toBe(201);
  const { cookie } = await signInAsNewHolder(t.app, body.account!.login);
  return { id: response.json().person.id, cookie };
}

async function create(by: { cookie: string }, body: object) {
  return inject(t.app, { method: 'POST', url: '/api/applications', cookie: by.cookie, payload: body });
}

async function draft(by: UnitAdmin = admin, pi = piId) {
  const response = await create(by, { callId: PRACTICE_CALL_ID, topic: 4, piId: pi });
  expect(response.statusCode).toBe(201);
  return response.json().application as { id: string; version: number };
}

async function save(cookie: string, id: string, version: number, form: ApplicationForm, extra: object = {}) {
  return inject(t.app, {
    method: 'PUT',
    url: `/api/applications/${id}`,
    cookie,
    payload: { version, form, ...extra },
  });
}

async function submit(cookie: string, id: string, version: number) {
  return inject(t.app, {
    method: 'POST',
    url: `/api/applications/${id}/submit`,
    cookie,
    payload: { version },
  });
}

/** A saved, complete, documented draft ready to submit; returns its id and version. */
async function ready(by: UnitAdmin = admin, pi = piId) {
  const app = await draft(by, pi);
  const saved = await save(by.cookie, app.id, app.version, completeForm());
  expect(saved.statusCode).toBe(200);
  await attachRequiredDocuments(t.db, t.clock.now(), app.id, by.organizationId, by.userId);
  return { id: app.id, version: saved.json().application.version as number };
}

beforeAll(async () => {
  admin = await registerUnitAdmin(t);
  other = await registerUnitAdmin(t);
  const pi = await createPi(admin);
  piId = pi.id;
  piCookie = pi.cookie;
});

describe('新建申报书', () => {
  it('在开放的演示计划下新建草稿，并立即给出规则检查结果', async () => {
    const response = await create(admin, { callId: PRACTICE_CALL_ID, topic: 4, piId });
    expect(response.statusCode).toBe(201);
    const { application, evaluation } = response.json();
    expect(application).toMatchObject({
      status: 'draft',
      editable: true,
      version: 1,
      topic: 4,
      pi: { id: piId },
    });
    expect(evaluation.canSubmit).toBe(false);
    expect(evaluation.missing.map((m: { field: string }) => m.field)).toContain('title');
    expect(evaluation.findings.map((f: { rule: string }) => f.rule)).toContain(
      'documents.integrity-commitment-missing',
    );
  });

  it('2026 年正式计划已截止，不能新建', async () => {
    const response = await create(admin, { callId: 'JS-INTL-2026', topic: 4, piId });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CALL_CLOSED');
  });

  it('专题一须选择方向', async () => {
    const response = await create(admin, { callId: PRACTICE_CALL_ID, topic: 1, piId });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('direction');
  });

  it('不能以其他单位的人员为项目负责人', async () => {
    const theirs = await createPi(other);
    const response = await create(admin, { callId: PRACTICE_CALL_ID, topic: 4, piId: theirs.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('piId');
  });

  it('项目负责人可以本人身份新建', async () => {
    const response = await create({ cookie: piCookie }, { callId: PRACTICE_CALL_ID, topic: 5 });
    expect(response.statusCode).toBe(201);
    expect(response.json().application.pi.id).toBe(piId);
  });
});

describe('保存（自动保存）', () => {
  it('保存后内容可读回，版本加一', async () => {
    const app = await draft();
    const response = await save(admin.cookie, app.id, app.version, completeForm());
    expect(response.statusCode).toBe(200);
    expect(response.json().application.version).toBe(app.version + 1);
    const read = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${app.id}`,
      cookie: admin.cookie,
    });
    expect(read.json().application.form).toEqual(completeForm());
  });

  it('基于旧版本的保存被拒绝，不覆盖他人的修改', async () => {
    const app = await draft();
    expect(
      (await save(admin.cookie, app.id, app.version, completeForm({ title: '第一版' }))).statusCode,
    ).toBe(200);
    const stale = await save(admin.cookie, app.id, app.version, completeForm({ title: '旧窗口' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const read = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${app.id}`,
      cookie: admin.cookie,
    });
    expect(read.json().application.form.title).toBe('第一版');
  });

  it('金额有误时逐项指出经费预算表的栏目，用中文说明，不写入任何内容', async () => {
    const app = await draft();
    const form = completeForm();
    const whole = form.budgetTable!.whole;
    const bad = completeForm({
      budgetTable: {
        ...form.budgetTable!,
        whole: {
          sources: { ...whole.sources, provincial: -100 },
          expenditures: { ...whole.expenditures, business: 1.5 },
        },
      },
    });
    const response = await save(admin.cookie, app.id, app.version, bad);
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'form.budgetTable.whole.sources.provincial',
        'form.budgetTable.whole.expenditures.business',
      ]),
    );
    expect(response.json().error.fields[0].message).toMatch(/金额/);
    const read = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${app.id}`,
      cookie: admin.cookie,
    });
    expect(read.json().application.version).toBe(app.version);
  });

  it('规则检查随保存即时更新：超过上限报错并指向字段，改正后消失', async () => {
    const app = await draft();
    const over = await save(
      admin.cookie,
      app.id,
      app.version,
      completeForm({ budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 900_000 } }),
    );
    const cap = over.json().evaluation.findings.find((f: { rule: string }) => f.rule === 'budget.cap');
    expect(cap).toMatchObject({ severity: 'error', clause: '一、专题四', field: 'budget.provincialFunding' });
    expect(cap.message).toContain('90 万元');
    const fixed = await save(admin.cookie, app.id, over.json().application.version, completeForm());
    expect(fixed.json().evaluation.findings.map((f: { rule: string }) => f.rule)).not.toContain('budget.cap');
  });
  it('一条语句写成的保存，答复与随后读取的申报书相同：名称、规则结果、缺项与定稿状态', async () => {
    await draft();
    const app = await draft();
    const saved = await save(
      admin.cookie,
      app.id,
      app.version,
      completeForm({ budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 900_000 } }),
    );
    expect(saved.statusCode).toBe(200);
    const read = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${app.id}`,
      cookie: admin.cookie,
    });
    const { serverTime: _saveTime, ...savedEvaluation } = saved.json().evaluation;
    const { serverTime: _readTime, ...readEvaluation } = read.json().evaluation;
    const rules = savedEvaluation.findings.map((f: { rule: string }) => f.rule);
    // The budget's error, and the other draft of the same enterprise read beside it (一企一项).
    expect(rules).toEqual(expect.arrayContaining(['budget.cap', 'limit.enterprise-one-application']));
    expect(savedEvaluation).toEqual(readEvaluation);
    expect(saved.json().application).toEqual(read.json().application);
    expect(saved.json().finalization).toEqual(read.json().finalization);
  });
});

describe('提交', () => {
  it('保密问题未回答不能提交：列为未填写并指向该问题，回答“否”后不再缺项', async () => {
    const { id, version } = await ready();
    const { classified: _answered, ...unanswered } = completeForm();
    const saved = await save(admin.cookie, id, version, unanswered);
    expect(saved.json().evaluation.missing).toEqual([
      { field: 'classified', message: '请回答：申报材料是否含有涉密内容' },
    ]);
    expect(saved.json().evaluation.canSubmit).toBe(false);
    const refused = await submit(admin.cookie, id, saved.json().application.version);
    expect(refused.statusCode).toBe(422);

    const answered = await save(admin.cookie, id, saved.json().application.version, completeForm());
    expect(answered.json().evaluation.missing).toEqual([]);
  });

  it('空白的技术领域和预算只报未填写，不再报技术领域“”或预算 0 万元', async () => {
    const app = await draft();
    const { field: _field, budgetTable: _table, ...blank } = completeForm();
    const saved = await save(admin.cookie, app.id, app.version, blank);
    const { findings, missing } = saved.json().evaluation;
    expect(missing.map((m: { field: string }) => m.field)).toEqual(['field', 'budgetTable']);
    const messages = findings.map((f: { message: string }) => f.message).join('\n');
    expect(messages).not.toContain('技术领域“”');
    expect(messages).not.toContain('0 万元');
  });

  it('有错误时不能提交，返回全部问题', async () => {
    const app = await draft();
    const saved = await save(admin.cookie, app.id, app.version, completeForm());
    const response = await submit(admin.cookie, app.id, saved.json().application.version);
    expect(response.statusCode).toBe(422);
    const rules = response.json().evaluation.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['documents.agreement-missing', 'documents.integrity-commitment-missing']),
    );
    const read = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${app.id}`,
      cookie: admin.cookie,
    });
    expect(read.json().application.status).toBe('draft');
  });

  it('通过后即受理：受理编号、服务器时间、文件指纹，回执签名可核验；此后只读', async () => {
    const fresh = await registerUnitAdmin(t);
    const pi = await createPi(fresh);
    const app = await ready(fresh, pi.id);
    const response = await submit(fresh.cookie, app.id, app.version);
    expect(response.statusCode).toBe(200);
    const { application, receipt } = response.json();
    expect(application.status).toBe('submitted');
    expect(application.editable).toBe(false);
    expect(receipt.acceptanceNo).toMatch(new RegExp(`^${PRACTICE_CALL_ID}-\\d{5}$`));
    expect(receipt.payload.submittedAt).toBe('2026-11-23T09:00:00+08:00');
    expect(receipt.payload.documents.map((d: { sha256: string }) => d.sha256)).toEqual([
      SHA,
      SHA,
      SHA,
      SHA,
      SHA,
    ]);

    const verify = (payload: object) =>
      inject(t.app, {
        method: 'POST',
        url: '/api/receipts/verify',
        payload: { payload, signature: receipt.signature },
      });
    expect((await verify(receipt.payload)).json().valid).toBe(true);
    expect(
      (await verify({ ...receipt.payload, submittedAt: '2026-11-22T09:00:00+08:00' })).json().valid,
    ).toBe(false);

    const again = await save(fresh.cookie, app.id, application.version, completeForm({ title: '改' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('NOT_EDITABLE');

    const stored = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${app.id}/receipt`,
      cookie: fresh.cookie,
    });
    expect(stored.json().receipt.signature).toBe(receipt.signature);
    const timeline = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${app.id}/timeline`,
      cookie: fresh.cookie,
    });
    expect(timeline.json().events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'submitted']);
  });

  it('同一企业已有申报时，第二份不能提交（一企一项，草稿也计入）', async () => {
    const fresh = await registerUnitAdmin(t);
    const [p1, p2] = [await createPi(fresh), await createPi(fresh)];
    const first = await ready(fresh, p1.id);
    expect((await submit(fresh.cookie, first.id, first.version)).statusCode).toBe(200);
    const second = await ready(fresh, p2.id);
    const response = await submit(fresh.cookie, second.id, second.version);
    expect(response.statusCode).toBe(422);
    const rules = response.json().evaluation.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('limit.enterprise-one-application');
  });

  it('撤回的草稿不再计入限项', async () => {
    const fresh = await registerUnitAdmin(t);
    const [p1, p2] = [await createPi(fresh), await createPi(fresh)];
    const abandoned = await ready(fresh, p1.id);
    const kept = await ready(fresh, p2.id);
    const withdraw = await inject(t.app, {
      method: 'POST',
      url: `/api/applications/${abandoned.id}/withdraw`,
      cookie: fresh.cookie,
      payload: { version: abandoned.version },
    });
    expect(withdraw.statusCode).toBe(204);
    expect((await submit(fresh.cookie, kept.id, kept.version)).statusCode).toBe(200);
  });

  it('截止时间（北京时间 17:30:00）一到即不再受理', async () => {
    const fresh = await registerUnitAdmin(t);
    const pi = await createPi(fresh);
    const app = await ready(fresh, pi.id);
    const calls = (await inject(t.app, { method: 'GET', url: '/api/calls' })).json().calls;
    const closes = calls.find((c: { id: string }) => c.id === PRACTICE_CALL_ID).submissionClosesAt;
    expect(closes).toMatch(/T17:30:00\+08:00$/);
    try {
      // Sessions last hours; the deadline is weeks away: sign in again at each moment.
      t.clock.set(closes);
      const late = await submit(await login(t.app, fresh.login), app.id, app.version);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('DEADLINE_PASSED');
      t.clock.set(new Date(new Date(closes).getTime() - 1000));
      expect((await submit(await login(t.app, fresh.login), app.id, app.version)).statusCode).toBe(200);
    } finally {
      t.clock.set('2026-11-23T09:00:00+08:00');
    }
  });

  it('同一企业的两份草稿同时提交，均不受理：一企一项，草稿也计入', async () => {
    const fresh = await registerUnitAdmin(t);
    const [p1, p2] = [await createPi(fresh), await createPi(fresh)];
    const a = await ready(fresh, p1.id);
    const b = await ready(fresh, p2.id);
    const results = await Promise.all([
      submit(fresh.cookie, a.id, a.version),
      submit(fresh.cookie, b.id, b.version),
    ]);
    for (const result of results) {
      expect(result.statusCode).toBe(422);
      expect(result.json().evaluation.findings.map((f: { rule: string }) => f.rule)).toContain(
        'limit.enterprise-one-application',
      );
    }
  });
});

describe('访问控制', () => {
  let mine: { id: string; version: number };
  beforeAll(async () => {
    mine = await draft();
  });

  const routes = (id: string, version: number) => [
    { method: 'GET' as const, url: `/api/applications/${id}` },
    { method: 'PUT' as const, url: `/api/applications/${id}`, payload: { version, form: {} } },
    { method: 'POST' as const, url: `/api/applications/${id}/submit`, payload: { version } },
    { method: 'POST' as const, url: `/api/applications/${id}/withdraw`, payload: { version } },
    { method: 'GET' as const, url: `/api/applications/${id}/receipt` },
    { method: 'GET' as const, url: `/api/applications/${id}/timeline` },
  ];

  it('其他单位的管理员看不到，也无从得知其存在：与不存在的编号答复相同', async () => {
    for (const route of routes(mine.id, mine.version)) {
      const theirs = await inject(t.app, { ...route, cookie: other.cookie });
      const missing = await inject(t.app, {
        ...route,
        url: route.url.replace(mine.id, randomUuid()),
        cookie: other.cookie,
      });
      expect(theirs.statusCode, route.url).toBe(404);
      expect(theirs.json()).toEqual(missing.json());
    }
  });

  it('不是该项目负责人的 PI 看不到', async () => {
    const { cookie } = await createPi(admin);
    for (const route of routes(mine.id, mine.version)) {
      expect((await inject(t.app, { ...route, cookie })).statusCode, route.url).toBe(404);
    }
  });

  it('主管部门和省厅看不到未提交的草稿', async () => {
    for (const role of ['department', 'province'] as const) {
      const { cookie } = await insertUser(t, role);
      const response = await inject(t.app, { method: 'GET', url: `/api/applications/${mine.id}`, cookie });
      expect(response.statusCode).toBe(404);
    }
  });

  it('专家角色不能使用申报接口；未登录要求登录', async () => {
    const { cookie } = await insertUser(t, 'expert');
    expect((await inject(t.app, { method: 'GET', url: '/api/applications', cookie })).statusCode).toBe(403);
    expect((await inject(t.app, { method: 'GET', url: '/api/applications' })).statusCode).toBe(401);
    expect((await inject(t.app, { method: 'GET', url: `/api/applications/${mine.id}` })).statusCode).toBe(
      401,
    );
  });

  it('列表只含本单位的申报书', async () => {
    const list = await inject(t.app, { method: 'GET', url: '/api/applications', cookie: other.cookie });
    expect(list.json().applications.map((a: { id: string }) => a.id)).not.toContain(mine.id);
  });
});
