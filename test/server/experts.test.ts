import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationForm } from '../../src/core/application/form.js';
import { REMINDER_LEAD_HOURS } from '../../src/core/experts/reminders.js';
import { SCORING_FORMS } from '../../src/core/experts/scoring-forms.js';
import {
  applications,
  auditLog,
  expertAssignments,
  organizations,
  people,
  reviewConfirmations,
} from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import type { CreateExpertBody } from '../../src/contract/experts.js';
import { creditCode, uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import {
  inject,
  insertUser,
  login,
  registerUnitAdmin,
  signInAsNewHolder,
  useTestApp,
} from '../support/harness.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { ownCall } from '../support/api/own-calls-and-departments.js';
import { createJobRunner } from '../../src/server/jobs/index.js';
import { acceptInvitation, letterRound } from '../support/api/expert-review.js';
import { REMINDER_INTERVAL_MS } from '../../src/server/jobs/reminders.js';

/** A submitted comment of at least the default form's minimum length. */
const OPINION = '创新点明确，合作基础扎实，研究方案可行，同意资助。';

const t = useTestApp();

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();

let province: string;
let department: string;
let unitAdmin: string;
let departmentId: string;
let departmentUserId: string;

beforeAll(async () => {
  province = (await insertUser(t, 'province')).cookie;
  const dept = await insertUser(t, 'department');
  department = dept.cookie;
  departmentId = dept.user.departmentId!;
  unitAdmin = (await registerUnitAdmin(t)).cookie;
  departmentUserId = dept.user.id;
  await confirmList(PRACTICE_CALL_ID);
});

/** The department's list of the call confirmed: what it recommends reaches the province's 形式审查 at once. */
const confirmList = (callId: string) =>
  t.db.insert(reviewConfirmations).values({
    departmentId,
    callId,
    confirmedAt: t.clock.now(),
    confirmedBy: departmentUserId,
    summary: {},
  });

const formalReview = (id: string, body: object) =>
  inject(t.app, { method: 'PUT', url: `/api/province/formal-review/${id}`, cookie: province, payload: body });
const REFUSAL = { result: 'rejected', reasons: [{ message: '申报单位信用存在问题' }] };

/** An application only recommended by its department, not yet 受理 at the province's 形式审查. */
async function recommendedOnly(form: Partial<ApplicationForm> = {}, callId = PRACTICE_CALL_ID) {
  const row = await insertSubmitted(t.db, t.clock.now(), { departmentId, callId, form });
  await t.db.update(applications).set({ status: 'recommended' }).where(eq(applications.id, row.id));
  return row;
}

/** An application recommended by its department and 受理 by the province, with its applicant and PI. */
async function recommended(form: Partial<ApplicationForm> = {}, callId = PRACTICE_CALL_ID) {
  const row = await recommendedOnly(form, callId);
  const accepted = await formalReview(row.id, { result: 'accepted' });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const [organization] = await t.db
    .select()
    .from(organizations)
    .where(eq(organizations.id, row.organizationId));
  const [pi] = await t.db.select().from(people).where(eq(people.id, row.piId));
  return { id: row.id, organization: organization!, pi: pi! };
}

function expertBody(overrides: Partial<CreateExpertBody> = {}): CreateExpertBody {
  const name = `专家${uniqueLogin('e').slice(2)}`;
  return {
    name,
    organizationName: `南京测试大学${name}`,
    organizationCreditCode: null,
    fields: ['氢能与新型储能'],
    title: '教授',
    phone: '025-83790000',
    email: 'expert@example.cn',
    account: { login: uniqueLogin('expert'), password: VALID_PASSWORD },
    ...overrides,
  };
}

const createExpert = (payload: object) =>
  inject(t.app, { method: 'POST', url: '/api/province/experts', cookie: province, payload });

/** An expert created through the API, signed in as they first do: choosing their own password. */
async function expert(overrides: Partial<CreateExpertBody> = {}) {
  const body = expertBody(overrides);
  const response = await createExpert(body);
  expect(response.statusCode, response.body).toBe(201);
  const id: string = response.json().expert.id;
  const { cookie, password } = await signInAsNewHolder(t.app, body.account.login);
  return { id, cookie, login: body.account.login, password };
}

/** The practice call's 函评 round, which every assignment here names. */
let roundId: string;
beforeAll(async () => {
  roundId = await letterRound({ t, province, departmentId, departmentUserId });
});

const assign = (applicationId: string, payload: object) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/province/experts/applications/${applicationId}/assignments`,
    cookie: province,
    payload: { roundId, dueAt: inHours(7 * 24), ...payload },
  });

/** Assigned in the 函评 round, the expert's invitation accepted: the expert may score it. */
async function assigned(
  applicationId: string,
  expert: { id: string; cookie: string },
  dueInHours = 7 * 24,
): Promise<string> {
  const response = await assign(applicationId, { expertId: expert.id, dueAt: inHours(dueInHours) });
  expect(response.statusCode, response.body).toBe(201);
  await acceptInvitation({ t, province, departmentId, departmentUserId }, roundId, expert);
  return response.json().assignment.id;
}

const fullScores = (topic: 2 | 4, fraction: number) =>
  Object.fromEntries(SCORING_FORMS[topic].criteria.map((c) => [c.id, Math.round(c.max * fraction)]));

const scoring = (cookie: string, id: string, action: 'draft' | 'submit', payload: object) =>
  inject(t.app, {
    method: action === 'draft' ? 'PUT' : 'POST',
    url: `/api/expert/assignments/${id}/${action === 'draft' ? 'scores' : 'submit'}`,
    cookie,
    payload,
  });

describe('专家库', () => {
  it('省里新增专家即开通专家账号，专家可登录', async () => {
    const body = expertBody({ organizationCreditCode: creditCode() });
    const created = await createExpert(body);
    expect(created.statusCode).toBe(201);
    expect(created.json().expert).toMatchObject({
      name: body.name,
      login: body.account.login,
      active: true,
      assignments: 0,
    });
    const me = await inject(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      cookie: await login(t.app, body.account.login),
    });
    expect(me.json().user).toMatchObject({ role: 'expert', displayName: body.name });
    const list = await inject(t.app, { method: 'GET', url: '/api/province/experts', cookie: province });
    expect(list.json().experts.map((e: { id: string }) => e.id)).toContain(created.json().expert.id);
  });

  it('新开通的专家账号首次登录须先改为自己的密码，此前其他接口一律答 PASSWORD_CHANGE_REQUIRED', async () => {
    const body = expertBody();
    expect((await createExpert(body)).statusCode).toBe(201);
    const cookie = await login(t.app, body.account.login);
    const me = await inject(t.app, { method: 'GET', url: '/api/auth/me', cookie });
    expect(me.json().user).toMatchObject({ role: 'expert', mustChangePassword: true });
    const gated = await inject(t.app, { method: 'GET', url: '/api/expert/assignments', cookie });
    expect(gated.statusCode).toBe(403);
    expect(gated.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const { cookie: own } = await signInAsNewHolder(t.app, body.account.login);
    const assignments = await inject(t.app, { method: 'GET', url: '/api/expert/assignments', cookie: own });
    expect(assignments.statusCode).toBe(200);
  });

  it('登录名已被使用：409，不留下专家', async () => {
    const first = expertBody();
    await createExpert(first);
    const again = expertBody({ account: first.account });
    const response = await createExpert(again);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('LOGIN_TAKEN');
    const names = (await repositories(t.db).experts.list()).map((e) => e.name);
    expect(names).not.toContain(again.name);
  });

  it('信用代码有误、未填领域：400，指明字段', async () => {
    const response = await createExpert(
      expertBody({ organizationCreditCode: '91320100MA1W7K3P4X', fields: [] }),
    );
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['organizationCreditCode', 'fields']));
  });

  it('停用的专家不能分配', async () => {
    const app = await recommended();
    const { id } = await expert();
    const detail = (
      await inject(t.app, { method: 'GET', url: `/api/province/experts/${id}`, cookie: province })
    ).json();
    const { id: _id, login: _login, assignments: _a, pending: _p, ...profile } = detail.expert;
    const updated = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/experts/${id}`,
      cookie: province,
      payload: { ...profile, active: false },
    });
    expect(updated.json().expert.active).toBe(false);
    const response = await assign(app.id, { expertId: id });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('EXPERT_INACTIVE');
  });
});

describe('利益冲突回避', () => {
  it('专家与申报单位同一单位：不能分配，列出冲突', async () => {
    const app = await recommended();
    const { id } = await expert({
      organizationName: '另一个名称',
      organizationCreditCode: app.organization.creditCode,
    });
    const response = await assign(app.id, { expertId: id });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: { code: 'CONFLICT_OF_INTEREST' },
      conflicts: [{ kind: 'same-organization' }],
    });
  });

  it('专家来自境内合作单位（按信用代码）或境外合作机构（按名称）：不能分配', async () => {
    const partnerCode = creditCode();
    const app = await recommended({
      domesticPartners: [
        { name: '苏州合作科技有限公司', creditCode: partnerCode, kind: 'enterprise', inJiangsu: true },
      ],
      partner: { name: 'Technische Universität München', country: 'DE' },
    });
    const domestic = await expert({ organizationName: '苏州合作科技', organizationCreditCode: partnerCode });
    const foreign = await expert({ organizationName: 'technische universität münchen' });
    const byCode = await assign(app.id, { expertId: domestic.id });
    expect(byCode.json().conflicts).toEqual([expect.objectContaining({ kind: 'domestic-partner' })]);
    const byName = await assign(app.id, { expertId: foreign.id });
    expect(byName.json().conflicts).toEqual([expect.objectContaining({ kind: 'foreign-partner' })]);
  });

  it('专家声明回避的单位或项目：不能分配；删除声明后可以', async () => {
    const app = await recommended();
    const other = await recommended();
    const { id } = await expert();
    const declare = (payload: object) =>
      inject(t.app, {
        method: 'POST',
        url: `/api/province/experts/${id}/conflicts`,
        cookie: province,
        payload,
      });
    const byCode = await declare({ creditCode: app.organization.creditCode, reason: '近三年与该单位有合作' });
    expect(byCode.statusCode).toBe(201);
    const byApplication = await declare({ applicationId: other.id, reason: '曾指导项目负责人' });
    expect(byApplication.statusCode).toBe(201);

    expect((await assign(app.id, { expertId: id })).json().conflicts[0]).toMatchObject({
      kind: 'declared-organization',
      message: expect.stringContaining('近三年与该单位有合作'),
    });
    expect((await assign(other.id, { expertId: id })).json().conflicts[0].kind).toBe('declared-application');

    const removed = await inject(t.app, {
      method: 'DELETE',
      url: `/api/province/experts/${id}/conflicts/${byApplication.json().conflict.id}`,
      cookie: province,
    });
    expect(removed.statusCode).toBe(204);
    expect((await assign(other.id, { expertId: id })).statusCode).toBe(201);
  });

  it('声明回避须二选一并写明理由', async () => {
    const { id } = await expert();
    const response = await inject(t.app, {
      method: 'POST',
      url: `/api/province/experts/${id}/conflicts`,
      cookie: province,
      payload: { reason: ' ' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['reason', 'creditCode']));
  });

  it('填写理由可例外分配：理由与冲突一并记录并写入审计日志', async () => {
    const app = await recommended();
    const { id } = await expert({ organizationName: app.organization.name });
    const emptyReason = await assign(app.id, { expertId: id, overrideReason: '  ' });
    expect(emptyReason.statusCode).toBe(400);
    expect(emptyReason.json().error.fields[0].path).toBe('overrideReason');

    const response = await assign(app.id, {
      expertId: id,
      overrideReason: '该领域仅此一位专家，已报处领导同意',
    });
    expect(response.statusCode).toBe(201);
    const assignment = response.json().assignment;
    expect(assignment).toMatchObject({
      overrideReason: '该领域仅此一位专家，已报处领导同意',
      conflicts: [{ kind: 'same-organization' }],
    });
    const [entry] = await repositories(t.db).audit.list({ entityId: assignment.id, limit: 5 });
    expect(entry).toMatchObject({
      action: 'expert.assigned-despite-conflict',
      after: { overrideReason: '该领域仅此一位专家，已报处领导同意', expertId: id },
    });
  });

  it('分配页列出每位专家的领域匹配和冲突', async () => {
    const app = await recommended();
    const conflicted = await expert({ organizationName: app.organization.name });
    const other = await expert({ fields: ['生物医药'] });
    const detail = await inject(t.app, {
      method: 'GET',
      url: `/api/province/experts/applications/${app.id}`,
      cookie: province,
    });
    const candidates = detail.json().candidates as {
      expert: { id: string };
      fieldMatch: boolean;
      conflicts: unknown[];
    }[];
    expect(candidates.find((c) => c.expert.id === conflicted.id)).toMatchObject({
      fieldMatch: true,
      conflicts: [expect.anything()],
    });
    expect(candidates.find((c) => c.expert.id === other.id)).toMatchObject({
      fieldMatch: false,
      conflicts: [],
    });
    expect(detail.json().criteria.map((c: { id: string }) => c.id)).toEqual(
      SCORING_FORMS[4].criteria.map((c) => c.id),
    );
  });

  it('同一专家不能重复分配；未推荐的申报书不能分配', async () => {
    const app = await recommended();
    const e = await expert();
    const { id } = e;
    await assigned(app.id, e);
    const again = await assign(app.id, { expertId: id });
    expect(again.json().error.code).toBe('ALREADY_ASSIGNED');
    const submitted = await insertSubmitted(t.db, t.clock.now(), { departmentId });
    expect((await assign(submitted.id, { expertId: id })).json().error.code).toBe('NOT_REVIEWABLE');
  });

  it('只有已受理的申报书能分配：未审查和不予受理的不能；分配后改为不予受理，任务从专家和省里的列表中消失', async () => {
    const e = await expert();
    const { id, cookie } = e;
    const pending = await recommendedOnly();
    expect((await assign(pending.id, { expertId: id })).json().error.code).toBe('NOT_REVIEWABLE');
    const refused = await recommendedOnly();
    expect((await formalReview(refused.id, REFUSAL)).statusCode).toBe(200);
    expect((await assign(refused.id, { expertId: id })).json().error.code).toBe('NOT_REVIEWABLE');

    const app = await recommended();
    const assignment = await assigned(app.id, e);
    expect((await formalReview(app.id, REFUSAL)).statusCode).toBe(200);
    const mine = await inject(t.app, { method: 'GET', url: '/api/expert/assignments', cookie });
    expect(mine.json().assignments.map((a: { id: string }) => a.id)).not.toContain(assignment);
    const task = await inject(t.app, { method: 'GET', url: `/api/expert/assignments/${assignment}`, cookie });
    expect(task.statusCode).toBe(404);
    const listed = await inject(t.app, {
      method: 'GET',
      url: `/api/province/experts/applications?callId=${PRACTICE_CALL_ID}`,
      cookie: province,
    });
    expect(listed.json().applications.map((a: { id: string }) => a.id)).not.toContain(app.id);

    // 受理 again: the assignment is back.
    expect((await formalReview(app.id, { result: 'accepted' })).statusCode).toBe(200);
    const again = await inject(t.app, { method: 'GET', url: '/api/expert/assignments', cookie });
    expect(again.json().assignments.map((a: { id: string }) => a.id)).toContain(assignment);
    const relisted = await inject(t.app, {
      method: 'GET',
      url: `/api/province/experts/applications?callId=${PRACTICE_CALL_ID}`,
      cookie: province,
    });
    expect(relisted.json().applications.map((a: { id: string }) => a.id)).toContain(app.id);
  });

  it('截止时间须晚于当前时间', async () => {
    const app = await recommended();
    const { id } = await expert();
    const response = await assign(app.id, { expertId: id, dueAt: inHours(-1) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('dueAt');
  });
});

describe('自动分配', () => {
  it('按领域、负担均衡分配，回避利益冲突，不足时报告缺额', async () => {
    // A call of its own, so that other tests' applications stay out of it.
    const callId = await ownCall(t);
    await confirmList(callId);
    const field = `量子精密测量${uniqueLogin('f')}`;
    const apps: { id: string; organizationId: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const row = await recommended({ field }, callId);
      apps.push({ id: row.id, organizationId: row.organization.id });
    }
    // Neither 受理 yet, nor 不予受理: no expert reviews them.
    const pending = await recommendedOnly({ field }, callId);
    const refused = await recommendedOnly({ field }, callId);
    expect((await formalReview(refused.id, REFUSAL)).statusCode).toBe(200);
    const [firstApplicant] = await t.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, apps[0]!.organizationId));
    const matching = [];
    for (let i = 0; i < 3; i++) matching.push((await expert({ fields: [field] })).id);
    const conflicted = (await expert({ fields: [field], organizationCreditCode: firstApplicant!.creditCode }))
      .id;
    const offField = (await expert({ fields: ['生物医药'] })).id;
    const ownRound = await letterRound({ t, province, departmentId, departmentUserId }, callId);

    const response = await inject(t.app, {
      method: 'POST',
      url: '/api/province/experts/auto-assign',
      cookie: province,
      payload: { roundId: ownRound, perApplication: 3, dueAt: inHours(7 * 24) },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { assigned: pairs, shortfalls } = response.json() as {
      assigned: { applicationId: string; expertId: string }[];
      shortfalls: { applicationId: string; missing: number }[];
    };
    // 4 experts of the field, one in conflict with the first application: 3 + 3 + 3 = 9 seats, all filled.
    expect(pairs).toHaveLength(9);
    expect(shortfalls).toEqual([]);
    expect(pairs.map((p) => p.applicationId)).not.toContain(pending.id);
    expect(pairs.map((p) => p.applicationId)).not.toContain(refused.id);
    expect(pairs.map((p) => p.expertId)).not.toContain(offField);
    expect(pairs).not.toContainEqual(
      expect.objectContaining({ applicationId: apps[0]!.id, expertId: conflicted }),
    );
    const load = new Map<string, number>();
    for (const p of pairs) load.set(p.expertId, (load.get(p.expertId) ?? 0) + 1);
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
    expect([...load.keys()].sort()).toEqual([...matching, conflicted].sort());

    // Run again with one more seat each: only the 3 free experts can give it, and not to every application.
    const more = await inject(t.app, {
      method: 'POST',
      url: '/api/province/experts/auto-assign',
      cookie: province,
      payload: { roundId: ownRound, perApplication: 4, dueAt: inHours(7 * 24) },
    });
    const second = more.json() as {
      assigned: unknown[];
      shortfalls: { applicationId: string; missing: number }[];
    };
    expect(second.assigned.length + second.shortfalls.reduce((n, s) => n + s.missing, 0)).toBe(3);
    expect(second.shortfalls.find((s) => s.applicationId === apps[0]!.id)).toEqual(
      expect.objectContaining({ missing: 1 }),
    );
  });
});

describe('专家评分', () => {
  it('草稿可缺项但分数须有效；提交须每项打分并填写意见；提交后不能修改', async () => {
    const app = await recommended();
    const e = await expert();
    const id = await assigned(app.id, e);

    const bad = await scoring(e.cookie, id, 'draft', { scores: { innovation: 11, charm: 3 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'scores.charm',
      'scores.innovation',
    ]);
    expect(bad.json().error.message).toContain('创新性与技术先进性：满分为 10 分，不能打 11 分');

    const draft = await scoring(e.cookie, id, 'draft', { scores: { innovation: 8 }, comment: '创新点明确' });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().assignment).toMatchObject({
      total: 24,
      submittedAt: null,
      scores: { innovation: 8 },
    });

    const incomplete = await scoring(e.cookie, id, 'submit', { scores: { innovation: 8 } });
    expect(incomplete.statusCode).toBe(400);
    const paths = incomplete.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toContain('scores.partnership');
    expect(paths).toContain('comment');

    const submitted = await scoring(e.cookie, id, 'submit', {
      scores: fullScores(4, 0.8),
      comment: OPINION,
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().assignment).toMatchObject({ total: 80, submittedAt: expect.any(String) });

    for (const action of ['draft', 'submit'] as const) {
      const late = await scoring(e.cookie, id, action, { scores: fullScores(4, 1), comment: '改' });
      expect(late.json().error.code).toBe('SCORES_SUBMITTED');
    }
    const withdraw = await inject(t.app, {
      method: 'DELETE',
      url: `/api/province/experts/assignments/${id}`,
      cookie: province,
    });
    expect(withdraw.json().error.code).toBe('SCORES_SUBMITTED');
  });

  it('超过满分的分数被拒绝（不截到满分），提示满分，什么也不保存', async () => {
    const app = await recommended();
    const e = await expert();
    const id = await assigned(app.id, e);
    const [criterion] = SCORING_FORMS[4].criteria;
    const over = criterion!.max + 1;

    for (const action of ['draft', 'submit'] as const) {
      const refused = await scoring(e.cookie, id, action, {
        scores: { ...fullScores(4, 1), [criterion!.id]: over },
        comment: OPINION,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [
          {
            path: `scores.${criterion!.id}`,
            message: `${criterion!.label}：满分为 ${criterion!.max} 分，不能打 ${over} 分`,
          },
        ],
      });
    }
    const [row] = await t.db.select().from(expertAssignments).where(eq(expertAssignments.id, id));
    expect(row).toMatchObject({ scores: {}, savedAt: null, submittedAt: null });
  });

  it('专家申请回避：任务退回省里，理由记为本人申报的冲突，再分配须写明例外理由；提交后不能回避', async () => {
    const app = await recommended();
    const e = await expert();
    const id = await assigned(app.id, e);
    const recuse = (reason: string) =>
      inject(t.app, {
        method: 'POST',
        url: `/api/expert/assignments/${id}/recuse`,
        cookie: e.cookie,
        payload: { reason },
      });

    const blank = await recuse('  ');
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toEqual([{ path: 'reason', message: '回避理由：请填写' }]);

    expect((await recuse('项目负责人是我指导过的博士生')).statusCode).toBe(204);
    const mine = await inject(t.app, { method: 'GET', url: '/api/expert/assignments', cookie: e.cookie });
    expect(mine.json().assignments).toEqual([]);
    const [audited] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'expert.recused')));
    expect(audited!.after).toMatchObject({ reason: '项目负责人是我指导过的博士生' });

    const again = await assign(app.id, { expertId: e.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().conflicts[0]).toMatchObject({
      kind: 'declared-application',
      message: expect.stringContaining('专家本人申请回避：项目负责人是我指导过的博士生'),
    });

    const other = await expert();
    const submittedId = await assigned(app.id, other);
    await scoring(other.cookie, submittedId, 'submit', { scores: fullScores(4, 0.8), comment: OPINION });
    const late = await inject(t.app, {
      method: 'POST',
      url: `/api/expert/assignments/${submittedId}/recuse`,
      cookie: other.cookie,
      payload: { reason: '想起有合作' },
    });
    expect(late.json().error.code).toBe('SCORES_SUBMITTED');
  });

  it('过了截止时间不能保存或提交；省里可延期', async () => {
    const app = await recommended();
    const e = await expert();
    const id = await assigned(app.id, e, 2);
    t.clock.advance(3 * HOUR);
    try {
      const cookie = await login(t.app, e.login, e.password);
      const late = await scoring(cookie, id, 'draft', { scores: { innovation: 5 } });
      expect(late.json().error.code).toBe('REVIEW_OVERDUE');
      const mine = await inject(t.app, { method: 'GET', url: `/api/expert/assignments/${id}`, cookie });
      expect(mine.json().assignment.overdue).toBe(true);
      const extended = await inject(t.app, {
        method: 'PATCH',
        url: `/api/province/experts/assignments/${id}`,
        cookie: await login(t.app, (await insertUser(t, 'province')).user.login),
        payload: { dueAt: inHours(24) },
      });
      expect(extended.statusCode).toBe(200);
      expect((await scoring(cookie, id, 'draft', { scores: { innovation: 5 } })).statusCode).toBe(200);
    } finally {
      t.clock.advance(-3 * HOUR);
    }
  });

  it('专家只看到分配给自己的申报书，且不含个人信息', async () => {
    const app = await recommended({
      domesticPartners: [
        { name: '苏州合作科技有限公司', creditCode: creditCode(), kind: 'enterprise', inJiangsu: true },
      ],
    });
    const e = await expert();
    const id = await assigned(app.id, e);
    const detail = await inject(t.app, {
      method: 'GET',
      url: `/api/expert/assignments/${id}`,
      cookie: e.cookie,
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().application).toEqual({
      id: app.id,
      acceptanceNo: expect.any(String),
      topic: 4,
      direction: null,
      title: '面向氢能与新型储能的固态电解质联合研发',
      summary: expect.any(String),
      field: '氢能与新型储能',
      applicant: { name: app.organization.name },
      partner: { name: 'Fraunhofer-Institut', country: 'DE' },
      domesticPartners: [{ name: '苏州合作科技有限公司' }],
      budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 800_000 },
      content: expect.objectContaining({ sections: expect.any(Object), budgetTable: expect.any(Object) }),
    });
    expect(detail.body).not.toContain(app.pi.name);
    expect(detail.body).not.toContain(app.organization.creditCode);
    const list = await inject(t.app, { method: 'GET', url: '/api/expert/assignments', cookie: e.cookie });
    expect(list.json().assignments.map((a: { id: string }) => a.id)).toEqual([id]);
  });
});

describe('评分汇总', () => {
  it('每位专家的加权总分，均值、中位数和分差，分差大的标出', async () => {
    const app = await recommended();
    const totals = [0.9, 0.6, 0.8];
    for (const fraction of totals) {
      const e = await expert();
      const id = await assigned(app.id, e);
      const response = await scoring(e.cookie, id, 'submit', {
        scores: fullScores(4, fraction),
        comment: OPINION,
      });
      expect(response.statusCode).toBe(200);
    }
    const draftOnly = await expert();
    const draftId = await assigned(app.id, draftOnly);
    await scoring(draftOnly.cookie, draftId, 'draft', { scores: fullScores(4, 0.1) });

    const list = await inject(t.app, {
      method: 'GET',
      url: '/api/province/experts/applications',
      cookie: province,
    });
    const row = list.json().applications.find((a: { id: string }) => a.id === app.id);
    expect(row.aggregate).toEqual({ count: 3, mean: 76.67, median: 80, spread: 30, wideSpread: true });
    expect(list.json().wideSpreadPoints).toBe(20);
    const draftRow = row.assignments.find((a: { id: string }) => a.id === draftId);
    // A draft stays the expert's own until submitted.
    expect(draftRow).toMatchObject({ scores: null, total: null, submittedAt: null });
  });
});

describe('到期提醒', () => {
  it('后台任务发送提醒：两个实例同时运行也只提醒一次，之后按间隔再查', async () => {
    const app = await recommended();
    const soon = await expert();
    await assigned(app.id, soon, 12);
    const log = { info: () => undefined, error: () => undefined };
    const instances = [
      createJobRunner({ db: t.db, clock: t.clock, log }),
      createJobRunner({ db: t.db, clock: t.clock, log }),
    ];
    await Promise.all(instances.map((runner) => runner.runPending()));
    const reminders = async () =>
      (await inject(t.app, { method: 'GET', url: '/api/expert/notifications', cookie: soon.cookie })).json()
        .notifications as unknown[];
    expect(await reminders()).toHaveLength(1);

    t.clock.advance(REMINDER_INTERVAL_MS);
    try {
      await instances[0]!.runPending();
      expect(await reminders()).toHaveLength(1);
    } finally {
      t.clock.advance(-REMINDER_INTERVAL_MS);
      await Promise.all(instances.map((runner) => runner.stop()));
    }
  });

  it('48 小时内到期且未提交的任务提醒一次；专家在通知中看到并可标为已读', async () => {
    const app = await recommended();
    const soon = await expert();
    const later = await expert();
    const done = await expert();
    await assigned(app.id, soon, 24);
    await assigned(app.id, later, REMINDER_LEAD_HOURS + 24);
    const doneId = await assigned(app.id, done, 24);
    await scoring(done.cookie, doneId, 'submit', { scores: fullScores(4, 1), comment: OPINION });

    const remind = () =>
      inject(t.app, { method: 'POST', url: '/api/province/experts/reminders', cookie: province });
    const first = await remind();
    expect(first.statusCode).toBe(200);
    const mine = async (cookie: string) =>
      (await inject(t.app, { method: 'GET', url: '/api/expert/notifications', cookie })).json()
        .notifications as {
        id: string;
        text: string;
        readAt: string | null;
      }[];
    expect(await mine(soon.cookie)).toEqual([
      expect.objectContaining({
        kind: 'expert.due-reminder',
        text: expect.stringContaining('面向氢能与新型储能'),
        readAt: null,
      }),
    ]);
    expect(await mine(later.cookie)).toEqual([]);
    expect(await mine(done.cookie)).toEqual([]);

    await remind();
    expect(await mine(soon.cookie)).toHaveLength(1);

    const [notification] = await mine(soon.cookie);
    const read = await inject(t.app, {
      method: 'POST',
      url: `/api/expert/notifications/${notification!.id}/read`,
      cookie: soon.cookie,
    });
    expect(read.json().notification.readAt).toEqual(expect.any(String));
    const stranger = await inject(t.app, {
      method: 'POST',
      url: `/api/expert/notifications/${notification!.id}/read`,
      cookie: later.cookie,
    });
    expect(stranger.statusCode).toBe(404);
  });
});

describe('权限', () => {
  const ANY = '00000000-0000-4000-8000-000000000000';
  const DUE = '2027-01-01T00:00:00+08:00';
  const { account: _account, ...profile } = expertBody();
  // Valid bodies: a body is validated before the role is checked.
  const provinceRoutes = [
    { method: 'GET', url: '/api/province/experts' },
    { method: 'POST', url: '/api/province/experts', payload: expertBody() },
    { method: 'GET', url: `/api/province/experts/${ANY}` },
    { method: 'PUT', url: `/api/province/experts/${ANY}`, payload: { ...profile, active: true } },
    {
      method: 'POST',
      url: `/api/province/experts/${ANY}/conflicts`,
      payload: { creditCode: creditCode(), reason: '合作' },
    },
    { method: 'DELETE', url: `/api/province/experts/${ANY}/conflicts/${ANY}` },
    { method: 'GET', url: '/api/province/experts/applications' },
    { method: 'GET', url: `/api/province/experts/applications/${ANY}` },
    {
      method: 'POST',
      url: `/api/province/experts/applications/${ANY}/assignments`,
      payload: { roundId: ANY, expertId: ANY, dueAt: DUE },
    },
    {
      method: 'POST',
      url: '/api/province/experts/auto-assign',
      payload: { roundId: ANY, dueAt: DUE },
    },
    { method: 'PATCH', url: `/api/province/experts/assignments/${ANY}`, payload: { dueAt: DUE } },
    { method: 'DELETE', url: `/api/province/experts/assignments/${ANY}` },
    { method: 'POST', url: '/api/province/experts/reminders' },
  ] as const;
  const expertRoutes = [
    { method: 'GET', url: '/api/expert/assignments' },
    { method: 'GET', url: `/api/expert/assignments/${ANY}` },
    { method: 'PUT', url: `/api/expert/assignments/${ANY}/scores`, payload: { scores: {} } },
    { method: 'POST', url: `/api/expert/assignments/${ANY}/submit`, payload: { scores: {} } },
    { method: 'POST', url: `/api/expert/assignments/${ANY}/recuse`, payload: { reason: '合作' } },
    { method: 'GET', url: '/api/expert/notifications' },
    { method: 'POST', url: `/api/expert/notifications/${ANY}/read` },
  ] as const;

  it.each(provinceRoutes)('$method $url：仅省里可用', async (route) => {
    const { cookie: expertCookie } = await expert();
    for (const cookie of [expertCookie, department, unitAdmin]) {
      const response = await inject(t.app, { ...route, cookie });
      expect(response.statusCode, `${cookie}`).toBe(403);
    }
    expect((await inject(t.app, { ...route })).statusCode).toBe(401);
  });

  it.each(expertRoutes)('$method $url：仅专家可用', async (route) => {
    for (const cookie of [province, department, unitAdmin]) {
      expect((await inject(t.app, { ...route, cookie })).statusCode).toBe(403);
    }
    expect((await inject(t.app, { ...route })).statusCode).toBe(401);
  });

  it('专家看不到别人的评审任务，也看不到未分配的申报书：一律 404', async () => {
    const app = await recommended();
    const mine = await expert();
    const other = await expert();
    const theirs = await assigned(app.id, other);
    for (const [method, url] of [
      ['GET', `/api/expert/assignments/${theirs}`],
      ['PUT', `/api/expert/assignments/${theirs}/scores`],
      ['POST', `/api/expert/assignments/${theirs}/submit`],
      ['POST', `/api/expert/assignments/${theirs}/recuse`],
      ['GET', `/api/expert/assignments/${app.id}`],
    ] as const) {
      const response = await inject(t.app, {
        method,
        url,
        cookie: mine.cookie,
        payload: method === 'GET' ? undefined : { scores: {}, reason: '合作' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    const list = await inject(t.app, { method: 'GET', url: '/api/expert/assignments', cookie: mine.cookie });
    expect(list.json().assignments).toEqual([]);
    // The one whose assignment it is can still read it.
    expect(
      (await inject(t.app, { method: 'GET', url: `/api/expert/assignments/${theirs}`, cookie: other.cookie }))
        .statusCode,
    ).toBe(200);
  });

  it('没有专家档案的专家账号没有任务', async () => {
    const { cookie } = await insertUser(t, 'expert');
    const list = await inject(t.app, { method: 'GET', url: '/api/expert/assignments', cookie });
    expect(list.json().assignments).toEqual([]);
  });
});
