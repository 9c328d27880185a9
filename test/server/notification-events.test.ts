import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { outbox, users } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { sendDeadlineReminders } from '../../src/server/services/notifications/deadline-reminders.js';
import type { UserRole } from '../../src/contract/vocabulary.js';
import { insertApplication, insertPerson } from '../support/api/application-rows.js';
import { ownCall, ownDepartment } from '../support/api/own-calls-and-departments.js';
import { reviewSession } from '../support/api/review-session.js';
import { uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import { inject, insertUser, login, signInAsNewHolder, useTestApp } from '../support/harness.js';
import { acceptInvitation } from '../support/api/expert-review.js';

// Each event of the workflow writes its message, in the event's transaction, to exactly the people it concerns.

const t = useTestApp();

const START = '2026-11-23T09:00:00+08:00';
// The practice call's recommendation deadline (32 days after START) has passed: every recommendation is final.
const AFTER_RECOMMENDATION = '2026-12-28T09:00:00+08:00';

const messagesTo = (userIds: string[], kind?: string) =>
  t.db
    .select()
    .from(outbox)
    .where(and(inArray(outbox.userId, userIds), kind ? eq(outbox.kind, kind) : undefined));

async function account(role: UserRole, scope: Parameters<typeof insertUser>[2] = {}) {
  const { user, cookie } = await insertUser(t, role, scope);
  return { id: user.id, login: user.login, cookie };
}

/** The unit administrator insertSubmitted made for the application's organisation. */
async function adminOf(organizationId: string) {
  const admins = await t.db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, 'unit-admin')));
  expect(admins).toHaveLength(1);
  return admins[0]!;
}

describe('退回修改', () => {
  it('通知申报单位和该项目负责人（不通知同单位其他负责人），写明退回理由和重新提交截止时间', async () => {
    t.clock.set(START);
    const session = reviewSession(t, START);
    const department = await ownDepartment(t, 'provincial-agency');
    const reviewer = await account('department', { departmentId: department.id });
    const application = await session.submitted(department, { form: { title: '氢能储运关键技术合作研究' } });
    const admin = await adminOf(application.organizationId);
    const pi = await account('pi', {
      organizationId: application.organizationId,
      personId: application.piId,
    });
    const otherPerson = await insertPerson(t.db, application.organizationId, '另一负责人');
    const otherPi = await account('pi', {
      organizationId: application.organizationId,
      personId: otherPerson.id,
    });

    const response = await inject(t.app, {
      method: 'POST',
      url: `/api/review/applications/${application.id}/return`,
      cookie: reviewer.cookie,
      payload: { reasons: [{ field: 'budget.total', message: '预算总额与明细不一致' }] },
    });
    expect(response.statusCode, response.body).toBe(204);

    const rows = await messagesTo([admin.id, pi.id, otherPi.id, reviewer.id]);
    expect(rows.map((r) => r.userId).sort()).toEqual([admin.id, pi.id].sort());
    const [message] = rows;
    expect(message!.kind).toBe('application.returned');
    expect(message!.subject).toContain('“氢能储运关键技术合作研究”');
    expect(message!.body).toContain(department.name);
    expect(message!.body).toContain('预算总额与明细不一致');
    // The practice call's recommendation deadline: 32 days after START, 17:30 Beijing time.
    expect(message!.body).toContain('2026年12月25日 17:30（北京时间）前重新提交');
  });
});

/** A call of its own where a 省级机关 recommended three applications, at START; the clock then after the deadline. */
async function atProvince() {
  t.clock.set(START);
  const callId = await ownCall(t);
  const session = reviewSession(t, START);
  const department = await ownDepartment(t, 'provincial-agency');
  const reviewer = await account('department', { departmentId: department.id });
  const approved = await session.submitted(department, { callId, form: { title: '拟立项的项目' } });
  const rejected = await session.submitted(department, { callId, form: { title: '未立项的项目' } });
  for (const a of [approved, rejected]) {
    const response = await session.recommend(reviewer.cookie, a.id);
    expect(response.statusCode, response.body).toBe(204);
  }
  t.clock.set(AFTER_RECOMMENDATION);
  const province = await account('province');
  reviewer.cookie = await login(t.app, reviewer.login);
  const accept = (id: string) =>
    inject(t.app, {
      method: 'PUT',
      url: `/api/province/formal-review/${id}`,
      cookie: province.cookie,
      payload: { result: 'accepted' },
    });
  return { callId, department, reviewer, province, approved, rejected, accept };
}

describe('形式审查结果', () => {
  it('通知申报单位和主管部门；同样的结果再保存一次不重复通知', async () => {
    const w = await atProvince();
    const admin = await adminOf(w.approved.organizationId);
    expect((await w.accept(w.approved.id)).statusCode).toBe(200);
    expect((await w.accept(w.approved.id)).statusCode).toBe(200);
    const rows = await messagesTo([admin.id, w.reviewer.id, w.province.id], 'formal-review.result');
    expect(rows.map((r) => r.userId).sort()).toEqual([admin.id, w.reviewer.id].sort());
    expect(rows[0]!.subject).toBe('形式审查结果：“拟立项的项目”受理');
  });
});

describe('专家评审任务', () => {
  it('分配时通知专家，写明项目和评审截止时间；到期提醒也进入消息', async () => {
    const w = await atProvince();
    expect((await w.accept(w.approved.id)).statusCode).toBe(200);
    const expertLogin = uniqueLogin('expert');
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/province/experts',
      cookie: w.province.cookie,
      payload: {
        name: '王专家',
        organizationName: '南京测试大学',
        organizationCreditCode: null,
        fields: ['氢能与新型储能'],
        title: '教授',
        phone: '025-83790000',
        email: 'expert@example.cn',
        account: { login: expertLogin, password: VALID_PASSWORD },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const [expertUser] = await t.db.select().from(users).where(eq(users.login, expertLogin));
    const round = await inject(t.app, {
      method: 'POST',
      url: '/api/province/review-rounds',
      cookie: w.province.cookie,
      payload: {
        callId: w.callId,
        kind: 'letter',
        name: '函评',
        respondBy: new Date(t.clock.now().getTime() + 48 * 3600_000).toISOString(),
        dueAt: '2027-01-08T17:30:00+08:00',
      },
    });
    expect(round.statusCode, round.body).toBe(201);
    const roundId: string = round.json().round.id;
    const assigned = await inject(t.app, {
      method: 'POST',
      url: `/api/province/experts/applications/${w.approved.id}/assignments`,
      cookie: w.province.cookie,
      payload: { roundId, expertId: created.json().expert.id, dueAt: '2027-01-08T17:30:00+08:00' },
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    // A first assignment in the round invites the expert: the invitation names the project and the deadline.
    const [message] = await messagesTo([expertUser!.id], 'expert.invited');
    expect(message!.body).toContain('“拟立项的项目”');
    expect(message!.body).toContain('保密承诺');
    const expertCookie = (await signInAsNewHolder(t.app, expertLogin)).cookie;
    await acceptInvitation(
      { t, province: w.province.cookie, departmentId: '', departmentUserId: '' },
      roundId,
      {
        cookie: expertCookie,
      },
    );

    t.clock.set('2027-01-07T09:00:00+08:00');
    const province = await login(
      t.app,
      (await t.db.select().from(users).where(eq(users.id, w.province.id)))[0]!.login,
    );
    const reminded = await inject(t.app, {
      method: 'POST',
      url: '/api/province/experts/reminders',
      cookie: province,
    });
    expect(reminded.statusCode, reminded.body).toBeLessThan(300);
    const due = await messagesTo([expertUser!.id], 'expert.due');
    expect(due).toHaveLength(1);
    expect(due[0]!.subject).toBe('评审到期提醒：“拟立项的项目”');
  });
});

describe('立项公示', () => {
  it('发布时通知拟立项项目的单位、负责人和主管部门（金额以万元计）；未立项项目不通知（三、2）', async () => {
    const w = await atProvince();
    for (const a of [w.approved, w.rejected]) expect((await w.accept(a.id)).statusCode).toBe(200);
    const decide = (id: string, body: object) =>
      inject(t.app, {
        method: 'PUT',
        url: `/api/province/decisions/${id}`,
        cookie: w.province.cookie,
        payload: body,
      });
    expect(
      (await decide(w.approved.id, { outcome: 'approved', funding: 800_000, reason: '同意立项' })).statusCode,
    ).toBe(200);
    expect((await decide(w.rejected.id, { outcome: 'rejected', reason: '评审排名靠后' })).statusCode).toBe(
      200,
    );
    const approvedAdmin = await adminOf(w.approved.organizationId);
    const approvedPi = await account('pi', {
      organizationId: w.approved.organizationId,
      personId: w.approved.piId,
    });
    const rejectedAdmin = await adminOf(w.rejected.organizationId);
    const rejectedPi = await account('pi', {
      organizationId: w.rejected.organizationId,
      personId: w.rejected.piId,
    });
    const everyone = [approvedAdmin.id, approvedPi.id, rejectedAdmin.id, rejectedPi.id, w.reviewer.id];
    const before = (await messagesTo(everyone)).map((r) => r.id);

    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/province/announcements',
      cookie: w.province.cookie,
      payload: { callId: w.callId },
    });
    expect(created.statusCode, created.body).toBe(201);
    const published = await inject(t.app, {
      method: 'POST',
      url: `/api/province/announcements/${created.json().announcement.id}/publish`,
      cookie: w.province.cookie,
    });
    expect(published.statusCode, published.body).toBe(200);

    const rows = (await messagesTo(everyone)).filter((r) => !before.includes(r.id));
    expect(rows.map((r) => [r.userId, r.kind]).sort()).toEqual(
      [
        [approvedAdmin.id, 'decision.approved'],
        [approvedPi.id, 'decision.approved'],
        [w.reviewer.id, 'announcement.published'],
      ].sort(),
    );
    const approved = rows.find((r) => r.kind === 'decision.approved')!;
    expect(approved.body).toContain('80 万元');
    expect(approved.body).toContain('2026年12月28日至');
    const department = rows.find((r) => r.kind === 'announcement.published')!;
    expect(department.body).toContain('“拟立项的项目”');
    expect(department.body).not.toContain('未立项的项目');
  });
});

describe('未立项反馈', () => {
  it('计划选择公开反馈（releasedFeedback）时，公示发布也通知未立项项目的单位和负责人', async () => {
    const feedback = JS_INTL_2026.releasedFeedback as { value: boolean };
    feedback.value = true;
    try {
      const w = await atProvince();
      for (const a of [w.approved, w.rejected]) expect((await w.accept(a.id)).statusCode).toBe(200);
      const decide = (id: string, body: object) =>
        inject(t.app, {
          method: 'PUT',
          url: `/api/province/decisions/${id}`,
          cookie: w.province.cookie,
          payload: body,
        });
      expect(
        (await decide(w.approved.id, { outcome: 'approved', funding: 600_000, reason: '同意' })).statusCode,
      ).toBe(200);
      expect((await decide(w.rejected.id, { outcome: 'rejected', reason: '排名靠后' })).statusCode).toBe(200);
      const rejectedAdmin = await adminOf(w.rejected.organizationId);
      const created = await inject(t.app, {
        method: 'POST',
        url: '/api/province/announcements',
        cookie: w.province.cookie,
        payload: { callId: w.callId },
      });
      const published = await inject(t.app, {
        method: 'POST',
        url: `/api/province/announcements/${created.json().announcement.id}/publish`,
        cookie: w.province.cookie,
      });
      expect(published.statusCode, published.body).toBe(200);
      const [message] = await messagesTo([rejectedAdmin.id], 'decision.not-approved');
      expect(message!.subject).toBe('未立项通知：“未立项的项目”');
    } finally {
      feedback.value = false;
    }
  });
});

describe('截止提醒', () => {
  it('申报截止前 3 天、1 天、3 小时各提醒有未提交草稿的单位一次；推荐截止前提醒未确认名单的主管部门', async () => {
    t.clock.set(START);
    const callId = await ownCall(t);
    const call = (await repositories(t.db).calls.findById(callId))!;
    const session = reviewSession(t, START);
    const department = await ownDepartment(t, 'provincial-agency');
    const reviewer = await account('department', { departmentId: department.id });
    const received = await session.submitted(department, { callId });
    const draftAdmin = await adminOf(received.organizationId);
    await insertApplication(t.db, {
      callId,
      organizationId: received.organizationId,
      piId: received.piId,
      departmentId: department.id,
      status: 'draft',
      form: { title: '尚未提交的草稿' },
    });
    const submittedOnly = await session.submitted(department, { callId });
    const submittedAdmin = await adminOf(submittedOnly.organizationId);

    const HOUR = 3_600_000;
    const run = (deadline: Date, hoursBefore: number) =>
      sendDeadlineReminders(t.db, repositories(t.db), new Date(deadline.getTime() - hoursBefore * HOUR));
    const submission = call.submissionClosesAt;
    for (const hours of [100, 72, 71, 50, 24, 23.5, 3, 2, 1, -1]) await run(submission, hours);
    // A second instance running at the same moments writes nothing more.
    for (const hours of [72, 24, 3]) await run(submission, hours);

    const applicant = await messagesTo([draftAdmin.id, submittedAdmin.id], 'deadline.applicant');
    expect(applicant.map((r) => r.userId)).toEqual([draftAdmin.id, draftAdmin.id, draftAdmin.id]);
    expect(applicant.map((r) => r.subject).sort()).toEqual(
      ['3 天', '1 天', '3 小时'].map((lead) => `申报截止提醒：网上填报将于 ${lead}后截止`).sort(),
    );
    expect(applicant[0]!.body).toContain('“尚未提交的草稿”');

    for (const hours of [80, 72, 24, 3, 3]) await run(call.recommendationClosesAt, hours);
    const departmentRows = await messagesTo([reviewer.id], 'deadline.department');
    expect(departmentRows).toHaveLength(3);
    expect(departmentRows[0]!.body).toContain('已收到 2 份申报书');
  });
});
