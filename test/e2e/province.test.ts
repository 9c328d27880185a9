import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamOf } from '../../src/core/calls/parameters.js';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { aggregate } from '../../src/core/experts/aggregation.js';
import { SCORING_FORMS, type Scores, weightedTotal } from '../../src/core/experts/scoring-forms.js';
import { formatWan, formatWanDecimal } from '../../src/core/money.js';
import { beijingDate, formatChineseDate } from '../../src/core/time.js';
import { organizations, people } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.js';
import { addWorkingDays } from '../../src/core/reference/working-days.js';
import { PROVINCE_MENU } from '../../src/web/features/province/routes.js';
import { uploadCommitment } from '../support/api/department-commitments.js';
import { uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import { inject, login, signInAsNewHolder, useTestApp } from '../support/harness.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import {
  button,
  launchChromium,
  menu,
  newPage,
  requireWebBuild,
  rowOf,
  screenshots,
  signIn as signInAs,
  watched,
} from '../support/browser.js';
import { seedDemoForBrowser } from '../support/demo-world.js';

// The provincial centre's round in a real browser against the real server: an application a department
// recommended and confirmed is 受理 at 形式审查, given to the demo expert (and, over a conflict of interest with a
// reason, to a second one), scored by the demo expert, aggregated, approved within the topic's cap, and
// published in a 公示 that an anonymous visitor reads. Then every page of the province's menu opens cleanly.

requireWebBuild();

const TITLE = '面向先进材料的固态电解质界面调控联合研发';
const PI_NAME = '钱负责';
const PI_ID_NUMBER = '32010219800101123X';
const PARTNER = 'Fraunhofer-Institut';
const REQUESTED = 600_000;
const FUNDING = 500_000;
const TOPIC = 4;
const CAP = streamOf(JS_INTL_2026, TOPIC, undefined)!.funding.value.cap;
const FORM = SCORING_FORMS[TOPIC];
// The demo expert's scores, by criterion in the form's order, and the conflicted expert's (through the API).
const CHEN_SCORES: Scores = Object.fromEntries(FORM.criteria.map((c, i) => [c.id, [9, 8, 7, 8, 6][i]!]));
const OTHER_SCORES: Scores = Object.fromEntries(FORM.criteria.map((c) => [c.id, 7]));
const OVERRIDE_REASON = '该专家与合作机构无隶属关系，仅为同名研究所，经处务会同意例外分配。';

// A story: each step goes on from the page and the records the step before it left, so they keep their order.
describe('省科技项目管理中心在浏览器中受理、分配专家、评分、立项并公示', { shuffle: false }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-'));
  const t = useTestApp({ DATA_DIR: dataDir });
  let browser: Browser;
  let page: Page;
  /** The page the milestone screenshots are of. */
  let shown: Page;
  let base: string;
  let organizationName: string;
  let otherExpert: { name: string; login: string };
  /** The demo's own approved projects awaiting a 公示 (seed/province-stage.ts): a new draft lists them too. */
  let demoApproved: number;
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { snap, failed } = screenshots(() => shown);

  /** A page of its own browser context (no shared cookies), whose script errors and 5xx responses are kept. */
  const watchedPage = async (options?: BrowserContextOptions) =>
    watched(await newPage(browser, options), pageErrors, serverErrors);
  const signIn = (p: Page, loginName: string, home: RegExp) => signInAs(p, base, loginName, home);

  beforeAll(async () => {
    await seedDemoForBrowser(t, dataDir);
    demoApproved = (await repositories(t.db).decisions.unpublishedApprovals(PRACTICE_CALL_ID)).length;

    // 南京市科学技术局 recommends an eligible application and confirms its list: it is at the province.
    const nanjing = (await repositories(t.db).departments.list()).find((d) => d.name === '南京市科学技术局')!;
    const application = await insertSubmitted(t.db, t.clock.now(), {
      departmentId: nanjing.id,
      topic: TOPIC,
      form: {
        title: TITLE,
        field: '先进材料',
        budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: REQUESTED },
      },
    });
    await t.db
      .update(people)
      .set({ name: PI_NAME, idNumber: PI_ID_NUMBER })
      .where(eq(people.id, application.piId));
    const [organization] = await t.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, application.organizationId));
    organizationName = organization!.name;
    const department = await login(t.app, 'demo-nanjing', DEMO_PASSWORD);
    const recommended = await inject(t.app, {
      method: 'POST',
      url: `/api/review/applications/${application.id}/decision`,
      cookie: department,
      payload: { decision: 'recommended', reason: '符合条件，同意推荐' },
    });
    expect(recommended.statusCode, recommended.body).toBe(204);
    const commitment = await uploadCommitment(t, department, PRACTICE_CALL_ID);
    expect(commitment.statusCode, commitment.body).toBeLessThan(300);
    const confirmed = await inject(t.app, {
      method: 'POST',
      url: '/api/review/confirm',
      cookie: department,
      payload: { callId: PRACTICE_CALL_ID },
    });
    expect(confirmed.statusCode, confirmed.body).toBeLessThan(300);

    // An expert of the foreign partner itself: assigning them is a conflict of interest.
    otherExpert = { name: '施密特研究员', login: uniqueLogin('expert') };
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/province/experts',
      cookie: await login(t.app, 'demo-province', DEMO_PASSWORD),
      payload: {
        name: otherExpert.name,
        organizationName: PARTNER,
        organizationCreditCode: null,
        fields: ['先进材料'],
        title: '研究员',
        phone: '025-83790000',
        email: 'schmidt@example.de',
        account: { login: otherExpert.login, password: VALID_PASSWORD },
      },
    });
    expect(created.statusCode, created.body).toBe(201);

    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    // Far from Beijing: the review deadline the province picks is still Beijing time.
    page = await watchedPage({ timezoneId: 'America/Los_Angeles' });
    shown = page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The conflicted expert scores through the API, so that the aggregation has two totals. */
  async function otherExpertSubmits() {
    const { cookie } = await signInAsNewHolder(t.app, otherExpert.login);
    // The expert first accepts the round's invitation (保密承诺, no conflict declared).
    const invitations = await inject(t.app, { method: 'GET', url: '/api/expert/invitations', cookie });
    for (const invitation of invitations.json().invitations as {
      id: string;
      answerable: boolean;
      applications: { applicationId: string }[];
    }[]) {
      if (!invitation.answerable) continue;
      const accepted = await inject(t.app, {
        method: 'POST',
        url: `/api/expert/invitations/${invitation.id}/accept`,
        cookie,
        payload: {
          confidentiality: true,
          conflicts: invitation.applications.map((a) => ({
            applicationId: a.applicationId,
            conflict: false,
          })),
        },
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
    }
    const list = await inject(t.app, { method: 'GET', url: '/api/expert/assignments', cookie });
    const [assignment] = list.json().assignments;
    const submitted = await inject(t.app, {
      method: 'POST',
      url: `/api/expert/assignments/${assignment.id}/submit`,
      cookie,
      payload: { scores: OTHER_SCORES, comment: '合作基础较好，研究方案基本可行。' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  }

  it('受理、分配、评分、立项、公示，匿名访客看到公示', async () => {
    const chenTotal = weightedTotal(FORM, CHEN_SCORES);
    const otherTotal = weightedTotal(FORM, OTHER_SCORES);
    const expected = aggregate([chenTotal, otherTotal]);
    try {
      // 省里登录，形式审查：规则无错误，受理。
      await signIn(page, 'demo-province', /\/province$/);
      await menu(page, '形式审查');
      const reviews = page.getByTestId('formal-review-table');
      const reviewRow = rowOf(reviews, TITLE);
      await reviewRow.getByText('未审查').waitFor();
      expect(await reviewRow.textContent()).toContain('无错误');
      await button(reviewRow, '审查').click();
      const reviewModal = page.locator('.ant-modal').filter({ hasText: '形式审查：' });
      // The browser asks for reduced motion (browser.ts): the dialog is in place at once, not zooming.
      expect(await reviewModal.getAttribute('class')).not.toMatch(/zoom/);
      await reviewModal.getByRole('radio', { name: '受理', exact: true }).check();
      await button(reviewModal, '保存').click();
      await reviewModal.waitFor({ state: 'hidden' });
      await reviewRow.locator('.ant-tag').getByText('受理', { exact: true }).waitFor();
      expect(await reviewRow.textContent()).toContain('省科技项目管理中心');
      await snap('formal-review');

      // 专家评审：打开申报书，分配陈教授（无利益冲突）。
      await menu(page, '专家评审');
      await rowOf(page.getByTestId('expert-review-table'), TITLE).getByRole('link').click();
      await page.waitForURL(/\/province\/experts\/applications\/[0-9a-f-]{36}/);
      const candidates = page.getByTestId('candidates');
      const assignments = page.getByTestId('assignments');
      const chen = rowOf(candidates, '陈教授');
      await chen.waitFor();
      expect(await chen.locator('.ant-tag').allTextContents()).toContain('无');
      await button(chen, '分配').click();
      await rowOf(assignments, '陈教授').getByText('评审中').waitFor();
      await chen.waitFor({ state: 'detached' });

      // 境外合作机构的专家：利益冲突，须写明理由才能例外分配。
      const other = rowOf(candidates, otherExpert.name);
      expect(await other.textContent()).toContain(`是境外合作机构“${PARTNER}”`);
      await button(other, '分配').click();
      const overrideModal = page.locator('.ant-modal').filter({ hasText: '与本项目存在利益冲突' });
      await button(overrideModal, '仍然分配').click();
      await overrideModal.getByText('请填写理由').waitFor();
      await overrideModal.getByTestId('override-reason').fill(OVERRIDE_REASON);
      await button(overrideModal, '仍然分配').click();
      await overrideModal.waitFor({ state: 'hidden' });
      await rowOf(assignments, otherExpert.name).getByText(`理由：${OVERRIDE_REASON}`).waitFor();
      await snap('assigned');

      // 陈教授登录（另一浏览器上下文）：打开任务，逐项打分，加权总分随之变化，提交。
      const expert = await watchedPage();
      shown = expert;
      await signIn(expert, 'demo-expert', /\/expert$/);
      // The demo expert's 函评 invitation is pending: accept it (保密承诺, no conflict with any application).
      await expert.getByTestId('pending-invitations').getByRole('link', { name: '去答复' }).click();
      await expert.waitForURL(/\/expert\/invitations$/);
      const invitation = expert.getByTestId('invitation').filter({ hasText: TITLE });
      await button(invitation, '接受邀请').click();
      const acceptModal = expert.locator('.ant-modal').filter({ hasText: '接受评审邀请' });
      await acceptModal.getByTestId('agree-confidentiality').check();
      for (const question of await acceptModal.getByTestId('conflict-question').all()) {
        await question.getByRole('radio', { name: '否' }).check();
      }
      await button(acceptModal, '接受邀请').click();
      await acceptModal.waitFor({ state: 'hidden' });
      await menu(expert, '我的评审任务');
      const task = rowOf(expert.getByTestId('my-assignments'), TITLE);
      await task.getByText('待评审').waitFor();
      // The province's default deadline: 17:30 Beijing time, a week ahead.
      expect(await task.locator('td').nth(4).textContent()).toMatch(/ 17:30:00$/);
      await task.getByTestId('open-assignment').click();
      await expert.waitForURL(/\/expert\/assignments\/[0-9a-f-]{36}$/);
      await expert.getByText('申报书（已隐去个人信息）').waitFor();
      expect(await expert.locator('main').textContent()).not.toContain(PI_NAME);
      expect(await expert.getByTestId('requested-funding').textContent()).toBe(formatWan(REQUESTED));
      const liveTotal = expert.getByTestId('live-total').locator('.ant-statistic-content');
      for (const c of FORM.criteria) {
        await expert.getByTestId(`score-${c.id}`).fill(String(CHEN_SCORES[c.id]));
      }
      await expert.getByTestId('comment').fill('创新性突出，合作方实力强，经费预算基本合理。');
      await expect.poll(() => liveTotal.textContent()).toBe(chenTotal.toFixed(2));
      await expert.getByTestId('submit-scores').click();
      await button(expert.locator('.ant-modal-confirm'), '提交').click();
      const success = expert.locator('.ant-modal-confirm-success');
      expect(await success.locator('.ant-modal-confirm-title').textContent()).toBe('评分已提交');
      await success.getByRole('button').click();
      await expert.getByText('提交，评分不能再修改').waitFor();
      await menu(expert, '我的评审任务');
      await task.getByText('已提交').waitFor();
      expect(await task.locator('td').last().textContent()).toBe(chenTotal.toFixed(2));
      await snap('scored');

      // 陈教授对演示数据中的另一项任务申请回避：须写明理由；任务从列表中移除。
      const waiting = expert.getByTestId('my-assignments').getByRole('row').filter({ hasText: '待评审' });
      const waitingBefore = await waiting.count();
      expect(waitingBefore).toBeGreaterThan(0);
      await waiting.first().getByTestId('open-assignment').click();
      await expert.waitForURL(/\/expert\/assignments\/[0-9a-f-]{36}$/);
      await expert.getByTestId('recuse').click();
      const recusal = expert.locator('.ant-modal').filter({ hasText: '回避理由' });
      await button(recusal, '确认回避').click();
      await recusal.getByText('请填写回避理由').waitFor();
      await recusal.getByTestId('recusal-reason').fill('本人近三年与该项目境外合作方有合作研究');
      await button(recusal, '确认回避').click();
      await expert.waitForURL(/\/expert$/);
      await expert.getByText('已申请回避，任务已退回省科技项目管理中心重新分配').waitFor();
      await expect.poll(() => waiting.count()).toBe(waitingBefore - 1);
      await expert.close();
      shown = page;

      // 汇总：两位专家的平均分、中位数。
      await otherExpertSubmits();
      await menu(page, '专家评审');
      const summary = rowOf(page.getByTestId('expert-review-table'), TITLE);
      await summary.getByText('2/2').waitFor();
      const cells = await summary.locator('td').allTextContents();
      expect(cells).toContain(expected.mean!.toFixed(2));
      expect(cells).toContain(expected.median!.toFixed(2));
      await snap('aggregated');

      // 立项决定：超过本专题上限被拒绝（中文，写明上限），再按有效金额立项。
      await menu(page, '立项决定与公示');
      const decisionRow = rowOf(page.getByTestId('decisions-table'), TITLE);
      expect(await decisionRow.textContent()).toContain(formatWan(CAP));
      // The experts' scores are in view where the decision is made.
      expect(await decisionRow.getByTestId('expert-score').textContent()).toContain(
        `平均 ${expected.mean!.toFixed(2)}`,
      );
      await button(decisionRow, '决定').click();
      const decisionModal = page.locator('.ant-modal').filter({ hasText: '立项决定：' });
      await decisionModal.locator('#fundingWan').fill(String(CAP / 10_000 + 10));
      await decisionModal.locator('#reason').fill('专家评审平均分较高，同意立项。');
      await button(decisionModal, '保存').click();
      // The dialog names the cap, and refuses inline with the binding limit (here what was asked) before saving.
      expect(await decisionModal.textContent()).toContain(`上限 ${formatWan(CAP)}`);
      const refusal = decisionModal.locator('.ant-form-item-explain-error');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(
        `请调减至 ${formatWanDecimal(Math.min(CAP, REQUESTED))}以内`,
      );
      await decisionModal.locator('#fundingWan').fill(String(FUNDING / 10_000));
      await button(decisionModal, '保存').click();
      await decisionModal.waitFor({ state: 'hidden' });
      await decisionRow.getByText(`立项 ${formatWan(FUNDING)}`).waitFor();
      await snap('decided');

      // 公示：新建草稿（默认公示期），预览公众将看到的页面，发布。
      await page.getByRole('tab', { name: '拟立项项目公示' }).click();
      await button(page, '新建公示草稿').click();
      const draftModal = page.locator('.ant-modal').filter({ hasText: '新建拟立项项目公示' });
      await button(draftModal, '创建草稿').click();
      await draftModal.waitFor({ state: 'hidden' });
      const announcement = page.getByTestId('announcements-table').getByRole('row').nth(1);
      await announcement.getByText('草稿').waitFor();
      expect(await announcement.locator('td').nth(1).textContent()).toBe(String(demoApproved + 1));
      await button(announcement, '预览').click();
      const preview = page.getByTestId('announcement-preview');
      await rowOf(preview.getByTestId('announcement-entries'), TITLE).waitFor();
      const draftStartsOn = beijingDate(t.clock.now().getTime());
      expect(await preview.getByTestId('announcement-period').textContent()).toContain(
        `公示期：${formatChineseDate(draftStartsOn)}至${formatChineseDate(addWorkingDays(draftStartsOn, 5))}`,
      );
      expect(await preview.getByTestId('announcement-contacts').textContent()).toContain('025-57711715');
      await page.locator('.ant-modal-close').click();
      await preview.waitFor({ state: 'hidden' });
      await button(announcement, '发布').click();
      await button(page.locator('.ant-popconfirm'), '确定').click();
      await announcement.getByText('已发布', { exact: false }).waitFor();
      const startsOn = beijingDate(t.clock.now().getTime());
      const endsOn = addWorkingDays(startsOn, 5);
      expect(await announcement.locator('td').nth(2).textContent()).toBe(`${startsOn} 至 ${endsOn}`);
      // The open tab is in the address: the reload shows 公示 again.
      await page.reload();
      await page.getByTestId('announcements-table').waitFor();
      await page.getByRole('tab', { name: '立项决定' }).click();
      await decisionRow.getByText('已公示锁定').waitFor();
      await snap('published');

      // 匿名访客（无 cookie 的新上下文）：公示列表 → 公示详情。
      const visitor = await watchedPage();
      shown = visitor;
      expect(await visitor.context().cookies()).toEqual([]);
      await visitor.goto(`${base}/public/announcements`);
      const period = `公示期：${formatChineseDate(startsOn)}至${formatChineseDate(endsOn)}`;
      const listed = visitor.getByTestId('public-announcements').getByRole('listitem').first();
      expect(await listed.textContent()).toContain(period);
      await listed.getByRole('link').click();
      await visitor.waitForURL(/\/public\/announcements\/[0-9a-f-]{36}$/);
      const entry = rowOf(visitor.getByTestId('announcement-entries'), TITLE);
      await entry.waitFor();
      const entryText = (await entry.textContent())!;
      expect(entryText).toContain(organizationName);
      expect(entryText).toContain(formatWan(FUNDING));
      expect(await visitor.getByTestId('announcement-period').textContent()).toContain(period);
      const publicText = (await visitor.locator('body').innerText())!;
      expect(publicText).not.toContain(PI_ID_NUMBER);
      expect(publicText).not.toMatch(/\d{17}[\dXx]/);
      // The only phones shown are the offices' the notice names for objections (三、4), never a person's own.
      const noticePhones = JS_INTL_2026.contacts.flatMap((c) => c.value.phones);
      const phones = publicText.match(/(?<!\d)1[3-9]\d{9}(?!\d)|0\d{2,3}-\d{7,8}/g) ?? [];
      expect([...new Set(phones)].sort()).toEqual([...noticePhones].sort());
      expect(visitor.url()).not.toContain('/login');
      await snap('public');
      await visitor.close();
      shown = page;

      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);

  it('省级菜单的每一页都能打开，没有脚本错误', async () => {
    // 登记库导入 last: it is the page most likely to be in flux.
    const items = [...PROVINCE_MENU].sort(
      (a, b) => Number(a.key === '/province/registers') - Number(b.key === '/province/registers'),
    );
    try {
      await page.goto(`${base}/province`);
      await page.locator('#login-name').or(page.getByRole('menuitem').first()).waitFor();
      if (new URL(page.url()).pathname === '/login') await signIn(page, 'demo-province', /\/province$/);
      for (const item of items) {
        const label = item.label;
        pageErrors.length = 0;
        await menu(page, label);
        await page.waitForURL((url) => url.pathname === item.key);
        await page.getByRole('heading', { name: label }).first().waitFor();
        await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
        expect(await page.locator('.ant-alert-error').allTextContents(), label).toEqual([]);
        expect(pageErrors, label).toEqual([]);
        expect(serverErrors, label).toEqual([]);
      }
    } catch (error) {
      await failed(error);
    }
  }, 60_000);
});
