import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { streamOf } from '../../src/core/calls/parameters.js';
import { verifyChain } from '../../src/server/audit/chain.js';
import { loadConfig } from '../../src/server/config.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.js';
import { OTHER_EXPERTS } from '../../src/server/seed/experts.js';
import { createServices } from '../../src/server/services/index.js';
import { inject, login, useTestApp } from '../support/harness.js';

const t = useTestApp();

const demoServices = () =>
  // The app under test keeps its receipt key in the temp directory: the demo must sign with the same one.
  createServices({
    db: t.db,
    clock: t.clock,
    config: loadConfig({ DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' }),
  });

// Seeding takes long: the file's tests share one seed, whichever runs first.
let seeded: ReturnType<typeof seedDemo> | undefined;
const demoAccounts = () => (seeded ??= seedDemo(t.db, demoServices(), t.clock.now()));

describe('演示数据', () => {
  it('写入各角色账号和不同状态的申报书，重复运行不重复写入', async () => {
    const services = demoServices();
    const accounts = await demoAccounts();
    expect(new Set(accounts.map((a) => a.role))).toEqual(
      new Set(['unit-admin', 'pi', 'department', 'province', 'expert']),
    );
    expect(await seedDemo(t.db, services, t.clock.now())).toEqual(accounts);

    for (const account of accounts)
      expect(await login(t.app, account.login, DEMO_PASSWORD)).toMatch(/^shenbao_session=/);

    const enterprise = await login(t.app, 'demo-qiye', DEMO_PASSWORD);
    const [draft] = (
      await inject(t.app, { method: 'GET', url: '/api/applications', cookie: enterprise })
    ).json().applications;
    expect(draft.status).toBe('draft');
    const detail = (
      await inject(t.app, { method: 'GET', url: `/api/applications/${draft.id}`, cookie: enterprise })
    ).json();
    expect(detail.evaluation.findings.map((f: { rule: string }) => f.rule)).toContain('budget.cap');
    // Its 申报书 is written in full: only the cap and the documents keep it from being submitted.
    expect(detail.evaluation.missing).toEqual([]);
    expect(detail.application.form.sections.researchPlan).toContain('振动抑制');

    const university = await login(t.app, 'demo-daxue', DEMO_PASSWORD);
    const [submitted] = (
      await inject(t.app, { method: 'GET', url: '/api/applications', cookie: university })
    ).json().applications;
    expect(submitted.status).toBe('submitted');
    const receipt = (
      await inject(t.app, {
        method: 'GET',
        url: `/api/applications/${submitted.id}/receipt`,
        cookie: university,
      })
    ).json().receipt;
    expect(receipt.payload.documents).toHaveLength(7);
    const verified = await inject(t.app, {
      method: 'POST',
      url: '/api/receipts/verify',
      payload: { payload: receipt.payload, signature: receipt.signature },
    });
    expect(verified.json().valid).toBe(true);

    // 东南大学 reads its partner's correction beside the declared answer, and the rules judge the partner's word.
    const dongda = await login(t.app, 'demo-dongda', DEMO_PASSWORD);
    const confirmation = (
      await inject(t.app, {
        method: 'GET',
        url: `/api/applications/${submitted.id}/partner-confirmation`,
        cookie: dongda,
      })
    ).json();
    expect(confirmation.links[0]).toMatchObject({
      state: 'corrected',
      mark: expect.stringMatching(/^经合作方确认/),
    });
    expect(
      confirmation.links[0].facts.filter(
        (f: { declared: boolean; confirmed: boolean }) => f.declared !== f.confirmed,
      ),
    ).toEqual([expect.objectContaining({ fact: 'piAffiliated', declared: true, confirmed: false })]);
    const judged = (
      await inject(t.app, { method: 'GET', url: `/api/applications/${submitted.id}`, cookie: university })
    ).json();
    expect(judged.evaluation.findings.map((f: { rule: string }) => f.rule)).toContain(
      'partner.pi-not-affiliated',
    );
    const institute = await login(t.app, 'demo-yanjiusuo', DEMO_PASSWORD);
    const [hongKong] = (
      await inject(t.app, { method: 'GET', url: '/api/applications', cookie: institute })
    ).json().applications;
    const confirmed = (
      await inject(t.app, {
        method: 'GET',
        url: `/api/applications/${hongKong.id}/partner-confirmation`,
        cookie: await login(t.app, 'demo-suzhou', DEMO_PASSWORD),
      })
    ).json();
    expect(confirmed.links[0].state).toBe('confirmed');

    // 无锡市科学技术局's list reached the province: three recommended, one not, confirmed with its commitment.
    const provinceUser = (await repositories(t.db).users.findByLogin('demo-province'))!;
    expect(provinceUser.duties).toEqual(['admin']);
    const reader = { role: 'province' as const, userId: provinceUser.id, duties: [] };
    const wuxi = (await services.commitments.overview(reader, PRACTICE_CALL_ID)).find(
      (d) => d.department.name === '无锡市科学技术局',
    )!;
    expect(wuxi.confirmation?.summary.recommended).toHaveLength(3);
    expect(wuxi.confirmation?.summary.notRecommended).toHaveLength(1);
    expect(wuxi.commitment).toBeDefined();
    expect(accounts.map((a) => a.login)).toContain('demo-wuxi');

    const province = await login(t.app, 'demo-province', DEMO_PASSWORD);
    const get = async (url: string, cookie = province) => {
      const response = await inject(t.app, { method: 'GET', url, cookie });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const call = `callId=${encodeURIComponent(PRACTICE_CALL_ID)}`;
    const reviews = (await get(`/api/province/formal-review?${call}`)).items.filter(
      (i: { application: { departmentName: string } }) => i.application.departmentName === '无锡市科学技术局',
    );
    expect(reviews.map((i: { review: { result: string } }) => i.review.result).sort()).toEqual([
      'accepted',
      'accepted',
      'rejected',
    ]);
    const rejected = reviews.find((i: { review: { result: string } }) => i.review.result === 'rejected');
    expect(rejected.review.reasons[0].message).toContain('独立法人');

    const reviewed = (await get(`/api/province/experts/applications?${call}`)).applications.filter(
      (a: { department: { name: string } }) => a.department.name === '无锡市科学技术局',
    );
    const assignments = reviewed.flatMap((a: { assignments: object[] }) => a.assignments);
    // 陈教授 and 赵教授 on both, 周教授 on the sensor; 刘研究员 declined the medicine one.
    expect(assignments).toHaveLength(5);
    const scored = assignments.filter((a: { submittedAt: string | null }) => a.submittedAt !== null);
    expect(scored).toHaveLength(2);
    expect(scored.every((a: { total: number | null }) => a.total !== null && a.total > 0)).toBe(true);
    // The demo expert starts from a pending invitation to the 函评 round, its two applications listed.
    const demoExpert = await login(t.app, 'demo-expert', DEMO_PASSWORD);
    const invitations = await get('/api/expert/invitations', demoExpert);
    expect(invitations.invitations).toEqual([
      expect.objectContaining({
        status: 'pending',
        answerable: true,
        applications: [expect.anything(), expect.anything()],
      }),
    ]);
    expect((await get('/api/expert/assignments', demoExpert)).assignments).toEqual([]);
    const zhou = await get('/api/expert/assignments', await login(t.app, 'demo-expert-zhou', DEMO_PASSWORD));
    expect(zhou.assignments.filter((a: { submittedAt: string | null }) => !a.submittedAt)).toHaveLength(1);
    const vacancies = (await get(`/api/province/experts/vacancies?${call}`)).vacancies;
    expect(vacancies).toEqual([
      expect.objectContaining({ cause: 'declined', reason: expect.stringContaining('科研任务') }),
    ]);
    // 回避专家: the MEMS sensor's applicant asked to avoid 孙高工, whom its candidate list flags.
    const sensor = reviewed.find((a: { title: string }) => a.title.includes('MEMS'));
    const candidates = (await get(`/api/province/experts/applications/${sensor.id}`)).candidates;
    const sun = candidates.find((c: { expert: { name: string } }) => c.expert.name === '孙高工');
    expect(sun.conflicts.map((c: { kind: string }) => c.kind)).toContain('applicant-avoidance');

    // One decision awaiting its 公示; the other (contract-stage.ts) published, its 公示 over, in the contract stage.
    const decided = (await get(`/api/province/decisions?${call}`)).items.filter(
      (i: { decision: { locked: boolean } | null }) => i.decision !== null && !i.decision.locked,
    );
    expect(decided).toHaveLength(1);
    const contracts = (await get(`/api/province/contracts?${call}`)).items;
    expect(contracts).toHaveLength(1);
    expect(contracts[0]).toMatchObject({
      status: 'ready',
      confirmed: true,
      missing: [],
      fundingText: '60.00 万元',
    });
    expect(contracts[0].projectNo).toMatch(/^BZ2026\d{3,}$/);
    const [{ decision, application }] = decided;
    expect(decision).toMatchObject({ outcome: 'approved', locked: false });
    expect(decision.funding).toBeLessThanOrEqual(
      streamOf(JS_INTL_2026, application.topic, undefined)!.funding.value.cap,
    );
    expect(decision.funding).toBeLessThanOrEqual(application.requestedFunding);

    expect(await verifyChain(repositories(t.db).audit.all())).toMatchObject({ intact: true });
    // Seeds the whole demo twice: on PostgreSQL under a loaded machine that took over 30 s.
  }, 180_000);

  it('示例计划文件建为开放中的演示计划：双边合作的企业申报已提交，2027 年度的法国合作草稿无重点国别提示', async () => {
    await demoAccounts();
    const get = async (url: string, cookie: string) => {
      const response = await inject(t.app, { method: 'GET', url, cookie });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const haichuan = await login(t.app, 'demo-haichuan', DEMO_PASSWORD);
    const calls = (await get('/api/calls', haichuan)).calls as {
      id: string;
      name: string;
      open: boolean;
      topics: { number: number; open: boolean }[];
    }[];
    const bilateral = calls.find((c) => c.id === 'JS-BILATERAL-SG-NO-2026')!;
    expect(bilateral).toMatchObject({ open: true, name: expect.stringContaining('日期为演示虚构') });
    expect(bilateral.topics.filter((topic) => topic.open).map((topic) => topic.number)).toEqual([3]);
    expect(calls.find((c) => c.id === 'JS-INTL-2027')).toMatchObject({ open: true });

    const [culture] = (await get('/api/applications', haichuan)).applications;
    expect(culture).toMatchObject({ status: 'submitted', topic: 3 });
    const detail = await get(`/api/applications/${culture.id}`, haichuan);
    expect(detail.application.form.partner).toMatchObject({ country: 'SG', kind: 'enterprise' });

    const qinglan = await login(t.app, 'demo-qinglan', DEMO_PASSWORD);
    const [valves] = (await get('/api/applications', qinglan)).applications;
    const draft = await get(`/api/applications/${valves.id}`, qinglan);
    expect(draft.application.callId).toBe('JS-INTL-2027');
    expect(draft.evaluation.findings.map((f: { rule: string }) => f.rule)).not.toContain(
      'partner.country-not-key',
    );
  }, 180_000);

  it('演示账号（含单位开通的项目负责人和省里新增的专家）登录即可使用，不必先改密码', async () => {
    const accounts = await demoAccounts();
    expect(accounts.map((a) => a.login)).toEqual(
      expect.arrayContaining(['demo-pi-zhang', ...OTHER_EXPERTS.map((e) => e.login)]),
    );
    for (const account of accounts) {
      const cookie = await login(t.app, account.login, DEMO_PASSWORD);
      const sessions = await inject(t.app, { method: 'GET', url: '/api/me/sessions', cookie });
      expect(sessions.statusCode, `${account.login}: ${sessions.body}`).toBe(200);
    }
  }, 180_000);
});
