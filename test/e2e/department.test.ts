import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.js';
import { repositories } from '../../src/server/repositories/index.js';
import { inject, login, useTestApp } from '../support/harness.js';
import { pdf } from '../support/pdf.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { button, launchChromium, newPage, requireWebBuild, screenshots } from '../support/browser.js';
import { seedDemoForBrowser } from '../support/demo-world.js';

// The 项目主管部门's round in a real browser against the real server, on the demo's applications: open the
// queue, return an application with reasons, see what the applicant changed on resubmission, save the 形式审查,
// decide 不推荐 and undo it, be refused over quota, recommend it and watch the quota move, upload the signed
// commitment, confirm the list, download the 汇总表.

requireWebBuild();

const TITLE = '苏港先进材料界面调控联合研发';
const REVISED_SUMMARY = '与香港科技大学联合开展先进材料界面调控研究，补充了中试验证安排和双方分工。';

describe('项目主管部门在浏览器中审核、推荐并确认提交', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-'));
  const t = useTestApp({ DATA_DIR: dataDir });
  let browser: Browser;
  let page: Page;
  let base: string;
  const { snap, failed } = screenshots(() => page);

  beforeAll(async () => {
    await seedDemoForBrowser(t, dataDir);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await newPage(browser);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The applicant revises the returned application and submits it again, through the API. */
  async function resubmit(applicationId: string) {
    const cookie = await login(t.app, 'demo-yanjiusuo', DEMO_PASSWORD);
    const url = `/api/applications/${applicationId}`;
    const { application } = (await inject(t.app, { method: 'GET', url, cookie })).json();
    expect(application.status).toBe('returned');
    const saved = await inject(t.app, {
      method: 'PUT',
      url,
      cookie,
      payload: { version: application.version, form: { ...application.form, summary: REVISED_SUMMARY } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await inject(t.app, {
      method: 'POST',
      url: `${url}/submit`,
      cookie,
      payload: { version: saved.json().application.version },
    });
    expect(submitted.statusCode, submitted.body).toBeLessThan(300);
  }

  const suzhouCookie = () => login(t.app, 'demo-suzhou', DEMO_PASSWORD);

  /** Six other eligible 专题四 applications to 苏州, recommended through the API: its quota is used up. */
  async function fillQuota(): Promise<string[]> {
    const suzhou = (await repositories(t.db).departments.list()).find((d) => d.name === '苏州市科学技术局')!;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push((await insertSubmitted(t.db, t.clock.now(), { departmentId: suzhou.id })).id);
    }
    await decideAll(ids, 'recommended');
    return ids;
  }

  async function decideAll(ids: string[], decision: 'recommended' | 'not-recommended') {
    const cookie = await suzhouCookie();
    for (const id of ids) {
      const response = await inject(t.app, {
        method: 'POST',
        url: `/api/review/applications/${id}/decision`,
        cookie,
        payload: { decision, reason: '批量处理' },
      });
      expect(response.statusCode, response.body).toBe(204);
    }
  }

  it('退回修改、查看修改、推荐、确认提交并下载汇总表', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The Content-Security-Policy's refusals reach the console only, from the page and from the PDF's frame.
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) pageErrors.push(message.text());
    });
    try {
      // 苏州市科学技术局登录：进入审核列表，演示计划在前。
      const loginPage = await page.goto(`${base}/login`);
      expect(loginPage!.headers()['content-security-policy']).toContain("script-src 'self';");
      await page.fill('#login-name', 'demo-suzhou');
      await page.fill('#login-password', DEMO_PASSWORD);
      await button(page, '登录').click();
      await page.waitForURL(/\/review$/);
      await page.getByRole('menuitem', { name: /确认提交/ }).waitFor();
      const row = page.getByRole('row').filter({ hasText: TITLE });
      await row.getByText('已提交').waitFor();
      const quotaUsed = page.getByTestId('quota-used');
      await expect.poll(() => quotaUsed.textContent()).toBe('0 / 6');
      await snap('queue');

      // 搜索写进地址：刷新后仍按它筛选，清空后恢复。
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      const search = page.getByPlaceholder('项目名称、受理编号、申报单位或负责人');
      const NO_SUCH = '没有这个项目';
      await search.fill(NO_SUCH);
      await search.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === NO_SUCH);
      await page.getByText('暂无收到的申报书').waitFor();
      await page.reload();
      await page.getByText('暂无收到的申报书').waitFor();
      expect(await rows.count()).toBe(0);
      expect(await search.inputValue()).toBe(NO_SUCH);
      await search.fill(TITLE.slice(2, 8));
      await search.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === TITLE.slice(2, 8));
      await row.getByText('已提交').waitFor();
      await search.fill('');
      await search.press('Enter');
      await page.waitForURL((url) => !url.searchParams.has('q'));
      await row.getByText('已提交').waitFor();

      // 打开申报书：表单、附件指纹（四份附件和签字盖章的项目信息表、项目申报书）、规则检查结果、形式审查。
      await row.getByTestId('open-application').click();
      await page.waitForURL(/\/review\/[0-9a-f-]{36}$/);
      const applicationId = page.url().split('/').pop()!;
      expect(await page.getByTestId('form-title').textContent()).toBe(TITLE);
      expect(await page.locator('[data-testid="documents"] [data-sha256]').count()).toBe(6);
      await page.locator('[data-testid="findings-warnings"] li').first().waitFor();
      await page.getByTestId('checklist').waitFor();
      await button(page.locator('[data-testid="documents"]'), '查看').first().click();
      await page.getByTestId('pdf-preview').waitFor();
      // The PDF is framed from a blob: address (frame-src blob:); once Chromium's viewer has read it, a frame
      // holds the viewer's embed naming that address.
      const preview = page.getByTestId('pdf-preview');
      const viewerShows = async () => {
        const src = await preview.getAttribute('src');
        if (!src?.startsWith('blob:')) return false;
        const embeds = page.frames().map((frame) => frame.locator(`embed[original-url="${src}"]`).count());
        const counts = await Promise.all(embeds.map((count) => count.catch(() => 0)));
        return counts.some((n) => n > 0);
      };
      await expect.poll(viewerShows, { timeout: 20_000 }).toBe(true);
      await snap('application');
      await page.keyboard.press('Escape');

      // 退回修改：两条理由，一条注明字段。
      await button(page, '退回修改').click();
      // The field is chosen by its Chinese name.
      await page.fill('#return_reasons_0_field', '主要研究内容');
      await page.keyboard.press('Enter');
      await page.fill('#return_reasons_0_message', '主要研究内容请补充中试验证安排和双方分工。');
      await button(page, '再加一条理由').click();
      await page.fill('#return_reasons_1_message', '合作意向书请尽量替换为正式合作协议。');
      await snap('return-dialog');
      await page.getByTestId('return-submit').click();
      await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('已退回');

      // 申报单位修改后重新提交；主管部门看到修改之处。
      await resubmit(applicationId);
      await page.reload();
      await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('已提交');
      const changes = page.getByTestId('changes');
      await changes.getByText('主要研究内容', { exact: true }).waitFor();
      expect(await changes.textContent()).toContain(REVISED_SUMMARY);
      await snap('changes');

      // 形式审查：改一栏的意见并保存，刷新后仍是保存的答复。
      const credit = page.getByTestId('checklist').getByRole('row').filter({ hasText: '运营状况及信用情况' });
      await credit.getByText('否', { exact: true }).click();
      await credit.locator('input.ant-input').fill('近一年有一条税务行政处罚记录');
      await button(page.getByTestId('checklist'), '保存形式审查意见').click();
      await page.getByTestId('checklist').getByText('保存于', { exact: false }).waitFor();
      await page.reload();
      await expect
        .poll(() => credit.locator('input.ant-input').inputValue())
        .toBe('近一年有一条税务行政处罚记录');

      // 不推荐须写明理由；撤销后回到已提交。
      const actions = page.getByTestId('review-actions');
      await button(actions, '不推荐').click();
      await page.getByTestId('decision-submit').click();
      await page.getByText('请填写不推荐理由').waitFor();
      await page.fill('#decision_reason', '合作文件仅为意向书，暂不推荐。');
      await page.getByTestId('decision-submit').click();
      await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('未推荐');
      await button(actions, '撤销决定').click();
      await button(page.locator('.ant-modal-confirm'), '撤销决定').click();
      await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('已提交');

      // 限额已满时推荐被拒绝，浏览器中显示服务器的理由。
      const others = await fillQuota();
      await button(actions, '推荐').click();
      await page.fill('#decision_reason', '同意推荐。');
      await page.getByTestId('decision-submit').click();
      await expect.poll(() => page.getByTestId('decision-error').textContent()).toContain('名额已用完');
      await snap('quota-refused');
      await page.keyboard.press('Escape');
      await decideAll(others, 'not-recommended');

      // 确认提交页在按钮之前列出尚未决定的申报书，链接到其审核页。
      await page.goto(`${base}/review/confirm?callId=${PRACTICE_CALL_ID}`);
      const problems = page.getByTestId('confirm-problems');
      expect(await problems.textContent()).toContain('尚未作出推荐决定');
      await problems.locator(`a[href="/review/${applicationId}"]`).click();
      await page.waitForURL(new RegExp(`/review/${applicationId}$`));

      // 推荐：限额从 0 / 6 变为 1 / 6。
      await button(page.getByTestId('review-actions'), '推荐').click();
      await page.fill('#decision_reason', '合作基础扎实，材料齐全，同意推荐。');
      await page.getByTestId('decision-submit').click();
      await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('已推荐');
      await page.getByRole('menuitem', { name: /审核推荐/ }).click();
      await page.waitForURL(/\/review(\?.*)?$/);
      await expect.poll(() => quotaUsed.textContent()).toBe('1 / 6');
      await row.getByText('已推荐').waitFor();

      // 承诺书打印页按本部门预填。
      await page.goto(`${base}/review/commitment?callId=${PRACTICE_CALL_ID}`);
      expect(await page.getByTestId('commitment-department').textContent()).toBe('苏州市科学技术局');
      await snap('commitment');

      // 上传签字盖章的承诺书扫描件，再确认提交（此后一律不予退回）。
      await page.goto(`${base}/review/confirm?callId=${PRACTICE_CALL_ID}`);
      await page.locator('input[type=file]').setInputFiles({
        name: '主管部门承诺书.pdf',
        mimeType: 'application/pdf',
        buffer: pdf({ seed: `department-commitment-${applicationId}` }),
      });
      await page
        .getByTestId('commitment-current')
        .getByText('主管部门承诺书.pdf', { exact: false })
        .waitFor();
      expect(await page.getByTestId('confirm-problems').count()).toBe(0);
      await page.getByTestId('confirm-list').click();
      const dialog = page.locator('.ant-modal-confirm');
      expect(await dialog.textContent()).toContain('一律不予退回');
      await button(dialog, '确认提交').click();
      await page.getByTestId('confirmed').waitFor();
      await expect
        .poll(() => page.getByTestId('confirmation-state').textContent())
        .toBe('推荐名单已确认提交');
      await snap('confirmed');

      // 推荐项目汇总表：打印视图和 Excel。
      await page.getByRole('menuitem', { name: /推荐项目汇总表/ }).click();
      // 联系人存入主管部门名录，汇总表打印、Excel 都用它。
      await page
        .getByTestId('department-contact')
        .getByRole('button', { name: /修改联系人/ })
        .click();
      await page.fill('#department-contact-name', '周审核');
      await page.fill('#department-contact-phone', '0512-12345678');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /保\s*存/ })
        .click();
      await expect.poll(() => page.getByTestId('department-contact').textContent()).toContain('周审核');
      const summaryRow = page.getByTestId('summary-row').filter({ hasText: TITLE });
      await summaryRow.waitFor();
      await expect.poll(() => page.getByTestId('summary-table').textContent()).toContain('周审核');
      expect(await button(page, '打印（A4 横向）').isEnabled()).toBe(true);
      await snap('summary');
      const acceptanceNo = (await summaryRow.locator('td').nth(1).textContent())!;
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('summary-xlsx').click(),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getCell('A2').value).toBe('省国际科技合作/港澳台科技合作计划推荐项目汇总表');
      expect(String(sheet.getCell('A4').value)).toContain('周审核');
      expect(String(sheet.getCell('F4').value)).toContain('0512-12345678');
      const cells = (sheet.getRow(6).values as unknown[]).slice(1);
      expect(cells.slice(0, 2)).toEqual([1, acceptanceNo]);
      expect(cells).toContain(TITLE);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);
});
