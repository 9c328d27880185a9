import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate, formatBeijing } from '../../src/core/time.js';
import { announcements, registerOngoingProjects } from '../../src/server/db/schema.js';
import { seedCalls } from '../../src/server/seed/calls.js';
import { acceptedApplication, reviewStage } from '../support/api/expert-review.js';
import { VALID_PASSWORD } from '../support/factories/server.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';
import {
  axeViolations,
  button,
  launchChromium,
  newPage,
  requireWebBuild,
  screenshots,
  signIn,
  watched,
} from '../support/browser.js';

// After the 公示 (issue 14 §9) in a real browser: the province downloads the 立项通知书 and cuts the 任务书's
// 省拨款 to the approved funding; the applicant reads the differences and confirms on a phone; the province records
// the bound copy and signs, and the project joins the 在研项目 register. Its own accounts and application.

requireWebBuild();

const DAY = 86_400_000;

describe('立项通知书、任务书确认、纸质装订本与签约', () => {
  const t = useTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-')) });
  let browser: Browser;
  let page: Page;
  let base: string;
  let applicationId: string;
  let title: string;
  const logins = { province: '', applicant: '' };
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { snap, failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    const stage = await reviewStage(t);
    const application = await acceptedApplication(stage);
    applicationId = application.id;
    title = (application.form as { title: string }).title;
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
      payload: { callId: application.callId },
    });
    const id = created.json().announcement.id;
    const published = await inject(t.app, {
      method: 'POST',
      url: `/api/province/announcements/${id}/publish`,
      cookie: stage.province,
    });
    expect(published.statusCode, published.body).toBe(200);
    // Its period is over: the 公示 ran last week (a 公示 cannot be published in the past through the API).
    await t.db
      .update(announcements)
      .set({ startsOn: beijingDate(Date.now() - 9 * DAY), endsOn: beijingDate(Date.now() - 2 * DAY) })
      .where(eq(announcements.id, id));
    const entered = await inject(t.app, {
      method: 'POST',
      url: `/api/province/decisions/${application.id}/contract-stage`,
      cookie: stage.province,
    });
    expect(entered.statusCode, entered.body).toBe(200);
    logins.province = (await insertUser(t, 'province')).user.login;
    logins.applicant = (
      await insertUser(t, 'unit-admin', { organizationId: application.organizationId })
    ).user.login;

    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = watched(await newPage(browser), pageErrors, serverErrors);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('省里打印立项通知书、调整任务书；承担单位确认；省里登记纸质装订本并签约', async () => {
    try {
      await signIn(page, base, logins.province, /\/province$/, VALID_PASSWORD);
      await page.goto(`${base}/province/decisions?tab=contracts`);
      const card = page.getByTestId('contract-card').filter({ hasText: title });
      await card.waitFor();
      expect(await card.getByTestId('contract-status').textContent()).toBe('合同签订中');
      expect(await card.getByTestId('contract-missing').textContent()).toContain('承担单位尚未确认任务书');

      // 立项通知书, named by its project number.
      const [notice] = await Promise.all([
        page.waitForEvent('download'),
        card.getByRole('link', { name: /立项通知书/ }).click(),
      ]);
      expect(notice.suggestedFilename()).toMatch(/^立项通知书-BZ2026\d{3,}\.pdf$/);

      // 调整任务书: 省拨款 to the approved 60 万元, 业务费 down by the same 20 万元.
      await button(card, '调整任务书').click();
      const modal = page.locator('.ant-modal').filter({ hasText: '调整任务书' });
      await modal.getByLabel('省拨款').fill('60');
      const business = modal.getByLabel('业务费');
      const was = Number(await business.inputValue());
      await business.fill(String(was - 20));
      await button(modal, '保存').click();
      await modal.waitFor({ state: 'hidden' });
      await card.getByText('承担单位尚未确认任务书').waitFor();
      await snap('province-adjusted');

      // The applicant, on a phone: the differences, then 确认任务书.
      const phone = watched(
        await newPage(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true }),
        pageErrors,
        serverErrors,
      );
      await signIn(phone, base, logins.applicant, /\/applications$/, VALID_PASSWORD);
      await phone.goto(`${base}/applications/${applicationId}`);
      const mine = phone.getByTestId('contract-card');
      await mine.waitFor();
      const differences = mine.getByTestId('basics-differences');
      await differences.getByText('-20.00 万元').first().waitFor();
      expect(await differences.textContent()).toContain('省拨款');
      expect(await differences.textContent()).toContain('80.00 万元');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await axeViolations(phone)).toEqual([]);
      await button(mine, '确认任务书').click();
      await mine.getByText(/已确认任务书（第 2 版）/).waitFor();
      const [applicantNotice] = await Promise.all([
        phone.waitForEvent('download'),
        mine.getByRole('link', { name: /下载立项通知书/ }).click(),
      ]);
      expect(applicantNotice.suggestedFilename()).toBe(notice.suggestedFilename());

      // The province records the bound copy and signs.
      await page.reload();
      await card.waitFor();
      await button(card, '登记纸质装订本').click();
      const receipt = page.locator('.ant-modal').filter({ hasText: '登记收件' });
      await receipt
        .getByLabel('收件时间（北京时间）')
        .fill(formatBeijing(Date.now() - 3_600_000).slice(0, 16));
      await receipt.getByLabel('收件人').fill('李彬');
      await button(receipt, '登记').click();
      await receipt.waitFor({ state: 'hidden' });
      await card.getByTestId('contract-status').getByText('待签约').waitFor();

      await button(card, '签约').click();
      const sign = page.locator('.ant-modal').filter({ hasText: '确认签约' });
      const startsOn = beijingDate(Date.now());
      await sign.getByLabel('项目开始日期（北京时间）').fill(startsOn);
      await sign.getByLabel('项目开始日期（北京时间）').press('Enter');
      await button(sign, '确认签约').click();
      await sign.waitFor({ state: 'hidden' });
      await card.getByTestId('contract-status').getByText('已签约').waitFor();
      expect(await card.textContent()).toContain(startsOn);
      await snap('signed');

      // At 390 px the province's contract stage fits and passes axe too.
      const narrow = watched(
        await newPage(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true }),
        pageErrors,
        serverErrors,
      );
      await signIn(narrow, base, logins.province, /\/province$/, VALID_PASSWORD);
      await narrow.goto(`${base}/province/decisions?tab=contracts`);
      await narrow.getByTestId('contract-card').first().waitFor();
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await axeViolations(narrow)).toEqual([]);

      const registered = await t.db
        .select()
        .from(registerOngoingProjects)
        .where(eq(registerOngoingProjects.startsOn, startsOn));
      expect(registered.map((r) => r.title)).toContain(title);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      return failed(error);
    }
  }, 180_000);
});
