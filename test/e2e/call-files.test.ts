import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { principalOf } from '../../src/server/principal.js';
import type { Province } from '../../src/server/services/call-admin.js';
import { createServices } from '../../src/server/services/index.js';
import { seedCallFiles, seedCalls } from '../../src/server/seed/calls.js';
import { unitWithPerson } from '../support/api/applicant.js';
import {
  axeViolations,
  button,
  launchChromium,
  pageWithSession,
  PHONE,
  requireWebBuild,
  screenshots,
  sidewaysOverflow,
} from '../support/browser.js';
import { insertUser, useTestApp } from '../support/harness.js';

// 专题三's own notice, created from its call file: an enterprise applies under it on a phone, is offered 专题三 alone,
// and meets the partner-kind rule when it names a university as its partner.

requireWebBuild();

describe('在专题三双边合作通知（计划文件）下申报', () => {
  const t = useTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-')) });
  let browser: Browser;
  let page: Page;
  let base: string;
  const { snap, failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    const { user } = await insertUser(t, 'province', { duties: ['admin'] });
    const province = principalOf(user) as Province;
    const services = createServices({ db: t.db, clock: t.clock, config: loadConfig({ DATA_DIR: tmpdir() }) });
    await seedCallFiles(services, province, t.clock.now());
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('只列出本通知开放的专题三；合作机构类型选“高校”即见规则提示，改为“企业”提示消失（手机宽度，无障碍）', async () => {
    try {
      const admin = await unitWithPerson(t);
      page = await pageWithSession(browser, base, admin.cookie, PHONE);
      await page.goto(`${base}/applications`);
      await button(page, '新建申报书').click();
      const create = page.locator('.ant-modal').filter({ hasText: '新建申报书' });
      await page.click('#new-application_callId');
      await page.locator('.ant-select-item-option').filter({ hasText: '新加坡、挪威' }).click();
      await create.locator('.ant-radio-wrapper').first().waitFor();
      expect(await create.locator('.ant-radio-wrapper').allTextContents()).toEqual([
        '专题三 双边创新合作项目',
      ]);
      await create.locator('.ant-radio-wrapper').first().click();
      await page.click('#new-application_piId');
      await page.keyboard.type('负责人');
      await page.keyboard.press('Enter');
      await button(create, '创建并填写').click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);

      await page.locator('.ant-steps').getByText('境外合作机构', { exact: true }).click();
      await page.fill('#field-partner-name', 'Bioprocess Innovations Pte. Ltd.');
      await page.click('#field-partner-country');
      await page.keyboard.type('新加坡');
      await page.keyboard.press('Enter');
      const kind = page.locator('#field-partner-kind');
      await kind.getByText('高校', { exact: true }).click();
      const finding = page.locator('[data-testid="findings-errors"] [data-rule="partner.kind"]');
      await finding.waitFor();
      const said = await finding.textContent();
      expect(said).toContain('主要境外合作机构须为企业');
      expect(said).toContain('〔一、专题三〕');
      expect(await page.getByText('须为企业〔一、专题三').count()).toBeGreaterThan(0);
      await snap('bilateral-partner-kind');

      await page.mouse.move(0, 0);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);

      await kind.getByText('企业', { exact: true }).click();
      await expect.poll(() => finding.count()).toBe(0);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);
});
