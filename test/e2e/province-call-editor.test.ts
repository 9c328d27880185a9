import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.js';
import { inject, login, useTestApp } from '../support/harness.js';
import {
  axeViolations,
  button,
  launchChromium,
  newPage,
  PHONE,
  pageWithSession,
  requireWebBuild,
  screenshots,
  sidewaysOverflow,
  signIn,
  watched,
} from '../support/browser.js';
import { seedDemoForBrowser } from '../support/demo-world.js';

// The province's call editor in a real browser against the real server: a new call made from the 2026 call as a
// template, a cap, a key country and a quota changed, an impossible value named at its field, the save as a
// numbered version and its diff; a second editor's stale save told plainly and what they typed kept; a phone.

requireWebBuild();

// The demo holds JS-INTL-2027 already (calls/js-intl-2027.call.json).
const CALL_ID = 'JS-INTL-2029';
/** The call two editors change at once, made through the API so that the test stands alone. */
const SHARED_ID = 'JS-INTL-2028';
const CALL_NAME = '2029年度省国际科技合作/港澳台科技合作计划';

// A story: each step goes on from the page and the records the step before it left, so they keep their order.
describe('省科技项目管理中心在浏览器中编辑计划参数', { shuffle: false }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-'));
  const t = useTestApp({ DATA_DIR: dataDir });
  let browser: Browser;
  let page: Page;
  let shown: Page;
  let base: string;
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { snap, failed } = screenshots(() => shown);

  const editor = (p: Page, id: string) => p.goto(`${base}/province/calls/${id}/edit`);
  const tab = (p: Page, name: string) => p.getByRole('tab', { name, exact: true }).click();
  /** A field of the editor by its path: antd names a field's control after it (`quotas_value_…`). */
  const field = (p: Page, ...path: (string | number)[]) => p.locator(`#${path.join('_')}`);
  const saved = (p: Page, version: number) =>
    p
      .locator('.ant-message-notice')
      .filter({ hasText: `已保存为第 ${version} 版` })
      .waitFor();

  async function saveWith(p: Page, comment: string) {
    await button(p, '保存为新版本').click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('修改说明').fill(comment);
    await button(dialog, '保存').click();
  }

  beforeAll(async () => {
    await seedDemoForBrowser(t, dataDir);
    const province = await login(t.app, 'demo-province', DEMO_PASSWORD);
    const template = await inject(t.app, {
      method: 'GET',
      url: `/api/province/calls/${JS_INTL_2026.id}/document`,
      cookie: province,
    });
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/province/calls',
      cookie: province,
      payload: {
        document: {
          ...template.json<{ document: object }>().document,
          id: SHARED_ID,
          name: '两人同时编辑的计划',
        },
      },
    });
    expect(created.statusCode, created.body.slice(0, 500)).toBe(201);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = watched(await newPage(browser), pageErrors, serverErrors);
    shown = page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('以 2026 年计划为模板新建，改资助上限、重点国别和名额，不可能的值在字段处指出，保存后版本记录显示差异', async () => {
    try {
      await signIn(page, base, 'demo-province', /\/province$/);
      await page.goto(`${base}/province/calls`);
      await button(page, '新建计划').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('以现有计划为模板').click();
      await dialog.getByLabel('模板计划').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: `（${JS_INTL_2026.id}）` })
        .click();
      await dialog.getByLabel('新计划编号').fill(CALL_ID);
      await dialog.getByLabel('新计划名称').fill(CALL_NAME);
      await button(dialog, '新建并编辑').click();
      await page.waitForURL(new RegExp(`/province/calls/${CALL_ID}/edit$`));
      await expect.poll(() => field(page, 'name').inputValue()).toBe(CALL_NAME);

      // 专题四: the cap in 万元, and 法国 added to the key countries through the searchable picker.
      await tab(page, '专题');
      await tab(page, '专题四');
      await field(page, 'topics', 4, 'terms', 'funding', 'value', 'cap').fill('100');
      const key = field(page, 'topics', 4, 'terms', 'partner', 'countries', 'value', 'key');
      await key.click();
      await key.fill('法国');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '法国（FR）' })
        .click();
      await page.keyboard.press('Escape');

      // 设区市's quota, one row per kind of department.
      await tab(page, '限项与名额');
      await field(page, 'quotas', 'value', 'byDepartmentKind', 'city').fill('8');

      // Fewer keywords allowed at most than at least: refused before anything is sent, at the field and in the list.
      await tab(page, '内容与纸质材料');
      await field(page, 'content', 'value', 'keywords', 'max').fill('2');
      await button(page, '保存为新版本').click();
      const problems = page.getByTestId('call-editor-problems');
      await expect.poll(() => problems.innerText()).toContain('关键词个数上限：关键词上限不能小于下限');
      const item = page
        .locator('.ant-form-item')
        .filter({ has: field(page, 'content', 'value', 'keywords', 'max') });
      await expect.poll(() => item.innerText()).toContain('关键词上限不能小于下限');
      expect(await page.getByRole('dialog').count()).toBe(0);
      await snap('call-editor-problem');
      await field(page, 'content', 'value', 'keywords', 'max').fill('5');
      await expect.poll(() => problems.count()).toBe(0);

      await saveWith(page, '2029 年度：专题四上限、重点国别和设区市名额');
      await saved(page, 2);

      await tab(page, '版本记录');
      const versions = page.getByTestId('call-editor-versions');
      await versions.getByRole('row').filter({ hasText: '第 2 版' }).click();
      const changes = versions.getByTestId('call-changes');
      await expect.poll(() => changes.innerText()).toContain('100 万元');
      const diff = await changes.innerText();
      expect(diff).toContain('80 万元');
      expect(diff).toContain('法国');
      expect(diff).toContain('设区市科技局');
      expect(diff).not.toMatch(/topics\.|byDepartmentKind|\b1000000\b/);
      await snap('call-editor-diff');
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);

  it('两人同时编辑：后保存的一方被告知有新版本，所输入的内容保留并可在新版本上保存；本机草稿可恢复', async () => {
    const other = watched(
      await pageWithSession(browser, base, await login(t.app, 'demo-province', DEMO_PASSWORD)),
      pageErrors,
      serverErrors,
    );
    try {
      page = watched(
        await pageWithSession(browser, base, await login(t.app, 'demo-province', DEMO_PASSWORD)),
        pageErrors,
        serverErrors,
      );
      await editor(page, SHARED_ID);
      await editor(other, SHARED_ID);
      shown = other;
      await field(other, 'name').fill('两人同时编辑的计划（他人修改）');
      await saveWith(other, '改名称');
      await saved(other, 2);

      shown = page;
      await tab(page, '限项与名额');
      await field(page, 'quotas', 'value', 'byDepartmentKind', 'university').fill('4');
      // What was typed survives a reload: the draft in the browser is offered back.
      // The draft is written a moment after typing stops; a loaded machine may take a while.
      await expect
        .poll(
          () => page.evaluate((id) => localStorage.getItem(`shenbao:call-draft:${id}`) ?? '', SHARED_ID),
          {
            timeout: 15_000,
          },
        )
        .toContain('"university":4');
      await page.reload();
      await page.getByTestId('call-editor-draft').waitFor();
      await button(page.getByTestId('call-editor-draft'), '恢复').click();
      await tab(page, '限项与名额');
      await expect
        .poll(() => field(page, 'quotas', 'value', 'byDepartmentKind', 'university').inputValue())
        .toBe('4');

      await saveWith(page, '高校名额');
      const conflict = page.getByRole('dialog').filter({ hasText: '其他人已保存了新的版本' });
      await conflict.waitFor();
      expect(await conflict.innerText()).toContain('您输入的内容没有丢失');
      await button(conflict, '在新版本上保留我的修改').click();
      await expect.poll(() => page.getByTestId('call-editor-version').innerText()).toBe('基于第 2 版');
      expect(await field(page, 'quotas', 'value', 'byDepartmentKind', 'university').inputValue()).toBe('4');
      await saveWith(page, '高校名额');
      await saved(page, 3);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    } finally {
      await other.context().close();
    }
  }, 120_000);

  it('手机宽度下编辑页不横向滚动，axe-core 无严重问题', async () => {
    const phone = await pageWithSession(
      browser,
      base,
      await login(t.app, 'demo-province', DEMO_PASSWORD),
      PHONE,
    );
    shown = phone;
    try {
      await editor(phone, PRACTICE_CALL_ID);
      await field(phone, 'name').waitFor();
      for (const name of ['基本信息', '专题', '限项与名额']) {
        // A phone picks the group from a list: nine tabs would overflow it.
        await phone.getByRole('combobox', { name: '参数分组' }).click();
        await phone.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
        expect(await sidewaysOverflow(phone), name).toBeLessThanOrEqual(0);
      }
      expect(await axeViolations(phone)).toEqual([]);
    } catch (error) {
      await failed(error);
    } finally {
      await phone.context().close();
    }
  }, 60_000);
});
