import { beforeAll, describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { toCallDocument, type CallDocument } from '../../src/core/calls/schema.js';
import { toBeijingIso } from '../../src/core/time.js';
import { repositories } from '../../src/server/repositories/index.js';
import { unitWithPerson } from '../support/api/applicant.js';
import { ownCall } from '../support/api/own-calls-and-departments.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { uniqueNumber } from '../support/factories/random.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';

// The province's call editor over HTTP: the document, its numbered versions and their diffs, the preview on
// existing applications, import and deletion; the deadlines API and filing's opening keep to the document.

const t = useTestApp();

let province: string;
const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) =>
  inject(t.app, {
    method,
    url: `/api/province/calls${path}`,
    cookie: province,
    ...(payload ? { payload } : {}),
  });

type Editable = CallDocument & { topics: { 4: { terms: { funding: { value: { cap: number } } } } } };

async function documentOf(id: string): Promise<{ version: number; document: Editable }> {
  const response = await api('GET', `/${id}/document`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** The call's document with 专题四's cap set to `cap` yuan. */
async function withCap(id: string, cap: number) {
  const { version, document } = await documentOf(id);
  document.topics[4].terms.funding.value.cap = cap;
  return { baseVersion: version, document };
}

const auditActions = async (id: string) =>
  (await repositories(t.db).audit.list({ entityType: 'call', entityId: id, limit: 50 })).map((e) => e.action);

const newId = () => `TEST-CALL-${uniqueNumber()}`;

/** A document of a new call: the 2026 parameters under `id`, opening `opens` and closing well after now. */
function freshDocument(id: string, opens = '2026-01-05T09:00:00+08:00'): CallDocument {
  const doc = toCallDocument(JS_INTL_2026);
  const at = (iso: string, cited: { clause: string; quote: string }) => ({ ...cited, value: iso });
  return {
    ...doc,
    id,
    name: `测试计划 ${id}`,
    deadlines: {
      opens: at(opens, doc.deadlines.opens),
      submission: at('2027-05-18T17:30:00+08:00', doc.deadlines.submission),
      recommendation: at('2027-05-25T17:30:00+08:00', doc.deadlines.recommendation),
      paper: at('2027-05-29T17:30:00+08:00', doc.deadlines.paper),
    },
  };
}

beforeAll(async () => {
  province = (await insertUser(t, 'province')).cookie;
});

describe('计划参数文件', () => {
  it('未编辑过的计划答其基础计划的参数、版本 0，并列出用到的规则及其读取的参数', async () => {
    const id = await ownCall(t);
    const response = await api('GET', `/${id}/document`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id, version: 0, readOnly: false, inUse: false });
    expect(body.document.format).toBe('shenbao.call/1');
    expect(body.document.id).toBe(id);
    expect(body.document.topics[4].terms.funding.value.cap).toBe(800_000);
    const cap = body.rulesUsed.find((r: { id: string }) => r.id === 'budget.cap');
    expect(cap.reads).toContain('专题四 › 省资助经费上限');
  });

  it('保存为新版本：计划按新参数判断，差异以中文名称、万元和条款列出，并记入审计日志', async () => {
    const id = await ownCall(t);
    const saved = await api('PUT', `/${id}/document`, {
      ...(await withCap(id, 700_000)),
      comment: '下调上限',
    });
    expect(saved.statusCode).toBe(200);
    // A seeded call's first change first records the state it started from as version 1.
    expect(saved.json().version).toBe(2);
    const detail = (await api('GET', `/${id}`)).json();
    const topic4 = detail.parameters.topics.find((x: { number: number }) => x.number === 4);
    expect(topic4.streams[0].items).toContainEqual(
      expect.objectContaining({ label: '省资助经费上限', value: '70 万元' }),
    );
    const diff = (await api('GET', `/${id}/versions/2/diff`)).json();
    expect(diff).toEqual({
      version: 2,
      previous: 1,
      changes: [
        {
          path: 'topics.4.terms.funding.value.cap',
          label: '专题四 › 省资助经费上限',
          before: '80 万元',
          after: '70 万元',
          clause: '一、专题四',
        },
      ],
    });
    expect((await api('GET', `/${id}/versions/1/diff`)).json().changes).toEqual([]);
    expect(await auditActions(id)).toContain('call.document-saved');
    const versions = (await api('GET', `/${id}/versions`)).json().versions;
    expect(versions.map((v: { change: string }) => v.change)).toEqual(['document-saved', 'initial']);
  });

  it('基于旧版本的保存答 409，不写入任何内容', async () => {
    const id = await ownCall(t);
    const first = await withCap(id, 700_000);
    expect((await api('PUT', `/${id}/document`, first)).statusCode).toBe(200);
    const stale = await api('PUT', `/${id}/document`, {
      ...first,
      document: (await withCap(id, 600_000)).document,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CALL_VERSION_CONFLICT');
    const now = await documentOf(id);
    expect(now.version).toBe(2);
    expect(now.document.topics[4].terms.funding.value.cap).toBe(700_000);
  });

  it('两人同时基于同一版本保存：一人成功，另一人答 409', async () => {
    const id = await ownCall(t);
    const [a, b] = await Promise.all([
      api('PUT', `/${id}/document`, await withCap(id, 700_000)),
      api('PUT', `/${id}/document`, await withCap(id, 600_000)),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const versions = (await api('GET', `/${id}/versions`)).json().versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('参数有误时逐项指出字段路径和中文说明，不写入', async () => {
    const id = await ownCall(t);
    const { version, document } = await documentOf(id);
    const terms = document.topics[4].terms as unknown as { funding: { value: { share?: object } } };
    terms.funding.value.share = { percent: 50 };
    document.deadlines.submission = { ...document.deadlines.submission, value: '2026-01-01T17:30:00+08:00' };
    const refused = await api('PUT', `/${id}/document`, { baseVersion: version, document });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual(
      expect.arrayContaining([
        { path: 'topics.4.terms.funding.value.share.base', message: '缺少必填字段' },
        { path: 'deadlines.submission.value', message: '网上填报截止时间须晚于开放时间' },
      ]),
    );
    const renamed = await api('PUT', `/${id}/document`, {
      baseVersion: version,
      document: { ...(await documentOf(id)).document, id: 'OTHER-1' },
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.fields[0].path).toBe('id');
    expect((await documentOf(id)).version).toBe(0);
  });

  it('2026 年正式计划只读：不能保存，不能删除', async () => {
    const { version, document } = await documentOf(JS_INTL_2026.id);
    const saved = await api('PUT', `/${JS_INTL_2026.id}/document`, { baseVersion: version, document });
    expect(saved.statusCode).toBe(409);
    expect(saved.json().error.code).toBe('CALL_READ_ONLY');
    expect((await api('DELETE', `/${JS_INTL_2026.id}`)).json().error.code).toBe('CALL_READ_ONLY');
  });
});

describe('修改前预览对已有申报书的影响', () => {
  it('下调专题四上限：超出新上限的申报书列出新增的问题，且不保存', async () => {
    const id = await ownCall(t);
    const department = (await repositories(t.db).departments.list()).find((d) => d.kind === 'city')!;
    const application = await insertSubmitted(t.db, t.clock.now(), {
      departmentId: department.id,
      callId: id,
    });
    const preview = await api('POST', `/${id}/document/preview`, {
      document: (await withCap(id, 700_000)).document,
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.total).toBe(1);
    expect(body.changed).toBe(1);
    expect(body.changes.map((c: { label: string }) => c.label)).toEqual(['专题四 › 省资助经费上限']);
    const [changed] = body.applications;
    expect(changed.applicationId).toBe(application.id);
    expect(changed.after.errors).toBe(changed.before.errors + 1);
    expect(changed.added).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('70 万元') }),
    ]);
    expect(changed.removed).toEqual([]);
    const unchanged = await api('POST', `/${id}/document/preview`, {
      document: (await withCap(id, 900_000)).document,
    });
    expect(unchanged.json()).toMatchObject({ changed: 0, total: 1, applications: [] });
    expect((await documentOf(id)).version).toBe(0);
  });
});

describe('由参数文件新建计划、删除计划', () => {
  it('新建为草稿（申报单位看不到）；编号已被使用时答 409 并指出 id', async () => {
    const id = newId();
    const created = await api('POST', '', { document: freshDocument(id) });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id, status: 'draft', version: 1, inUse: false });
    const listed = (await inject(t.app, { method: 'GET', url: '/api/calls' })).json().calls;
    expect(listed.map((c: { id: string }) => c.id)).not.toContain(id);
    const again = await api('POST', '', { document: freshDocument(id) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].path).toBe('id');
    expect(await auditActions(id)).toEqual(['call.created']);
  });

  it('没有申报书的计划可删除，连同版本；已有申报书的计划不能删除', async () => {
    const id = newId();
    await api('POST', '', { document: freshDocument(id) });
    const deleted = await api('DELETE', `/${id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await api('GET', `/${id}/document`)).statusCode).toBe(404);
    expect(await auditActions(id)).toContain('call.deleted');

    const used = await ownCall(t);
    const department = (await repositories(t.db).departments.list()).find((d) => d.kind === 'city')!;
    await insertSubmitted(t.db, t.clock.now(), { departmentId: department.id, callId: used });
    const refused = await api('DELETE', `/${used}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'CALL_IN_USE',
      message: expect.stringContaining('不能删除'),
    });
    expect((await api('GET', `/${used}/document`)).json().inUse).toBe(true);
  });
});

describe('时间以参数文件为准', () => {
  it('修改截止时间写入参数文件；早于开放时间的截止时间被拒绝', async () => {
    const id = newId();
    await api('POST', '', { document: freshDocument(id, '2026-11-01T09:00:00+08:00') });
    const times = {
      submissionClosesAt: '2027-06-18T17:30:00+08:00',
      recommendationClosesAt: '2027-06-25T17:30:00+08:00',
      paperClosesAt: '2027-06-29T17:30:00+08:00',
    };
    expect((await api('PUT', `/${id}/deadlines`, times)).statusCode).toBe(200);
    const { document } = await documentOf(id);
    expect(document.deadlines.submission.value).toBe(times.submissionClosesAt);
    expect(document.deadlines.paper.value).toBe(times.paperClosesAt);
    const early = await api('PUT', `/${id}/deadlines`, {
      ...times,
      submissionClosesAt: '2026-10-01T17:30:00+08:00',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].path).toBe('submissionClosesAt');
  });

  it('网上填报开放之前不能新建申报书，也不能提交', async () => {
    const id = newId();
    const now = t.clock.now();
    const opens = toBeijingIso(now.getTime() + 5 * 60_000);
    await api('POST', '', { document: freshDocument(id, opens) });
    expect((await api('POST', `/${id}/open`)).statusCode).toBe(200);
    const admin = await unitWithPerson(t);
    const create = () =>
      inject(t.app, {
        method: 'POST',
        url: '/api/applications',
        cookie: admin.cookie,
        payload: { callId: id, topic: 4, piId: admin.personId },
      });
    expect((await create()).json().error.code).toBe('CALL_CLOSED');
    t.clock.set(new Date(Date.parse(opens) + 60_000));
    try {
      const created = await create();
      expect(created.statusCode).toBe(201);
      t.clock.set(now);
      const submit = await inject(t.app, {
        method: 'POST',
        url: `/api/applications/${created.json().application.id}/submit`,
        cookie: admin.cookie,
        payload: { version: created.json().application.version },
      });
      expect(submit.statusCode).toBe(409);
      expect(submit.json().error).toMatchObject({
        code: 'FILING_NOT_OPEN',
        message: expect.stringContaining('开放'),
      });
    } finally {
      t.clock.set(now);
    }
  });
});
