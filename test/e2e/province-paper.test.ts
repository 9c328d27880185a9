import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBeijing } from '../../src/core/time.js';
import { calls, reviewConfirmations } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID, seedCalls } from '../../src/server/seed/calls.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { VALID_PASSWORD } from '../support/factories/server.js';
import { insertUser, useTestApp } from '../support/harness.js';
import {
  button,
  launchChromium,
  menu,
  newPage,
  requireWebBuild,
  rowOf,
  screenshots,
  watched,
} from '../support/browser.js';

// 纸质材料登记 in a real browser: the centre records 专题一's seven copies, received after the online submission
// closed, and sees them flagged 逾期不予受理 in red beside the department's own materials still owed; the
// department sees the same verdict on its 纸质材料 page. Its own accounts and application, not the demo's.

requireWebBuild();

const TITLE = '中德先进制造开放合作平台建设';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('省科技项目管理中心在浏览器中登记纸质材料', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-'));
  const t = useTestApp({ DATA_DIR: dataDir });
  let browser: Browser;
  let page: Page;
  let base: string;
  let acceptanceNo: string;
  const logins = { province: '', department: '', applicant: '' };
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    const nanjing = (await repositories(t.db).departments.list()).find((d) => d.name === '南京市科学技术局')!;
    const application = await insertSubmitted(t.db, new Date(Date.now() - 3 * 86_400_000), {
      departmentId: nanjing.id,
      topic: 1,
      form: { title: TITLE },
    });
    acceptanceNo = application.acceptanceNo!;
    logins.province = (await insertUser(t, 'province', { duties: ['center'] })).user.login;
    logins.applicant = (
      await insertUser(t, 'unit-admin', { organizationId: application.organizationId })
    ).user.login;
    const official = await insertUser(t, 'department', { departmentId: nanjing.id });
    logins.department = official.user.login;
    await t.db.insert(reviewConfirmations).values({
      departmentId: nanjing.id,
      callId: PRACTICE_CALL_ID,
      confirmedAt: t.clock.now(),
      confirmedBy: official.user.id,
      summary: {},
    });
    // Online submission closed yesterday: paper received now is after 专题一's deadline.
    await t.db
      .update(calls)
      .set({ submissionClosesAt: new Date(Date.now() - 86_400_000) })
      .where(eq(calls.id, PRACTICE_CALL_ID));

    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = watched(await newPage(browser, { timezoneId: 'America/Los_Angeles' }), pageErrors, serverErrors);
  }, 120_000);

  async function signIn(p: Page, login: string, home: RegExp) {
    await p.goto(`${base}/login`);
    await p.fill('#login-name', login);
    await p.fill('#login-password', VALID_PASSWORD);
    await button(p, '登录').click();
    await p.waitForURL(home);
  }

  afterAll(async () => {
    await browser?.close();
  });

  it('登记专题一的 7 份纸质材料：逾期的标红“逾期不予受理”；主管部门看到同样的结果', async () => {
    try {
      await signIn(page, logins.province, /\/province$/);
      await menu(page, '纸质材料登记');
      const register = page.getByTestId('paper-register');
      const materials = rowOf(register, '推荐项目汇总表及主管部门科研诚信承诺书');
      await materials.getByText('未收').waitFor();
      expect(await materials.textContent()).toContain('0/2');

      const row = rowOf(register, acceptanceNo);
      await row.getByText('逾期未收').waitFor();
      await button(row, '登记收件').click();
      const modal = page.locator('.ant-modal').filter({ hasText: '登记收件' });
      // An hour ago, typed as Beijing time whatever the browser's zone.
      const receivedAt = formatBeijing(Date.now() - 3_600_000).slice(0, 16);
      await modal.getByLabel('收件时间（北京时间）').fill(receivedAt);
      await modal.getByLabel('收件人').fill('陆建玲');
      await modal.getByLabel('份数').fill('7');
      await modal.getByLabel('备注').fill('申报单位当面报送');
      await button(modal, '登记').click();
      await modal.waitFor({ state: 'hidden' });

      await row.getByText('7/7').waitFor();
      const notice = row.getByTestId('late-notice');
      await expect.poll(() => notice.textContent()).toBe('逾期不予受理（三、3）');
      const color = await notice.evaluate((e) => getComputedStyle(e).color);
      const [r, g, b] = color.match(/\d+/g)!.map(Number);
      expect(r! > 150 && g! < 100 && b! < 100, color).toBe(true);
      expect(await row.textContent()).toContain(`${receivedAt} · 陆建玲 · 7 份`);

      const department = watched(await newPage(browser), pageErrors, serverErrors);
      await signIn(department, logins.department, /\/review$/);
      await menu(department, '纸质材料');
      const owed = department.getByTestId('paper-owed');
      await owed.getByText(TITLE, { exact: false }).waitFor();
      expect(await owed.textContent()).toContain('逾期不予受理（三、3）');
      expect(await owed.textContent()).toContain('南京市玄武区龙蟠路 175 号');

      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      return failed(error);
    }
  }, 120_000);

  it('手机宽度（390 px）上省、主管部门、申报单位的纸质材料页不横向滚动，axe 无严重问题', async () => {
    const phone = { viewport: { width: 390, height: 844 }, bypassCSP: true };
    const visits: [string, string, RegExp][] = [
      [logins.province, '/province/paper', /\/province$/],
      [logins.department, '/review/paper', /\/review$/],
      [logins.applicant, '/applications', /\/applications$/],
    ];
    for (const [login, path, home] of visits) {
      const p = watched(await newPage(browser, phone), pageErrors, serverErrors);
      await signIn(p, login, home);
      await p.goto(`${base}${path}`);
      await p.waitForLoadState('networkidle');
      await expect.poll(() => p.locator('.ant-spin-spinning').count()).toBe(0);
      await p.getByTestId('late-notice').first().waitFor();
      const widths = await p.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0], path).toBeLessThanOrEqual(widths[1]!);
      await p.addScriptTag({ content: AXE_SOURCE });
      const serious = await p.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }
        ).axe;
        return (await axe.run()).violations
          .filter((v) => v.impact === 'critical' || v.impact === 'serious')
          .map((v) => v.id);
      });
      expect(serious, path).toEqual([]);
      await p.close();
    }
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
