import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertAssignments } from '../../src/server/db/schema.js';
import { seedCalls } from '../../src/server/seed/calls.js';
import {
  acceptedApplication,
  newExpert,
  reviewStage,
  scoreableAssignment,
} from '../support/api/expert-review.js';
import { ownCall } from '../support/api/own-calls-and-departments.js';
import {
  axeViolations,
  button,
  launchChromium,
  newPage,
  requireWebBuild,
  screenshots,
  sidewaysOverflow,
  watched,
} from '../support/browser.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';

// A member of the public objects on the 公示 page and gets a reference; the province upholds it and revokes the
// approval, which the 公示 page then marks 已撤销; review opinions are released and the applicant reads them.

requireWebBuild();

const TITLE = '面向氢能储运的固态储氢材料联合研发';
const COMMENT = '合作基础扎实，建议进一步细化中试验证方案。';

// A story: each step goes on from the page and the records the step before it left, so they keep their order.
describe('公示异议与评审意见反馈', { shuffle: false }, () => {
  const t = useTestApp();
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { failed } = screenshots(() => page);
  let world: {
    callId: string;
    province: string;
    announcementId: string;
    approvedId: string;
    approvedNo: string;
    organizationId: string;
  };

  beforeAll(async () => {
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    const callId = await ownCall(t);
    const stage = await reviewStage(t, callId);
    const approved = await acceptedApplication(stage, { title: TITLE }, callId);
    const decided = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/decisions/${approved.id}`,
      cookie: stage.province,
      payload: { outcome: 'approved', funding: 500_000, reason: '同意立项' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const expert = await newExpert(stage);
    const assignmentId = await scoreableAssignment(stage, approved.id, expert);
    await t.db
      .update(expertAssignments)
      .set({ comment: COMMENT, submittedAt: t.clock.now() })
      .where(eq(expertAssignments.id, assignmentId));
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/province/announcements',
      cookie: stage.province,
      payload: { callId },
    });
    const announcementId: string = created.json().announcement.id;
    const published = await inject(t.app, {
      method: 'POST',
      url: `/api/province/announcements/${announcementId}/publish`,
      cookie: stage.province,
    });
    expect(published.statusCode, published.body).toBe(200);
    world = {
      callId,
      province: stage.province,
      announcementId,
      approvedId: approved.id,
      approvedNo: approved.acceptanceNo!,
      organizationId: approved.organizationId,
    };
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(cookie: string | undefined, viewport = { width: 1440, height: 1000 }) {
    page = watched(await newPage(browser, { viewport, bypassCSP: true }), pageErrors, serverErrors);
    if (cookie) {
      const [name, value] = cookie.split(';')[0]!.split('=');
      await page.context().addCookies([{ name: name!, value: value!, url: base }]);
    }
    return page;
  }

  it('公众在公示页实名提出异议，得到异议编号（390 px 宽，无横向滚动，无严重无障碍问题）', async () => {
    try {
      const p = await open(undefined, { width: 390, height: 900 });
      await p.goto(`${base}/public/announcements/${world.announcementId}`);
      await p.getByTestId('objection-deadline').waitFor();
      const form = p.getByTestId('objection-form');
      await button(form, '我要提出异议').click();
      await form.getByLabel('异议涉及的项目').click();
      await p.locator('.ant-select-item-option').filter({ hasText: world.approvedNo }).click();
      await form.getByLabel('真实姓名').fill('王某某');
      await form.getByLabel('手机号码').fill('13812345678');
      await form.getByLabel(/电子邮箱/).fill('objector-e2e@example.cn');
      await form.getByLabel('工作单位').fill('南京某研究所');
      await form
        .getByLabel('异议的事实和理由')
        .fill('该项目外方合作单位并未实际参与，合作协议签署时间与申报材料不符。');
      expect(await sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);
      await button(form, '提交异议').click();
      const receipt = p.getByTestId('objection-receipt');
      await receipt.waitFor();
      expect(await receipt.textContent()).toMatch(/异议编号 YY\d{4}-0001/);
    } catch (error) {
      throw await failed(error);
    }
  });

  it('对外合作处受理并认定异议成立、撤销立项；公示页标注“已撤销”', async () => {
    try {
      const p = await open(world.province);
      await p.goto(`${base}/province/objections?callId=${world.callId}`);
      await button(p.getByTestId('objections-table'), '办理').first().click();
      const record = p.getByTestId('objection-record');
      await button(record, '受理').click();
      await record.getByText('已受理').waitFor();
      await record.getByLabel('异议成立').check();
      await record.getByLabel('处理意见').fill('经核查，外方合作协议不真实。');
      await record.getByLabel(/撤销该项目的立项/).check();
      await record.getByLabel('撤销立项的理由').fill('公示期间异议成立：合作协议不真实');
      expect(await axeViolations(p)).toEqual([]);
      await button(record, '办结').click();
      await record.getByText(/已撤销该项目的立项/).waitFor();

      const pub = await open(undefined, { width: 390, height: 900 });
      await pub.goto(`${base}/public/announcements/${world.announcementId}`);
      await pub.getByTestId('entry-revoked').waitFor();
      expect(await sidewaysOverflow(pub)).toBeLessThanOrEqual(0);
    } catch (error) {
      throw await failed(error);
    }
  });

  it('开启反馈并选定专家意见反馈后，申报人在申报书页面看到“专家意见一”', async () => {
    try {
      const p = await open(world.province);
      await p.goto(`${base}/province/objections?callId=${world.callId}&tab=feedback`);
      await p.getByRole('switch', { name: '向申报人反馈评审意见' }).click();
      const candidate = p.getByTestId('feedback-candidate').filter({ hasText: TITLE });
      await candidate.getByLabel('反馈第 1 条函评意见').check();
      await button(candidate, '反馈给申报人').click();
      await candidate.getByText('专家意见一：').waitFor();

      const applicant = (await insertUser(t, 'unit-admin', { organizationId: world.organizationId })).cookie;
      const a = await open(applicant, { width: 390, height: 900 });
      await a.goto(`${base}/applications/${world.approvedId}`);
      const opinions = a.getByTestId('released-opinions');
      await opinions.waitFor();
      expect(await opinions.textContent()).toContain('专家意见一');
      expect(await opinions.textContent()).toContain(COMMENT);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      throw await failed(error);
    }
  });
});
