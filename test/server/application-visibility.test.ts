import { beforeAll, describe, expect, it } from 'vitest';
import type { Department } from '../../src/server/repositories/departments.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { createDraft, submitThroughApi, unitWithPerson } from '../support/api/applicant.js';
import { insertApplication } from '../support/api/application-rows.js';
import {
  attachRequiredDocuments,
  completeForm,
  insertSubmitted,
} from '../support/api/submitted-applications.js';
import { randomUuid } from '../support/factories/random.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';

// Who may see which application: what was never submitted is its organization's alone, whatever became of it;
// lists and counts show others only what reached them, and never count a withdrawn application.

const t = useTestApp();

let department: Department;
let otherDepartment: Department;
let departmentCookie: string;
let provinceCookie: string;

beforeAll(async () => {
  const all = await repositories(t.db).departments.list();
  // Units registered through the API belong to the first department.
  department = all[0]!;
  otherDepartment = all.find((d) => d.id !== department.id && d.kind === 'city')!;
  departmentCookie = (await insertUser(t, 'department', { departmentId: department.id })).cookie;
  provinceCookie = (await insertUser(t, 'province')).cookie;
});

const get = (cookie: string, url: string) => inject(t.app, { method: 'GET', url, cookie });

async function withdraw(cookie: string, id: string) {
  const current = await get(cookie, `/api/applications/${id}`);
  const response = await inject(t.app, {
    method: 'POST',
    url: `/api/applications/${id}/withdraw`,
    cookie,
    payload: { version: current.json().application.version },
  });
  expect(response.statusCode, response.body).toBe(204);
}

/** A draft never submitted, with its documents, withdrawn by its unit; and one of its documents. */
async function withdrawnDraft() {
  const admin = await unitWithPerson(t);
  const { id } = await createDraft(t, admin);
  const [document] = await attachRequiredDocuments(
    t.db,
    t.clock.now(),
    id,
    admin.organizationId,
    admin.userId,
  );
  await withdraw(admin.cookie, id);
  return { admin, id, documentId: document!.id };
}

/** Each read of `id` (and of its document) that `cookie`'s role has, as [route, response]. */
async function reads(cookie: string, id: string, documentId: string, role: 'department' | 'province') {
  const routes = [
    `/api/applications/${id}`,
    `/api/applications/${id}/documents`,
    `/api/documents/${documentId}/file`,
    `/api/applications/${id}/timeline`,
    ...(role === 'department'
      ? [
          `/api/review/applications/${id}`,
          `/api/review/applications/${id}/changes`,
          `/api/review/applications/${id}/checklist`,
        ]
      : [`/api/province/formal-review/${id}`]),
  ];
  const answers = [];
  for (const route of routes) answers.push([route, await get(cookie, route)] as const);
  if (role === 'department') {
    const yes = { ok: true, note: '' };
    const save = await inject(t.app, {
      method: 'PUT',
      url: `/api/review/applications/${id}/checklist`,
      cookie,
      payload: {
        answers: {
          documentsCompliant: yes,
          materialsComplete: yes,
          ethics: yes,
          credit: yes,
          separateSlot: yes,
        },
      },
    });
    answers.push([`PUT /api/review/applications/${id}/checklist`, save] as const);
  }
  return answers;
}

const idsOf = (body: { applications: { application: { id: string } }[] }) =>
  body.applications.map((a) => a.application.id);

describe('作废的草稿（从未提交）只有申报单位自己看得到', () => {
  it('主管部门和省厅读取它的每个接口都如同它不存在：404，与不存在的记录一字不差', async () => {
    const draft = await withdrawnDraft();
    const missing = randomUuid();
    for (const role of ['department', 'province'] as const) {
      const cookie = role === 'department' ? departmentCookie : provinceCookie;
      const ofDraft = await reads(cookie, draft.id, draft.documentId, role);
      const ofMissing = await reads(cookie, missing, randomUuid(), role);
      ofDraft.forEach(([route, response], i) => {
        const [, absent] = ofMissing[i]!;
        expect(response.statusCode, `${role} ${route}`).toBe(404);
        expect(response.json(), `${role} ${route}`).toEqual(absent.json());
      });
    }
    // Its unit still reads it.
    expect((await get(draft.admin.cookie, `/api/applications/${draft.id}`)).statusCode).toBe(200);
  });

  it('不出现在主管部门的审核列表和导出的申报包里', async () => {
    const draft = await withdrawnDraft();
    const list = await get(departmentCookie, `/api/review/applications?callId=${PRACTICE_CALL_ID}`);
    expect(list.statusCode).toBe(200);
    expect(idsOf(list.json())).not.toContain(draft.id);
    const withdrawnOnly = await get(
      departmentCookie,
      `/api/review/applications?callId=${PRACTICE_CALL_ID}&status=withdrawn`,
    );
    expect(idsOf(withdrawnOnly.json())).not.toContain(draft.id);
    const exported = await get(departmentCookie, `/api/review/bundle?callId=${PRACTICE_CALL_ID}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.json().applications.map((a: { id: string }) => a.id)).not.toContain(draft.id);
  });

  it('提交后被退回、再由申报单位作废的申报书：主管部门和省厅仍可按编号查看（收到过），但不再列入审核列表', async () => {
    const { admin, id } = await submitThroughApi(t);
    const returned = await inject(t.app, {
      method: 'POST',
      url: `/api/review/applications/${id}/return`,
      cookie: departmentCookie,
      payload: { reasons: [{ message: '合作协议缺少签字页' }] },
    });
    expect(returned.statusCode, returned.body).toBe(204);
    await withdraw(admin.cookie, id);
    expect((await get(departmentCookie, `/api/applications/${id}`)).statusCode).toBe(200);
    expect((await get(departmentCookie, `/api/review/applications/${id}`)).statusCode).toBe(200);
    expect((await get(provinceCookie, `/api/applications/${id}/timeline`)).statusCode).toBe(200);
    const list = await get(departmentCookie, `/api/review/applications?callId=${PRACTICE_CALL_ID}`);
    expect(idsOf(list.json())).not.toContain(id);
  });
});

describe('列表、计数和检查结果只算收到的申报书，作废的一律不算', () => {
  /**
   * A submitted application of an enterprise, the same enterprise's draft under another department (it
   * counts: drafts count in the limits) and its draft withdrawn (it never counts).
   */
  async function enterpriseWithThree() {
    const submitted = await insertSubmitted(t.db, t.clock.now(), {
      departmentId: department.id,
      form: { title: `已提交的申报${randomUuid().slice(0, 8)}` },
    });
    const unsubmittedTitle = `另一部门尚未提交的草稿${randomUuid().slice(0, 8)}`;
    const base = {
      callId: PRACTICE_CALL_ID,
      organizationId: submitted.organizationId,
      piId: submitted.piId,
      topic: 4,
    };
    const draft = await insertApplication(t.db, {
      ...base,
      departmentId: otherDepartment.id,
      form: completeForm({ title: unsubmittedTitle }),
    });
    const withdrawn = await insertApplication(t.db, {
      ...base,
      departmentId: department.id,
      status: 'withdrawn',
      form: completeForm({ title: `作废的草稿${randomUuid().slice(0, 8)}` }),
    });
    return { submitted, draft, withdrawn, unsubmittedTitle };
  }

  type FindingDto = { rule: string; severity: string; message: string };

  it('审核列表里的检查结果与申报书页面上的一致；另一部门未提交的草稿计入限额，但结果不提其名称', async () => {
    const { submitted, draft, withdrawn, unsubmittedTitle } = await enterpriseWithThree();
    const list = await get(departmentCookie, `/api/review/applications?callId=${PRACTICE_CALL_ID}`);
    const items = list.json().applications as { application: { id: string }; findings: FindingDto[] }[];
    expect(items.map((i) => i.application.id)).not.toContain(withdrawn.id);
    expect(items.map((i) => i.application.id)).not.toContain(draft.id);
    const inQueue = items.find((i) => i.application.id === submitted.id)!.findings;

    const detail = await get(departmentCookie, `/api/review/applications/${submitted.id}`);
    const page = await get(departmentCookie, `/api/applications/${submitted.id}`);
    const sorted = (findings: FindingDto[]) =>
      findings.map((f) => `${f.rule}|${f.severity}|${f.message}`).sort();
    expect(sorted(detail.json().item.findings)).toEqual(sorted(inQueue));
    expect(sorted(page.json().evaluation.findings)).toEqual(sorted(inQueue));

    const limits = inQueue.filter((f) => f.rule.startsWith('limit.'));
    expect(limits.map((f) => f.rule).sort()).toEqual([
      'limit.enterprise-one-application',
      'limit.pi-one-application',
    ]);
    for (const finding of limits) {
      // Two, not three: the withdrawn draft counts nowhere.
      expect(finding.message).toContain('共申报 2 项');
      expect(finding.message).toContain('另有 1 项申报（其他主管部门，未提交）');
      expect(finding.message).not.toContain(unsubmittedTitle);
    }
  });

  it('作废的申报书不计入限额：同一企业只剩一项时没有限额问题', async () => {
    const submitted = await insertSubmitted(t.db, t.clock.now(), { departmentId: department.id });
    await insertApplication(t.db, {
      callId: PRACTICE_CALL_ID,
      organizationId: submitted.organizationId,
      piId: submitted.piId,
      departmentId: department.id,
      topic: 4,
      status: 'withdrawn',
      form: completeForm(),
    });
    const list = await get(departmentCookie, `/api/review/applications?callId=${PRACTICE_CALL_ID}`);
    const item = (list.json().applications as { application: { id: string }; findings: FindingDto[] }[]).find(
      (i) => i.application.id === submitted.id,
    )!;
    expect(item.findings.filter((f) => f.rule.startsWith('limit.'))).toEqual([]);
    const page = await get(departmentCookie, `/api/applications/${submitted.id}`);
    expect(page.json().evaluation.findings).toEqual(item.findings);
  });
});
