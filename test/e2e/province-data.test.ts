import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamOf } from '../../src/core/calls/parameters.js';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { createJobRunner } from '../../src/server/jobs/index.js';
import type { JobRunner } from '../../src/server/jobs/runner.js';
import { repositories } from '../../src/server/repositories/index.js';
import { application, bundle, department, organization, person } from '../support/factories/bundle.js';
import { creditCode } from '../support/factories/server.js';
import { useTestApp } from '../support/harness.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import {
  button,
  launchChromium,
  menu,
  newPage,
  requireWebBuild,
  rowOf,
  screenshots,
  signIn,
  watched,
} from '../support/browser.js';
import { seedDemoForBrowser } from '../support/demo-world.js';

// The provincial centre's data pages in a real browser against the real server and its background runner:
// a 失信记录 import from the downloaded template (a bad row refused, its effect on a demo verdict shown,
// idempotent), a province-wide cross-check watched to its end with a similarity pair side by side, the calls'
// parameters, deadlines, versions and clone, the audit log and its hash chain; and a department's bundle import.

requireWebBuild();

/** The demo's submitted 专题五 application, whose applicant the new 失信记录 bars. */
const DEMO_TITLE = '苏港先进材料界面调控联合研发';
const DEMO_APPLICANT = { name: '苏州先进材料研究所', creditCode: '12320500MB1K2L3M8T' };
// Two applicants' near-identical applications: a pair of the similarity report, not a duplicate (different applicants).
const TWIN_TITLES = [
  '面向钠离子电池的低成本层状氧化物正极材料联合研发',
  '面向钠离子电池的低成本层状氧化物正极材料合作研发',
];
const TWIN_SUMMARY =
  '与德国合作机构联合开发钠离子电池层状氧化物正极材料的低成本合成工艺，开展百吨级中试验证和储能电站示范应用。';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PRACTICE = `${JS_INTL_2026.name}（演示）`;
// The demo holds JS-INTL-2027 already (calls/js-intl-2027.call.json).
const CLONE_ID = 'JS-INTL-2027-B';
const CLONE_NAME = '2027年度省国际科技合作/港澳台科技合作计划（复制）';

// A story: each step goes on from the page and the records the step before it left, so they keep their order.
describe(
  '省科技项目管理中心在浏览器中导入登记库、全省核查、管理计划、查看审计日志',
  { shuffle: false },
  () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-'));
    const t = useTestApp({ DATA_DIR: dataDir });
    let browser: Browser;
    let page: Page;
    let shown: Page;
    let base: string;
    let jobs: JobRunner;
    const pageErrors: string[] = [];
    const serverErrors: string[] = [];
    const { snap, failed } = screenshots(() => shown);

    const watchedPage = async () => watched(await newPage(browser), pageErrors, serverErrors);

    /** Picks an option of an antd Select, whose options open in a portal. */
    async function choose(select: Locator, option: string | RegExp) {
      await select.click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: option })
        .click();
    }
    const upload = (p: Page, name: string, buffer: Buffer, mimeType: string) =>
      p.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });

    /** Fails on any script error in a page or any 5xx the browser received. */
    function expectClean() {
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    }

    beforeAll(async () => {
      await seedDemoForBrowser(t, dataDir);
      const cities = (await repositories(t.db).departments.list()).filter((d) => d.kind === 'city');
      for (const [i, title] of TWIN_TITLES.entries()) {
        await insertSubmitted(t.db, t.clock.now(), {
          departmentId: cities[i]!.id,
          form: { title, summary: TWIN_SUMMARY, field: '新能源' },
        });
      }
      // The background runner as main.ts starts it, polling often so that the run ends soon.
      const silent = { info: () => undefined, error: () => undefined };
      jobs = createJobRunner({ db: t.db, clock: t.clock, log: silent });
      jobs.start(200);

      await t.app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      browser = await launchChromium();
      page = await watchedPage();
      shown = page;
    }, 60_000);

    afterAll(async () => {
      await jobs?.stop();
      await browser?.close();
    });

    /** The 失信记录 rows to write under the template's headers: the demo institute barred, and another unit. */
    function dishonestyRows(otherCode: string, otherEndsOn: string) {
      const organization = (name: string, code: string, period: [string, string], recordNo: string) => ({
        主体类型: '单位',
        单位名称或姓名: name,
        统一社会信用代码: code,
        处理期起: period[0],
        处理期止: period[1],
        认定来源: '省科技厅科研诚信',
        文号或记录编号: recordNo,
        失信行为及处理: '项目材料弄虚作假，取消申报资格 3 年',
      });
      return [
        organization('无锡示例失信科技有限公司', otherCode, ['2026-03-01', otherEndsOn], '苏科监〔2026〕8号'),
        organization(
          DEMO_APPLICANT.name,
          DEMO_APPLICANT.creditCode,
          ['2026-01-01', '2028-12-31'],
          '苏科监〔2026〕7号',
        ),
      ];
    }

    /** A new .xlsx with the template's header row and `rows` under it, every cell as text. */
    async function filledWorkbook(headers: string[], rows: Record<string, string>[]): Promise<Buffer> {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('失信记录');
      sheet.addRow(headers);
      for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? ''));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    }

    it('失信记录：下载模板，错误行指明列且不能导入，改正后预览结论变化、导入，重复导入不产生变化', async () => {
      try {
        await signIn(page, base, 'demo-province', /\/province$/);
        await menu(page, '登记库导入');
        await page.getByTestId('register-kind').getByText('失信记录', { exact: true }).click();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('register-template').click(),
        ]);
        expect(download.suggestedFilename()).toBe('失信记录导入模板.xlsx');
        const template = new ExcelJS.Workbook();
        await template.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
        const headers = (template.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
        expect(headers).toContain('处理期止');
        expect(template.worksheets[1]!.name).toBe('填写说明');

        // 处理期止早于处理期起：该行标红，问题指明列，整个文件不能导入。
        const otherCode = creditCode();
        const bad = await filledWorkbook(headers, dishonestyRows(otherCode, '2025-03-01'));
        await upload(page, '失信记录-有误.xlsx', bad, XLSX);
        const rows = page.getByTestId('register-rows');
        const badRow = rowOf(rows, '无锡示例失信科技有限公司');
        await badRow.getByText('有错误').waitFor();
        expect(await badRow.textContent()).toContain('“处理期止”2025-03-01 早于“处理期起”2026-03-01');
        await page.getByText('请按标红的问题修改文件后重新选择', { exact: false }).waitFor();
        expect(await page.getByTestId('register-commit').isDisabled()).toBe(true);
        await snap('register-bad-row');

        // 改正后：两行新增，演示研究所的申报书由符合变为不符合（失信惩戒期内）。
        const good = await filledWorkbook(headers, dishonestyRows(otherCode, '2029-02-28'));
        await upload(page, '失信记录-2026.xlsx', good, XLSX);
        const effect = rowOf(page.getByTestId('register-effect'), DEMO_TITLE);
        await effect.waitFor();
        const effectText = (await effect.textContent())!;
        expect(effectText).toContain('符合 → 不符合');
        expect(effectText).toContain(
          `申报单位“${DEMO_APPLICANT.name}”有失信行为记录，惩戒执行期至2028年12月31日`,
        );
        expect(await rows.getByText('新增').count()).toBe(2);
        await snap('register-effect');
        await page.getByTestId('register-commit').click();
        await page.getByText('已导入：新增 2，更新 0，不变 0').waitFor();
        const batch = rowOf(page.getByTestId('register-batches'), '失信记录-2026.xlsx');
        await batch.waitFor();
        expect(await batch.textContent()).toContain('2 / 0 / 0');

        // 同一文件再导入：预览全部不变，不影响任何结论。
        await upload(page, '失信记录-2026.xlsx', good, XLSX);
        await page.getByText('预览：新增 0，更新 0，不变 2，有错误 0').waitFor();
        await page.getByText('没有申报书的检查结论因此改变').waitFor();
        await snap('register-again');
        expectClean();
      } catch (error) {
        await failed(error);
      }
    }, 60_000);

    it('全省交叉核查：后台运行至完成，按规则筛选，打开相似项目并排对照', async () => {
      try {
        await menu(page, '全省交叉核查');
        await page.getByTestId('start-cross-check').click();
        await expect
          .poll(() => page.getByTestId('run-status').textContent(), { timeout: 30_000 })
          .toBe('已完成');
        expect(await page.getByTestId('run-progress').textContent()).toMatch(/^完成 (\d+) \/ \1$/);
        await snap('cross-check-done');

        // 按“申报单位失信”筛选：只剩演示研究所的申报书。
        await choose(page.getByTestId('filter-rule'), 'integrity.applicant-dishonest');
        const findings = page.getByTestId('cross-check-findings').locator('.ant-table-row');
        await expect.poll(() => findings.count()).toBe(1);
        const finding = (await findings.textContent())!;
        expect(finding).toContain(DEMO_TITLE);
        expect(finding).toContain('有失信行为记录');

        // 相似度报告：两家单位的近似申报书，并排高亮重合文字。
        await page.getByRole('tab', { name: '相似度报告' }).click();
        const pair = rowOf(page.getByTestId('cross-check-pairs'), TWIN_TITLES[0]!);
        expect(await pair.textContent()).toContain(TWIN_TITLES[1]);
        expect(await pair.textContent()).toContain('仅供核查');
        await pair.getByTestId('open-pair').click();
        await page.waitForURL(/\/province\/cross-checks\/pairs\/[0-9a-f-]{36}$/);
        for (const side of ['a', 'b']) {
          const card = page.getByTestId(`pair-${side}`);
          await card.getByTestId('overlap').first().waitFor();
          const marked = (await card.getByTestId('overlap').allTextContents()).join('');
          expect(marked).toContain('钠离子电池层状氧化物正极材料的低成本合成工艺');
        }
        const titles = [
          await page.getByTestId('pair-a').textContent(),
          await page.getByTestId('pair-b').textContent(),
        ];
        expect(titles.some((text) => text!.includes(TWIN_TITLES[0]!))).toBe(true);
        expect(titles.some((text) => text!.includes(TWIN_TITLES[1]!))).toBe(true);
        await snap('similar-pair');
        expectClean();
      } catch (error) {
        await failed(error);
      }
    }, 60_000);

    it('主管部门导入 shenbao.bundle/1：预览、导入新建 1 项，再次导入不新建不更新', async () => {
      const suzhou = await watchedPage();
      shown = suzhou;
      const prefix = 'e2e-suzhou';
      const file = Buffer.from(
        JSON.stringify(
          bundle({
            organizations: [organization({ id: `${prefix}-o`, name: '苏州导入示例科技有限公司' })],
            people: [person({ id: `${prefix}-p`, employer: `${prefix}-o` })],
            departments: [department({ id: 'd', name: '苏州市科学技术局', kind: 'city' })],
            applications: [
              application({
                id: `${prefix}-a`,
                applicant: `${prefix}-o`,
                pi: `${prefix}-p`,
                department: 'd',
              }),
            ],
          }),
        ),
      );
      try {
        await signIn(suzhou, base, 'demo-suzhou', /\/review$/);
        await suzhou.getByRole('menuitem', { name: /批量导入/ }).click();
        await suzhou.waitForURL(/\/review\/import$/);
        const created = suzhou.getByTestId('import-result').getByRole('row').filter({ hasText: '新建' });
        const updated = suzhou.getByTestId('import-result').getByRole('row').filter({ hasText: '更新' });

        await upload(suzhou, 'suzhou.bundle.json', file, 'application/json');
        const preview = suzhou.getByTestId('preview-applications');
        await rowOf(preview, `${prefix}-a`).filter({ hasText: '将新建，状态为“已提交”' }).waitFor();
        await button(suzhou, '导入').click();
        await expect.poll(() => created.textContent()).toContain('单位 1，项目负责人 1，申报书 1');
        expect(await button(suzhou, '导入').isDisabled()).toBe(true);
        await snap('bundle-imported');

        await upload(suzhou, 'suzhou.bundle.json', file, 'application/json');
        await created.waitFor({ state: 'detached' });
        await rowOf(preview, `${prefix}-a`).waitFor();
        await button(suzhou, '导入').click();
        await expect.poll(() => created.textContent()).toContain('单位 0，项目负责人 0，申报书 0');
        expect(await updated.textContent()).toContain('单位 0，项目负责人 0，申报书 0');
        await snap('bundle-again');
        expectClean();
      } catch (error) {
        await failed(error);
      } finally {
        await suzhou.close();
        shown = page;
      }
    }, 60_000);

    it('计划管理：专题参数及条款，确认修改截止时间成第 2 版，复制为新年度草稿，2026 年计划只读', async () => {
      const calls = page.getByTestId('calls-table');
      const funding = streamOf(JS_INTL_2026, 4, undefined)!.funding;
      try {
        await menu(page, '计划管理');
        await calls.getByRole('link', { name: PRACTICE, exact: true }).click();
        await page.waitForURL(/\/province\/calls\/DEMO-/);
        await page.getByRole('tab', { name: '专题四' }).click();
        const cap = rowOf(page.getByTestId('topic-4-terms').first(), '省资助经费上限');
        expect(await cap.textContent()).toContain(`${funding.value.cap / 10_000} 万元`);
        expect(await cap.locator('.ant-tag').textContent()).toBe(funding.clause);
        await snap('call-parameters');

        // 修改截止时间：网上填报推后一天，确认后成为第 2 版。
        await page.getByRole('link', { name: '← 计划管理' }).click();
        await button(rowOf(calls, PRACTICE), '修改截止时间').click();
        const modal = page.locator('.ant-modal').filter({ hasText: '的截止时间' });
        await modal.getByText('修改后立即生效', { exact: false }).waitFor();
        const submission = modal.locator('#submissionClosesAt');
        const [date, time] = (await submission.inputValue()).split(' ');
        const later = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        await submission.fill(`${later} ${time}`);
        await button(modal, '确认修改').click();
        await modal.waitFor({ state: 'hidden' });
        await rowOf(calls, PRACTICE).getByText('第 2 版').waitFor();
        await calls.getByRole('link', { name: PRACTICE, exact: true }).click();
        const versions = page.getByTestId('call-versions');
        const second = rowOf(versions, '第 2 版');
        await second.waitFor();
        expect(await second.textContent()).toContain('修改截止时间');
        expect(await second.locator('mark').textContent()).toBe(`${later} ${time}:00`);
        expect(await rowOf(versions, '第 1 版').textContent()).toContain('初始');
        await snap('call-versions');

        // 2026 年正式计划：只读，没有开放、关闭或修改；服务器也拒绝修改。
        await page.getByRole('link', { name: '← 计划管理' }).click();
        const official = calls
          .getByRole('row')
          .filter({ has: page.getByRole('link', { name: JS_INTL_2026.name, exact: true }) });
        await official.getByText('只读历史').waitFor();
        expect(await official.getByRole('button').allTextContents()).toEqual(['查看参数', '复制为新年度']);
        const refused = await page.evaluate(async (id) => {
          const response = await fetch(`/api/province/calls/${id}/deadlines`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              submissionClosesAt: '2026-06-01T17:30:00+08:00',
              recommendationClosesAt: '2026-06-03T17:30:00+08:00',
              paperClosesAt: '2026-06-05T17:30:00+08:00',
            }),
          });
          return { status: response.status, body: await response.text() };
        }, JS_INTL_2026.id);
        expect(refused.status).toBe(409);
        expect(refused.body).toContain('只读的历史记录，不能修改');

        // 复制为 2027 年度：截止时间逐项改为 2027 年，出现为草稿。
        await button(official, '复制为新年度').click();
        const clone = page.locator('.ant-modal').filter({ hasText: '为新年度计划' });
        await clone.locator('#id').fill(CLONE_ID);
        await clone.locator('#name').fill(CLONE_NAME);
        for (const field of ['submissionClosesAt', 'recommendationClosesAt', 'paperClosesAt']) {
          const input = clone.locator(`#${field}`);
          await input.fill((await input.inputValue()).replace(/^2026-/, '2027-'));
        }
        await button(clone, '复制').click();
        await clone.waitFor({ state: 'hidden' });
        const cloned = rowOf(calls, CLONE_ID);
        await cloned.getByText('草稿（未开放）').waitFor();
        expect(await cloned.textContent()).toContain(CLONE_NAME);
        await official.getByRole('link', { name: JS_INTL_2026.name, exact: true }).click();
        await page.waitForURL(new RegExp(`/province/calls/${JS_INTL_2026.id}$`));
        expect(await page.getByTestId('call-read-only').textContent()).toContain('不能修改');
        await snap('calls');
        expectClean();
      } catch (error) {
        await failed(error);
      }
    }, 60_000);

    it('审计日志：按操作筛选，看到改前 → 改后，哈希链校验完整', async () => {
      try {
        await menu(page, '审计日志');
        await page.locator('#action').fill('调整申报计划时间');
        await page.keyboard.press('Enter');
        await button(page, '筛选').click();
        const entries = page.getByTestId('audit-table').locator('.ant-table-tbody').getByRole('row');
        await expect.poll(() => entries.count()).toBe(1);
        const diff = entries.first().getByTestId('audit-diff');
        expect(await entries.first().textContent()).toContain('调整申报计划时间');
        const version = diff.locator('.ant-space-item').filter({ hasText: /^版本/ });
        expect(await version.locator('del').textContent()).toBe('1');
        expect(await version.locator('mark').textContent()).toBe('2');
        expect(await diff.textContent()).toContain('网上填报截止时间');
        await snap('audit-filtered');

        await button(page, '校验哈希链').click();
        const verdict = page.getByTestId('audit-verdict');
        await verdict.waitFor();
        expect(await verdict.textContent()).toMatch(/审计日志完整：\d+ 条记录/);
        await snap('audit-verified');
        expectClean();
      } catch (error) {
        await failed(error);
      }
    }, 60_000);
  },
);
