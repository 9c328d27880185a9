import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationForm } from '../../src/core/application/form.js';
import { SCORING_FORMS } from '../../src/core/experts/scoring-forms.js';
import { applications, documents, files, reviewConfirmations } from '../../src/server/db/schema.js';
import { LocalFileStore } from '../../src/server/storage/local-file-store.js';
import { changesWithoutIdNumbers } from '../../src/server/audit/personal-data.js';
import { presentChanges } from '../../src/server/presenters/review.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { completeForm, insertSubmitted } from '../support/api/submitted-applications.js';
import { scoreableAssignment } from '../support/api/expert-review.js';
import { uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import { inject, insertUser, signInAsNewHolder, useTestApp } from '../support/harness.js';
import { pdf } from '../support/pdf.js';

// Reviewers read the whole 申报书 (issue 13, 5): the department and the province with names, the expert with
// no person named; no reviewer ever receives an ID number. Experts open only the attachments the call lists.

const t = useTestApp();

const ID_NUMBER = '11010519491231002X';
const MEMBER = '赵审阅';
const FOREIGN_PI = 'Reviewer Blindtest';
const LEGAL_REPRESENTATIVE = 'Legal Person Blindtest';
const PI_MOBILE = '13912345678';

let province: string;
let department: string;
let departmentId: string;
let applicationId: string;

function reviewedForm(): Partial<ApplicationForm> {
  const base = completeForm();
  return {
    team: {
      ...base.team,
      pi: { ...base.team!.pi, mobile: PI_MOBILE },
      members: [
        {
          name: MEMBER,
          idType: 'resident-id',
          idNumber: ID_NUMBER,
          organization: '南京测试大学',
          title: '副教授',
          role: '界面表征',
          monthsPerYear: 6,
        },
      ],
      foreignPi: { name: FOREIGN_PI, nationality: 'DE', position: 'Professor' },
    },
    partnerInstitution: { ...base.partnerInstitution, legalRepresentative: LEGAL_REPRESENTATIVE },
    sections: { ...base.sections, researchPlan: '**技术路线**\n\n- 第一步：界面表征\n- 第二步：中试验证' },
  };
}

beforeAll(async () => {
  province = (await insertUser(t, 'province')).cookie;
  const dept = await insertUser(t, 'department');
  department = dept.cookie;
  departmentId = dept.user.departmentId!;
  await t.db.insert(reviewConfirmations).values({
    departmentId,
    callId: PRACTICE_CALL_ID,
    confirmedAt: t.clock.now(),
    confirmedBy: dept.user.id,
    summary: {},
  });
  const row = await insertSubmitted(t.db, t.clock.now(), { departmentId, form: reviewedForm() });
  await t.db.update(applications).set({ status: 'recommended' }).where(eq(applications.id, row.id));
  const accepted = await inject(t.app, {
    method: 'PUT',
    url: `/api/province/formal-review/${row.id}`,
    cookie: province,
    payload: { result: 'accepted' },
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  applicationId = row.id;
});

async function expert() {
  const login = uniqueLogin('expert');
  const response = await inject(t.app, {
    method: 'POST',
    url: '/api/province/experts',
    cookie: province,
    payload: {
      name: `专家${login.slice(-6)}`,
      organizationName: `东南测试研究院${login.slice(-6)}`,
      organizationCreditCode: null,
      fields: ['氢能与新型储能'],
      title: '教授',
      phone: '025-83790000',
      email: 'expert@example.cn',
      account: { login, password: VALID_PASSWORD },
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const { cookie } = await signInAsNewHolder(t.app, login);
  // Assigned in the 函评 round, the invitation accepted: what the expert reads once allowed to score.
  const stage = { t, province, departmentId: '', departmentUserId: '' };
  const assignmentId = await scoreableAssignment(stage, applicationId, {
    id: response.json().expert.id,
    cookie,
  });
  return { cookie, assignmentId };
}

const get = (cookie: string, url: string) => inject(t.app, { method: 'GET', url, cookie });

describe('审核方阅读完整申报书', () => {
  it('主管部门看到各节正文、经费预算表和项目组成员姓名，但收不到证件号码', async () => {
    const detail = await get(department, `/api/review/applications/${applicationId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const { form } = detail.json().item.application;
    expect(form.sections.researchPlan).toContain('**技术路线**');
    expect(form.budgetTable.whole.expenditures.business).toBeGreaterThan(0);
    expect(form.team.members[0]).toEqual({
      name: MEMBER,
      organization: '南京测试大学',
      title: '副教授',
      role: '界面表征',
      monthsPerYear: 6,
    });
    expect(detail.body).not.toContain(ID_NUMBER);
    expect(detail.body).toContain(PI_MOBILE);

    const queue = await get(department, `/api/review/applications?callId=${PRACTICE_CALL_ID}`);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.body).toContain(MEMBER);
    expect(queue.body).not.toContain(ID_NUMBER);
  });

  it('省里的评审页带着申报书内容，有姓名，无证件号码', async () => {
    const detail = await get(province, `/api/province/experts/applications/${applicationId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const { content } = detail.json();
    expect(content.sections.innovations).toBeTruthy();
    expect(content.team.members[0].name).toBe(MEMBER);
    expect(detail.body).not.toContain(ID_NUMBER);
  });

  it('专家看到各节、指标和预算表，但看不到任何人的姓名、联系方式和证件号码', async () => {
    const { cookie, assignmentId } = await expert();
    const detail = await get(cookie, `/api/expert/assignments/${assignmentId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const { content } = detail.json().application;
    expect(content.sections.researchPlan).toContain('- 第二步：中试验证');
    expect(content.indicators).toBeTruthy();
    expect(content.budgetTable.whole.sources.provincial).toBe(800_000);
    expect(content.team.members[0]).toEqual({
      organization: '南京测试大学',
      title: '副教授',
      role: '界面表征',
      monthsPerYear: 6,
    });
    expect(content.team.foreignPi).toEqual({ nationality: 'DE', position: 'Professor' });
    for (const secret of [ID_NUMBER, MEMBER, FOREIGN_PI, LEGAL_REPRESENTATIVE, PI_MOBILE]) {
      expect(detail.body).not.toContain(secret);
    }
    expect(content.partnerInstitution.nameZh).toBeTruthy();
  });

  it('评分表的评审项指向申报书相应部分', async () => {
    const { cookie, assignmentId } = await expert();
    const { criteria } = (await get(cookie, `/api/expert/assignments/${assignmentId}`)).json();
    expect(criteria).toEqual(SCORING_FORMS[4].criteria.map((c) => expect.objectContaining(c)));
    expect(
      Object.fromEntries(criteria.map((c: { id: string; section: string }) => [c.id, c.section])),
    ).toEqual({
      innovation: 'innovations',
      partnership: 'cooperationBasis',
      feasibility: 'researchPlan',
      outcomes: 'indicators',
      budget: 'budgetTable',
    });
  });

  it('重新提交的修改对照中，证件号码只说已修改，不显示号码', () => {
    const view = presentChanges({
      previous: '2026-04-01T10:00:00+08:00',
      current: '2026-04-02T10:00:00+08:00',
      form: [
        { path: 'team.members[0].idNumber', before: ID_NUMBER, after: '320102198001010011' },
        { path: 'team.members[0].name', before: MEMBER, after: '钱审阅' },
      ],
      documents: { added: [], removed: [], replaced: [] },
    });
    expect(JSON.stringify(view)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(view)).not.toContain('320102198001010011');
    expect(view.form[1]).toMatchObject({ before: MEMBER, after: '钱审阅' });
  });

  it('导入更新写入办理记录的修改中，成员的证件号码只记“已修改”', () => {
    const changes = changesWithoutIdNumbers([
      { path: 'form.team.members[0].idNumber', before: ID_NUMBER, after: '320102198001010011' },
      { path: 'form.title', before: '旧', after: '新' },
    ]);
    expect(changes).toEqual([
      { path: 'form.team.members[0].idNumber', changed: true },
      { path: 'form.title', before: '旧', after: '新' },
    ]);
  });
});

describe('专家可查看的附件', () => {
  async function storedAgreement() {
    const bytes = pdf();
    const stored = await new LocalFileStore(join(tmpdir(), 'files')).put(Readable.from(bytes));
    await t.db
      .insert(files)
      .values({ sha256: stored.sha256, size: stored.size, mime: 'application/pdf' })
      .onConflictDoNothing();
    const [agreement] = await t.db
      .update(documents)
      .set({ fileSha256: stored.sha256 })
      .where(and(eq(documents.applicationId, applicationId), eq(documents.kind, 'cooperation-agreement')))
      .returning();
    return { bytes, agreement: agreement! };
  }

  it('只列出评审计划允许专家查看的种类（合作协议），承诺书和申报表不列出也不能下载', async () => {
    const { bytes, agreement } = await storedAgreement();
    const { cookie, assignmentId } = await expert();
    const list = await get(cookie, `/api/expert/assignments/${assignmentId}/documents`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().documents.map((d: { kind: string }) => d.kind)).toEqual(['cooperation-agreement']);
    expect(list.body).not.toContain('合作协议.pdf');

    const file = await get(cookie, `/api/expert/assignments/${assignmentId}/documents/${agreement.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('合作协议'));

    const others = await t.db.select().from(documents).where(eq(documents.applicationId, applicationId));
    for (const other of others.filter((d) => d.kind !== 'cooperation-agreement')) {
      const refused = await get(cookie, `/api/expert/assignments/${assignmentId}/documents/${other.id}/file`);
      expect(refused.statusCode, other.kind).toBe(404);
      expect(refused.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('别的专家的任务、回避之后：列表和下载都答 404', async () => {
    const { agreement } = await storedAgreement();
    const mine = await expert();
    const stranger = await expert();
    const recuse = await inject(t.app, {
      method: 'POST',
      url: `/api/expert/assignments/${stranger.assignmentId}/recuse`,
      cookie: stranger.cookie,
      payload: { reason: '与申报单位有合作' },
    });
    expect(recuse.statusCode, recuse.body).toBe(204);
    for (const cookie of [stranger.cookie, department]) {
      const list = await get(cookie, `/api/expert/assignments/${mine.assignmentId}/documents`);
      expect(list.statusCode).toBe(cookie === department ? 403 : 404);
    }
    for (const url of [
      `/api/expert/assignments/${stranger.assignmentId}/documents`,
      `/api/expert/assignments/${stranger.assignmentId}/documents/${agreement.id}/file`,
      `/api/expert/assignments/${mine.assignmentId}/documents/${agreement.id}/file`,
    ]) {
      const refused = await get(stranger.cookie, url);
      expect(refused.statusCode, url).toBe(404);
      expect(refused.json().error.code).toBe('NOT_FOUND');
    }
    expect(
      (await get(mine.cookie, `/api/expert/assignments/${mine.assignmentId}/documents`)).statusCode,
    ).toBe(200);
  });
});
