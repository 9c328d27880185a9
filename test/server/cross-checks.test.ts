import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBundle } from '../../src/core/bundle/parse.js';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { checkBundle } from '../../src/core/check.js';
import { CrossCheckJob } from '../../src/server/jobs/cross-check.js';
import { createJobRunner } from '../../src/server/jobs/index.js';
import { STALE_AFTER_MS } from '../../src/server/jobs/runner.js';
import { type SimilarPairResult, SimilarityReport } from '../../src/server/jobs/similarity-report.js';
import { registerBatches, registerExternalSubmissions } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import type { CrossCheckRunDto, PairDetail, SimilarPairDto } from '../../src/contract/cross-checks.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import * as f from '../support/factories/bundle.js';
import { insertApplication, insertPerson } from '../support/api/application-rows.js';
import { inject, insertUser, registerUnitAdmin, useTestApp } from '../support/harness.js';
import {
  attachRequiredDocuments,
  completeForm,
  insertSubmitted,
} from '../support/api/submitted-applications.js';

const t = useTestApp();
const silent = { info: () => undefined, error: () => undefined };
const runner = () => createJobRunner({ db: t.db, clock: t.clock, log: silent });

/** Text of `length` code points that shares no trigram with any other text made here. */
let nextBlock = 0;
function uniqueText(length: number): string {
  const base = 0x4e00 + 64 * nextBlock++;
  return String.fromCodePoint(...Array.from({ length }, (_, i) => base + i));
}
const distinctForm = () => completeForm({ title: uniqueText(16), summary: uniqueText(40) });

/** A same-year submission to another department, as the register import leaves it. */
async function insertExternal(
  importedBy: string,
  record: { creditCode: string; piName?: string; title: string; summary?: string },
) {
  const [batch] = await t.db
    .insert(registerBatches)
    .values({
      kind: 'external-submissions',
      callId: PRACTICE_CALL_ID,
      fileName: '外部门申报.xlsx',
      fileSha256: 'b'.repeat(64),
      importedBy,
      importedAt: t.clock.now(),
      rows: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
    })
    .returning();
  await t.db.insert(registerExternalSubmissions).values({
    batchId: batch!.id,
    naturalKey: randomUUID(),
    callId: PRACTICE_CALL_ID,
    department: '省工业和信息化厅',
    program: '省工业和信息化转型升级专项',
    organizationName: '外部门申报单位',
    piName: '',
    summary: '',
    directed: false,
    ...record,
  });
}

async function departmentsOf(kind: string) {
  return (await repositories(t.db).departments.list()).filter((d) => d.kind === kind);
}

async function province() {
  return (await insertUser(t, 'province')).cookie;
}

async function startRun(cookie: string): Promise<CrossCheckRunDto> {
  t.clock.advance(1000);
  const response = await inject(t.app, {
    method: 'POST',
    url: '/api/province/cross-checks/runs',
    cookie,
    payload: { callId: PRACTICE_CALL_ID },
  });
  expect(response.statusCode, response.body).toBe(202);
  return response.json().run;
}

async function get<T>(cookie: string, url: string): Promise<T> {
  const response = await inject(t.app, { method: 'GET', url, cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

const runOf = (cookie: string, id: string) =>
  get<{ run: CrossCheckRunDto }>(cookie, `/api/province/cross-checks/runs/${id}`).then((r) => r.run);

describe('全省交叉核查', () => {
  it('一家企业分别向两个主管部门各报一项：全省核查在两项上都报“同一企业只能申报一项”，并可按部门筛选', async () => {
    const cookie = await province();
    const [first, second] = await departmentsOf('city');
    const at = t.clock.now();
    const one = await insertSubmitted(t.db, at, { departmentId: first!.id, form: distinctForm() });
    const pi = await insertPerson(t.db, one.organizationId, `负责人${randomUUID().slice(0, 6)}`);
    const two = await insertApplication(t.db, {
      callId: PRACTICE_CALL_ID,
      organizationId: one.organizationId,
      piId: pi.id,
      departmentId: second!.id,
      topic: 4,
      status: 'submitted',
      submittedAt: at,
      acceptanceNo: `T-${randomUUID()}`,
      form: distinctForm(),
    });
    const [unitAdmin] = await t.db.query.users.findMany({
      where: (u, { eq }) => eq(u.organizationId, one.organizationId),
    });
    await attachRequiredDocuments(t.db, at, two.id, one.organizationId, unitAdmin!.id);

    const run = await startRun(cookie);
    expect(await runner().runPending()).toBe(1);
    expect((await runOf(cookie, run.id)).status).toBe('done');

    const rule = 'limit.enterprise-one-application';
    type Findings = {
      findings: { application: { id: string } | null; department: { id: string }; severity: string }[];
      rules: { rule: string; count: number }[];
    };
    const all = await get<Findings>(
      cookie,
      `/api/province/cross-checks/findings?callId=${PRACTICE_CALL_ID}&rule=${rule}`,
    );
    const ours = all.findings.filter((x) => [one.id, two.id].includes(x.application?.id ?? ''));
    expect(ours.map((x) => [x.application!.id, x.department.id]).sort()).toEqual(
      [
        [one.id, first!.id],
        [two.id, second!.id],
      ].sort(),
    );
    expect(ours.every((x) => x.severity === 'error')).toBe(true);
    expect(all.rules.find((r) => r.rule === rule)?.count).toBeGreaterThanOrEqual(2);

    const bySecond = await get<Findings>(
      cookie,
      `/api/province/cross-checks/findings?callId=${PRACTICE_CALL_ID}&rule=${rule}&departmentId=${second!.id}&severity=error&topic=4`,
    );
    expect(bySecond.findings.map((x) => x.application?.id)).toContain(two.id);
    expect(bySecond.findings.map((x) => x.application?.id)).not.toContain(one.id);
  });

  it('未提交的草稿计入限额但不列入核查结果和相似度报告；它引起的问题不提其名称', async () => {
    const cookie = await province();
    const [first, second] = await departmentsOf('city');
    const text = uniqueText(30);
    const submitted = await insertSubmitted(t.db, t.clock.now(), {
      departmentId: first!.id,
      form: { title: uniqueText(16), summary: text },
    });
    const draftTitle = uniqueText(16);
    const draft = await insertApplication(t.db, {
      callId: PRACTICE_CALL_ID,
      organizationId: submitted.organizationId,
      piId: (await insertPerson(t.db, submitted.organizationId, `负责人${randomUUID().slice(0, 6)}`)).id,
      departmentId: second!.id,
      topic: 4,
      form: completeForm({ title: draftTitle, summary: text }),
    });
    await startRun(cookie);
    await runner().runPending();

    type Listing = { application: { id: string } | null; rule: string; message: string };
    const { findings } = await get<{ findings: Listing[] }>(
      cookie,
      `/api/province/cross-checks/findings?callId=${PRACTICE_CALL_ID}&limit=500`,
    );
    expect(findings.filter((x) => x.application?.id === draft.id)).toEqual([]);
    const limit = findings.filter(
      (x) => x.application?.id === submitted.id && x.rule === 'limit.enterprise-one-application',
    );
    expect(limit).toHaveLength(1);
    expect(limit[0]!.message).toContain('另有 1 项申报（其他主管部门，未提交）');
    expect(limit[0]!.message).not.toContain(draftTitle);

    const { pairs } = await get<{ pairs: SimilarPairDto[] }>(
      cookie,
      `/api/province/cross-checks/pairs?callId=${PRACTICE_CALL_ID}&limit=500`,
    );
    expect(pairs.flatMap((p) => [p.a.applicationId, p.b.applicationId])).not.toContain(draft.id);
  });

  it('不同申报人的近似项目进入相似度报告、重合文字高亮，但不报重复申报错误', async () => {
    const cookie = await province();
    const [department] = await departmentsOf('city');
    const original = uniqueText(30);
    const nearCopy = original.slice(0, 22) + uniqueText(8);
    const a = await insertSubmitted(t.db, t.clock.now(), {
      departmentId: department!.id,
      form: { title: uniqueText(16), summary: original },
    });
    const b = await insertSubmitted(t.db, t.clock.now(), {
      departmentId: department!.id,
      form: { title: uniqueText(16), summary: nearCopy },
    });
    await startRun(cookie);
    await runner().runPending();

    const report = await get<{ pairs: SimilarPairDto[] }>(
      cookie,
      `/api/province/cross-checks/pairs?callId=${PRACTICE_CALL_ID}&rule=none&limit=500`,
    );
    const pair = report.pairs.find(
      (p) => [p.a.applicationId, p.b.applicationId].sort().join() === [a.id, b.id].sort().join(),
    );
    expect(pair).toBeDefined();
    expect(pair!.rule).toBeNull();
    expect(pair!.summaryShare).toBeCloseTo(20 / 28);
    expect(pair!.share).toBe(pair!.summaryShare);
    expect(pair!.a.kind).toBe('application');

    const detail = await get<PairDetail>(cookie, `/api/province/cross-checks/pairs/${pair!.id}`);
    const [left, right] = pair!.a.applicationId === a.id ? [original, nearCopy] : [nearCopy, original];
    expect(detail.summary.a).toBe(left);
    expect(detail.summary.spansA).toEqual([{ start: 0, end: 22 }]);
    expect(detail.summary.spansB).toEqual([{ start: 0, end: 22 }]);
    expect(detail.summary.b).toBe(right);
    expect(detail.title.spansA).toEqual([]);

    const findings = await get<{ findings: { application: { id: string } | null; rule: string }[] }>(
      cookie,
      `/api/province/cross-checks/findings?callId=${PRACTICE_CALL_ID}&limit=500`,
    );
    const onPair = findings.findings.filter((x) => [a.id, b.id].includes(x.application?.id ?? ''));
    expect(onPair.map((x) => x.rule)).not.toContain('duplicate.same-project');
  });

  it('导入的外部门申报：同一单位的重复申报报错误，不同单位的同名项目只进相似度报告', async () => {
    const { cookie, user } = await insertUser(t, 'province');
    const [department] = await departmentsOf('city');
    const title = uniqueText(20);
    const app = await insertSubmitted(t.db, t.clock.now(), {
      departmentId: department!.id,
      form: { title, summary: uniqueText(40) },
    });
    const [organization] = await t.db.query.organizations.findMany({
      where: (o, { eq }) => eq(o.id, app.organizationId),
    });
    await insertExternal(user.id, { creditCode: organization!.creditCode, title });
    const stranger = f.creditCode(777_001);
    await insertExternal(user.id, { creditCode: stranger, title });
    await startRun(cookie);
    await runner().runPending();

    const findings = await get<{ findings: { application: { id: string } | null; rule: string }[] }>(
      cookie,
      `/api/province/cross-checks/findings?callId=${PRACTICE_CALL_ID}&rule=duplicate.same-project&limit=500`,
    );
    expect(findings.findings.filter((x) => x.application?.id === app.id)).toHaveLength(1);
    const pairs = await get<{ pairs: SimilarPairDto[] }>(
      cookie,
      `/api/province/cross-checks/pairs?callId=${PRACTICE_CALL_ID}&minShare=1&limit=500`,
    );
    const ours = pairs.pairs.filter((p) => p.a.applicationId === app.id);
    expect(ours.map((p) => [p.b.kind, p.b.creditCode, p.rule]).sort()).toEqual(
      [
        ['external', organization!.creditCode, 'duplicate.same-project'],
        ['external', stranger, null],
      ].sort(),
    );
  });

  it('核查在后台排队、运行，进度到达总数，并记入审计日志', async () => {
    const cookie = await province();
    const [department] = await departmentsOf('city');
    await insertSubmitted(t.db, t.clock.now(), { departmentId: department!.id, form: distinctForm() });
    const queued = await startRun(cookie);
    expect(queued).toMatchObject({ status: 'queued', progress: { done: 0, total: 0 }, startedAt: null });

    const again = await inject(t.app, {
      method: 'POST',
      url: '/api/province/cross-checks/runs',
      cookie,
      payload: { callId: PRACTICE_CALL_ID },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().run.id).toBe(queued.id);

    await runner().runPending();
    const done = await runOf(cookie, queued.id);
    const live = (await repositories(t.db).crossChecks.receivedApplications(PRACTICE_CALL_ID)).length;
    expect(done).toMatchObject({ status: 'done', phase: null, attempts: 1 });
    expect(done.progress).toEqual({ done: 2 * live, total: 2 * live });
    expect(done.summary!.applications).toBe(live);
    expect(done.finishedAt).not.toBeNull();

    const audit = await repositories(t.db).audit.list({ entityId: queued.id, limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['cross-check.completed', 'cross-check.requested']);
  });

  it('第二次核查完成后取代第一次：结果换成第二次的，第一次的相似对不再可查', async () => {
    const cookie = await province();
    const [department] = await departmentsOf('city');
    const text = uniqueText(30);
    await insertSubmitted(t.db, t.clock.now(), { departmentId: department!.id, form: { summary: text } });
    await insertSubmitted(t.db, t.clock.now(), { departmentId: department!.id, form: { summary: text } });
    const first = await startRun(cookie);
    await runner().runPending();
    const firstPairs = await get<{ pairs: SimilarPairDto[] }>(
      cookie,
      `/api/province/cross-checks/pairs?callId=${PRACTICE_CALL_ID}&minShare=1&limit=500`,
    );
    expect(firstPairs.pairs.length).toBeGreaterThan(0);

    await insertSubmitted(t.db, t.clock.now(), { departmentId: department!.id, form: distinctForm() });
    const second = await startRun(cookie);
    await runner().runPending();

    const runs = await get<{ runs: CrossCheckRunDto[]; currentRunId: string }>(
      cookie,
      `/api/province/cross-checks/runs?callId=${PRACTICE_CALL_ID}`,
    );
    expect(runs.currentRunId).toBe(second.id);
    expect(runs.runs.find((r) => r.id === first.id)!.superseded).toBe(true);
    expect(runs.runs.find((r) => r.id === second.id)!.superseded).toBe(false);

    const findings = await get<{ run: CrossCheckRunDto; findings: { application: { id: string } | null }[] }>(
      cookie,
      `/api/province/cross-checks/findings?callId=${PRACTICE_CALL_ID}&limit=500`,
    );
    expect(findings.run.id).toBe(second.id);
    expect(findings.run.summary!.applications).toBe(
      (await runOf(cookie, first.id)).summary!.applications + 1,
    );
    const gone = await inject(t.app, {
      method: 'GET',
      url: `/api/province/cross-checks/pairs/${firstPairs.pairs[0]!.id}`,
      cookie,
    });
    expect(gone.statusCode).toBe(404);
  });

  it('认领核查的实例失联（心跳过期）后，另一实例接管并完成；失联实例的写入被拒', async () => {
    const cookie = await province();
    const run = await startRun(cookie);
    const repos = repositories(t.db);
    const claimed = await repos.crossChecks.claimNext('dead-instance', t.clock.now(), t.clock.now());
    expect(claimed).toMatchObject({ id: run.id, status: 'running', claimedBy: 'dead-instance', attempts: 1 });

    const other = runner();
    expect(await other.runPending()).toBe(0);
    expect(await runOf(cookie, run.id)).toMatchObject({ status: 'running', attempts: 1 });

    t.clock.advance(STALE_AFTER_MS + 1000);
    expect(await other.runPending()).toBe(1);
    expect(await runOf(cookie, run.id)).toMatchObject({ status: 'done', attempts: 2 });
    expect((await repos.crossChecks.findRun(run.id))!.claimedBy).toBe(other.instance);
    const fenced = await t.db.transaction((tx) =>
      repositories(tx).crossChecks.lockClaimed(run.id, 'dead-instance'),
    );
    expect(fenced).toBeUndefined();
  });

  it('实例停止时把进行中的核查交还队列，由下一个实例完成', async () => {
    const cookie = await province();
    const run = await startRun(cookie);
    const stopping = new AbortController();
    stopping.abort();
    const job = new CrossCheckJob(t.db, t.clock, silent);
    const lease = {
      instance: 'stopping-instance',
      signal: stopping.signal,
      staleBefore: () => t.clock.now(),
    };
    expect(await job.runNext(lease)).toBe(true);
    expect(await runOf(cookie, run.id)).toMatchObject({ status: 'queued', attempts: 1 });
    await runner().runPending();
    expect(await runOf(cookie, run.id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  describe('只有省级用户可以核查', () => {
    const urls = [
      ['POST', '/api/province/cross-checks/runs'],
      ['GET', `/api/province/cross-checks/runs?callId=${PRACTICE_CALL_ID}`],
      ['GET', `/api/province/cross-checks/runs/${randomUUID()}`],
      ['GET', `/api/province/cross-checks/findings?callId=${PRACTICE_CALL_ID}`],
      ['GET', `/api/province/cross-checks/pairs?callId=${PRACTICE_CALL_ID}`],
      ['GET', `/api/province/cross-checks/pairs/${randomUUID()}`],
    ] as const;

    it.each(urls)('%s %s：未登录 401，主管部门、申报单位、专家 403', async (method, url) => {
      const payload = method === 'POST' ? { callId: PRACTICE_CALL_ID } : undefined;
      const anonymous = await inject(t.app, { method, url, ...(payload ? { payload } : {}) });
      expect(anonymous.statusCode).toBe(401);
      const cookies = [
        (await insertUser(t, 'department')).cookie,
        (await insertUser(t, 'expert')).cookie,
        (await registerUnitAdmin(t)).cookie,
      ];
      for (const cookie of cookies) {
        const response = await inject(t.app, { method, url, cookie, ...(payload ? { payload } : {}) });
        expect(response.statusCode, response.body).toBe(403);
      }
    });

    it('不存在的计划或核查答 404，缺少计划答 400', async () => {
      const cookie = await province();
      const unknownCall = await inject(t.app, {
        method: 'POST',
        url: '/api/province/cross-checks/runs',
        cookie,
        payload: { callId: 'NO-SUCH-CALL' },
      });
      expect(unknownCall.statusCode).toBe(404);
      const unknownRun = await inject(t.app, {
        method: 'GET',
        url: `/api/province/cross-checks/runs/${randomUUID()}`,
        cookie,
      });
      expect(unknownRun.statusCode).toBe(404);
      const noCall = await inject(t.app, {
        method: 'GET',
        url: '/api/province/cross-checks/findings',
        cookie,
      });
      expect(noCall.statusCode).toBe(400);
    });
  });
});

describe('相似度报告与核心规则一致', () => {
  const same = f.externalSubmission({
    creditCode: f.organization().creditCode,
    title: '国际合作项目a1：面向先进制造的联合研发',
  });
  const stranger = f.externalSubmission({
    creditCode: f.creditCode(4242),
    title: '国际合作项目a1：面向先进制造的联合研发',
  });
  const parsed = parseBundle(f.bundle({ externalSubmissions: [same, stranger] }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  let pairs: SimilarPairResult[];
  beforeAll(async () => {
    pairs = (await SimilarityReport.create(parsed.bundle, JS_INTL_2026)).pairsOf(0, 1);
  });

  it('同一申报单位的外部门申报：报告标为 duplicate.same-project，与核心的错误一致', () => {
    const pair = pairs.find((p) => p.b.creditCode === same.creditCode)!;
    expect(pair).toMatchObject({ share: 1, titleShare: 1, rule: 'duplicate.same-project' });
    const report = checkBundle(parsed.bundle, JS_INTL_2026);
    expect(report.applications[0]!.findings.filter((x) => x.rule === 'duplicate.same-project')).toHaveLength(
      1,
    );
  });

  it('不同申报单位、不同负责人的外部门申报：进入报告但不属任何规则', () => {
    const pair = pairs.find((p) => p.b.creditCode === stranger.creditCode)!;
    expect(pair).toMatchObject({ share: 1, rule: null, b: { kind: 'external', program: '省重点研发计划' } });
  });

  it('建索引分段进行：其间事件循环照常处理别的请求，结果不变', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('另一个请求'));
    const report = await SimilarityReport.create(parsed.bundle, JS_INTL_2026);
    order.push('报告建成');
    expect(order).toEqual(['另一个请求', '报告建成']);
    expect(report.pairsOf(0, 1)).toEqual(pairs);
  });
});
