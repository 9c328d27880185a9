import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBundle } from '../../src/core/bundle/parse.js';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { checkBundle } from '../../src/core/check.js';
import { SUMMARY_COLUMNS, summaryRowCells, type SummaryRow } from '../../src/core/summary/summary-table.js';
import { applications, departmentCommitments } from '../../src/server/db/schema.js';
import type { Department } from '../../src/server/repositories/departments.js';
import { repositories } from '../../src/server/repositories/index.js';
import type { Checklist } from '../../src/contract/review.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { commitmentForm, uploadCommitment } from '../support/api/department-commitments.js';
import { inject, insertUser, registerUnitAdmin, useTestApp } from '../support/harness.js';
import { PNG, pdf, sha256 } from '../support/pdf.js';
import { reviewSession } from '../support/api/review-session.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { ownDepartment } from '../support/api/own-calls-and-departments.js';

const t = useTestApp();

const START = '2026-11-23T09:00:00+08:00';
const REVIEW_CLOSES = '2026-12-25T17:30:00+08:00';
const MISSING_ID = randomUUID();

let city: Department;
let county: Department;
let otherCity: Department;
let agency: Department;
const outsiders: Record<string, string> = {};
const { users, departmentUser, submitted, recommend, confirm, at } = reviewSession(t, START);

const get = (cookie: string | undefined, url: string) =>
  inject(t.app, { method: 'GET', url, ...(cookie ? { cookie } : {}) });
const putChecklist = (cookie: string, id: string, answers: Checklist) =>
  inject(t.app, {
    method: 'PUT',
    url: `/api/review/applications/${id}/checklist`,
    cookie,
    payload: { answers },
  });

/** Status and body, which must not tell an existing record the caller may not see from a missing one. */
const answer = (response: { statusCode: number; body: string }) => ({
  status: response.statusCode,
  body: response.body,
});

const ANSWERS: Checklist = {
  documentsCompliant: { ok: true, note: '合作协议已核对原件' },
  materialsComplete: { ok: false, note: '单位承诺书缺少日期' },
  ethics: { ok: false, note: '' },
  credit: { ok: true, note: '' },
  separateSlot: { ok: false, note: '' },
};

beforeAll(async () => {
  const all = await repositories(t.db).departments.list();
  county = all.find((d) => d.kind === 'county')!;
  city = all.find((d) => d.id === county.cityId)!;
  otherCity = all.find((d) => d.kind === 'city' && d.id !== city.id)!;
  agency = all.find((d) => d.kind === 'provincial-agency')!;
  users.city = await departmentUser(city);
  users.county = await departmentUser(county);
  users.otherCity = await departmentUser(otherCity);
  users.agency = await departmentUser(agency);
  outsiders.applicant = (await registerUnitAdmin(t)).cookie;
  outsiders.expert = (await insertUser(t, 'expert')).cookie;
});

describe('形式审查', () => {
  it('未保存时按汇总表推得的答复预填；保存后以本部门的答复为准', async () => {
    const application = await submitted(city);
    const url = `/api/review/applications/${application.id}/checklist`;
    const fresh = await get(users.city!.cookie, url);
    expect(fresh.statusCode).toBe(200);
    const derived = {
      documentsCompliant: { ok: true, note: '' },
      materialsComplete: { ok: true, note: '' },
      ethics: { ok: false, note: '' },
      credit: { ok: true, note: '' },
      separateSlot: { ok: false, note: '' },
    };
    expect(fresh.json()).toMatchObject({
      applicationId: application.id,
      answers: derived,
      derived,
      saved: false,
      savedAt: null,
      editable: true,
    });

    const saved = await putChecklist(users.city!.cookie, application.id, ANSWERS);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ answers: ANSWERS, derived, saved: true, editable: true });
    expect(saved.json().savedBy).toBeTruthy();
    expect((await get(users.city!.cookie, url)).json().answers).toEqual(ANSWERS);
  });

  it('承诺书只按其自身要素判断：申报单位看到的检查结果、形式审查预填和汇总表说法一致', async () => {
    const department = await ownDepartment(t, 'city');
    const reviewer = await departmentUser(department);
    // As the upload dialog answers them: each commitment only what its kind is asked, nothing of an agreement.
    const answered = (id: string, kind: string, complete: Partial<Record<string, boolean>>) =>
      t.db.execute(
        sql`update documents set metadata = jsonb_set(metadata, '{complete}', ${JSON.stringify(complete)}::jsonb)
            where application_id = ${id} and kind = ${kind}`,
      );
    const judged = async (id: string) => {
      const findings = (await get(reviewer.cookie, `/api/applications/${id}`)).json().evaluation.findings as {
        rule: string;
        message: string;
      }[];
      const checklist = (await get(reviewer.cookie, `/api/review/applications/${id}/checklist`)).json();
      const summary = await get(reviewer.cookie, `/api/review/summary?callId=${PRACTICE_CALL_ID}`);
      const row = (summary.json().rows as SummaryRow[]).find((r) => r.applicationId === id)!;
      return { findings, derived: checklist.derived.materialsComplete, cell: row.materialsComplete };
    };

    const valid = await submitted(department);
    await answered(valid.id, 'integrity-commitment-unit', { signatures: true, seals: true, dates: true });
    await answered(valid.id, 'integrity-commitment-pi', { signatures: true, dates: true });
    expect((await recommend(reviewer.cookie, valid.id)).statusCode).toBe(204);
    expect(await judged(valid.id)).toEqual({ findings: [], derived: { ok: true, note: '' }, cell: '是' });

    // Recommended while complete; its commitment then reads without a date (as an imported bundle may say).
    const undated = await submitted(department);
    expect((await recommend(reviewer.cookie, undated.id)).statusCode).toBe(204);
    await answered(undated.id, 'integrity-commitment-unit', { signatures: true, seals: true });
    const { findings, derived, cell } = await judged(undated.id);
    expect(findings.map((f) => f.rule)).toEqual(['documents.integrity-commitment-unsigned']);
    expect(findings[0]!.message).toContain('项目申报单位科研诚信承诺书缺少签署日期');
    expect(derived).toEqual({ ok: false, note: '项目申报单位科研诚信承诺书缺少签署日期' });
    expect(cell).toBe('否（项目申报单位科研诚信承诺书缺少签署日期）');
  });

  it('缺少一栏的答复时返回 400，指明字段', async () => {
    const application = await submitted(city);
    const { credit: _credit, ...partial } = ANSWERS;
    const response = await inject(t.app, {
      method: 'PUT',
      url: `/api/review/applications/${application.id}/checklist`,
      cookie: users.city!.cookie,
      payload: { answers: partial },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toContain('answers.credit');
  });

  it('设区市可查看县（市）的形式审查但不能修改；其他部门与不存在的编号答复相同', async () => {
    const fromCounty = await submitted(county);
    const url = `/api/review/applications/${fromCounty.id}/checklist`;
    const asCity = await get(users.city!.cookie, url);
    expect(asCity.statusCode).toBe(200);
    expect(asCity.json().editable).toBe(false);
    expect((await putChecklist(users.city!.cookie, fromCounty.id, ANSWERS)).statusCode).toBe(403);

    const theirs = await get(users.otherCity!.cookie, url);
    const missing = await get(users.otherCity!.cookie, `/api/review/applications/${MISSING_ID}/checklist`);
    expect(theirs.statusCode).toBe(404);
    expect(answer(theirs)).toEqual(answer(missing));
    const theirsPut = await putChecklist(users.otherCity!.cookie, fromCounty.id, ANSWERS);
    expect(answer(theirsPut)).toEqual(
      answer(await putChecklist(users.otherCity!.cookie, MISSING_ID, ANSWERS)),
    );
  });

  it('申报单位和专家不能查看或保存形式审查', async () => {
    const application = await submitted(city);
    for (const cookie of Object.values(outsiders)) {
      expect((await get(cookie, `/api/review/applications/${application.id}/checklist`)).statusCode).toBe(
        403,
      );
      expect((await putChecklist(cookie, application.id, ANSWERS)).statusCode).toBe(403);
    }
  });

  it('审核推荐截止后不能保存形式审查', async () => {
    const application = await submitted(city);
    const late = await at(REVIEW_CLOSES, () => putChecklist(users.city!.cookie, application.id, ANSWERS));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REVIEW_CLOSED');
    const view = await at(REVIEW_CLOSES, () =>
      get(users.city!.cookie, `/api/review/applications/${application.id}/checklist`),
    );
    expect(view.json().editable).toBe(false);
  });
});

describe('推荐项目汇总表', () => {
  it('设区市的汇总表含所辖县（市）推荐的项目，按推荐先后，使用受理编号和本部门的形式审查答复；xlsx 与之一致', async () => {
    const fromCounty = await submitted(county);
    const own = await submitted(city);
    const notRecommended = await submitted(city);
    const otherCitys = await submitted(otherCity);
    t.clock.set('2026-11-23T09:10:00+08:00');
    expect((await recommend(users.county!.cookie, fromCounty.id)).statusCode).toBe(204);
    t.clock.set('2026-11-23T09:20:00+08:00');
    expect((await recommend(users.city!.cookie, own.id)).statusCode).toBe(204);
    expect((await recommend(users.otherCity!.cookie, otherCitys.id)).statusCode).toBe(204);
    t.clock.set(START);
    expect((await putChecklist(users.city!.cookie, own.id, ANSWERS)).statusCode).toBe(200);

    const contact = await inject(t.app, {
      method: 'PUT',
      url: `/api/review/departments/${city.id}/contact`,
      cookie: users.city!.cookie,
      payload: { contact: { name: '王敏', phone: '025-83300000', email: '' } },
    });
    expect(contact.statusCode).toBe(200);
    // Query parameters no longer set the contact: the stored one is printed.
    const query = `callId=${PRACTICE_CALL_ID}&contact=${encodeURIComponent('别人')}&phone=110`;
    const response = await get(users.city!.cookie, `/api/review/summary?${query}`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      texts: { headings: string[]; title: string };
      header: { departmentName: string; contact: string; phone: string };
      rows: SummaryRow[];
    };
    expect(body.texts.headings).toEqual(SUMMARY_COLUMNS.map((c) => c.heading));
    expect(body.header).toMatchObject({ departmentName: city.name, contact: '王敏', phone: '025-83300000' });
    const ids = body.rows.map((r) => r.applicationId);
    expect(ids.indexOf(fromCounty.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(fromCounty.id)).toBeLessThan(ids.indexOf(own.id));
    expect(ids).not.toContain(notRecommended.id);
    expect(ids).not.toContain(otherCitys.id);
    const ownRow = body.rows.find((r) => r.applicationId === own.id)!;
    expect(ownRow).toMatchObject({
      acceptanceNumber: own.acceptanceNo,
      projectType: JS_INTL_2026.topics[4].name,
      documentsCompliant: '是（合作协议已核对原件）',
      materialsComplete: '否（单位承诺书缺少日期）',
      ethics: '否',
      credit: '良好',
      separateSlot: '否',
    });
    expect(body.rows.find((r) => r.applicationId === fromCounty.id)).toMatchObject({
      acceptanceNumber: fromCounty.acceptanceNo,
      materialsComplete: '是',
    });

    const download = await get(users.city!.cookie, `/api/review/summary.xlsx?${query}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('spreadsheetml');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('推荐项目汇总表')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(sheet.getCell('A2').value).toBe(body.texts.title);
    expect(sheet.getCell('A4').value).toContain('王敏');
    expect(sheet.getCell('F4').value).toContain('025-83300000');
    expect(values(5)).toEqual(body.texts.headings);
    body.rows.forEach((row, i) => expect(values(6 + i)).toEqual(summaryRowCells(row)));
  });

  it('其他部门的汇总表不含本部门的项目；申报单位和专家无权下载', async () => {
    const own = await submitted(city);
    expect((await recommend(users.city!.cookie, own.id)).statusCode).toBe(204);
    const theirs = await get(users.otherCity!.cookie, `/api/review/summary?callId=${PRACTICE_CALL_ID}`);
    expect(theirs.json().rows.map((r: SummaryRow) => r.applicationId)).not.toContain(own.id);
    for (const cookie of Object.values(outsiders)) {
      expect((await get(cookie, `/api/review/summary?callId=${PRACTICE_CALL_ID}`)).statusCode).toBe(403);
      expect((await get(cookie, `/api/review/summary.xlsx?callId=${PRACTICE_CALL_ID}`)).statusCode).toBe(403);
    }
    const unknown = await get(users.city!.cookie, '/api/review/summary?callId=NO-SUCH-CALL');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'CALL_NOT_FOUND', fields: [{ path: 'callId' }] });
  });
});

describe('导出 shenbao.bundle/1', () => {
  it('演示计划以基础计划的编号导出并在响应头说明；含所辖县（市）的申报书，不含其他部门的', async () => {
    const own = await submitted(city);
    const fromCounty = await submitted(county);
    const theirs = await submitted(otherCity);
    const response = await get(users.city!.cookie, `/api/review/bundle?callId=${PRACTICE_CALL_ID}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-shenbao-note']).toContain(JS_INTL_2026.id);
    const bundle = response.json();
    expect(bundle).toMatchObject({ format: 'shenbao.bundle/1', call: JS_INTL_2026.id });
    const ids = bundle.applications.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([own.id, fromCounty.id]));
    expect(ids).not.toContain(theirs.id);
    expect(parseBundle(bundle).ok).toBe(true);
    for (const cookie of Object.values(outsiders)) {
      expect((await get(cookie, `/api/review/bundle?callId=${PRACTICE_CALL_ID}`)).statusCode).toBe(403);
    }
  });

  it('限项所需的本单位草稿计入导出包，但内容不予导出', async () => {
    const own = await submitted(city);
    const [draft] = await t.db
      .insert(applications)
      .values({
        callId: PRACTICE_CALL_ID,
        organizationId: own.organizationId,
        piId: own.piId,
        departmentId: city.id,
        topic: 5,
        form: { title: '尚未提交的保密草稿标题', summary: '草稿的研究内容' },
      })
      .returning();
    const response = await get(users.city!.cookie, `/api/review/bundle?callId=${PRACTICE_CALL_ID}`);
    expect(response.body).not.toContain('尚未提交的保密草稿标题');
    expect(response.body).not.toContain('草稿的研究内容');
    const parsed = parseBundle(response.json());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const exported = parsed.bundle.applications.find((a) => a.id === draft!.id)!;
    expect(exported).toMatchObject({ title: '（不在本部门审核范围内的申报）', documents: [] });
    const verdict = checkBundle(parsed.bundle).applications.find((a) => a.id === own.id)!;
    expect(verdict.findings.map((f) => f.rule)).toContain('limit.enterprise-one-application');
  });

  it('正式计划：shenbao check 对导出包的判断与审核列表逐项一致', async () => {
    const filed = new Date('2026-05-15T10:00:00+08:00');
    const fine = await insertSubmitted(t.db, filed, { departmentId: agency.id, callId: JS_INTL_2026.id });
    const broken = await insertSubmitted(t.db, filed, {
      departmentId: agency.id,
      callId: JS_INTL_2026.id,
      form: { budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 900_000 } },
    });
    const { list, exported } = await at('2026-05-19T10:00:00+08:00', async () => ({
      list: await get(users.agency!.cookie, `/api/review/applications?callId=${JS_INTL_2026.id}`),
      exported: await get(users.agency!.cookie, `/api/review/bundle?callId=${JS_INTL_2026.id}`),
    }));
    expect(list.statusCode).toBe(200);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['x-shenbao-note']).toBeUndefined();
    const parsed = parseBundle(JSON.parse(exported.body));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = checkBundle(parsed.bundle);
    const web = list.json().applications as {
      application: { id: string };
      eligible: boolean;
      findings: unknown[];
    }[];
    expect(web.map((i) => i.application.id).sort()).toEqual([fine.id, broken.id].sort());
    for (const item of web) {
      const cli = report.applications.find((a) => a.id === item.application.id)!;
      expect({ eligible: cli.eligible, findings: cli.findings }).toEqual({
        eligible: item.eligible,
        findings: item.findings,
      });
    }
    expect(web.find((i) => i.application.id === broken.id)!.eligible).toBe(false);
  });
});

describe('导入预览', () => {
  it('列出每项申报书的规则检查结果，不写入任何数据', async () => {
    await submitted(city);
    const exported = (await get(users.city!.cookie, `/api/review/bundle?callId=${PRACTICE_CALL_ID}`)).json();
    const [before] = await t.db.select({ n: count() }).from(applications);
    const response = await inject(t.app, {
      method: 'POST',
      url: '/api/review/import/preview',
      cookie: users.city!.cookie,
      payload: exported,
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    const report = checkBundle((parseBundle(exported) as { ok: true; bundle: never }).bundle);
    expect(preview).toMatchObject({ ok: true, call: JS_INTL_2026.id, problems: [] });
    expect(preview.applications.map((a: { id: string; eligible: boolean }) => [a.id, a.eligible])).toEqual(
      report.applications.map((a) => [a.id, a.eligible]),
    );
    const [after] = await t.db.select({ n: count() }).from(applications);
    expect(after).toEqual(before);
  });

  it('格式有误时逐项列出问题及其位置', async () => {
    const response = await inject(t.app, {
      method: 'POST',
      url: '/api/review/import/preview',
      cookie: users.city!.cookie,
      payload: { format: 'shenbao.bundle/1', call: JS_INTL_2026.id, applications: 'none' },
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.ok).toBe(false);
    expect(preview.applications).toEqual([]);
    expect(preview.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['applications', 'organizations']),
    );
  });

  it('申报单位和专家不能使用导入预览', async () => {
    for (const cookie of Object.values(outsiders)) {
      const response = await inject(t.app, {
        method: 'POST',
        url: '/api/review/import/preview',
        cookie,
        payload: {},
      });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('省厅查看各部门的确认情况和诚信承诺书', () => {
  it('列出每个主管部门当前的承诺书（含指纹）并可下载；主管部门、申报单位和专家无权查看', async () => {
    const zone = (await repositories(t.db).departments.list()).find(
      (d) => d.kind === 'provincial-hitech-zone',
    )!;
    const zoneUser = await departmentUser(zone);
    const file = pdf({ seed: randomUUID() });
    await uploadCommitment(t, zoneUser.cookie, PRACTICE_CALL_ID, file);
    const province = (await insertUser(t, 'province')).cookie;
    const url = `/api/review/commitments?callId=${PRACTICE_CALL_ID}`;
    const response = await get(province, url);
    expect(response.statusCode).toBe(200);
    const { departments } = response.json();
    const row = departments.find((d: { department: { id: string } }) => d.department.id === zone.id);
    expect(row.commitment).toMatchObject({ sha256: sha256(file), size: file.length, supersededAt: null });
    expect(row.confirmation).toBeNull();
    expect(departments).toHaveLength((await repositories(t.db).departments.list()).length);
    const download = await get(province, `/api/review/commitments/${row.commitment.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(sha256(download.rawPayload)).toBe(sha256(file));

    for (const cookie of [zoneUser.cookie, ...Object.values(outsiders)]) {
      expect((await get(cookie, url)).statusCode).toBe(403);
    }
    for (const cookie of Object.values(outsiders)) {
      expect((await get(cookie, `/api/review/commitments/${row.commitment.id}/file`)).statusCode).toBe(403);
    }
  });
});

describe('项目主管部门诚信承诺书', () => {
  it('上传 PDF 后可查看指纹和下载；再次上传替换当前的，旧的保留为历史', async () => {
    const first = pdf({ seed: randomUUID() });
    const second = pdf({ seed: randomUUID() });
    const uploaded = await uploadCommitment(t, users.county!.cookie, PRACTICE_CALL_ID, first);
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json().commitment).toMatchObject({
      callId: PRACTICE_CALL_ID,
      department: { id: county.id },
      sha256: sha256(first),
      size: first.length,
      supersededAt: null,
    });
    t.clock.set('2026-11-23T09:05:00+08:00');
    const replaced = await uploadCommitment(t, users.county!.cookie, PRACTICE_CALL_ID, second);
    t.clock.set(START);
    expect(replaced.statusCode).toBe(201);

    const view = await get(users.county!.cookie, `/api/review/commitment?callId=${PRACTICE_CALL_ID}`);
    expect(view.statusCode).toBe(200);
    const { current, history } = view.json();
    expect(current.sha256).toBe(sha256(second));
    expect(history.map((c: { sha256: string }) => c.sha256)).toEqual([sha256(second), sha256(first)]);
    expect(history[1].supersededAt).not.toBeNull();

    const file = await get(users.county!.cookie, `/api/review/commitments/${history[1].id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(sha256(file.rawPayload)).toBe(sha256(first));
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('主管部门诚信承诺书')}`,
    );
  });

  it('下载带 ETag（SHA-256 指纹）；If-None-Match 相同时返回 304，其他部门仍得到 404', async () => {
    const other = (await repositories(t.db).departments.list()).find(
      (d) => d.kind === 'county' && d.id !== county.id,
    )!;
    const own = await departmentUser(other);
    const file = pdf({ seed: randomUUID() });
    const { id } = (await uploadCommitment(t, own.cookie, PRACTICE_CALL_ID, file)).json().commitment;
    const url = `/api/review/commitments/${id}/file`;
    const download = await get(own.cookie, url);
    expect(download.headers.etag).toBe(`"${sha256(file)}"`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const ifNoneMatch = (cookie: string, etag: string) =>
      inject(t.app, { method: 'GET', url, cookie, headers: { 'if-none-match': etag } });
    const unchanged = await ifNoneMatch(own.cookie, `"${sha256(file)}"`);
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.rawPayload).toHaveLength(0);
    const changed = await ifNoneMatch(own.cookie, `"${'0'.repeat(64)}"`);
    expect(changed.statusCode).toBe(200);
    expect(sha256(changed.rawPayload)).toBe(sha256(file));
    expect((await ifNoneMatch(users.otherCity!.cookie, `"${sha256(file)}"`)).statusCode).toBe(404);
  });

  it('其他部门看不到本部门的承诺书，下载与不存在的编号答复相同；申报单位和专家无权上传或查看', async () => {
    const uploaded = await uploadCommitment(t, users.otherCity!.cookie, PRACTICE_CALL_ID);
    const id = uploaded.json().commitment.id as string;
    const view = await get(users.city!.cookie, `/api/review/commitment?callId=${PRACTICE_CALL_ID}`);
    expect(view.json().history.map((c: { id: string }) => c.id)).not.toContain(id);
    const theirs = await get(users.city!.cookie, `/api/review/commitments/${id}/file`);
    expect(theirs.statusCode).toBe(404);
    expect(answer(theirs)).toEqual(
      answer(await get(users.city!.cookie, `/api/review/commitments/${MISSING_ID}/file`)),
    );
    for (const cookie of Object.values(outsiders)) {
      expect((await uploadCommitment(t, cookie, PRACTICE_CALL_ID)).statusCode).toBe(403);
      expect((await get(cookie, `/api/review/commitment?callId=${PRACTICE_CALL_ID}`)).statusCode).toBe(403);
      expect((await get(cookie, `/api/review/commitments/${id}/file`)).statusCode).toBe(403);
    }
  });

  it('不是 PDF 的文件不予接收，也不留下记录', async () => {
    const response = await inject(t.app, {
      method: 'POST',
      url: `/api/review/commitment?callId=${PRACTICE_CALL_ID}`,
      cookie: users.city!.cookie,
      payload: commitmentForm(PNG, '承诺书.png'),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('FILE_NOT_PDF');
    const rows = await t.db
      .select()
      .from(departmentCommitments)
      .where(eq(departmentCommitments.departmentId, city.id));
    expect(rows).toEqual([]);
  });

  it('审核推荐截止后不能上传', async () => {
    const late = await at(REVIEW_CLOSES, () => uploadCommitment(t, users.city!.cookie, PRACTICE_CALL_ID));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REVIEW_CLOSED');
  });

  it('确认提交须先上传；确认后不能再上传承诺书或修改形式审查', async () => {
    const application = await submitted(agency);
    const confirmList = () => confirm(users.agency!.cookie, PRACTICE_CALL_ID);
    expect((await recommend(users.agency!.cookie, application.id)).statusCode).toBe(204);
    const refused = await confirmList();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('COMMITMENT_MISSING');
    expect((await uploadCommitment(t, users.agency!.cookie, PRACTICE_CALL_ID)).statusCode).toBe(201);
    expect((await confirmList()).statusCode).toBe(201);

    const again = await uploadCommitment(t, users.agency!.cookie, PRACTICE_CALL_ID);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LIST_CONFIRMED');
    const checklist = await putChecklist(users.agency!.cookie, application.id, ANSWERS);
    expect(checklist.statusCode).toBe(409);
    expect(checklist.json().error.code).toBe('LIST_CONFIRMED');
    const view = await get(users.agency!.cookie, `/api/review/applications/${application.id}/checklist`);
    expect(view.json().editable).toBe(false);
  });
});
