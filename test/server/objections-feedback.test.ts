import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, expertAssignments, outbox, users } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import {
  acceptedApplication,
  newExpert,
  reviewStage,
  scoreableAssignment,
} from '../support/api/expert-review.js';
import { ownCall } from '../support/api/own-calls-and-departments.js';
import { uniqueNumber } from '../support/factories/random.js';
import { inject, insertUser, login, useTestApp } from '../support/harness.js';
import { pdf, PNG } from '../support/pdf.js';

// 公示异议 (issue 14 §7) and 评审意见反馈 (§6): filed by anyone during the 公示 period under a real name, handled by
// 对外合作处, an upheld one revoking an approval; opinions released per application when the call chose to.

const t = useTestApp();

// A Monday: the 公示 published now runs 2026-11-23 to 2026-11-27 (five working days).
const START = '2026-11-23T09:00:00+08:00';
const WITHIN = '2026-11-26T16:00:00+08:00';
const AFTER = '2026-11-28T09:00:00+08:00';

/** A call of the test's own with two approved projects and one not approved, and its 公示 published at START. */
async function publishedWorld() {
  t.clock.set(START);
  const callId = await ownCall(t);
  const stage = await reviewStage(t, callId);
  const approved = await acceptedApplication(stage, { title: `拟立项项目${uniqueNumber()}` }, callId);
  const other = await acceptedApplication(stage, { title: `另一拟立项项目${uniqueNumber()}` }, callId);
  const rejected = await acceptedApplication(stage, { title: `未立项项目${uniqueNumber()}` }, callId);
  const decisions: [string, object][] = [
    [approved.id, { outcome: 'approved', funding: 500_000, reason: '同意立项' }],
    [other.id, { outcome: 'approved', funding: 400_000, reason: '同意立项' }],
    [rejected.id, { outcome: 'rejected', reason: '评审排名靠后' }],
  ];
  for (const [id, body] of decisions) {
    const r = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/decisions/${id}`,
      cookie: stage.province,
      payload: body,
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const created = await inject(t.app, {
    method: 'POST',
    url: '/api/province/announcements',
    cookie: stage.province,
    payload: { callId },
  });
  expect(created.statusCode, created.body).toBe(201);
  const announcementId: string = created.json().announcement.id;
  const published = await inject(t.app, {
    method: 'POST',
    url: `/api/province/announcements/${announcementId}/publish`,
    cookie: stage.province,
  });
  expect(published.statusCode, published.body).toBe(200);
  return { callId, stage, approved, other, rejected, announcementId };
}

type World = Awaited<ReturnType<typeof publishedWorld>>;

function objectionForm(
  fields: Record<string, string>,
  file?: { bytes: Uint8Array<ArrayBuffer>; name: string },
): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file) body.append('file', new Blob([file.bytes], { type: 'application/pdf' }), file.name);
  return body;
}

const validFields = (w: World, overrides: Record<string, string> = {}) => ({
  name: '王某某',
  mobile: '138 1234 5678',
  email: `Objector.${w.callId}@Example.cn`,
  organization: '南京某研究所',
  acceptanceNo: w.approved.acceptanceNo!,
  grounds: '该项目合作协议签署时间与申报材料所述不符，外方合作单位并未参与。',
  ...overrides,
});

const file = (
  w: World,
  fields: Record<string, string>,
  evidence?: { bytes: Uint8Array<ArrayBuffer>; name: string },
  remoteAddress?: string,
) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/public/announcements/${w.announcementId}/objections`,
    payload: objectionForm(fields, evidence),
    ...(remoteAddress ? { remoteAddress } : {}),
  });

const evidencePdf = () => ({
  bytes: new Uint8Array(pdf({ seed: `evidence-${uniqueNumber()}` })),
  name: '证明材料.pdf',
});

async function filed(w: World, overrides: Record<string, string> = {}) {
  const r = await file(w, validFields(w, overrides), evidencePdf());
  expect(r.statusCode, r.body).toBe(201);
  const { reference } = r.json();
  const [row] = (await repositories(t.db).objections.list(w.callId)).filter((o) => o.reference === reference);
  return { id: row!.id, reference: reference as string, evidenceKey: r.json().evidenceKey as string };
}

const step = (cookie: string, id: string, action: 'register' | 'notes' | 'close', payload?: object) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/province/objections/${id}/${action}`,
    cookie,
    ...(payload ? { payload } : {}),
  });

/** The objector's address as stored: trimmed and in lower case. */
const addressOf = (w: World) => `objector.${w.callId}@example.cn`.toLowerCase();

const mailsTo = (address: string, kind: string) =>
  t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.address, address), eq(outbox.kind, kind)));

describe('公示异议：提出', () => {
  it('公示期内实名提出，得到按计划顺序的异议编号，填了邮箱的收到编号邮件；公示页写明异议截止日期和联系方式', async () => {
    const w = await publishedWorld();
    t.clock.set(WITHIN);
    const page = await inject(t.app, { method: 'GET', url: `/api/public/announcements/${w.announcementId}` });
    expect(page.json()).toMatchObject({ objectionsOpen: true, revokedAcceptanceNos: [] });
    expect(page.json().announcement.endsOn).toBe('2026-11-27');
    expect(page.json().contacts.length).toBeGreaterThan(0);

    const first = await file(w, validFields(w), evidencePdf());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ reference: 'YY2026-0001', evidenceCount: 1, emailed: true });
    const second = await file(w, validFields(w, { email: '', acceptanceNo: w.other.acceptanceNo! }));
    expect(second.json()).toMatchObject({ reference: 'YY2026-0002', evidenceCount: 0, emailed: false });

    const [mail] = await mailsTo(addressOf(w), 'objection.received');
    expect(mail!.subject).toContain('YY2026-0001');
    expect(mail!.body).toContain('2026年11月27日');
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'objection.filed'))
      .orderBy(auditLog.seq);
    expect(entry).toBeDefined();
  });

  it('公示期前后提出都被拒绝，并说明公示期', async () => {
    const w = await publishedWorld();
    t.clock.set('2026-11-22T20:00:00+08:00');
    const before = await file(w, validFields(w));
    expect(before.statusCode).toBe(409);
    expect(before.json().error).toMatchObject({ code: 'OBJECTION_PERIOD_CLOSED' });
    expect(before.json().error.message).toContain('2026年11月23日至2026年11月27日');
    t.clock.set(AFTER);
    const after = await file(w, validFields(w));
    expect(after.statusCode).toBe(409);
    expect(after.json().error.message).toContain('已过异议截止日期');
    const page = await inject(t.app, { method: 'GET', url: `/api/public/announcements/${w.announcementId}` });
    expect(page.json().objectionsOpen).toBe(false);
    expect(await repositories(t.db).objections.list(w.callId)).toEqual([]);
  });

  it('匿名异议不受理：缺姓名或缺联系方式都被拒绝，并用中文说明', async () => {
    const w = await publishedWorld();
    const noName = await file(w, validFields(w, { name: '  ' }));
    expect(noName.statusCode).toBe(400);
    expect(JSON.stringify(noName.json().error.fields)).toContain('不受理匿名异议');
    const noContact = await file(w, validFields(w, { mobile: '', email: '' }));
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json().error.fields).toEqual([
      expect.objectContaining({ path: 'mobile', message: expect.stringContaining('不受理匿名异议') }),
    ]);
    const badMobile = await file(w, validFields(w, { mobile: '12345', email: '' }));
    expect(badMobile.json().error.fields[0].message).toContain('11 位手机号码');
    const notListed = await file(w, validFields(w, { acceptanceNo: w.rejected.acceptanceNo! }));
    expect(notListed.statusCode).toBe(400);
    expect(notListed.json().error.fields[0]).toMatchObject({ path: 'acceptanceNo' });
    expect(await repositories(t.db).objections.list(w.callId)).toEqual([]);
  });

  it('证明材料须为 PDF：非 PDF 被拒绝，异议不写入；补充材料凭凭证、限份数', async () => {
    const w = await publishedWorld();
    const png = await file(w, validFields(w), { bytes: new Uint8Array(PNG), name: '照片.pdf' });
    expect(png.statusCode).toBe(415);
    expect(png.json().error.code).toBe('FILE_NOT_PDF');
    expect(await repositories(t.db).objections.list(w.callId)).toEqual([]);

    const { reference, evidenceKey } = await filed(w);
    const add = (key: string, bytes = evidencePdf()) => {
      const body = new FormData();
      body.append('key', key);
      body.append('file', new Blob([bytes.bytes], { type: 'application/pdf' }), bytes.name);
      return inject(t.app, {
        method: 'POST',
        url: `/api/public/objections/${reference}/evidence`,
        payload: body,
      });
    };
    expect((await add('x'.repeat(32))).statusCode).toBe(404);
    const added = await add(evidenceKey);
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({ evidenceCount: 2 });
    for (let i = 3; i <= 5; i++) expect((await add(evidenceKey)).statusCode).toBe(200);
    const sixth = await add(evidenceKey);
    expect(sixth.statusCode).toBe(400);
    expect(sixth.json().error.fields[0].message).toContain('最多上传 5 份');
  });

  it('同一计划同时提出的异议，编号各不相同且连续', async () => {
    const w = await publishedWorld();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => file(w, validFields(w, { name: `异议人${i}` }))),
    );
    for (const r of responses) expect(r.statusCode, r.body).toBe(201);
    const references = responses.map((r) => r.json().reference as string).sort();
    expect(references).toEqual(Array.from({ length: 8 }, (_, i) => `YY2026-000${i + 1}`));
  });
});

describe('公示异议：省里处理', () => {
  it('受理、调查、办结按顺序，不合顺序的操作用中文拒绝；每步入审计；异议人收到处理结果', async () => {
    const w = await publishedWorld();
    const { id, reference } = await filed(w);
    const cookie = w.stage.province;
    const early = await step(cookie, id, 'close', { finding: 'dismissed', findingText: '经核查不属实' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('须先受理');
    expect((await step(cookie, id, 'register')).json().objection.status).toBe('registered');
    const again = await step(cookie, id, 'register');
    expect(again.json().error.message).toContain('无需再次受理');
    const noted = await step(cookie, id, 'notes', { note: '已向承担单位调取合作协议原件' });
    expect(noted.json()).toMatchObject({ objection: { status: 'investigating', statusLabel: '调查中' } });
    expect(noted.json().notes).toEqual([expect.objectContaining({ text: '已向承担单位调取合作协议原件' })]);
    const closed = await step(cookie, id, 'close', {
      finding: 'dismissed',
      findingText: '经核查，协议真实有效',
    });
    expect(closed.json()).toMatchObject({
      objection: {
        status: 'closed',
        finding: 'dismissed',
        findingLabel: '异议不成立',
        revokedApproval: false,
      },
      findingText: '经核查，协议真实有效',
      decision: { outcome: 'approved', funding: 500_000 },
    });
    const after = await step(cookie, id, 'notes', { note: '补充' });
    expect(after.json().error.message).toContain('已办结');
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'objection.filed',
      'objection.registered',
      'objection.investigated',
      'objection.closed',
    ]);
    const [mail] = await mailsTo(addressOf(w), 'objection.closed');
    expect(mail!.subject).toContain(reference);
    expect(mail!.body).toContain('异议不成立');

    const detail = await inject(t.app, { method: 'GET', url: `/api/province/objections/${id}`, cookie });
    const [evidence] = detail.json().evidence;
    const download = await inject(t.app, {
      method: 'GET',
      url: `/api/province/objections/${id}/evidence/${evidence.sha256}`,
      cookie,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    const list = await inject(t.app, {
      method: 'GET',
      url: `/api/province/objections?callId=${w.callId}`,
      cookie,
    });
    expect(list.json().objections).toEqual([expect.objectContaining({ reference, status: 'closed' })]);
  });

  it('只有对外合作处（或管理员）能处理；项目管理中心可查看不能操作；其他角色答“找不到”', async () => {
    const w = await publishedWorld();
    const { id } = await filed(w);
    const center = (await insertUser(t, 'province', { duties: ['center'] })).cookie;
    const cooperation = (await insertUser(t, 'province', { duties: ['cooperation'] })).cookie;
    expect(
      (await inject(t.app, { method: 'GET', url: `/api/province/objections/${id}`, cookie: center }))
        .statusCode,
    ).toBe(200);
    expect((await step(center, id, 'register')).statusCode).toBe(403);
    expect((await step(cooperation, id, 'register')).statusCode).toBe(200);
    const admin = (await insertUser(t, 'unit-admin', { organizationId: w.approved.organizationId })).cookie;
    const asApplicant = await inject(t.app, {
      method: 'GET',
      url: `/api/province/objections/${id}`,
      cookie: admin,
    });
    expect(asApplicant.statusCode).toBe(403);
  });

  it('异议成立并撤销立项：决定变为不予立项、记录撤销、审计前后；公示页标“已撤销”；不能进入合同签订；单位和负责人收到通知', async () => {
    const w = await publishedWorld();
    const { id, reference } = await filed(w);
    const cookie = w.stage.province;
    await step(cookie, id, 'register');
    const noReason = await step(cookie, id, 'close', {
      finding: 'upheld',
      findingText: '协议系伪造',
      revoke: true,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({ path: 'revokeReason' });
    const dismissedRevoke = await step(cookie, id, 'close', {
      finding: 'dismissed',
      findingText: '不成立',
      revoke: true,
      revokeReason: 'x',
    });
    expect(dismissedRevoke.json().error.fields[0].message).toContain('只有异议成立时才能撤销立项');
    const closed = await step(cookie, id, 'close', {
      finding: 'upheld',
      findingText: '经核查，外方合作协议系伪造',
      revoke: true,
      revokeReason: '公示期间异议成立：合作协议不真实',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      objection: { finding: 'upheld', revokedApproval: true },
      decision: {
        outcome: 'rejected',
        funding: null,
        outcomeLabel: '立项已撤销',
        revokedReason: '公示期间异议成立：合作协议不真实',
      },
    });
    const decision = await repositories(t.db).decisions.decision(w.approved.id);
    expect(decision).toMatchObject({ outcome: 'rejected', funding: null, revokedObjectionId: id });
    expect(decision!.revokedAt).not.toBeNull();
    expect(decision!.revokedBy).not.toBeNull();
    const [revoked] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.approved.id), eq(auditLog.action, 'decision.revoked')));
    expect(revoked).toMatchObject({
      before: { outcome: 'approved', funding: 500_000 },
      after: { outcome: 'rejected', funding: null, objection: reference },
    });

    const page = await inject(t.app, { method: 'GET', url: `/api/public/announcements/${w.announcementId}` });
    expect(page.json().revokedAcceptanceNos).toEqual([w.approved.acceptanceNo]);
    // The published list stays as it was, frozen: the revoked entry still there, with its funding.
    expect(page.json().entries.map((e: { acceptanceNo: string }) => e.acceptanceNo)).toContain(
      w.approved.acceptanceNo,
    );

    t.clock.set(AFTER);
    const province = await login(t.app, (await insertUser(t, 'province')).user.login);
    const contract = await inject(t.app, {
      method: 'POST',
      url: `/api/province/decisions/${w.approved.id}/contract-stage`,
      cookie: province,
    });
    expect(contract.statusCode).toBe(409);
    expect(contract.json().error).toMatchObject({ code: 'APPROVAL_REVOKED' });
    expect(contract.json().error.message).toContain('撤销');

    const [admin, ...others] = await t.db
      .select()
      .from(users)
      .where(and(eq(users.organizationId, w.approved.organizationId), eq(users.role, 'unit-admin')));
    expect(others).toEqual([]);
    const notices = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, admin!.id), eq(outbox.kind, 'decision.revoked')));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('合作协议不真实');
    const [result] = await mailsTo(addressOf(w), 'objection.closed');
    expect(result!.body).toContain('拟立项已撤销');
  });
});

async function commentedWorld() {
  const w = await publishedWorld();
  const comments: string[] = [];
  for (const [i, text] of ['创新性突出，合作基础扎实。', '经费预算偏高，建议压缩设备费。'].entries()) {
    const expert = await newExpert(w.stage, { name: `反馈专家${i}${uniqueNumber()}` });
    const assignmentId = await scoreableAssignment(w.stage, w.rejected.id, expert);
    await t.db
      .update(expertAssignments)
      .set({ comment: text, submittedAt: t.clock.now() })
      .where(eq(expertAssignments.id, assignmentId));
    comments.push(assignmentId);
  }
  return { ...w, assignmentIds: comments };
}

const release = (cookie: string, id: string, payload: object) =>
  inject(t.app, { method: 'POST', url: `/api/province/applications/${id}/feedback`, cookie, payload });

describe('评审意见反馈', () => {
  it('默认不反馈：未开启时拒绝反馈，申报人看不到任何意见', async () => {
    const w = await commentedWorld();
    const overview = await inject(t.app, {
      method: 'GET',
      url: `/api/province/calls/${w.callId}/feedback`,
      cookie: w.stage.province,
    });
    expect(overview.json().enabled).toBe(false);
    const refused = await release(w.stage.province, w.rejected.id, { assignmentIds: [w.assignmentIds[0]] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('FEEDBACK_NOT_RELEASED');
    const admin = (await insertUser(t, 'unit-admin', { organizationId: w.rejected.organizationId })).cookie;
    const seen = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${w.rejected.id}/feedback`,
      cookie: admin,
    });
    expect(seen.json()).toEqual({ opinions: [] });
  });

  it('开启后反馈选定意见：保存反馈时的文字，不含专家姓名；申报人按“专家意见一”看到；他单位答“找不到”；单位和负责人收到通知', async () => {
    const w = await commentedWorld();
    const cookie = w.stage.province;
    const center = (await insertUser(t, 'province', { duties: ['center'] })).cookie;
    const byCenter = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/calls/${w.callId}/feedback-setting`,
      cookie: center,
      payload: { enabled: true },
    });
    expect(byCenter.statusCode).toBe(403);
    const enabled = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/calls/${w.callId}/feedback-setting`,
      cookie,
      payload: { enabled: true },
    });
    expect(enabled.json()).toEqual({ enabled: true });
    const adminsAtRelease = await t.db
      .select()
      .from(users)
      .where(and(eq(users.organizationId, w.rejected.organizationId), eq(users.role, 'unit-admin')));
    expect(adminsAtRelease.length).toBeGreaterThan(0);
    const released = await release(cookie, w.rejected.id, {
      assignmentIds: [w.assignmentIds[1]],
      panelSummary: '会评认为项目国际合作基础较好，但经费测算依据不足。',
    });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json().comments).toHaveLength(2);
    expect(released.json().comments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ assignmentId: w.assignmentIds[0], releasedAs: null }),
        expect.objectContaining({ assignmentId: w.assignmentIds[1], releasedAs: '专家意见一' }),
      ]),
    );
    const twice = await release(cookie, w.rejected.id, { assignmentIds: [w.assignmentIds[1]] });
    expect(twice.json().error.fields[0].message).toContain('已经反馈过');

    // A later change of the source never alters what was released.
    await t.db
      .update(expertAssignments)
      .set({ comment: '改写后的意见' })
      .where(eq(expertAssignments.id, w.assignmentIds[1]!));

    const laterAdmin = await insertUser(t, 'unit-admin', { organizationId: w.rejected.organizationId });
    const seen = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${w.rejected.id}/feedback`,
      cookie: laterAdmin.cookie,
    });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().opinions.map((o: { label: string; text: string }) => [o.label, o.text])).toEqual([
      ['专家意见一', '经费预算偏高，建议压缩设备费。'],
      ['会评意见', '会评认为项目国际合作基础较好，但经费测算依据不足。'],
    ]);
    expect(seen.body).not.toContain('反馈专家');
    expect(seen.body).not.toContain(w.assignmentIds[1]);

    const stranger = (await insertUser(t, 'unit-admin', { organizationId: w.approved.organizationId }))
      .cookie;
    const other = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${w.rejected.id}/feedback`,
      cookie: stranger,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');

    // Each administrator at the time of release is told once; one added afterwards reads it on the page instead.
    for (const admin of [...adminsAtRelease, laterAdmin.user]) {
      const notices = await t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.userId, admin.id), eq(outbox.kind, 'feedback.released')));
      expect(notices).toHaveLength(admin === laterAdmin.user ? 0 : 1);
    }
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.rejected.id), eq(auditLog.action, 'feedback.released')));
    expect(JSON.stringify(audit!.after)).not.toContain('反馈专家');
  });

  it('只能反馈本项目已提交的函评意见', async () => {
    const w = await commentedWorld();
    await inject(t.app, {
      method: 'PUT',
      url: `/api/province/calls/${w.callId}/feedback-setting`,
      cookie: w.stage.province,
      payload: { enabled: true },
    });
    const wrong = await release(w.stage.province, w.approved.id, { assignmentIds: [w.assignmentIds[0]] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].message).toContain('已提交的函评意见');
    const empty = await release(w.stage.province, w.rejected.id, { assignmentIds: [] });
    expect(empty.statusCode).toBe(400);
  });
});
