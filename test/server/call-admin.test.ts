import { beforeAll, describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import type { UserRole } from '../../src/contract/vocabulary.js';
import { unitWithPerson } from '../support/api/applicant.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';
import { ownCall } from '../support/api/own-calls-and-departments.js';

const t = useTestApp();

let province: string;
const calls = (method: 'GET' | 'POST' | 'PUT', path = '', payload?: object, cookie = province) =>
  inject(t.app, { method, url: `/api/province/calls${path}`, cookie, ...(payload ? { payload } : {}) });

const deadlines = (year: number) => ({
  submissionClosesAt: `${year}-05-18T17:30:00+08:00`,
  recommendationClosesAt: `${year}-05-20T17:30:00+08:00`,
  paperClosesAt: `${year}-05-22T17:30:00+08:00`,
});

const auditOf = async (callId: string) =>
  (await repositories(t.db).audit.list({ entityType: 'call', entityId: callId, limit: 50 })).reverse();

const publicCalls = async () =>
  (await inject(t.app, { method: 'GET', url: '/api/calls' })).json().calls as { id: string; open: boolean }[];

/** Anyone but the province: applicants need an organization (and a PI a person in it). */
async function signedIn(role: UserRole): Promise<{ cookie: string }> {
  if (role !== 'unit-admin' && role !== 'pi') return insertUser(t, role);
  const admin = await unitWithPerson(t);
  if (role === 'unit-admin') return admin;
  return insertUser(t, 'pi', { organizationId: admin.organizationId, personId: admin.personId });
}

beforeAll(async () => {
  province = (await insertUser(t, 'province')).cookie;
});

describe('计划管理的权限', () => {
  it.each<UserRole>(['unit-admin', 'pi', 'department', 'expert'])('%s 不能查看或修改计划', async (role) => {
    const callId = await ownCall(t);
    const { cookie } = await signedIn(role);
    for (const [method, path, payload] of [
      ['GET', ''],
      ['GET', `/${callId}`],
      ['GET', `/${callId}/versions`],
      ['POST', `/${callId}/close`],
      ['PUT', `/${callId}/deadlines`, deadlines(2027)],
      ['POST', `/${callId}/clone`, { id: 'X-2027', name: '复制', ...deadlines(2027) }],
    ] as const) {
      const response = await calls(method, path, payload, cookie);
      expect(response.statusCode, `${method} ${path}`).toBe(403);
    }
    expect((await calls('GET', '', undefined, '')).statusCode).toBe(401);
    expect(await auditOf(callId)).toEqual([]);
  });
});

describe('2026 年正式计划是只读的历史记录', () => {
  it('开放、关闭、改截止时间一律拒绝，不留版本，不改数据', async () => {
    for (const [method, path, payload] of [
      ['POST', '/open'],
      ['POST', '/close'],
      ['PUT', '/deadlines', deadlines(2027)],
    ] as const) {
      const response = await calls(method, `/${JS_INTL_2026.id}${path}`, payload);
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'CALL_READ_ONLY',
        message: expect.stringContaining('只读的历史记录'),
      });
    }
    const detail = (await calls('GET', `/${JS_INTL_2026.id}`)).json();
    expect(detail.call).toMatchObject({
      readOnly: true,
      version: 0,
      submissionClosesAt: '2026-05-18T17:30:00+08:00',
    });
    expect((await calls('GET', `/${JS_INTL_2026.id}/versions`)).json().versions).toEqual([]);
  });
});

describe('各专题参数及其依据条款', () => {
  it('专题四列出经费上限、比例、重点国别和推荐限额，各带条款和通知原文', async () => {
    const response = await calls('GET', `/${PRACTICE_CALL_ID}`);
    expect(response.statusCode).toBe(200);
    const { parameters } = response.json();
    expect(parameters.notice.number).toBe('苏科资发〔2026〕26号');
    const topic4 = parameters.topics.find((topic: { number: number }) => topic.number === 4);
    const items = [...topic4.items, ...topic4.streams[0].items];
    const byLabel = (label: string) => items.find((i: { label: string }) => i.label.startsWith(label));
    expect(byLabel('省资助经费上限')).toMatchObject({
      value: '80 万元',
      clause: '一、专题四',
      quote: expect.stringContaining('不超过 80 万元'),
    });
    expect(byLabel('省资助经费比例').value).toBe('不超过项目江苏方总预算的 50%');
    expect(byLabel('合作国别').value).toContain('重点国别：英国、德国、芬兰、荷兰');
    expect(byLabel('推荐限额')).toMatchObject({
      clause: '二、3',
      value: expect.stringContaining('设区市科技局 6 项'),
    });
    expect(parameters.deadlines[0]).toMatchObject({ clause: '三、3', label: '网上填报截止' });
  });

  it('专题二列出共建“一带一路”国家的中文名，专题三写明本通知不受理', async () => {
    const { parameters } = (await calls('GET', `/${PRACTICE_CALL_ID}`)).json();
    const [topic2, topic3] = [2, 3].map((n) =>
      parameters.topics.find((topic: { number: number }) => topic.number === n),
    );
    const countries = topic2.streams[0].items.find((i: { label: string }) => i.label.startsWith('合作国别'));
    expect(countries.countries).toContainEqual({ code: 'RU', name: '俄罗斯' });
    expect(topic2.items.map((i: { label: string }) => i.label)).toContain('每家高校、科研机构限报');
    expect(topic3.streams[0].items[0]).toMatchObject({
      label: '是否开放申报',
      value: '本通知不受理',
      quote: expect.stringContaining('另行发布'),
    });
  });
});

describe('开放、关闭和截止时间', () => {
  it('改截止时间：新版本记下谁、何时、改成什么，审计日志有改前改后；时间顺序不对时逐项说明', async () => {
    // A call of its own: its versions and audit entries are this test's alone.
    const callId = await ownCall(t);
    const wrong = await calls('PUT', `/${callId}/deadlines`, {
      ...deadlines(2027),
      paperClosesAt: '2027-05-19T17:30:00+08:00',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toContainEqual({
      path: 'paperClosesAt',
      message: '纸质材料受理截止时间应晚于主管部门审核推荐截止时间',
    });

    const before = (await calls('GET', `/${callId}`)).json().call;
    const changed = await calls('PUT', `/${callId}/deadlines`, deadlines(2027));
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ ...deadlines(2027), version: 2, open: true });

    const versions = (await calls('GET', `/${callId}/versions`)).json().versions;
    expect(versions.map((v: { version: number; change: string }) => [v.version, v.change])).toEqual([
      [2, 'deadlines-changed'],
      [1, 'initial'],
    ]);
    expect(versions[0]).toMatchObject({ snapshot: deadlines(2027), actor: { name: '测试province' } });
    expect(versions[1].snapshot.submissionClosesAt).toBe(before.submissionClosesAt);

    const [entry] = await auditOf(callId);
    expect(entry).toMatchObject({
      action: 'call.deadlines-changed',
      before: { submissionClosesAt: before.submissionClosesAt, version: 1 },
      after: { submissionClosesAt: '2027-05-18T17:30:00+08:00', version: 2 },
    });

    const unchanged = await calls('PUT', `/${callId}/deadlines`, deadlines(2027));
    expect(unchanged.json().error.message).toBe('截止时间没有变化');
  });

  it('关闭后申报单位不能新建申报书，重新开放后可以', async () => {
    const callId = await ownCall(t);
    const admin = await unitWithPerson(t);
    const create = () =>
      inject(t.app, {
        method: 'POST',
        url: '/api/applications',
        cookie: admin.cookie,
        payload: { callId, topic: 4, piId: admin.personId },
      });

    const closed = await calls('POST', `/${callId}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', open: false });
    expect((await create()).json().error.code).toBe('CALL_CLOSED');
    expect((await publicCalls()).find((c) => c.id === callId)).toMatchObject({ open: false });
    expect((await calls('POST', `/${callId}/close`)).json().error.code).toBe('STATUS_CONFLICT');

    const reopened = await calls('POST', `/${callId}/open`);
    expect(reopened.json()).toMatchObject({ status: 'open', open: true });
    expect((await create()).statusCode).toBe(201);
    expect((await auditOf(callId)).map((e) => e.action).slice(-2)).toEqual(['call.closed', 'call.opened']);
  });
});

describe('复制为新年度计划', () => {
  it('复制 2026 年计划：新编号和名称、参数沿用、新截止时间；开放之前申报单位看不到', async () => {
    const response = await calls('POST', `/${JS_INTL_2026.id}/clone`, {
      id: 'js-intl-2027',
      name: '2027年度省国际科技合作/港澳台科技合作计划',
      ...deadlines(2027),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      id: 'JS-INTL-2027',
      baseCallId: JS_INTL_2026.id,
      status: 'draft',
      readOnly: false,
      open: false,
      version: 1,
      ...deadlines(2027),
    });
    expect((await publicCalls()).map((c) => c.id)).not.toContain('JS-INTL-2027');
    const [cloned] = await auditOf('JS-INTL-2027');
    expect(cloned).toMatchObject({
      action: 'call.cloned',
      before: null,
      after: { clonedFrom: JS_INTL_2026.id },
    });

    const opened = await calls('POST', '/JS-INTL-2027/open');
    expect(opened.json()).toMatchObject({ status: 'open', open: true, version: 2 });
    expect((await publicCalls()).find((c) => c.id === 'JS-INTL-2027')).toMatchObject({ open: true });
    const detail = (await calls('GET', '/JS-INTL-2027')).json();
    expect(detail.parameters.deadlines[0].value).toBe('2027-05-18 17:30:00（北京时间）');
  });

  it('编号已被使用时拒绝；截止时间已过的计划不能开放', async () => {
    const taken = await calls('POST', `/${PRACTICE_CALL_ID}/clone`, {
      id: JS_INTL_2026.id,
      name: '重复',
      ...deadlines(2027),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('CALL_ID_TAKEN');

    await calls('POST', `/${JS_INTL_2026.id}/clone`, { id: 'PAST-2026', name: '过期', ...deadlines(2026) });
    const late = await calls('POST', '/PAST-2026/open');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('截止时间已过');
    expect((await calls('GET', '/NO-SUCH-CALL')).statusCode).toBe(404);
  });
});
