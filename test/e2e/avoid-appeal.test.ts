import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '../../src/server/db/schema.js';
import { PRACTICE_CALL_ID, seedCalls } from '../../src/server/seed/calls.js';
import { createDraft, unitWithPerson } from '../support/api/applicant.js';
import { type ReviewStage, reviewStage } from '../support/api/expert-review.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import {
  axeViolations,
  button,
  launchChromium,
  newPage,
  requireWebBuild,
  screenshots,
  signIn,
} from '../support/browser.js';
import { VALID_PASSWORD } from '../support/factories/server.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';
import { pdf } from '../support/pdf.js';

// An applicant names an expert to avoid in the editor; an applicant appeals a 不予受理 with a PDF, the province
// upholds it on its 不予受理复核 page (a phone, checked by axe), and the applicant sees 受理.

requireWebBuild();

async function expectPhoneFriendly(page: Page) {
  // A tooltip under the pointer (left where the last click was) is not part of the page's layout.
  await page.mouse.move(0, 0);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axeViolations(page)).toEqual([]);
}

describe('回避专家与不予受理复核', () => {
  const t = useTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-')) });
  let browser: Browser;
  let page: Page;
  let base: string;
  let stage: ReviewStage;
  const { snap, failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    stage = await reviewStage(t);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('申请人在申报书中列出要求回避的专家', async () => {
    const pageErrors: string[] = [];
    try {
      const admin = await unitWithPerson(t);
      const { id } = await createDraft(t, admin);
      page = await newPage(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, base, admin.login, /\/applications$/, VALID_PASSWORD);
      await page.goto(`${base}/applications/${id}`);

      const card = page.getByTestId('avoided-experts');
      await card.getByText('未列出回避专家').waitFor();
      expect(await card.textContent()).toContain('不超过 3 位');
      await button(card, '添加').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('专家姓名').fill('王立新');
      await dialog.getByLabel('所在单位').fill('南京大学');
      await button(dialog, '添加').click();
      await dialog.getByText('请填写回避理由').waitFor();
      await dialog.getByLabel('回避理由').fill('与本项目负责人存在学术竞争');
      await button(dialog, '添加').click();
      await card.getByText('王立新（南京大学）').waitFor();
      await snap('avoided-expert');

      const stored = await inject(t.app, {
        method: 'GET',
        url: `/api/applications/${id}/avoided-experts`,
        cookie: admin.cookie,
      });
      expect(stored.json().avoidedExperts).toEqual([
        expect.objectContaining({
          name: '王立新',
          organization: '南京大学',
          reason: '与本项目负责人存在学术竞争',
        }),
      ]);
      await expectPhoneFriendly(page);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      return failed(error);
    }
  }, 120_000);

  it('申请人对不予受理申请复核，省里予以受理，申请人看到结果', async () => {
    const pageErrors: string[] = [];
    try {
      const row = await insertSubmitted(t.db, t.clock.now(), { departmentId: stage.departmentId });
      await t.db.update(applications).set({ status: 'recommended' }).where(eq(applications.id, row.id));
      const refused = await inject(t.app, {
        method: 'PUT',
        url: `/api/province/formal-review/${row.id}`,
        cookie: stage.province,
        payload: { result: 'rejected', reasons: [{ message: '申报单位处于失信惩戒期' }] },
      });
      expect(refused.statusCode, refused.body).toBe(200);
      const applicant = await insertUser(t, 'unit-admin', { organizationId: row.organizationId });

      page = await newPage(browser);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, base, applicant.user.login, /\/applications$/, VALID_PASSWORD);
      await page.goto(`${base}/applications/${row.id}`);
      const card = page.getByTestId('appeal-card');
      await card.getByTestId('appeal-deadline').waitFor();
      expect(await card.getByTestId('appeal-deadline').textContent()).toMatch(
        /^\d{4}年\d{1,2}月\d{1,2}日24时$/,
      );

      await button(card, '申请复核').click();
      await card.getByText('请填写复核理由').waitFor();
      await card.getByLabel('复核理由').fill('失信记录已于今年修复，见信用修复决定书');
      const evidence = join(mkdtempSync(join(tmpdir(), 'shenbao-e2e-evidence-')), '信用修复决定书.pdf');
      writeFileSync(evidence, pdf({ seed: 'e2e-appeal' }));
      await card.locator('input[type=file]').setInputFiles(evidence);
      await card.getByText('信用修复决定书.pdf').waitFor();
      await button(card, '申请复核').click();
      await card.getByTestId('appeal').getByText('待复核').waitFor();
      await snap('appeal-filed');

      // The province, on a phone: the list shows the deadline and status; it upholds the appeal.
      const province = await insertUser(t, 'province');
      const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true });
      phone.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(phone, base, province.user.login, /\/province/, VALID_PASSWORD);
      await phone.goto(`${base}/province/appeals?callId=${PRACTICE_CALL_ID}&status=open`);
      const item = phone.getByTestId('province-appeal').filter({ hasText: '失信记录已于今年修复' });
      await item.waitFor();
      expect(await item.textContent()).toContain('信用修复决定书.pdf');
      expect(await item.textContent()).toMatch(/申请期限\d{4}年\d{1,2}月\d{1,2}日24时/);
      await expectPhoneFriendly(phone);
      await button(item, '作出复核结论').click();
      const dialog = phone.getByRole('dialog');
      await dialog.getByLabel('复核成立，予以受理').check();
      await dialog.getByLabel('复核意见').fill('信用已修复，予以受理');
      await button(dialog, '确定').click();
      await dialog.waitFor({ state: 'hidden' });
      await phone.goto(`${base}/province/appeals?callId=${PRACTICE_CALL_ID}&status=upheld`);
      await phone
        .getByTestId('province-appeal')
        .filter({ hasText: '失信记录已于今年修复' })
        .getByText('复核成立，予以受理')
        .first()
        .waitFor();

      // The applicant sees the result and 受理.
      await page.reload();
      await page.getByTestId('appeal').getByText('复核成立，予以受理').waitFor();
      await page.getByText('信用已修复，予以受理').waitFor();
      await page.getByTestId('province-result').getByText('省形式审查（信用审查）结果：受理').waitFor();
      await snap('appeal-upheld');
      expect(pageErrors).toEqual([]);
    } catch (error) {
      return failed(error);
    }
  }, 120_000);
});
