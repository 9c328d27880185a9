import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import type { Principal } from '../../src/server/principal.js';
import {
  auditLog,
  documents,
  outbox,
  registerBatches,
  registerOngoingProjects,
} from '../../src/server/db/schema.js';
import { inTransaction, repositories } from '../../src/server/repositories/index.js';
import { BundleService } from '../../src/server/services/bundles.js';
import { CallService } from '../../src/server/services/calls.js';
import { assignProjectNumber, ContractService } from '../../src/server/services/contracts.js';
import { insertApplication } from '../support/api/application-rows.js';
import { acceptedApplication, reviewStage } from '../support/api/expert-review.js';
import { ownCall } from '../support/api/own-calls-and-departments.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { randomUuid } from '../support/factories/random.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';
import { pdfText } from '../support/pdf-text.js';

// After the 立项决定 (issue 14 §9): the 立项通知书, the contract stage, 已签约 and the 在研项目 register, the approved
// list for finance.

const t = useTestApp();

// The 公示 published on 2026-12-28 runs to 2027-01-04 (five working days); the contract stage opens after it.
const PUBLISHED = '2026-12-28T09:00:00+08:00';
const AFTER_PERIOD = '2027-01-05T09:00:00+08:00';
const PROJECT_NO = /^BZ2026\d{3,}$/;

/** An approved project (60 万元 of the 80 万元 asked) of a call of the test's own, its 公示 over, in the contract stage. */
async function inContractStage({ enter = true } = {}) {
  t.clock.set(PUBLISHED);
  const callId = await ownCall(t);
  const stage = await reviewStage(t, callId);
  const application = await acceptedApplication(stage, {}, callId);
  const decided = await inject(t.app, {
    method: 'PUT',
    url: `/api/province/decisions/${application.id}`,
    cookie: stage.province,
    payload: { outcome: 'approved', funding: 600_000, reason: '同意立项，调减经费' },
  });
  expect(decided.statusCode, decided.body).toBe(200);
  const created = await inject(t.app, {
    method: 'POST',
    url: '/api/province/announcements',
    cookie: stage.province,
    payload: { callId },
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await inject(t.app, {
    method: 'POST',
    url: `/api/province/announcements/${created.json().announcement.id}/publish`,
    cookie: stage.province,
  });
  expect(published.statusCode, published.body).toBe(200);

  t.clock.set(AFTER_PERIOD);
  const province = (await insertUser(t, 'province')).cookie;
  const w = {
    callId,
    application,
    province,
    cooperation: (await insertUser(t, 'province', { duties: ['cooperation'] })).cookie,
    center: (await insertUser(t, 'province', { duties: ['center'] })).cookie,
    admin: await insertUser(t, 'unit-admin', { organizationId: application.organizationId }),
    pi: (
      await insertUser(t, 'pi', { organizationId: application.organizationId, personId: application.piId })
    ).cookie,
    stranger: (await insertUser(t, 'unit-admin', { organizationId: (await otherOrganization(stage)).id }))
      .cookie,
    contract: (cookie = province) =>
      inject(t.app, { method: 'GET', url: `/api/province/contracts/${application.id}`, cookie }),
    applicantView: (cookie: string) =>
      inject(t.app, { method: 'GET', url: `/api/applications/${application.id}/contract`, cookie }),
    adjust: (payload: object, cookie = province) =>
      inject(t.app, {
        method: 'PUT',
        url: `/api/province/contracts/${application.id}/basics`,
        cookie,
        payload,
      }),
    confirm: (version: number, cookie?: string) =>
      inject(t.app, {
        method: 'POST',
        url: `/api/applications/${application.id}/contract/confirm`,
        cookie: cookie ?? w.admin.cookie,
        payload: { version },
      }),
    sign: (startsOn: string, cookie = province) =>
      inject(t.app, {
        method: 'POST',
        url: `/api/province/contracts/${application.id}/sign`,
        cookie,
        payload: { startsOn },
      }),
    recordPaper: () =>
      inject(t.app, {
        method: 'POST',
        url: '/api/province/paper/receipts',
        cookie: province,
        payload: {
          callId,
          kind: 'funded-copy',
          applicationId: application.id,
          copies: 1,
          receivedAt: AFTER_PERIOD,
          receiver: '王收件',
        },
      }),
    notice: (cookie: string) =>
      inject(t.app, { method: 'GET', url: `/api/applications/${application.id}/award-notice`, cookie }),
  };
  if (enter) {
    const entered = await inject(t.app, {
      method: 'POST',
      url: `/api/province/decisions/${application.id}/contract-stage`,
      cookie: province,
    });
    expect(entered.statusCode, entered.body).toBe(200);
  }
  return w;
}

async function otherOrganization(stage: Awaited<ReturnType<typeof reviewStage>>) {
  const other = await insertSubmitted(t.db, t.clock.now(), { departmentId: stage.departmentId });
  return { id: other.organizationId };
}

/** The basics with the 省拨款 at the approved 60 万元 and 业务费 lowered by the 20 万元 cut, so both sides balance. */
function cutToFunding(basics: {
  budget: { sources: Record<string, number>; expenditures: Record<string, number> };
}) {
  return {
    ...basics,
    budget: {
      sources: { ...basics.budget.sources, provincial: 600_000 },
      expenditures: {
        ...basics.budget.expenditures,
        business: basics.budget.expenditures.business! - 200_000,
      },
    },
  };
}

/** Confirms, records the paper and puts the budget at the approved funding: everything signing needs. */
async function ready(w: Awaited<ReturnType<typeof inContractStage>>) {
  const current = (await w.contract()).json().contract;
  const adjusted = await w.adjust({ basics: cutToFunding(current.basics), version: current.basicsVersion });
  expect(adjusted.statusCode, adjusted.body).toBe(200);
  expect((await w.confirm(adjusted.json().contract.basicsVersion)).statusCode).toBe(200);
  expect((await w.recordPaper()).statusCode).toBe(201);
}

describe('立项通知书', () => {
  it('载明项目编号、万元计的资助经费与通知书条件；承担单位与省里可下载，其他单位 404', async () => {
    const w = await inContractStage({ enter: false });
    const response = await w.notice(w.admin.cookie);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const { text } = await pdfText(response.rawPayload);
    const flat = text.replace(/\s+/g, '');
    const projectNo = /BZ2026\d{3,}/.exec(flat)?.[0];
    expect(projectNo).toMatch(PROJECT_NO);
    expect(flat).toContain('60.00万元');
    expect(flat).toContain('2026年7月至2028年6月');
    for (const condition of JS_INTL_2026.award.value.conditions)
      expect(flat).toContain(condition.replace(/\s+/g, ''));
    expect(flat).toContain(JS_INTL_2026.award.value.issuer);
    expect(flat).toContain('2026年12月28日');

    // The number is assigned once: the province's copy and the contract carry the same.
    const again = await pdfText((await w.notice(w.province)).rawPayload);
    expect(again.text.replace(/\s+/g, '')).toContain(projectNo);
    expect((await w.notice(w.pi)).statusCode).toBe(200);
    expect((await w.notice(w.stranger)).statusCode).toBe(404);
    const expert = (await insertUser(t, 'expert')).cookie;
    expect((await w.notice(expert)).statusCode).toBe(403);
    const entered = await inject(t.app, {
      method: 'POST',
      url: `/api/province/decisions/${w.application.id}/contract-stage`,
      cookie: w.province,
    });
    expect(entered.statusCode).toBe(200);
    expect((await w.contract()).json().contract.projectNo).toBe(projectNo);
  });

  it('未经公示立项的项目没有立项通知书（404）', async () => {
    t.clock.set(PUBLISHED);
    const stage = await reviewStage(t, await ownCall(t));
    const application = await acceptedApplication(stage);
    const response = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${application.id}/award-notice`,
      cookie: stage.province,
    });
    expect(response.statusCode).toBe(404);
  });

  it('服务直接调用时，其他角色与其他单位同样答 404', async () => {
    const w = await inContractStage();
    const service = new ContractService(
      t.db,
      repositories(t.db),
      t.clock,
      new CallService(repositories(t.db), t.clock),
    );
    const callers: Principal[] = [
      { role: 'expert', userId: randomUuid() },
      { role: 'department', userId: randomUuid(), departmentId: randomUuid(), duties: [] },
      { role: 'unit-admin', userId: randomUuid(), organizationId: randomUuid() },
    ];
    for (const caller of callers) {
      await expect(service.notice(caller, w.application.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(service.forApplicant(caller, w.application.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(service.confirm(caller, w.application.id, { version: 1 })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });
});

describe('项目编号', () => {
  it('并发分配时每个项目一个编号，互不重复；同一项目再次分配仍是原编号', async () => {
    const callId = await ownCall(t);
    const stage = await reviewStage(t, callId);
    const rows = await Promise.all(
      Array.from({ length: 6 }, () =>
        insertSubmitted(t.db, t.clock.now(), { departmentId: stage.departmentId, callId }),
      ),
    );
    const call = await new CallService(repositories(t.db), t.clock).require(callId);
    const assign = (id: string) =>
      inTransaction(t.db, (repos) => assignProjectNumber(repos, call, id, t.clock.now()));
    const ids = [...rows.map((r) => r.id), rows[0]!.id, rows[1]!.id];
    const numbers = await Promise.all(ids.map(assign));
    for (const n of numbers) expect(n).toMatch(PROJECT_NO);
    expect(new Set(numbers.slice(0, 6)).size).toBe(6);
    expect(numbers[6]).toBe(numbers[0]);
    expect(numbers[7]).toBe(numbers[1]);
  });
});

describe('任务书', () => {
  it('列出与申报书的差异；调整后须承担单位确认，确认后再调整须重新确认', async () => {
    const w = await inContractStage();
    const first = (await w.contract()).json().contract;
    expect(first.status).toBe('in-progress');
    expect(first.projectNo).toMatch(PROJECT_NO);
    expect(first.lines.filter((l: { changed: boolean }) => l.changed)).toEqual([]);
    expect(first.missing.join()).toContain('省拨款（80.00 万元）与立项资助经费（60.00 万元）不一致');
    expect(first.missing.join()).toContain('承担单位尚未确认任务书');

    const adjusted = await w.adjust({ basics: cutToFunding(first.basics), version: 1 });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    const lines = adjusted.json().contract.lines.filter((l: { changed: boolean }) => l.changed);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          label: '省拨款',
          applied: '80.00 万元',
          adjusted: '60.00 万元',
          difference: '-20.00 万元',
        }),
        expect.objectContaining({ label: '业务费', difference: '-20.00 万元' }),
        expect.objectContaining({ label: '经费来源合计', difference: '-20.00 万元' }),
      ]),
    );
    // A change made on an older version is refused: it would undo what the other saw.
    expect((await w.adjust({ basics: first.basics, version: 1 })).statusCode).toBe(409);
    // The budget must balance and carry the approved funding.
    const unbalanced = await w.adjust({
      basics: {
        ...first.basics,
        budget: { ...first.basics.budget, sources: cutToFunding(first.basics).budget.sources },
      },
      version: 2,
    });
    expect(unbalanced.statusCode).toBe(400);
    expect(unbalanced.json().error.message).toContain('经费支出合计');

    // The applicant sees the differences; the PI may read but not confirm; the unit admin confirms what it saw.
    const seen = await w.applicantView(w.pi);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().contract.lines.some((l: { changed: boolean }) => l.changed)).toBe(true);
    expect((await w.confirm(2, w.pi)).statusCode).toBe(403);
    expect((await w.confirm(1)).statusCode).toBe(409);
    const confirmed = await w.confirm(2);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().contract).toMatchObject({ confirmed: true, confirmedVersion: 2 });
    expect(confirmed.json().contract.steps[0]).toMatchObject({ step: 'basics', done: true });

    // A change after confirmation asks for confirmation again.
    const basics = confirmed.json().contract.basics;
    const again = await w.adjust({
      basics: { ...basics, indicators: { ...basics.indicators, papers: basics.indicators.papers + 2 } },
      version: 2,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().contract).toMatchObject({ confirmed: false, basicsVersion: 3, confirmedVersion: 2 });
    expect(again.json().contract.missing.join()).toContain('须承担单位重新确认');
    expect(again.json().contract.lines.find((l: { key: string }) => l.key === 'papers').difference).toBe(
      '+2 篇',
    );
    const messages = await t.db.select().from(outbox).where(eq(outbox.userId, w.admin.user.id));
    expect(messages.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('请确认任务书'),
        expect.stringContaining('请重新确认'),
      ]),
    );
    expect((await w.confirm(3)).json().contract.confirmed).toBe(true);
  });

  it('只有对外合作处（或管理员）可调整任务书和签约；项目管理中心 403', async () => {
    const w = await inContractStage();
    const current = (await w.contract()).json().contract;
    const body = { basics: cutToFunding(current.basics), version: 1 };
    const refused = await w.adjust(body, w.center);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('MISSING_DUTY');
    expect((await w.sign('2027-01-06', w.center)).json().error.code).toBe('MISSING_DUTY');
    expect((await w.adjust(body, w.cooperation)).statusCode).toBe(200);
    expect((await w.adjust(body, w.admin.cookie)).statusCode).toBe(403);
    expect((await w.applicantView(w.stranger)).statusCode).toBe(404);
    expect((await w.confirm(2, w.stranger)).statusCode).toBe(404);
  });
});

describe('签约', () => {
  it('缺任务书确认、纸质装订本时拒绝并列出所缺；齐全后以开始日期签约，并列入在研项目名录', async () => {
    const w = await inContractStage();
    const refused = await w.sign('2027-01-06');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONTRACT_INCOMPLETE');
    expect(refused.json().error.message).toContain('承担单位尚未确认任务书');
    expect(refused.json().error.message).toContain('纸质申报书装订本尚未收齐（应交 1 份，已收 0 份');

    await ready(w);
    const listed = (await w.contract()).json().contract;
    expect(listed).toMatchObject({ status: 'ready', missing: [], paper: { copies: 1, received: 1 } });

    const early = await w.sign('2026-12-01');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toMatchObject({ path: 'startsOn' });
    expect(early.json().error.message).toContain('不能早于立项日期');
    const late = await w.sign('2028-07-01');
    expect(late.json().error.message).toContain('不能晚于申报书执行期');

    const signed = await w.sign('2027-01-06');
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().contract).toMatchObject({
      status: 'signed',
      statusLabel: '已签约',
      startsOn: '2027-01-06',
      endsOn: '2028-06-30',
    });
    expect((await w.sign('2027-01-07')).statusCode).toBe(409);
    expect((await w.adjust({ basics: signed.json().contract.basics, version: 2 })).statusCode).toBe(409);

    const [record] = await t.db
      .select()
      .from(registerOngoingProjects)
      .where(eq(registerOngoingProjects.projectNo, signed.json().contract.projectNo));
    expect(record).toMatchObject({ program: 'intl-coop', startsOn: '2027-01-06', endsOn: '2028-06-30' });
    const [batch] = await t.db.select().from(registerBatches).where(eq(registerBatches.id, record!.batchId));
    expect(batch!.fileName).toContain('本平台合同签订');
    const messages = await t.db.select().from(outbox).where(eq(outbox.userId, w.admin.user.id));
    expect(messages.some((m) => m.subject.startsWith('项目已签约'))).toBe(true);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.entityId, w.application.id));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'contract.number-assigned',
        'contract.opened',
        'contract.basics-adjusted',
        'contract.basics-confirmed',
        'contract.signed',
      ]),
    );
  });

  it('正式合作协议缺失时签约也被拒绝，列明合作方', async () => {
    const w = await inContractStage();
    await ready(w);
    await t.db
      .update(documents)
      .set({ kind: 'letter-of-intent' })
      .where(and(eq(documents.applicationId, w.application.id), eq(documents.kind, 'cooperation-agreement')));
    const refused = await w.sign('2027-01-06');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('须上传正式合作协议');
    expect(refused.json().error.message).toContain('Fraunhofer-Institut');
  });

  it('签约后，同一单位、同一负责人在以后的申报计划中的申报按在研项目规则判断', async () => {
    const w = await inContractStage();
    const later = await ownCall(t);
    const call = await new CallService(repositories(t.db), t.clock).require(later);
    const draft = await insertApplication(t.db, {
      callId: later,
      organizationId: w.application.organizationId,
      piId: w.application.piId,
      departmentId: w.application.departmentId,
      topic: 4,
      form: w.application.form,
    });
    const rules = async () => {
      const { report } = await new BundleService(repositories(t.db)).judge(
        call.parameters,
        [draft],
        t.clock.now(),
      );
      return report.applications.find((a) => a.id === draft.id)!.findings.map((f) => f.rule);
    };
    expect(await rules()).not.toContain('limit.enterprise-ongoing');
    expect(await rules()).not.toContain('limit.pi-ongoing');
    await ready(w);
    expect((await w.sign('2027-01-06')).statusCode).toBe(200);
    // Judged once the project has started: it is in its 执行期 (2027-01-06 to 2028-06-30).
    t.clock.set('2027-03-01T09:00:00+08:00');
    expect(await rules()).toEqual(expect.arrayContaining(['limit.enterprise-ongoing', 'limit.pi-ongoing']));
  });
});

describe('立项项目清单（xlsx）', () => {
  it('每个立项项目一行：项目编号、承担单位、信用代码、万元计的经费、执行期、合同状态', async () => {
    const w = await inContractStage();
    const response = await inject(t.app, {
      method: 'GET',
      url: `/api/province/contracts/approved-list.xlsx?callId=${w.callId}`,
      cookie: w.center,
    });
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(2).values as string[]).slice(1);
    expect(header).toEqual([
      '项目编号',
      '项目名称',
      '承担单位',
      '统一社会信用代码',
      '项目负责人',
      '专题',
      '省拨经费（万元）',
      '执行期',
      '合同状态',
      '项目开始日期（签约）',
    ]);
    const row = (sheet.getRow(3).values as unknown[]).slice(1);
    const contract = (await w.contract()).json().contract;
    expect(row[0]).toBe(contract.projectNo);
    expect(row[2]).toBe(contract.organizationName);
    expect(row[3]).toMatch(/^[0-9A-Z]{18}$/);
    expect(row[6]).toBe(60);
    expect(row[7]).toBe('2026-07 至 2028-06');
    expect(row[8]).toBe('合同签订中');
    expect((sheet.getRow(4).values as unknown[])[1]).toBe('合计');

    expect(
      (
        await inject(t.app, {
          method: 'GET',
          url: `/api/province/contracts/approved-list.xlsx?callId=${w.callId}`,
          cookie: w.admin.cookie,
        })
      ).statusCode,
    ).toBe(403);
  });
});
