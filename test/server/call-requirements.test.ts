import { beforeAll, describe, expect, it } from 'vitest';
import { DIRECTIONS, TOPICS } from '../../src/core/bundle/schema.js';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';

const t = useTestApp();

const get = (url: string) => inject(t.app, { method: 'GET', url });
const requirements = (callId: string, query: string) => get(`/api/calls/${callId}/requirements?${query}`);

interface Requirement {
  key: string;
  required: boolean;
}
const keysOf = (body: { documents: Requirement[] }, required: boolean) =>
  body.documents.filter((d) => d.required === required).map((d) => d.key);

/** Every topic, and 专题一 with each direction and without one. */
const STREAMS = TOPICS.flatMap((topic) =>
  topic === 1 ? [`topic=1`, ...DIRECTIONS.map((d) => `topic=1&direction=${d}`)] : [`topic=${topic}`],
);

describe('GET /api/calls/:id/requirements', () => {
  it('专题二：须与境外机构的协议、境内合作协议、共建联合实验室文件、两份承诺书和签字盖章的两份表，不需登录', async () => {
    const response = await requirements(JS_INTL_2026.id, 'topic=2');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ callId: JS_INTL_2026.id, topic: 2, direction: null });
    expect(keysOf(body, true)).toEqual([
      'partner',
      'domestic',
      'joint-lab',
      'unit',
      'pi',
      'info-form',
      'application-form',
    ]);
    expect(keysOf(body, false)).toEqual(['ethics-approval', 'genetic-resources-permit', 'other-attachment']);
    const form = body.documents.find((d: Requirement) => d.key === 'application-form');
    expect(form).toMatchObject({ kinds: ['application-form'], label: '项目申报书', clause: '三、1' });
    expect(form.contents.map((c: { label: string }) => c.label)).toEqual(['签字', '盖章']);
    const lab = body.documents.find((d: Requirement) => d.key === 'joint-lab');
    expect(lab).toMatchObject({
      kinds: ['joint-lab-agreement'],
      label: '共建联合实验室/联合研究中心合作文件',
      signedWith: 'partner',
      signedOnOrBefore: '2026-03-29',
      clause: '二、2',
    });
    expect(lab.contents.map((c: { label: string }) => c.label)).toEqual([
      '签字',
      '盖章',
      '签署日期',
      '签约各方代表姓名职务',
      '各方职责分工',
      '知识产权条款',
    ]);
    expect(lab.quote).toContain('签署日期须早于本通知发布日期');
    expect(body.completeness).toEqual({
      clause: JS_INTL_2026.documents.completeness.clause,
      quote: JS_INTL_2026.documents.completeness.quote,
    });
    expect(body.translation.quote).toBe('外文合作文件须同时提供中文翻译件。');
  });

  it('专题一按方向：平台建设项目须平台设立证明；未选方向只须承诺书和两份表；其他专题不看方向', async () => {
    const inbound = (await requirements(JS_INTL_2026.id, 'topic=1&direction=platform-inbound')).json();
    expect(inbound.direction).toBe('platform-inbound');
    expect(keysOf(inbound, true)).toEqual(['platform', 'unit', 'pi', 'info-form', 'application-form']);
    const none = (await requirements(JS_INTL_2026.id, 'topic=1')).json();
    expect(none.direction).toBeNull();
    expect(keysOf(none, true)).toEqual(['unit', 'pi', 'info-form', 'application-form']);
    const topic4 = (await requirements(JS_INTL_2026.id, 'topic=4&direction=big-science')).json();
    expect(topic4.direction).toBeNull();
    expect(keysOf(topic4, true)).toEqual([
      'partner',
      'domestic',
      'unit',
      'pi',
      'info-form',
      'application-form',
    ]);
  });

  it('按申报书的伦理选项：涉及人工智能须上传伦理审查批件，涉及种质资源只提供许可上传，都不涉及则不列', async () => {
    const ethicsKeys = async (ethics: string) =>
      (await requirements(JS_INTL_2026.id, `topic=4&ethics=${ethics}`))
        .json()
        .documents.filter((d: Requirement) => ['ethics-approval', 'genetic-resources-permit'].includes(d.key))
        .map((d: Requirement) => [d.key, d.required]);
    expect(await ethicsKeys('ai')).toEqual([['ethics-approval', true]]);
    expect(await ethicsKeys('germplasm,labAnimals')).toEqual([
      ['ethics-approval', true],
      ['genetic-resources-permit', false],
    ]);
    expect(await ethicsKeys('')).toEqual([]);
    const bad = await requirements(JS_INTL_2026.id, 'topic=4&ethics=moon');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('科技伦理选项无效');
  });

  it.each(STREAMS)('演示计划与 2026 年计划要求相同的材料：%s', async (query) => {
    const demo = await requirements(PRACTICE_CALL_ID, query);
    const real = await requirements(JS_INTL_2026.id, query);
    expect(demo.statusCode).toBe(200);
    expect(demo.json().callId).toBe(PRACTICE_CALL_ID);
    expect({ ...demo.json(), callId: '' }).toEqual({ ...real.json(), callId: '' });
  });

  it.each([
    ['topic=9', 'topic', '专题应为 1–5'],
    ['topic=abc', 'topic', '专题'],
    ['', 'topic', '专题'],
    ['topic=1&direction=moon', 'direction', '方向'],
  ])('参数有误（%s）：400，中文说明指明字段', async (query, path, words) => {
    const response = await requirements(JS_INTL_2026.id, query);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain(words);
    expect(error.fields.map((f: { path: string }) => f.path)).toEqual([path]);
  });

  it('没有这个计划：404 CALL_NOT_FOUND', async () => {
    const response = await requirements('NO-SUCH-CALL', 'topic=2');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'CALL_NOT_FOUND', message: expect.any(String) });
  });
});

describe('GET /api/calls/:id/commitments', () => {
  it('通知文号、标题、发布日期和三份承诺书的承诺事项都来自计划参数，不需登录', async () => {
    const response = await get(`/api/calls/${JS_INTL_2026.id}/commitments`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      callId: JS_INTL_2026.id,
      callName: JS_INTL_2026.name,
      notice: {
        number: '苏科资发〔2026〕26号',
        title: JS_INTL_2026.notice.title.value,
        publishedOn: '2026-03-30',
      },
      creditRules: '《江苏省科技计划项目信用管理办法》',
      clause: '二、4',
    });
    expect(body.pledges.unit).toEqual(JS_INTL_2026.commitments.value.pledges.unit);
    expect(body.pledges.pi.some((p: string) => p.includes('同一年度只申报一项'))).toBe(true);
    expect(body.pledges.department.some((p: string) => p.includes('推荐限额'))).toBe(true);
  });

  it('演示计划的承诺书依据同一通知', async () => {
    const demo = (await get(`/api/calls/${PRACTICE_CALL_ID}/commitments`)).json();
    const real = (await get(`/api/calls/${JS_INTL_2026.id}/commitments`)).json();
    expect(demo.callId).toBe(PRACTICE_CALL_ID);
    expect(demo.callName).not.toBe(real.callName);
    expect({ ...demo, callId: '', callName: '' }).toEqual({ ...real, callId: '', callName: '' });
  });
});

describe('草稿计划只有省里看得到', () => {
  beforeAll(async () => {
    const province = (await insertUser(t, 'province')).cookie;
    const cloned = await inject(t.app, {
      method: 'POST',
      url: `/api/province/calls/${JS_INTL_2026.id}/clone`,
      cookie: province,
      payload: {
        id: 'REQ-DRAFT-2027',
        name: '草稿计划',
        submissionClosesAt: '2027-05-18T17:30:00+08:00',
        recommendationClosesAt: '2027-05-20T17:30:00+08:00',
        paperClosesAt: '2027-05-22T17:30:00+08:00',
      },
    });
    expect(cloned.statusCode).toBe(201);
  });

  it.each(['requirements?topic=2', 'commitments'])('草稿计划的 %s 答“不存在”', async (path) => {
    const response = await get(`/api/calls/REQ-DRAFT-2027/${path}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('CALL_NOT_FOUND');
  });
});
