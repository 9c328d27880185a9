import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { applications, formalReviewAppeals, outbox } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { createDraft, submitThroughApi, unitWithPerson } from '../support/api/applicant.js';
import {
  acceptedApplication,
  letterRound,
  newExpert,
  type ReviewStage,
  reviewStage,
} from '../support/api/expert-review.js';
import { ownCall } from '../support/api/own-calls-and-departments.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { uniqueNumber } from '../support/factories/random.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';
import { pdf } from '../support/pdf.js';

// 回避专家 named by applicants (issue 14 §2) and 复核 of 不予受理 (§8), through the API.

const t = useTestApp();
const START = '2026-11-23T09:00:00+08:00'; // a Monday
const MAX = JS_INTL_2026.review.value.avoidedExpertsMax;

let stage: ReviewStage;

beforeAll(async () => {
  t.clock.set(START);
  stage = await reviewStage(t);
});

afterEach(() => t.clock.set(START));

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();

const avoid = (cookie: string, applicationId: string, payload: object) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/applications/${applicationId}/avoided-experts`,
    cookie,
    payload,
  });
const avoidedOf = (cookie: string, applicationId: string) =>
  inject(t.app, { method: 'GET', url: `/api/applications/${applicationId}/avoided-experts`, cookie });
const person = (n: number) => ({
  name: `回避专家${n}`,
  organization: '南京大学',
  reason: '与本项目存在竞争关系',
});

describe('回避专家', () => {
  it(`申请人可在草稿中列出至多 ${MAX} 位，每项须填姓名、单位和理由，超出上限被拒绝；可删除；均记入审计日志`, async () => {
    const admin = await unitWithPerson(t);
    const { id } = await createDraft(t, admin);

    const blank = await avoid(admin.cookie, id, { name: ' ', organization: '', reason: '理由' });
    expect(blank.statusCode).toBe(400);
    const fields = blank.json().error.fields as { path: string; message: string }[];
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '回避专家姓名：请填写' },
        { path: 'organization', message: '回避专家所在单位：请填写' },
      ]),
    );
    const noReason = await avoid(admin.cookie, id, { name: '王立新', organization: '南京大学' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({ path: 'reason', message: '回避理由：请填写' });

    const added: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      const response = await avoid(admin.cookie, id, person(n));
      expect(response.statusCode, response.body).toBe(201);
      added.push(response.json().id);
    }
    const over = await avoid(admin.cookie, id, person(MAX + 1));
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({ code: 'AVOIDED_EXPERTS_FULL' });
    expect(over.json().error.message).toContain(`最多 ${MAX} 位`);

    const list = (await avoidedOf(admin.cookie, id)).json();
    expect(list).toMatchObject({ max: MAX, editable: true });
    expect(list.avoidedExperts.map((a: { name: string }) => a.name).sort()).toEqual(
      Array.from({ length: MAX }, (_, i) => `回避专家${i + 1}`),
    );

    const removed = await inject(t.app, {
      method: 'DELETE',
      url: `/api/applications/${id}/avoided-experts/${added[0]}`,
      cookie: admin.cookie,
    });
    expect(removed.statusCode).toBe(204);
    expect((await avoid(admin.cookie, id, person(9))).statusCode).toBe(201);

    const log = await repositories(t.db).audit.list({ entityId: id, limit: 50 });
    expect(log.filter((e) => e.action === 'application.avoided-expert.added')).toHaveLength(MAX + 1);
    const [removal] = log.filter((e) => e.action === 'application.avoided-expert.removed');
    expect(removal!.before).toMatchObject({ name: '回避专家1', organization: '南京大学' });
  });

  it('提交后不能再添加或删除；主管部门能看到，但不能修改', async () => {
    const { admin, id } = await submitThroughApi(t);
    const refused = await avoid(admin.cookie, id, person(1));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'NOT_EDITABLE' });
    expect(refused.json().error.message).toContain('回避专家');
    const list = (await avoidedOf(admin.cookie, id)).json();
    expect(list).toMatchObject({ avoidedExperts: [], editable: false });

    const department = await insertUser(t, 'department');
    const read = await avoidedOf(department.cookie, id);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().editable).toBe(false);
    expect((await avoid(department.cookie, id, person(1))).statusCode).toBe(403);
  });

  it('别的单位、专家读取或修改，与不存在的申报书一样答 404', async () => {
    const owner = await unitWithPerson(t);
    const { id } = await createDraft(t, owner);
    const added = (await avoid(owner.cookie, id, person(1))).json().id as string;
    const other = await unitWithPerson(t);
    for (const response of [
      await avoidedOf(other.cookie, id),
      await avoid(other.cookie, id, person(2)),
      await inject(t.app, {
        method: 'DELETE',
        url: `/api/applications/${id}/avoided-experts/${added}`,
        cookie: other.cookie,
      }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    const expert = await newExpert(stage);
    expect((await avoidedOf(expert.cookie, id)).statusCode).toBe(404);
    expect((await avoidedOf(owner.cookie, id)).json().avoidedExperts).toHaveLength(1);
  });

  it('自动分配从不选中申请人要求回避的专家；手工分配须填写理由，记为回避例外；省里的候选名单标出“申请人要求回避”', async () => {
    const callId = await ownCall(t);
    const own = await reviewStage(t, callId);
    const field = `领域${uniqueNumber()}`;
    const application = await acceptedApplication(own, { field }, callId);
    const avoided = await newExpert(own, { fields: [field], organizationName: '南京大学物理学院' });
    const other = await newExpert(own, { fields: [field] });
    await repositories(t.db).avoidedExperts.insert({
      applicationId: application.id,
      name: ` ${avoided.name} `,
      organization: '南京大学',
      reason: '曾与申请人有学术纠纷',
      createdAt: t.clock.now(),
      createdBy: own.departmentUserId,
    });

    const roundId = await letterRound(own, callId);
    const auto = await inject(t.app, {
      method: 'POST',
      url: '/api/province/experts/auto-assign',
      cookie: own.province,
      payload: { roundId, perApplication: 2, dueAt: inHours(7 * 24) },
    });
    expect(auto.statusCode, auto.body).toBe(200);
    expect(auto.json().assigned).toEqual([
      expect.objectContaining({ applicationId: application.id, expertId: other.id }),
    ]);
    expect(auto.json().shortfalls).toEqual([
      expect.objectContaining({ applicationId: application.id, missing: 1 }),
    ]);

    const detail = await inject(t.app, {
      method: 'GET',
      url: `/api/province/experts/applications/${application.id}`,
      cookie: own.province,
    });
    const candidate = detail
      .json()
      .candidates.find((c: { expert: { id: string } }) => c.expert.id === avoided.id);
    expect(candidate.conflicts).toEqual([
      { kind: 'applicant-avoidance', message: expect.stringContaining('曾与申请人有学术纠纷') },
    ]);

    const assign = (payload: object) =>
      inject(t.app, {
        method: 'POST',
        url: `/api/province/experts/applications/${application.id}/assignments`,
        cookie: own.province,
        payload: { roundId, expertId: avoided.id, dueAt: inHours(7 * 24), ...payload },
      });
    const refused = await assign({});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT_OF_INTEREST');
    const overridden = await assign({ overrideReason: '该领域专家不足，经处务会同意' });
    expect(overridden.statusCode, overridden.body).toBe(201);
    const assignmentId = overridden.json().assignment.id as string;
    const [entry] = await repositories(t.db).audit.list({ entityId: assignmentId, limit: 5 });
    expect(entry).toMatchObject({
      action: 'expert.assigned-despite-conflict',
      after: {
        overrideReason: '该领域专家不足，经处务会同意',
        conflicts: [expect.objectContaining({ kind: 'applicant-avoidance' })],
      },
    });

    // The expert never sees who asked to avoid them.
    const task = await inject(t.app, {
      method: 'GET',
      url: `/api/expert/assignments/${assignmentId}`,
      cookie: avoided.cookie,
    });
    expect(task.body).not.toContain('曾与申请人有学术纠纷');
  });
});

/** An application refused (不予受理) by the province now, with a signed-in unit administrator. */
async function refusedApplication(reviewStageOf = stage) {
  const row = await insertSubmitted(t.db, t.clock.now(), { departmentId: reviewStageOf.departmentId });
  await t.db.update(applications).set({ status: 'recommended' }).where(eq(applications.id, row.id));
  const refused = await inject(t.app, {
    method: 'PUT',
    url: `/api/province/formal-review/${row.id}`,
    cookie: reviewStageOf.province,
    payload: { result: 'rejected', reasons: [{ message: '申报单位处于失信惩戒期' }] },
  });
  expect(refused.statusCode, refused.body).toBe(200);
  const admin = await insertUser(t, 'unit-admin', { organizationId: row.organizationId });
  return { id: row.id, row, cookie: admin.cookie, userId: admin.user.id };
}

function appealForm(reasons: string | undefined, file?: Buffer, fileName = '证明材料.pdf'): FormData {
  const body = new FormData();
  if (reasons !== undefined) body.append('reasons', reasons);
  if (file) body.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), fileName);
  return body;
}

const fileAppeal = (
  cookie: string,
  id: string,
  reasons: string | undefined = '失信记录已于去年修复',
  file?: Buffer,
) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/applications/${id}/appeals`,
    cookie,
    payload: appealForm(reasons, file),
  });
const appealsOf = (cookie: string, id: string) =>
  inject(t.app, { method: 'GET', url: `/api/applications/${id}/appeals`, cookie });
const decide = (cookie: string, appealId: string, payload: object) =>
  inject(t.app, { method: 'POST', url: `/api/province/appeals/${appealId}/decision`, cookie, payload });

describe('不予受理的复核', () => {
  it('只有被不予受理的申报书可以申请复核', async () => {
    const accepted = await acceptedApplication(stage);
    const admin = await insertUser(t, 'unit-admin', { organizationId: accepted.organizationId });
    const response = await fileAppeal(admin.cookie, accepted.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('APPEAL_NOT_ALLOWED');
    expect((await appealsOf(admin.cookie, accepted.id)).json()).toMatchObject({
      window: null,
      canAppeal: false,
    });
  });

  it('期限按北京时间的工作日计算：页面显示截止日期；截止后申请被拒绝，提示截止日期', async () => {
    const { id, row, cookie } = await refusedApplication();
    const view = (await appealsOf(cookie, id)).json();
    // Refused Monday 23 Nov 2026: 5 working days after it run to Monday 30 Nov.
    expect(view).toMatchObject({
      canAppeal: true,
      window: { deadline: '2026-11-30', deadlineText: '2026年11月30日24时', open: true, workingDays: 5 },
    });

    // Sessions lapse over a week: the applicant signs in again on the day.
    const signedInAt = async (instant: string) => {
      t.clock.set(instant);
      return (await insertUser(t, 'unit-admin', { organizationId: row.organizationId })).cookie;
    };
    const lateCookie = await signedInAt('2026-12-01T00:00:00+08:00');
    const late = await fileAppeal(lateCookie, id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: 'APPEAL_WINDOW_CLOSED',
      message: expect.stringContaining('2026年11月30日24时'),
    });
    expect((await appealsOf(lateCookie, id)).json()).toMatchObject({
      canAppeal: false,
      window: { open: false },
    });

    const inTime = await fileAppeal(await signedInAt('2026-11-30T23:59:00+08:00'), id);
    expect(inTime.statusCode, inTime.body).toBe(201);
    expect(inTime.json().appeal).toMatchObject({
      status: 'open',
      statusLabel: '待复核',
      deadline: '2026-11-30',
    });
  });

  it('须写明理由；同一申报书只能有一项待复核的申请', async () => {
    const { id, cookie } = await refusedApplication();
    const empty = await fileAppeal(cookie, id, '  ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0]).toMatchObject({ path: 'reasons', message: '复核理由：请填写' });
    expect((await fileAppeal(cookie, id)).statusCode).toBe(201);
    const again = await fileAppeal(cookie, id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('APPEAL_ALREADY_OPEN');
    const rows = await t.db
      .select()
      .from(formalReviewAppeals)
      .where(eq(formalReviewAppeals.applicationId, id));
    expect(rows).toHaveLength(1);
  });

  it('证明材料须是 PDF：非 PDF 被拒绝且不留下申请；PDF 可下载，别的单位下载答 404', async () => {
    const { id, cookie } = await refusedApplication();
    const notPdf = await fileAppeal(cookie, id, '理由', Buffer.from('<html>not a pdf</html>'));
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json().error.code).toBe('FILE_NOT_PDF');
    expect(
      await t.db.select().from(formalReviewAppeals).where(eq(formalReviewAppeals.applicationId, id)),
    ).toEqual([]);

    const bytes = pdf({ seed: `appeal-${uniqueNumber()}` });
    const filed = await fileAppeal(cookie, id, '信用已修复，见附件', bytes);
    expect(filed.statusCode, filed.body).toBe(201);
    const appeal = filed.json().appeal;
    expect(appeal.evidence).toEqual([expect.objectContaining({ index: 0, fileName: '证明材料.pdf' })]);

    const more = await inject(t.app, {
      method: 'POST',
      url: `/api/appeals/${appeal.id}/evidence`,
      cookie,
      payload: appealForm(undefined, pdf({ seed: `appeal-more-${uniqueNumber()}` }), '补充.pdf'),
    });
    expect(more.statusCode, more.body).toBe(201);
    expect(more.json().appeals[0].evidence.map((e: { fileName: string }) => e.fileName)).toEqual([
      '证明材料.pdf',
      '补充.pdf',
    ]);

    const download = (who: string) =>
      inject(t.app, { method: 'GET', url: `/api/appeals/${appeal.id}/evidence/0`, cookie: who });
    const byProvince = await download(stage.province);
    expect(byProvince.statusCode).toBe(200);
    expect(byProvince.rawPayload.equals(bytes)).toBe(true);
    const stranger = await unitWithPerson(t);
    expect((await download(stranger.cookie)).statusCode).toBe(404);
    expect((await appealsOf(stranger.cookie, id)).statusCode).toBe(404);
    expect((await fileAppeal(stranger.cookie, id)).statusCode).toBe(404);
  });

  it('证明材料超过上传上限被拒绝（413），不留下申请', async () => {
    const small = await t.buildApp({ UPLOAD_MAX_MB: '1' });
    const { id, cookie } = await refusedApplication();
    const response = await small.inject({
      method: 'POST',
      url: `/api/applications/${id}/appeals`,
      headers: { cookie },
      payload: appealForm('理由', pdf({ seed: `large-${uniqueNumber()}`, size: 2 * 1024 * 1024 })),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('FILE_TOO_LARGE');
    expect(
      await t.db.select().from(formalReviewAppeals).where(eq(formalReviewAppeals.applicationId, id)),
    ).toEqual([]);
  });

  it('省里复核成立：形式审查改为受理（记为复核引起的变更），申请人在页面和邮件中看到结果', async () => {
    const { id, cookie } = await refusedApplication();
    const appealId = (await fileAppeal(cookie, id)).json().appeal.id as string;

    const listed = await inject(t.app, {
      method: 'GET',
      url: `/api/province/appeals?callId=${PRACTICE_CALL_ID}&status=open`,
      cookie: stage.province,
    });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().appeals).toContainEqual(
      expect.objectContaining({ id: appealId, status: 'open', deadline: '2026-11-30', applicationId: id }),
    );

    const upheld = await decide(stage.province, appealId, { outcome: 'upheld', reason: '失信记录已修复' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json().appeal).toMatchObject({ status: 'upheld', statusLabel: '复核成立，予以受理' });

    const result = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${id}/province-result`,
      cookie,
    });
    expect(result.json().formalReview.result).toBe('accepted');

    const log = await repositories(t.db).audit.list({ entityId: id, limit: 50 });
    const change = log.find(
      (e) => e.action === 'application.formal-review' && e.after?.appealId === appealId,
    );
    expect(change).toMatchObject({ before: { result: 'rejected' }, after: { result: 'accepted' } });
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['appeal.filed', 'appeal.upheld']));

    const mine = (await appealsOf(cookie, id)).json();
    expect(mine.appeals[0]).toMatchObject({ status: 'upheld', decisionReason: '失信记录已修复' });
    const sent = (await t.db.select().from(outbox).where(eq(outbox.kind, 'appeal.result'))).filter((m) =>
      m.dedupeKey.startsWith(`appeal:${appealId}:`),
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]!.subject).toContain('复核成立，予以受理');

    const twice = await decide(stage.province, appealId, { outcome: 'dismissed', reason: '再议' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('APPEAL_DECIDED');
  });

  it('维持不予受理须写明理由；申请人看到理由，对同一次不予受理不能再申请', async () => {
    const { id, cookie, userId } = await refusedApplication();
    const appealId = (await fileAppeal(cookie, id)).json().appeal.id as string;
    const bare = await decide(stage.province, appealId, { outcome: 'dismissed' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields[0]).toMatchObject({ path: 'reason' });

    const dismissed = await decide(stage.province, appealId, {
      outcome: 'dismissed',
      reason: '失信惩戒期至2027年底',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const mine = (await appealsOf(cookie, id)).json();
    expect(mine).toMatchObject({
      canAppeal: false,
      appeals: [{ status: 'dismissed', decisionReason: '失信惩戒期至2027年底' }],
    });
    const [mail] = (await t.db.select().from(outbox).where(eq(outbox.userId, userId))).filter(
      (m) => m.kind === 'appeal.result',
    );
    expect(mail!.body).toContain('失信惩戒期至2027年底');
    const result = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${id}/province-result`,
      cookie,
    });
    expect(result.json().formalReview.result).toBe('rejected');
    expect((await fileAppeal(cookie, id)).json().error.code).toBe('APPEAL_DECIDED');
  });

  it('复核结论须有项目管理中心职责；申请人不能作出复核结论', async () => {
    const { id, cookie } = await refusedApplication();
    const appealId = (await fileAppeal(cookie, id)).json().appeal.id as string;
    const cooperation = await insertUser(t, 'province', { duties: ['cooperation'] });
    const missing = await decide(cooperation.cookie, appealId, { outcome: 'upheld' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('MISSING_DUTY');
    expect((await decide(cookie, appealId, { outcome: 'upheld' })).statusCode).toBe(403);
    const center = await insertUser(t, 'province', { duties: ['center'] });
    expect((await decide(center.cookie, appealId, { outcome: 'upheld' })).statusCode).toBe(200);
  });
});
