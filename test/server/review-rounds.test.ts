import { and, eq, inArray, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENTIALITY_PLEDGE } from '../../src/core/experts/invitations.js';
import {
  auditLog,
  expertAssignments,
  expertConflicts,
  expertInvitations,
  experts,
  organizations,
  outbox,
  people,
  users,
} from '../../src/server/db/schema.js';
import { createJobRunner } from '../../src/server/jobs/index.js';
import { repositories } from '../../src/server/repositories/index.js';
import { INVITATION_INTERVAL_MS } from '../../src/server/jobs/invitations.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import {
  acceptedApplication,
  confirmList,
  newExpert,
  type ReviewStage,
  reviewStage,
  scoreableAssignment,
} from '../support/api/expert-review.js';
import { ownCall } from '../support/api/own-calls-and-departments.js';
import { uniqueLogin } from '../support/factories/server.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';

// 评审轮次和邀请 (issue 14 §1): rounds, invitations answered before their deadline (accept with 保密承诺 and a
// conflict declaration per application, decline with a reason), scoring only after acceptance, the reminder
// and the expiry, and one-click reassignment of what was lost.

const t = useTestApp();

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();

let stage: ReviewStage;
beforeAll(async () => {
  stage = await reviewStage(t);
});

type Expert = Awaited<ReturnType<typeof newExpert>>;

/** A call of its own (loads and rounds of other tests stay out), its list confirmed, and a 函评 round of it. */
async function ownRound(respondInHours = 48, dueInHours = 30 * 24) {
  const callId = await ownCall(t);
  await confirmList(stage, callId);
  const response = await createRound({
    callId,
    kind: 'letter',
    name: `函评${uniqueLogin('r').slice(-4)}`,
    respondBy: inHours(respondInHours),
    dueAt: inHours(dueInHours),
  });
  expect(response.statusCode, response.body).toBe(201);
  return { callId, roundId: response.json().round.id as string };
}

const createRound = (payload: object, cookie = stage.province) =>
  inject(t.app, { method: 'POST', url: '/api/province/review-rounds', cookie, payload });

const assign = (roundId: string, applicationId: string, expertId: string, extra: object = {}) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/province/experts/applications/${applicationId}/assignments`,
    cookie: stage.province,
    payload: { roundId, expertId, ...extra },
  });

async function assigned(roundId: string, applicationId: string, expertId: string): Promise<string> {
  const response = await assign(roundId, applicationId, expertId);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().assignment.id;
}

interface InvitationView {
  id: string;
  status: string;
  answerable: boolean;
  respondBy: string;
  declineReason: string | null;
  round: { id: string; name: string; kind: string };
  callName: string;
  applications: { applicationId: string; title: string; applicant: string; topic: number }[];
  confidentialityText: string;
}

async function invitationOf(expert: Expert, roundId: string): Promise<InvitationView> {
  const response = await inject(t.app, {
    method: 'GET',
    url: '/api/expert/invitations',
    cookie: expert.cookie,
  });
  expect(response.statusCode).toBe(200);
  const found = (response.json().invitations as InvitationView[]).find((i) => i.round.id === roundId);
  expect(found).toBeDefined();
  return found!;
}

const answer = (expert: Pick<Expert, 'cookie'>, id: string, action: 'accept' | 'decline', payload: object) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/expert/invitations/${id}/${action}`,
    cookie: expert.cookie,
    payload,
  });

const vacancies = async (callId: string) => {
  const response = await inject(t.app, {
    method: 'GET',
    url: `/api/province/experts/vacancies?callId=${encodeURIComponent(callId)}`,
    cookie: stage.province,
  });
  expect(response.statusCode).toBe(200);
  return response.json().vacancies as {
    id: string;
    cause: string;
    causeLabel: string;
    reason: string | null;
    expert: { id: string };
    application: { id: string; title: string };
  }[];
};

const scoreDraft = (expert: Expert, assignmentId: string) =>
  inject(t.app, {
    method: 'PUT',
    url: `/api/expert/assignments/${assignmentId}/scores`,
    cookie: expert.cookie,
    payload: { scores: {}, comment: '' },
  });

describe('评审轮次', () => {
  it('省里新建轮次并列出；评分截止须晚于邀请答复截止；不填答复截止按计划配置的天数', async () => {
    const callId = await ownCall(t);
    const created = await createRound({
      callId,
      kind: 'feasibility',
      name: '专家论证',
      dueAt: inHours(20 * 24),
    });
    expect(created.statusCode, created.body).toBe(201);
    // review.invitationDays is 3 in the 2026 call's 中心配置.
    expect(new Date(created.json().round.respondBy).getTime()).toBe(t.clock.now().getTime() + 72 * HOUR);
    const list = await inject(t.app, {
      method: 'GET',
      url: `/api/province/review-rounds?callId=${encodeURIComponent(callId)}`,
      cookie: stage.province,
    });
    expect(list.json().rounds).toEqual([
      expect.objectContaining({
        kind: 'feasibility',
        name: '专家论证',
        invitations: expect.objectContaining({ pending: 0 }),
      }),
    ]);

    const backwards = await createRound({
      callId,
      kind: 'letter',
      name: '函评',
      respondBy: inHours(48),
      dueAt: inHours(24),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0]).toMatchObject({
      path: 'dueAt',
      message: expect.stringContaining('评分截止时间'),
    });
  });

  it('新建轮次、邀请和重新分配须有项目管理中心职责', async () => {
    const cooperation = (await insertUser(t, 'province', { duties: ['cooperation'] })).cookie;
    const refused = await createRound(
      { callId: PRACTICE_CALL_ID, kind: 'letter', name: '函评', dueAt: inHours(24 * 10) },
      cooperation,
    );
    expect(refused.statusCode).toBe(403);
    const { roundId } = await ownRound();
    const invite = await inject(t.app, {
      method: 'POST',
      url: `/api/province/review-rounds/${roundId}/invitations`,
      cookie: cooperation,
      payload: { expertIds: [(await newExpert(stage)).id] },
    });
    expect(invite.statusCode).toBe(403);
  });
});

describe('评审邀请', () => {
  it('显式邀请：专家看到轮次、计划、截止时间和拟评项目（题目、申报单位、专题，不含人名）；谢绝须写理由', async () => {
    const { callId, roundId } = await ownRound();
    const application = await acceptedApplication(stage, {}, callId);
    const expert = await newExpert(stage);
    await assigned(roundId, application.id, expert.id);
    const again = await inject(t.app, {
      method: 'POST',
      url: `/api/province/review-rounds/${roundId}/invitations`,
      cookie: stage.province,
      payload: { expertIds: [expert.id] },
    });
    // Assigning invited them already: the explicit invitation leaves it as it is.
    expect(again.json()).toEqual({ invited: [], alreadyInvited: [expert.id] });

    const invitation = await invitationOf(expert, roundId);
    const [organization] = await t.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, application.organizationId));
    const [pi] = await t.db.select().from(people).where(eq(people.id, application.piId));
    expect(invitation).toMatchObject({
      status: 'pending',
      answerable: true,
      round: { kind: 'letter' },
      applications: [
        { applicationId: application.id, applicant: organization!.name, topic: application.topic },
      ],
      confidentialityText: CONFIDENTIALITY_PLEDGE,
    });
    expect(JSON.stringify(invitation)).not.toContain(pi!.name);
    const mail = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'expert.invited'), eq(outbox.userId, (await userOf(expert)).id)));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toContain('保密承诺');

    const noReason = await answer(expert, invitation.id, 'decline', { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].message).toContain('谢绝理由');
    const declined = await answer(expert, invitation.id, 'decline', { reason: '出国访问，无法按期评审' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().invitation).toMatchObject({
      status: 'declined',
      declineReason: '出国访问，无法按期评审',
    });
    expect(
      (await answer(expert, invitation.id, 'accept', { confidentiality: true, conflicts: [] })).json().error
        .code,
    ).toBe('INVITATION_ANSWERED');

    // The assignment went back to the province, with why.
    expect(await t.db.select().from(expertAssignments).where(eq(expertAssignments.roundId, roundId))).toEqual(
      [],
    );
    expect(await vacancies(callId)).toEqual([
      expect.objectContaining({
        cause: 'declined',
        causeLabel: '专家谢绝邀请',
        reason: '出国访问，无法按期评审',
        expert: expect.objectContaining({ id: expert.id }),
        application: expect.objectContaining({ id: application.id }),
      }),
    ]);
    const detail = await inject(t.app, {
      method: 'GET',
      url: `/api/province/review-rounds/${roundId}`,
      cookie: stage.province,
    });
    expect(detail.json().invitations).toEqual([
      expect.objectContaining({ status: 'declined', declineReason: '出国访问，无法按期评审' }),
    ]);
    expect(detail.json().round.invitations).toMatchObject({ declined: 1, pending: 0 });
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invitation.id), eq(auditLog.action, 'expert.invitation.declined')));
    expect(audited).toHaveLength(1);
  });

  it('答复截止后接受或谢绝一律拒绝，提示已过截止时间（北京时间）', async () => {
    const { callId, roundId } = await ownRound(2);
    const application = await acceptedApplication(stage, {}, callId);
    const expert = await newExpert(stage);
    await assigned(roundId, application.id, expert.id);
    const invitation = await invitationOf(expert, roundId);
    t.clock.advance(2 * HOUR);
    try {
      const late = await answer(expert, invitation.id, 'accept', {
        confidentiality: true,
        conflicts: [{ applicationId: application.id, conflict: false }],
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({
        code: 'INVITATION_CLOSED',
        message: expect.stringContaining('截止时间'),
      });
      expect((await answer(expert, invitation.id, 'decline', { reason: '太忙' })).json().error.code).toBe(
        'INVITATION_CLOSED',
      );
      expect((await invitationOf(expert, roundId)).answerable).toBe(false);
    } finally {
      t.clock.advance(-2 * HOUR);
    }
  });

  it('接受须同意保密承诺并逐项声明利益冲突；声明冲突的项目回避，退回省里待重新分配', async () => {
    const { callId, roundId } = await ownRound();
    const kept = await acceptedApplication(stage, { title: '无冲突的项目' }, callId);
    const conflicted = await acceptedApplication(stage, { title: '有冲突的项目' }, callId);
    const expert = await newExpert(stage);
    const keptId = await assigned(roundId, kept.id, expert.id);
    const lostId = await assigned(roundId, conflicted.id, expert.id);
    const invitation = await invitationOf(expert, roundId);
    expect(invitation.applications.map((a) => a.applicationId).sort()).toEqual(
      [kept.id, conflicted.id].sort(),
    );

    const noPledge = await answer(expert, invitation.id, 'accept', { confidentiality: false, conflicts: [] });
    expect(noPledge.statusCode).toBe(400);
    expect(noPledge.json().error.fields[0].message).toContain('保密承诺');
    const missing = await answer(expert, invitation.id, 'accept', {
      confidentiality: true,
      conflicts: [{ applicationId: kept.id, conflict: false }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('有冲突的项目');
    const noReason = await answer(expert, invitation.id, 'accept', {
      confidentiality: true,
      conflicts: [
        { applicationId: kept.id, conflict: false },
        { applicationId: conflicted.id, conflict: true },
      ],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({ path: 'conflicts.1.reason' });
    // Nothing was written by the refusals.
    expect((await invitationOf(expert, roundId)).status).toBe('pending');

    const accepted = await answer(expert, invitation.id, 'accept', {
      confidentiality: true,
      conflicts: [
        { applicationId: kept.id, conflict: false },
        { applicationId: conflicted.id, conflict: true, reason: '项目负责人是我的博士导师' },
      ],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().invitation).toMatchObject({
      status: 'accepted',
      applications: [expect.objectContaining({ applicationId: kept.id })],
    });
    const [row] = await t.db.select().from(expertInvitations).where(eq(expertInvitations.id, invitation.id));
    expect(row!.confidentialityText).toBe(CONFIDENTIALITY_PLEDGE);
    expect(row!.confidentialityAgreedAt).not.toBeNull();
    expect(row!.declarations).toEqual([
      { applicationId: kept.id, conflict: false, reason: null },
      { applicationId: conflicted.id, conflict: true, reason: '项目负责人是我的博士导师' },
    ]);

    // The yes recused that assignment as 回避 does: conflict recorded, assignment removed, audited.
    const remaining = await t.db
      .select()
      .from(expertAssignments)
      .where(eq(expertAssignments.expertId, expert.id));
    expect(remaining.map((a) => a.id)).toEqual([keptId]);
    const conflicts = await t.db
      .select()
      .from(expertConflicts)
      .where(eq(expertConflicts.expertId, expert.id));
    expect(conflicts).toEqual([
      expect.objectContaining({ applicationId: conflicted.id, reason: expect.stringContaining('博士导师') }),
    ]);
    const recused = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, lostId), eq(auditLog.action, 'expert.recused')));
    expect(recused).toHaveLength(1);
    expect(await vacancies(callId)).toEqual([
      expect.objectContaining({
        cause: 'conflict',
        reason: '项目负责人是我的博士导师',
        application: expect.objectContaining({ id: conflicted.id }),
      }),
    ]);
    // Assigning the expert to it again asks for an override.
    expect((await assign(roundId, conflicted.id, expert.id)).statusCode).toBe(409);
    // The kept assignment is now scoreable.
    expect((await scoreDraft(expert, keptId)).statusCode).toBe(200);
  });

  it('接受邀请之前不能打开或评分：提示先接受邀请', async () => {
    const { callId, roundId } = await ownRound();
    const application = await acceptedApplication(stage, {}, callId);
    const expert = await newExpert(stage);
    const id = await assigned(roundId, application.id, expert.id);
    const early = await scoreDraft(expert, id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'INVITATION_NOT_ACCEPTED',
      message: expect.stringContaining('接受'),
    });
    const opened = await inject(t.app, {
      method: 'GET',
      url: `/api/expert/assignments/${id}`,
      cookie: expert.cookie,
    });
    expect(opened.json().error.code).toBe('INVITATION_NOT_ACCEPTED');
    const listed = await inject(t.app, {
      method: 'GET',
      url: '/api/expert/assignments',
      cookie: expert.cookie,
    });
    expect(listed.json().assignments).toEqual([]);

    const invitation = await invitationOf(expert, roundId);
    const accepted = await answer(expert, invitation.id, 'accept', {
      confidentiality: true,
      conflicts: [{ applicationId: application.id, conflict: false }],
    });
    expect(accepted.statusCode).toBe(200);
    expect((await scoreDraft(expert, id)).statusCode).toBe(200);
  });

  it('别的专家的邀请：接受、谢绝一律 404，与不存在的一样', async () => {
    const { callId, roundId } = await ownRound();
    const application = await acceptedApplication(stage, {}, callId);
    const owner = await newExpert(stage);
    const other = await newExpert(stage);
    await assigned(roundId, application.id, owner.id);
    const invitation = await invitationOf(owner, roundId);
    const accept = await answer(other, invitation.id, 'accept', {
      confidentiality: true,
      conflicts: [{ applicationId: application.id, conflict: false }],
    });
    const decline = await answer(other, invitation.id, 'decline', { reason: '不是我的' });
    const none = await answer(other, '00000000-0000-4000-8000-000000000000', 'decline', { reason: '不存在' });
    for (const response of [accept, decline, none]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect((await invitationOf(owner, roundId)).status).toBe('pending');
    const province = await inject(t.app, {
      method: 'POST',
      url: `/api/expert/invitations/${invitation.id}/decline`,
      cookie: stage.province,
      payload: { reason: '代答' },
    });
    expect(province.statusCode).toBe(403);
  });

  it('scoreableAssignment 经轮次和已接受的邀请得到可评分的任务', async () => {
    const application = await acceptedApplication(stage);
    const expert = await newExpert(stage);
    const id = await scoreableAssignment(stage, application.id, expert);
    expect((await scoreDraft(expert, id)).statusCode).toBe(200);
  });
});

describe('邀请提醒和逾期', () => {
  it('后台任务在截止前按配置的小时数提醒一次，截止后邀请失效、任务退回、省里收到通知', async () => {
    // review.invitationReminderHours is 24: the reminder comes in the last day.
    const { callId, roundId } = await ownRound(30);
    const application = await acceptedApplication(stage, {}, callId);
    const expert = await newExpert(stage);
    await assigned(roundId, application.id, expert.id);
    const invitation = await invitationOf(expert, roundId);
    const expertUser = await userOf(expert);
    const log = { info: () => undefined, error: () => undefined };
    const runners = [
      createJobRunner({ db: t.db, clock: t.clock, log }),
      createJobRunner({ db: t.db, clock: t.clock, log }),
    ];
    const reminders = () =>
      t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'expert.invitation-due'), eq(outbox.userId, expertUser.id)));
    let advanced = 0;
    const advance = (ms: number) => {
      t.clock.advance(ms);
      advanced += ms;
    };
    try {
      await Promise.all(runners.map((r) => r.runPending()));
      expect(await reminders()).toHaveLength(0);

      advance(7 * HOUR);
      await Promise.all(runners.map((r) => r.runPending()));
      expect(await reminders()).toHaveLength(1);
      expect((await reminders())[0]!.body).toContain('尚未答复');
      advance(INVITATION_INTERVAL_MS);
      await Promise.all(runners.map((r) => r.runPending()));
      expect(await reminders()).toHaveLength(1);

      advance(23 * HOUR);
      await Promise.all(runners.map((r) => r.runPending()));
      // (The expert's session has lapsed over the day: the row says it.)
      const [expired] = await t.db
        .select()
        .from(expertInvitations)
        .where(eq(expertInvitations.id, invitation.id));
      expect(expired!.status).toBe('expired');
      expect(
        await t.db.select().from(expertAssignments).where(eq(expertAssignments.roundId, roundId)),
      ).toEqual([]);
      const open = await repositories(t.db).reviewRounds.openVacancies(callId);
      expect(open.map((v) => v.vacancy.cause)).toEqual(['expired']);
      const [round] = await t.db
        .select()
        .from(expertInvitations)
        .where(eq(expertInvitations.id, invitation.id));
      expect(round!.remindedAt).not.toBeNull();
      const told = await t.db
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.kind, 'expert.invitation-expired'),
            inArray(outbox.userId, [stage.provinceUserId!]),
            like(outbox.dedupeKey, `%${invitation.id}%`),
          ),
        );
      expect(told).toHaveLength(1);
      const expiredAudit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, invitation.id), eq(auditLog.action, 'expert.invitation.expired')));
      expect(expiredAudit).toHaveLength(1);
    } finally {
      t.clock.advance(-advanced);
      await Promise.all(runners.map((r) => r.stop()));
    }
  });
});

describe('一键重新分配', () => {
  it('选领域匹配、本计划任务最少、无利益冲突、未谢绝本轮的专家，并发出邀请；同一项不能再次分配', async () => {
    const { callId, roundId } = await ownRound();
    const field = `量子计算${uniqueLogin('f').slice(-6)}`;
    const application = await acceptedApplication(stage, { field }, callId);
    const other = await acceptedApplication(stage, { field }, callId);
    const [applicant] = await t.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, application.organizationId));

    const leaving = await newExpert(stage, { fields: [field] });
    const declinedToo = await newExpert(stage, { fields: [field] });
    const conflicted = await newExpert(stage, {
      fields: [field],
      organizationCreditCode: applicant!.creditCode,
    });
    const busy = await newExpert(stage, { fields: [field] });
    const free = await newExpert(stage, { fields: [field] });
    // busy holds one assignment in the call; free holds none.
    await assigned(roundId, other.id, busy.id);
    // declinedToo declines the round (with nothing assigned yet).
    const invited = await inject(t.app, {
      method: 'POST',
      url: `/api/province/review-rounds/${roundId}/invitations`,
      cookie: stage.province,
      payload: { expertIds: [declinedToo.id] },
    });
    expect(invited.json().invited).toHaveLength(1);
    await answer(declinedToo, (await invitationOf(declinedToo, roundId)).id, 'decline', {
      reason: '时间冲突',
    });

    await assigned(roundId, application.id, leaving.id);
    await answer(leaving, (await invitationOf(leaving, roundId)).id, 'decline', { reason: '身体原因' });
    const [vacancy] = (await vacancies(callId)).filter((v) => v.application.id === application.id);
    expect(vacancy).toMatchObject({ cause: 'declined', reason: '身体原因' });

    const reassigned = await inject(t.app, {
      method: 'POST',
      url: `/api/province/experts/vacancies/${vacancy!.id}/reassign`,
      cookie: stage.province,
      payload: {},
    });
    expect(reassigned.statusCode, reassigned.body).toBe(201);
    expect(reassigned.json()).toMatchObject({
      expert: { id: free.id },
      fieldMatch: true,
      invitationStatus: 'pending',
    });
    expect((await invitationOf(free, roundId)).applications.map((a) => a.applicationId)).toEqual([
      application.id,
    ]);
    expect((await vacancies(callId)).map((v) => v.id)).not.toContain(vacancy!.id);
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, vacancy!.id), eq(auditLog.action, 'expert.reassigned')));
    expect(audited).toHaveLength(1);

    const twice = await inject(t.app, {
      method: 'POST',
      url: `/api/province/experts/vacancies/${vacancy!.id}/reassign`,
      cookie: stage.province,
      payload: {},
    });
    expect(twice.json().error.code).toBe('VACANCY_FILLED');
    expect([conflicted.id, busy.id, declinedToo.id, leaving.id]).not.toContain(reassigned.json().expert.id);
  });
});

async function userOf(expert: Expert) {
  const [user] = await t.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(experts, eq(experts.userId, users.id))
    .where(eq(experts.id, expert.id));
  return user!;
}
