import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCORING_FORMS } from '../../src/core/experts/scoring-forms.js';
import { formatWanDecimal } from '../../src/core/money.js';
import { reviewRounds } from '../../src/server/db/schema.js';
import { PRACTICE_CALL_ID, seedCalls } from '../../src/server/seed/calls.js';
import {
  acceptedApplication,
  newExpert,
  reviewStage,
  scoreableAssignment,
} from '../support/api/expert-review.js';
import {
  axeViolations,
  button,
  launchChromium,
  pageWithSession,
  PHONE,
  requireWebBuild,
  screenshots,
  sidewaysOverflow,
  watched,
} from '../support/browser.js';
import { inject, useTestApp } from '../support/harness.js';

// 评分表 in a browser (issue 14 §3): the province edits a criterion's anchor in a round's form and saves a new
// version; the expert sees the new anchor on the scoring page and scores; the form is then locked. On a phone
// nothing scrolls sideways and axe finds no serious problem (the CSP is bypassed only to inject axe).

requireWebBuild();

const ANCHOR = '优秀：创新点突出，核心技术达到国际先进水平';
const FORM = SCORING_FORMS[4];

describe('省里配置评分表，专家按新的说明评分', () => {
  const t = useTestApp();
  let browser: Browser;
  let page: Page;
  let base: string;
  let province: string;
  let roundId: string;
  let expert: { cookie: string; assignmentId: string };
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    const stage = await reviewStage(t);
    province = stage.province;
    const application = await acceptedApplication(stage);
    const now = Date.now();
    const [round] = await t.db
      .insert(reviewRounds)
      .values({
        callId: PRACTICE_CALL_ID,
        kind: 'letter',
        name: '2026 年函评',
        respondBy: new Date(now + 24 * 3600_000),
        dueAt: new Date(now + 10 * 24 * 3600_000),
        createdAt: new Date(now),
        createdBy: stage.departmentUserId,
      })
      .returning();
    roundId = round!.id;
    const e = await newExpert(stage);
    const assignmentId = await scoreableAssignment(stage, application.id, e, 7 * 24, roundId);
    expert = { cookie: e.cookie, assignmentId };
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(cookie: string, viewport = { width: 1440, height: 1000 }) {
    page = watched(await pageWithSession(browser, base, cookie, viewport), pageErrors, serverErrors);
    return page;
  }

  it('省里修改一档说明并保存为新版本；专家看到新说明并评分；之后评分表锁定', async () => {
    try {
      const formPage = `${base}/province/scoring-forms?callId=${PRACTICE_CALL_ID}&round=${roundId}&topic=4`;
      const p = await signedIn(province);
      await p.goto(formPage);
      await p.getByText('默认评分表 · 中心配置').waitFor();
      const anchor = p.getByTestId('anchor-0-0');
      expect(await anchor.inputValue()).toBe(FORM.criteria[0]!.anchors[0]!.text);
      await anchor.fill(ANCHOR);
      await p.getByTestId('save-form').click();
      const versions = p.getByTestId('versions');
      await versions.getByText('第 1 版', { exact: false }).waitFor();
      expect(await versions.textContent()).toContain('“创新性与技术先进性”各档说明已修改');
      expect(await p.getByTestId('anchor-0-0').inputValue()).toBe(ANCHOR);

      await p.setViewportSize(PHONE);
      // The page lays itself out again for the phone a render after the resize, not at once.
      await expect.poll(() => sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);

      const e = await signedIn(expert.cookie);
      await e.goto(`${base}/expert/assignments/${expert.assignmentId}`);
      const anchors = e.getByTestId(`anchors-${FORM.criteria[0]!.id}`);
      await anchors.getByText(ANCHOR, { exact: false }).waitFor();
      for (const c of FORM.criteria) await e.getByTestId(`score-${c.id}`).fill(String(c.max - 1));
      await e.getByTestId('comment').fill('短');
      await e.getByTestId('submit-scores').click();
      await e.getByText(`评审意见：至少 ${FORM.minCommentLength} 字，现为 1 字`).waitFor();
      await e.getByTestId('comment').fill('创新点明确，合作方实力较强，研究方案可行，预算基本合理。');
      await e.getByTestId('submit-scores').click();
      await button(e.locator('.ant-modal-confirm'), '提交').click();
      const success = e.locator('.ant-modal-confirm-success');
      expect(await success.locator('.ant-modal-confirm-title').textContent()).toBe('评分已提交');
      await success.getByRole('button').click();
      await e.setViewportSize(PHONE);
      await expect.poll(() => sidewaysOverflow(e)).toBeLessThanOrEqual(0);
      expect(await axeViolations(e)).toEqual([]);

      const again = await signedIn(province, PHONE);
      await again.goto(formPage);
      await again.getByTestId('form-locked').waitFor();
      expect(await again.getByTestId('save-form').count()).toBe(0);
      expect(await sidewaysOverflow(again)).toBeLessThanOrEqual(0);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 180_000);

  it('专家论证：专家按万元填写建议资助经费；立项决定对话框显示论证结果并预填其中位数', async () => {
    try {
      const stage = await reviewStage(t);
      const title = '深海传感器联合研发定向论证';
      const application = await acceptedApplication(stage, { title });
      const now = Date.now();
      const [round] = await t.db
        .insert(reviewRounds)
        .values({
          callId: PRACTICE_CALL_ID,
          kind: 'feasibility',
          name: '2026 年专家论证',
          respondBy: new Date(now + 24 * 3600_000),
          dueAt: new Date(now + 10 * 24 * 3600_000),
          createdAt: new Date(now),
          createdBy: stage.departmentUserId,
        })
        .returning();
      const e = await newExpert(stage);
      const assignmentId = await scoreableAssignment(stage, application.id, e, 7 * 24, round!.id);
      const detail = await inject(t.app, {
        method: 'GET',
        url: `/api/expert/assignments/${assignmentId}`,
        cookie: e.cookie,
      });
      const amount: number = detail.json().recommendationLimit.amount - 100_000;

      const p = await signedIn(e.cookie, PHONE);
      await p.goto(`${base}/expert/assignments/${assignmentId}`);
      await p.getByTestId('anchors-conditions').waitFor();
      for (const id of ['feasibility', 'conditions', 'budget']) await p.getByTestId(`score-${id}`).fill('8');
      await p.getByTestId('comment').fill('目标明确，合作方条件较好，经费安排基本合理，建议支持。');
      await p.getByTestId('submit-scores').click();
      await p.getByText('建议资助经费：请填写（万元）').waitFor();
      await p.getByTestId('recommended-funding').fill(String(amount / 10_000));
      await p.getByTestId('submit-scores').click();
      await button(p.locator('.ant-modal-confirm'), '提交').click();
      await p.locator('.ant-modal-confirm-success').getByRole('button').click();
      expect(await sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);

      const d = await signedIn(stage.province);
      await d.goto(`${base}/province/decisions?callId=${PRACTICE_CALL_ID}`);
      const row = d.getByTestId('decisions-table').getByRole('row').filter({ hasText: title });
      await button(row, '决定').click();
      const modal = d.locator('.ant-modal').filter({ hasText: '立项决定：' });
      const panel = modal.getByTestId('feasibility-panel');
      await panel.waitFor();
      expect(await panel.textContent()).toContain(`建议资助经费中位数 ${formatWanDecimal(amount)}`);
      expect(await modal.locator('#fundingWan').inputValue()).toBe(String(amount / 10_000));
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 180_000);
});
