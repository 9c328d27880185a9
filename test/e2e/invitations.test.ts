import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_CALL_ID, seedCalls } from '../../src/server/seed/calls.js';
import {
  acceptedApplication,
  newExpert,
  type ReviewStage,
  reviewStage,
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
import { uniqueLogin } from '../support/factories/server.js';
import { inject, useTestApp } from '../support/harness.js';

// 评审邀请 in a browser (issue 14 §1): one expert accepts a 函评 invitation, agreeing to the 保密承诺 and declaring
// a conflict with one of the two applications; another declines with a reason; the province sees both losses in
// its assignment view, with why, and refills one with a single click. Each page works on a phone (nothing scrolls
// sideways) and axe finds no serious problem; the pages bypass the CSP only so that axe can be injected.

requireWebBuild();

const HOUR = 3_600_000;
const KEPT = '深海传感网络联合研发';
const CONFLICTED = '海洋装备腐蚀监测国际合作';
const CONFLICT_REASON = '本人曾在申报单位兼职，近三年有合作';
const DECLINE_REASON = '评审期间在国外访学，无法按期完成';

// A story: each step goes on from the page and the records the step before it left, so they keep their order.
describe('专家答复评审邀请，省里一键重新分配', { shuffle: false }, () => {
  const t = useTestApp();
  let browser: Browser;
  let page: Page;
  let base: string;
  let stage: ReviewStage;
  let accepting: Awaited<ReturnType<typeof newExpert>>;
  let declining: Awaited<ReturnType<typeof newExpert>>;
  let spare: Awaited<ReturnType<typeof newExpert>>;
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    stage = await reviewStage(t);
    const field = `海洋传感${uniqueLogin('f').slice(-5)}`;
    const kept = await acceptedApplication(stage, { title: KEPT, field });
    const conflicted = await acceptedApplication(stage, { title: CONFLICTED, field });
    accepting = await newExpert(stage, { fields: [field] });
    declining = await newExpert(stage, { fields: [field] });
    spare = await newExpert(stage, { fields: [field] });
    const round = await inject(t.app, {
      method: 'POST',
      url: '/api/province/review-rounds',
      cookie: stage.province,
      payload: {
        callId: PRACTICE_CALL_ID,
        kind: 'letter',
        name: '海洋专题函评',
        respondBy: new Date(Date.now() + 48 * HOUR).toISOString(),
        dueAt: new Date(Date.now() + 14 * 24 * HOUR).toISOString(),
      },
    });
    expect(round.statusCode, round.body).toBe(201);
    const roundId = round.json().round.id as string;
    for (const [applicationId, expertId] of [
      [kept.id, accepting.id],
      [conflicted.id, accepting.id],
      [kept.id, declining.id],
    ] as const) {
      const assigned = await inject(t.app, {
        method: 'POST',
        url: `/api/province/experts/applications/${applicationId}/assignments`,
        cookie: stage.province,
        payload: { roundId, expertId },
      });
      expect(assigned.statusCode, assigned.body).toBe(201);
    }
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(cookie: string, viewport = PHONE) {
    page = watched(await pageWithSession(browser, base, cookie, viewport), pageErrors, serverErrors);
    return page;
  }

  it('专家接受邀请：同意保密承诺，对一个项目声明利益冲突（须写理由），该项目回避；另一位专家谢绝须写理由', async () => {
    try {
      const p = await signedIn(accepting.cookie);
      await p.goto(`${base}/expert`);
      await p.getByTestId('pending-invitations').getByRole('link', { name: '去答复' }).click();
      await p.waitForURL(/\/expert\/invitations$/);
      const invitation = p.getByTestId('invitation').filter({ hasText: '海洋专题函评' });
      await invitation.getByText(KEPT).waitFor();
      expect(await invitation.textContent()).toContain(CONFLICTED);
      expect(await invitation.textContent()).toContain('待答复');
      expect(await sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);

      await button(invitation, '接受邀请').click();
      const modal = p.locator('.ant-modal').filter({ hasText: '接受评审邀请' });
      expect(await modal.getByTestId('confidentiality-text').textContent()).toContain('严格保密');
      // Neither agreed nor declared: the form says what is missing, and nothing is sent.
      await button(modal, '接受邀请').click();
      await modal.getByText('请阅读并勾选同意保密承诺').waitFor();
      await modal.getByTestId('agree-confidentiality').check();
      const questions = modal.getByTestId('conflict-question');
      await questions.filter({ hasText: KEPT }).getByRole('radio', { name: '否' }).check();
      await questions.filter({ hasText: CONFLICTED }).getByRole('radio', { name: /^是/ }).check();
      await button(modal, '接受邀请').click();
      await modal.getByText('请填写利益冲突理由').waitFor();
      await modal.getByTestId('conflict-reason').fill(CONFLICT_REASON);
      expect(await sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);
      await button(modal, '接受邀请').click();
      await modal.waitFor({ state: 'hidden' });
      await invitation.getByText('已接受').waitFor();
      // The conflicted application was recused: only the kept one is left to score.
      expect(await invitation.textContent()).not.toContain(CONFLICTED);
      await invitation.getByRole('link', { name: '前往我的评审任务评分' }).click();
      await p.getByTestId('my-assignments').getByText(KEPT).waitFor();
      expect(await p.getByTestId('my-assignments').textContent()).not.toContain(CONFLICTED);

      const d = await signedIn(declining.cookie);
      await d.goto(`${base}/expert/invitations`);
      const theirs = d.getByTestId('invitation').filter({ hasText: '海洋专题函评' });
      await button(theirs, '谢绝').click();
      const decline = d.locator('.ant-modal').filter({ hasText: '谢绝评审邀请' });
      await button(decline, '确认谢绝').click();
      await decline.getByText('请填写谢绝理由').waitFor();
      await decline.getByTestId('decline-reason').fill(DECLINE_REASON);
      await button(decline, '确认谢绝').click();
      await decline.waitFor({ state: 'hidden' });
      await theirs.getByText('已谢绝').waitFor();
      expect(await theirs.textContent()).toContain(DECLINE_REASON);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);

  it('省里在分配页看到因谢绝和利益冲突缺专家的项目及理由，一键重新分配给无冲突、任务少的专家', async () => {
    try {
      const p = await signedIn(stage.province);
      await p.goto(`${base}/province/experts?callId=${encodeURIComponent(PRACTICE_CALL_ID)}`);
      const vacancies = p.getByTestId('vacancies');
      const declined = vacancies.getByTestId('vacancy').filter({ hasText: DECLINE_REASON });
      const conflict = vacancies.getByTestId('vacancy').filter({ hasText: CONFLICT_REASON });
      await declined.waitFor();
      expect(await declined.textContent()).toContain('专家谢绝邀请');
      expect(await declined.textContent()).toContain(KEPT);
      expect(await conflict.textContent()).toContain('专家声明利益冲突');
      expect(await conflict.textContent()).toContain(CONFLICTED);
      expect(await sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);

      await button(declined, '一键重新分配').click();
      await p.getByText(`已将“${KEPT}”重新分配给`).waitFor();
      await declined.waitFor({ state: 'detached' });
      // The spare expert (no conflict, no load) was chosen and invited; the one who declined was not.
      const invitations = await inject(t.app, {
        method: 'GET',
        url: '/api/expert/invitations',
        cookie: spare.cookie,
      });
      expect(invitations.json().invitations).toEqual([
        expect.objectContaining({
          status: 'pending',
          applications: [expect.objectContaining({ title: KEPT })],
        }),
      ]);

      // The round's invitations with their answers and reasons.
      await p.getByRole('tab', { name: '评审轮次与邀请' }).click();
      const rounds = p.getByTestId('rounds');
      await rounds.getByText('海洋专题函评').waitFor();
      await rounds.getByRole('button', { name: /展开/ }).first().click();
      const answers = p.getByTestId('round-invitations');
      await answers.getByText(`谢绝理由：${DECLINE_REASON}`).waitFor();
      await answers.getByText(`声明冲突：${CONFLICT_REASON}`).waitFor();
      expect(await sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);
});
