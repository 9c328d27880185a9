import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { completenessQuestions } from '../../src/core/documents/requirements.js';
import { COMPLETENESS_LABELS } from '../../src/core/labels.js';
import { seedCalls } from '../../src/server/seed/calls.js';
import { createDraft, unitWithPerson } from '../support/api/applicant.js';
import { completeForm } from '../support/api/submitted-applications.js';
import { button, launchChromium, newPage, requireWebBuild, screenshots } from '../support/browser.js';
import { VALID_PASSWORD } from '../support/factories/server.js';
import { inject, useTestApp } from '../support/harness.js';
import { pdf, sha256 } from '../support/pdf.js';

// 定稿 → download the form to sign → upload its signed scan naming the 定稿 → edit the form → the editor says the
// 定稿 reopened and the scan no longer matches; the public page confirms the fingerprint, no longer current.

requireWebBuild();

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('定稿、打印、上传签字盖章扫描件，修改后提示重新定稿', () => {
  const t = useTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-')) });
  let browser: Browser;
  let page: Page;
  let base: string;
  const { snap, failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await newPage(browser);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('定稿后下载项目申报书，上传扫描件时选择定稿；修改内容后看到重新定稿的提示', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      const admin = await unitWithPerson(t);
      const { id, version } = await createDraft(t, admin);
      const form = completeForm();
      const saved = await inject(t.app, {
        method: 'PUT',
        url: `/api/applications/${id}`,
        cookie: admin.cookie,
        payload: { version, form },
      });
      expect(saved.statusCode, saved.body).toBe(200);

      await page.goto(`${base}/login`);
      await page.fill('#login-name', admin.login);
      await page.fill('#login-password', VALID_PASSWORD);
      await button(page, '登录').click();
      await page.waitForURL(/\/applications$/);
      await page.goto(`${base}/applications/${id}`);

      // 定稿：显示指纹和时间，可下载定稿的各份材料。
      const card = page.getByTestId('finalize-card');
      await button(card, '定稿').click();
      const fingerprint = page.getByTestId('fingerprint');
      await fingerprint.waitFor();
      const sha = (await fingerprint.textContent())!.match(/[0-9a-f]{64}/)![0];
      await snap('finalized');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card.getByRole('link', { name: '项目申报书', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`项目申报书-${form.title}.pdf`);

      // 上传签字盖章的项目申报书扫描件，注明打印自哪一版定稿。
      await page.getByText('附件材料', { exact: true }).click();
      await button(page.locator('[data-requirement="application-form"]'), '上传').click();
      const modal = page.locator('.ant-modal').filter({ hasText: '上传附件' });
      const scan = pdf({ seed: `scan-${id}` });
      await modal.locator('input[type=file]').setInputFiles({
        name: '项目申报书（签字盖章）.pdf',
        mimeType: 'application/pdf',
        buffer: scan,
      });
      for (const flag of completenessQuestions(JS_INTL_2026, 'application-form')) {
        await modal.getByRole('checkbox', { name: COMPLETENESS_LABELS[flag], exact: true }).check();
      }
      await page.click('#document_printedFrom');
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: `指纹前 8 位 ${sha.slice(0, 8)}` })
        .click();
      await snap('scan-upload');
      await button(modal.locator('.ant-modal-footer'), '上传').click();
      await modal.waitFor({ state: 'hidden' });
      await page.locator(`[data-sha256="${sha256(scan)}"]`).waitFor();
      expect(await page.getByTestId('scan-notices').count()).toBe(0);

      // 定稿后在别处修改了内容：定稿重新打开，扫描件与当前内容不一致。
      const current = (
        await inject(t.app, { method: 'GET', url: `/api/applications/${id}`, cookie: admin.cookie })
      ).json();
      const edited = await inject(t.app, {
        method: 'PUT',
        url: `/api/applications/${id}`,
        cookie: admin.cookie,
        payload: { version: current.application.version, form: { ...form, summary: '定稿后修改的摘要。' } },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      await page.reload();
      const notices = page.getByTestId('scan-notices');
      await notices.waitFor();
      expect(await notices.textContent()).toContain(`项目申报书扫描件打印自`);
      expect(await notices.textContent()).toContain(`指纹前 8 位 ${sha.slice(0, 8)}`);
      await card.getByText('定稿后内容已修改，定稿已重新打开').waitFor();
      await snap('reopened');

      // 二维码指向的公开页面：确认指纹由本平台生成，已不是当前定稿，不显示项目名称。
      // A phone, with the page's CSP set aside so that axe can be injected.
      page = await newPage(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true });
      await page.goto(`${base}/verify/${sha}`);
      await page.getByText('不是当前的定稿', { exact: false }).waitFor();
      expect(await page.content()).not.toContain(form.title!);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.addScriptTag({ content: AXE_SOURCE });
      const serious = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> };
          }
        ).axe;
        return (await axe.run()).violations
          .filter((v) => v.impact === 'critical' || v.impact === 'serious')
          .map((v) => v.id);
      });
      expect(serious).toEqual([]);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      return failed(error);
    }
  }, 120_000);
});
