import { and, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  announcements,
  auditLog,
  calls,
  decisions,
  outbox,
  reviewConfirmations,
} from '../../src/server/db/schema.js';
import { sendDeadlineReminders } from '../../src/server/services/notifications/deadline-reminders.js';
import type { ApplicationRow } from '../../src/server/repositories/applications.js';
import type { Department } from '../../src/server/repositories/departments.js';
import type { PaperItem, PaperReceipt } from '../../src/contract/paper.js';
import { tmpdir } from 'node:os';
import { loadConfig } from '../../src/server/config.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { seedPaperReceipts } from '../../src/server/seed/paper-receipts.js';
import { createServices } from '../../src/server/services/index.js';
import { ownCall, ownDepartment } from '../support/api/own-calls-and-departments.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';

// 纸质材料登记 through the API: the province records, departments and applicants see what they owe.

const t = useTestApp();

const PAPER_DEADLINE = '2026-05-22T17:30:00+08:00';
const SUBMISSION_DEADLINE = '2026-05-18T17:30:00+08:00';

let callId: string;
let depA: Department;
let depB: Department;
/** Confirmed, and nothing of it is ever recorded: what tests run in any order can assert as untouched. */
let depC: Department;
let fundedUntouched: ApplicationRow;
let topicOne: ApplicationRow;
let topicFour: ApplicationRow;
let funded: ApplicationRow;
let otherDepartmentsApp: ApplicationRow;
const cookies = {} as Record<
  'center' | 'cooperation' | 'departmentA' | 'departmentB' | 'unitA' | 'unitOther' | 'piA',
  string
>;

const register = (query = '') =>
  inject(t.app, {
    method: 'GET',
    url: `/api/province/paper?callId=${callId}${query}`,
    cookie: cookies.center,
  });
const record = (body: object, cookie = cookies.center) =>
  inject(t.app, {
    method: 'POST',
    url: '/api/province/paper/receipts',
    cookie,
    payload: { callId, receiver: '李彬', ...body },
  });
const correct = (id: string, body: object) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/province/paper/receipts/${id}/correction`,
    cookie: cookies.center,
    payload: { receiver: '陆建玲', reason: '收件时间登记错误', ...body },
  });
const owedBy = (path: string, cookie: string) =>
  inject(t.app, { method: 'GET', url: `/api/${path}/paper?callId=${callId}`, cookie });

const itemsOf = (body: { items: PaperItem[] }) => body.items;
const find = (items: PaperItem[], kind: string, key: string) =>
  items.find((i) => i.kind === kind && (i.applicationId ?? i.departmentId) === key);

beforeAll(async () => {
  callId = await ownCall(t);
  await t.db
    .update(calls)
    .set({
      submissionClosesAt: new Date(SUBMISSION_DEADLINE),
      recommendationClosesAt: new Date('2026-05-20T17:30:00+08:00'),
      paperClosesAt: new Date(PAPER_DEADLINE),
    })
    .where(eq(calls.id, callId));
  depA = await ownDepartment(t, 'provincial-agency');
  depB = await ownDepartment(t, 'provincial-agency');
  depC = await ownDepartment(t, 'provincial-agency');
  const at = new Date('2026-05-10T10:00:00+08:00');
  topicOne = await insertSubmitted(t.db, at, { departmentId: depA.id, callId, topic: 1 });
  topicFour = await insertSubmitted(t.db, at, { departmentId: depA.id, callId, topic: 4 });
  funded = await insertSubmitted(t.db, at, { departmentId: depA.id, callId, topic: 3 });
  otherDepartmentsApp = await insertSubmitted(t.db, at, { departmentId: depB.id, callId, topic: 1 });
  fundedUntouched = await insertSubmitted(t.db, at, { departmentId: depC.id, callId, topic: 2 });

  const center = await insertUser(t, 'province', { duties: ['center'] });
  cookies.center = center.cookie;
  cookies.cooperation = (await insertUser(t, 'province', { duties: ['cooperation'] })).cookie;
  const a = await insertUser(t, 'department', { departmentId: depA.id });
  cookies.departmentA = a.cookie;
  cookies.departmentB = (await insertUser(t, 'department', { departmentId: depB.id })).cookie;
  cookies.unitA = (await insertUser(t, 'unit-admin', { organizationId: topicOne.organizationId })).cookie;
  cookies.unitOther = (
    await insertUser(t, 'unit-admin', { organizationId: otherDepartmentsApp.organizationId })
  ).cookie;
  cookies.piA = (
    await insertUser(t, 'pi', { organizationId: topicOne.organizationId, personId: topicOne.piId })
  ).cookie;

  for (const d of [depA, depB, depC]) {
    await t.db.insert(reviewConfirmations).values({
      departmentId: d.id,
      callId,
      confirmedAt: new Date('2026-05-20T10:00:00+08:00'),
      confirmedBy: a.user.id,
      summary: {},
    });
  }
  const [announcement] = await t.db
    .insert(announcements)
    .values({
      callId,
      title: '拟立项项目公示',
      startsOn: '2026-10-01',
      endsOn: '2026-10-08',
      createdAt: new Date('2026-10-01T09:00:00+08:00'),
      createdBy: center.user.id,
      publishedAt: new Date('2026-10-01T09:00:00+08:00'),
      publishedBy: center.user.id,
      entries: [],
    })
    .returning();
  for (const application of [funded, fundedUntouched])
    await t.db.insert(decisions).values({
      applicationId: application.id,
      callId,
      outcome: 'approved',
      funding: 500_000,
      reason: '同意立项',
      decidedAt: new Date('2026-09-20T09:00:00+08:00'),
      decidedBy: center.user.id,
      announcementId: announcement!.id,
    });
});

describe('省科技项目管理中心的纸质材料登记', () => {
  it('列出应收材料：已确认名单的部门材料、专题一的 7 份、立项项目的装订本，附条款、原文与北京时间的截止时间', async () => {
    const response = await register();
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const items = itemsOf(body);
    expect(items.filter((i) => i.applicationId === topicFour.id)).toEqual([]);

    const materials = find(items, 'department-materials', depC.id)!;
    expect(materials).toMatchObject({
      kindLabel: '推荐项目汇总表及主管部门科研诚信承诺书',
      departmentName: depC.name,
      copies: 2,
      dueText: '2026-05-22 17:30',
      clause: '三、1',
      deadlineClause: '三、3',
      status: 'overdue',
      statusLabel: '逾期未收',
      lateNotice: '逾期不予受理（三、3）',
    });
    expect(materials.quote).toContain('一式两份');
    expect(materials.deadlineQuote).toContain('逾期不予受理');

    expect(find(items, 'application-copies', topicOne.id)).toMatchObject({
      copies: 7,
      dueText: '2026-05-18 17:30',
      acceptanceNo: topicOne.acceptanceNo,
      what: '专题一纸质申报材料 7 份，与网上填报同步提交',
    });
    expect(find(items, 'funded-copy', fundedUntouched.id)).toMatchObject({
      copies: 1,
      due: null,
      dueText: '由项目主管部门通知',
      clause: '三、2',
      status: 'owed',
      statusLabel: '未收',
      lateNotice: null,
    });
    expect(body.address).toMatchObject({ address: '南京市玄武区龙蟠路 175 号', clause: '三、1' });
  });

  it('5 月 22 日 17:29:59 收到为已收；17:30 整收到为逾期，标“逾期不予受理（三、3）”', async () => {
    const onTime = await record({
      kind: 'department-materials',
      departmentId: depA.id,
      copies: 2,
      receivedAt: '2026-05-22T17:29:59+08:00',
    });
    expect(onTime.statusCode, onTime.body).toBe(201);
    expect(onTime.json().receipt).toMatchObject({
      late: false,
      receivedAtText: '2026-05-22 17:29',
      receiver: '李彬',
    });

    const late = await record({
      kind: 'department-materials',
      departmentId: depB.id,
      copies: 2,
      // The same instant in UTC: the deadline is an instant, whatever the offset it is written in.
      receivedAt: '2026-05-22T09:30:00Z',
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json().receipt).toMatchObject({ late: true, receivedAtText: '2026-05-22 17:30' });

    const items = itemsOf((await register()).json());
    expect(find(items, 'department-materials', depA.id)).toMatchObject({
      status: 'received',
      lateNotice: null,
    });
    expect(find(items, 'department-materials', depB.id)).toMatchObject({
      status: 'late',
      statusLabel: '逾期',
      lateNotice: '逾期不予受理（三、3）',
    });
    const lateOnly = itemsOf((await register('&status=late')).json());
    expect(lateOnly.map((i) => i.departmentId)).toEqual([depB.id]);
  });

  it('份数分次送达：收齐之前仍为未收，并计已收份数', async () => {
    const first = await record({
      kind: 'application-copies',
      applicationId: topicOne.id,
      copies: 4,
      receivedAt: '2026-05-17T10:00:00+08:00',
    });
    expect(first.statusCode, first.body).toBe(201);
    let item = find(itemsOf((await register()).json()), 'application-copies', topicOne.id)!;
    expect(item).toMatchObject({ status: 'overdue', receivedCopies: 4 });
    await record({
      kind: 'application-copies',
      applicationId: topicOne.id,
      copies: 3,
      receivedAt: '2026-05-18T09:00:00+08:00',
    });
    item = find(itemsOf((await register()).json()), 'application-copies', topicOne.id)!;
    expect(item).toMatchObject({ status: 'received', receivedCopies: 7 });
    expect(item.receipts).toHaveLength(2);
  });

  it('更正登记：新登记取代原登记，原登记保留在历史中并记入审计日志；已被取代的不能再更正', async () => {
    const original = (
      await record({
        kind: 'funded-copy',
        applicationId: funded.id,
        copies: 1,
        receivedAt: '2026-11-01T10:00:00+08:00',
        note: '快递',
      })
    ).json().receipt as PaperReceipt;
    const corrected = await correct(original.id, {
      kind: 'funded-copy',
      applicationId: funded.id,
      copies: 1,
      receivedAt: '2026-11-02T10:00:00+08:00',
      note: '快递',
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const receipt = corrected.json().receipt as PaperReceipt;
    expect(receipt).toMatchObject({
      supersedes: original.id,
      correctionReason: '收件时间登记错误',
      receiver: '陆建玲',
      receivedAtText: '2026-11-02 10:00',
    });

    const body = (await register()).json();
    const history = body.history as PaperReceipt[];
    expect(history.find((r) => r.id === original.id)).toMatchObject({
      receivedAtText: '2026-11-01 10:00',
      receiver: '李彬',
    });
    expect(history.find((r) => r.id === original.id)!.supersededAtText).not.toBeNull();
    const item = find(itemsOf(body), 'funded-copy', funded.id)!;
    expect(item.receipts.map((r) => r.id)).toEqual([receipt.id]);

    const again = await correct(original.id, {
      kind: 'funded-copy',
      applicationId: funded.id,
      copies: 1,
      receivedAt: '2026-11-02T10:00:00+08:00',
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('NOT_FOUND');

    const audited = await t.db.select().from(auditLog).where(eq(auditLog.entityId, funded.id));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['paper.receipt-recorded', 'paper.receipt-corrected']),
    );
  });

  it('不欠的材料、未来的收件时间不能登记，并指明字段', async () => {
    const notOwed = await record({
      kind: 'application-copies',
      applicationId: topicFour.id,
      copies: 7,
      receivedAt: '2026-05-17T10:00:00+08:00',
    });
    expect(notOwed.statusCode).toBe(400);
    expect(notOwed.json().error.fields[0].path).toBe('applicationId');

    const unknownDepartment = await record({
      kind: 'department-materials',
      departmentId: randomUUID(),
      copies: 2,
      receivedAt: '2026-05-17T10:00:00+08:00',
    });
    expect(unknownDepartment.statusCode).toBe(400);
    expect(unknownDepartment.json().error.fields[0].path).toBe('departmentId');

    const future = await record({
      kind: 'department-materials',
      departmentId: depA.id,
      copies: 2,
      receivedAt: '2030-01-01T10:00:00+08:00',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('receivedAt');

    const noSubject = await record({
      kind: 'funded-copy',
      copies: 1,
      receivedAt: '2026-05-17T10:00:00+08:00',
    });
    expect(noSubject.statusCode).toBe(400);
  });

  it('对外合作处的账号不能登记（403），主管部门和申报单位进不了省级接口；更正不存在的登记答 404', async () => {
    const body = {
      kind: 'funded-copy',
      applicationId: funded.id,
      copies: 1,
      receivedAt: '2026-11-05T10:00:00+08:00',
    };
    expect((await record(body, cookies.cooperation)).json().error.code).toBe('MISSING_DUTY');
    for (const cookie of [cookies.departmentA, cookies.unitA]) {
      expect((await record(body, cookie)).statusCode).toBe(403);
      const read = await inject(t.app, {
        method: 'GET',
        url: `/api/province/paper?callId=${callId}`,
        cookie,
      });
      expect(read.statusCode).toBe(403);
    }
    const missing = await correct(randomUUID(), body);
    expect(missing.statusCode).toBe(404);
  });
});

describe('主管部门和申报单位看到自己还欠的纸质材料', () => {
  it('主管部门只看到本部门的材料和本部门申报书的材料，看不到别的部门的', async () => {
    const a = await owedBy('review', cookies.departmentA);
    expect(a.statusCode, a.body).toBe(200);
    const items = itemsOf(a.json());
    expect(new Set(items.map((i) => i.departmentId))).toEqual(new Set([depA.id]));
    expect(items.map((i) => i.kind).sort()).toEqual([
      'application-copies',
      'department-materials',
      'funded-copy',
    ]);
    expect(a.json().address.address).toBe('南京市玄武区龙蟠路 175 号');

    const b = itemsOf((await owedBy('review', cookies.departmentB)).json());
    expect(b.map((i) => i.applicationId ?? i.departmentId).sort()).toEqual(
      [depB.id, otherDepartmentsApp.id].sort(),
    );
  });

  it('申报单位只看到本单位申报书的材料；别的单位的看不到；负责人看到自己的', async () => {
    const unit = itemsOf((await owedBy('applications', cookies.unitA)).json());
    expect(unit.map((i) => i.applicationId)).toEqual([topicOne.id]);
    expect(unit[0]).toMatchObject({ copies: 7, kind: 'application-copies' });

    const other = itemsOf((await owedBy('applications', cookies.unitOther)).json());
    expect(other.map((i) => i.applicationId)).toEqual([otherDepartmentsApp.id]);

    const pi = itemsOf((await owedBy('applications', cookies.piA)).json());
    expect(pi.map((i) => i.applicationId)).toEqual([topicOne.id]);
  });

  it('主管部门不能使用申报单位的接口，申报单位不能使用主管部门的接口', async () => {
    expect((await owedBy('review', cookies.unitA)).statusCode).toBe(403);
    expect((await owedBy('applications', cookies.departmentA)).statusCode).toBe(403);
  });
});

describe('演示数据', () => {
  it('无锡市科学技术局确认名单后，汇总表与诚信承诺书分两次送达，登记为已收 2/2', async () => {
    const repos = repositories(t.db);
    const [wuxi] = await repos.departments.findByNames(['无锡市科学技术局']);
    const province = await repos.users.insert({
      login: 'demo-province',
      passwordHash: '-',
      displayName: '省科技项目管理中心',
      role: 'province',
      duties: ['admin'],
    });
    await t.db.insert(reviewConfirmations).values({
      departmentId: wuxi!.id,
      callId: PRACTICE_CALL_ID,
      confirmedAt: t.clock.now(),
      confirmedBy: province.id,
      summary: {},
    });
    const services = createServices({
      db: t.db,
      clock: t.clock,
      config: loadConfig({ DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' }),
    });
    await seedPaperReceipts(repos, services);
    const response = await inject(t.app, {
      method: 'GET',
      url: `/api/province/paper?callId=${PRACTICE_CALL_ID}`,
      cookie: cookies.center,
    });
    const item = find(itemsOf(response.json()), 'department-materials', wuxi!.id)!;
    expect(item).toMatchObject({ status: 'received', receivedCopies: 2, copies: 2 });
    expect(item.receipts).toHaveLength(2);
  });
});

describe('纸质材料截止提醒', () => {
  it('截止前 1 天：已确认名单但材料未收齐的部门收到提醒（含地址与条款），已收齐的不收到', async () => {
    const repos = repositories(t.db);
    const [owing, done] = [
      await ownDepartment(t, 'provincial-agency'),
      await ownDepartment(t, 'provincial-agency'),
    ];
    const owingUser = (await insertUser(t, 'department', { departmentId: owing.id })).user;
    const doneUser = (await insertUser(t, 'department', { departmentId: done.id })).user;
    for (const d of [owing, done]) {
      await t.db.insert(reviewConfirmations).values({
        departmentId: d.id,
        callId,
        confirmedAt: new Date('2026-05-20T10:00:00+08:00'),
        confirmedBy: owingUser.id,
        summary: {},
      });
    }
    const recorded = await record({
      kind: 'department-materials',
      departmentId: done.id,
      copies: 2,
      receivedAt: '2026-05-21T09:00:00+08:00',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);

    const dayBefore = new Date(Date.parse(PAPER_DEADLINE) - 24 * 3_600_000);
    await sendDeadlineReminders(t.db, repos, dayBefore);
    await sendDeadlineReminders(t.db, repos, dayBefore);
    const messages = await t.db
      .select()
      .from(outbox)
      .where(and(inArray(outbox.userId, [owingUser.id, doneUser.id]), eq(outbox.kind, 'deadline.paper')));
    expect(messages.map((m) => m.userId)).toEqual([owingUser.id]);
    expect(messages[0]!.subject).toBe('纸质材料报送截止提醒：将于 1 天后截止');
    expect(messages[0]!.body).toContain('2026年5月22日 17:30（北京时间），逾期不予受理（三、3）');
    expect(messages[0]!.body).toContain('已收 0/2 份');
    expect(messages[0]!.body).toContain('南京市玄武区龙蟠路 175 号');
  });
});
