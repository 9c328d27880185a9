import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, VALID_PASSWORD } from '../support/factories/server.js';
import { useTestApp } from '../support/harness.js';
import { pdf, sha256 } from '../support/pdf.js';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import type { DocumentKind } from '../../src/core/bundle/schema.js';
import { completenessQuestions } from '../../src/core/documents/requirements.js';
import { COMPLETENESS_LABELS } from '../../src/core/labels.js';
import { PRACTICE_CALL_ID, seedCalls } from '../../src/server/seed/calls.js';
import { createDraft, submitThroughApi, unitWithPerson } from '../support/api/applicant.js';
import { repositories } from '../../src/server/repositories/index.js';
import { button, launchChromium, newPage, requireWebBuild, screenshots } from '../support/browser.js';
import { inject, insertUser } from '../support/harness.js';

// Autosave waits for a pause in typing, then saves: on a busy machine that can take seconds, never a minute.
const AUTOSAVE_WAIT_MS = 20_000;

// The applicant's whole journey in a real browser against the real server: register, sign in, add a PI,
// fill a 专题四 application, see a rule fire and fix it, upload the documents, submit, verify the receipt.

requireWebBuild();

const saved = (p: Page) =>
  expect
    .poll(() => p.getByTestId('save-status').textContent(), { timeout: AUTOSAVE_WAIT_MS })
    .toMatch(/已保存 \d{2}:\d{2}:\d{2}/);

async function goToStep(p: Page, title: string) {
  await p.locator('.ant-steps').getByText(title, { exact: true }).click();
  await expect
    .poll(() => p.locator('.ant-steps-item-process .ant-steps-item-title').textContent())
    .toBe(title);
}

async function pick(p: Page, selector: string, text: string) {
  await p.click(selector);
  await p.keyboard.type(text);
  await p.keyboard.press('Enter');
}

/** Fills every part of the 申报书 but the budget table, the ethics and the documents, as a new user would. */
async function fillApplication(
  p: Page,
  options: {
    title: string;
    field: string;
    partner: { name: string; country: string; nameZh: string };
  },
) {
  // 基本信息：名称、领域、执行期、关键词、摘要。
  await p.fill('#field-title', options.title);
  await p.fill('#field-field', options.field);
  await p.keyboard.press('Escape');
  for (const [end, month] of [
    ['start', '2026-07'],
    ['end', '2028-06'],
  ] as const) {
    await p.fill(`#field-period-${end}`, month);
    await p.keyboard.press('Enter');
  }
  await expect.poll(() => p.getByTestId('period-months').textContent()).toContain('24 个月');
  await p.click('#field-keywords');
  for (const keyword of [options.field, '国际合作', '联合研发']) {
    await p.keyboard.type(keyword);
    await p.keyboard.press('Enter');
  }
  await p.keyboard.press('Escape');
  await p.fill(
    '#field-abstract',
    `本项目“${options.title}”与境外合作方联合研发，形成可验证的成果并在江苏转化。`,
  );

  // 项目团队：负责人信息、一名境内成员、境外方负责人。
  await goToStep(p, '项目团队');
  await p.locator('#field-team-pi-gender').getByText('女', { exact: true }).click();
  await p.fill('#field-team-pi-birthYear', '1982');
  await pick(p, '#field-team-pi-degree', '博士');
  await p.fill('#field-team-pi-title', '研究员');
  await p.fill('#field-team-pi-mobile', '1380000');
  await expect.poll(() => p.getByText('手机号码应为 11 位数字').count()).toBe(1);
  await p.fill('#field-team-pi-mobile', '13800000000');
  await p.fill('#field-team-pi-email', 'pi@example.cn');
  await button(p, '添加项目组成员').click();
  await p.fill('#field-team-members-0-name', '王强');
  await p.fill('#field-team-members-0-idNumber', '320102198001010011');
  await p.fill('#field-team-members-0-organization', '申报单位');
  await p.fill('#field-team-members-0-monthsPerYear', '8');
  await p.fill('#field-team-members-0-role', '中试验证');
  await p.fill('#field-team-foreignPi-name', 'Anna Schmidt');
  await pick(p, '#field-team-foreignPi-nationality', options.partner.country);
  await p.fill('#field-team-foreignPi-position', 'Professor');

  // 境外合作机构：名称、国别、中文名称和六个必答问题。
  await goToStep(p, '境外合作机构');
  await p.fill('#field-partner-name', options.partner.name);
  await pick(p, '#field-partner-country', options.partner.country);
  await p.fill('#field-partnerInstitution-nameZh', options.partner.nameZh);
  await p.fill('#field-partnerInstitution-history', '双方自 2021 年起开展人员互访与联合实验。');
  const answers = {
    independentLegalEntity: '是',
    ownedByApplicant: '否',
    foreignInvestedInChina: '否',
    taxHavenShell: '否',
    sameGroup: '否',
    piAffiliated: '是',
  };
  for (const [key, answer] of Object.entries(answers)) {
    await p.locator(`#field-partner-${key}`).getByText(answer, { exact: true }).click();
  }

  // 申报书正文：七个部分，带简单标记，预览按标记排版。
  await goToStep(p, '申报书正文');
  const sections: Record<string, string> = {
    rationale: '国内外现状：关键技术仍有瓶颈。\n\n必要性：国际合作可补足短板。',
    cooperationBasis: '申报单位具备中试条件，合作方在基础研究方面积累深厚。',
    researchPlan: '研究内容：\n- 关键材料设计\n- 工艺优化\n- 中试验证',
    innovations: '**创新点一**：提出新的界面调控方法。',
    division: '申报单位负责中试与产业化，合作方负责机理研究与表征。',
    ipOwnership: '各方独立完成的成果归各方所有，共同完成的成果共同所有。',
    risks: '技术风险通过阶段评估控制。',
  };
  for (const [key, text] of Object.entries(sections)) await p.fill(`#field-sections-${key}`, text);
  await p.locator('#field-sections-preview').click();
  expect(await p.locator('.markup-text strong').first().textContent()).toBe('创新点一');
  expect(await p.locator('.markup-text ul li').allTextContents()).toEqual([
    '关键材料设计',
    '工艺优化',
    '中试验证',
  ]);

  // 考核指标与年度计划。
  await goToStep(p, '考核指标');
  await p.fill('#field-indicators-patentsFiled', '4');
  await p.fill('#field-indicators-salesRevenue', '500.5');
  await button(p, '添加阶段').click();
  await p.fill('#field-milestones-0-to', '2027-06');
  await p.keyboard.press('Enter');
  await p.fill('#field-milestones-0-goal', '完成关键材料设计与小试。');
}

describe('申报单位在浏览器中完成一份专题四申报', () => {
  const t = useTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-')) });
  let browser: Browser;
  let page: Page;
  let base: string;
  const { snap, failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock starts at
    // the real time, and the practice call is opened around it.
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

  it('网页的各个地址都由 index.html 承接，/api 下的未知接口仍回答 JSON 404', async () => {
    const html = await fetch(`${base}/applications/00000000-0000-0000-0000-000000000000/receipt`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('<div id="root"></div>');
    for (const path of ['/api/nowhere', '/api']) {
      const api = await fetch(`${base}${path}`);
      expect(api.status).toBe(404);
      expect(await api.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在' } });
    }
  });

  it('注册、登录、填报、按规则提示修改、上传附件、提交并核验回执', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The Content-Security-Policy's refusals reach the console only.
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) pageErrors.push(message.text());
    });
    try {
      // 注册申报单位：统一社会信用代码边输入边校验。
      const code = creditCode();
      const admin = `e2e-admin-${code.slice(-6).toLowerCase()}`;
      await page.goto(`${base}/register`);
      await expect
        .poll(() => page.getByTestId('public-notice').textContent())
        .toBe(`项目网上申报 · ${JS_INTL_2026.notice.number.value}`);
      await page.fill('#organization_name', '南京端到端测试科技有限公司');
      await page.fill('#organization_creditCode', `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`);
      await expect
        .poll(() => page.locator('#organization_creditCode_help').textContent())
        .toContain('校验位');
      await page.fill('#organization_creditCode', code.toLowerCase());
      await expect.poll(() => page.locator('#organization_creditCode_help').count()).toBe(0);
      await page.locator('#organization_kind').getByText('企业', { exact: true }).click();
      await page.fill('#organization_registeredOn', '2015-06-01');
      await page.keyboard.press('Enter');
      await page.locator('#organization_inJiangsu').getByText('是', { exact: true }).click();
      await page.locator('#organization_independentLegalEntity').getByText('是', { exact: true }).click();
      await page.click('#organization_departmentId');
      await page.keyboard.type('南京市科学技术局');
      await page.keyboard.press('Enter');
      await page.fill('#organization_address', '南京市玄武区测试路 1 号');
      await page.fill('#organization_contactName', '赵联系');
      await page.fill('#organization_contactMobile', '13912345678');
      await page.fill('#organization_contactEmail', 'contact@example.com');
      await page.fill('#admin_displayName', '王管理');
      await page.fill('#admin_mobile', '13912345678');
      await page.fill('#admin_email', `${admin}@example.com`);
      await page.fill('#admin_login', admin);
      await page.fill('#admin_password', VALID_PASSWORD);
      await page.fill('#admin_confirm', VALID_PASSWORD);
      await snap('register');
      await button(page, '注册并登录').click();
      // 注册后待主管部门审核：单位信息页显示状态。
      await page.waitForURL(/\/organization$/);
      await expect
        .poll(() => page.getByTestId('verification-alert').textContent())
        .toContain('本单位注册待南京市科学技术局审核');
      await snap('organization-pending');

      // 退出后用刚注册的管理员账号登录。
      await button(page, '退出').click();
      await page.waitForURL(/\/login/);
      await page.fill('#login-name', admin);
      await page.fill('#login-password', VALID_PASSWORD);
      await button(page, '登录').click();
      await page.waitForURL(/\/applications$/);
      await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('王管理');

      // 登记项目负责人。
      await page.getByRole('menuitem', { name: /项目负责人/ }).click();
      await button(page, '登记项目负责人').click();
      await page.fill('#person_name', '李明');
      await page.fill('#person_idNumber', '320102198001011234');
      await button(page.locator('.ant-modal-footer'), '保存').click();
      await page.getByRole('cell', { name: '李明', exact: true }).waitFor();
      await snap('people');

      // 在演示计划中新建专题四申报书。
      await page.getByRole('menuitem', { name: /申报书/ }).click();
      await button(page, '新建申报书').click();
      const create = page.locator('.ant-modal').filter({ hasText: '新建申报书' });
      await create.getByText('演示', { exact: false }).first().waitFor();
      await create.getByText('专题四 重点国别产业技术研发合作项目').click();
      await page.click('#new-application_piId');
      await page.keyboard.type('李明');
      await page.keyboard.press('Enter');
      await button(create, '创建并填写').click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
      const applicationId = page.url().split('/').pop()!;

      // 申报书各部分：基本信息、团队、境外合作机构、正文、考核指标。
      await fillApplication(page, {
        title: '面向新型储能的固态电解质联合研发',
        field: '氢能与新型储能',
        partner: { name: 'University of Cambridge', country: '英国', nameZh: '剑桥大学' },
      });

      // 经费预算表：省拨款 90 万元超过专题四 80 万元上限，来源与支出也不相等。
      await goToStep(page, '经费预算');
      const cell = (path: string) => `#field-budgetTable-whole-${path.replace('.', '-')}`;
      for (const [path, wan] of Object.entries({
        'sources.provincial': '90',
        'sources.selfRaised': '210',
        'expenditures.equipmentPurchase': '100',
        'expenditures.business': '150',
        'expenditures.labour': '40',
      })) {
        await page.fill(cell(path), wan);
      }
      const capFinding = page.locator('[data-testid="findings-errors"] [data-rule="budget.cap"]');
      await capFinding.waitFor();
      expect(await capFinding.textContent()).toContain('〔一、专题四〕');
      expect(await page.getByTestId('budget-unbalanced-whole').textContent()).toContain(
        '来源合计 300.00 万元，支出合计 290.00 万元',
      );
      await saved(page);
      await snap('budget-over-cap');

      // 点击规则提示：回到经费预算步骤，光标落在江苏方的省拨款上。
      await goToStep(page, '伦理/保密/仪器');
      await page.locator('#field-classified').getByText('否', { exact: true }).click();
      await page.locator('#field-declassified').check();
      await capFinding.click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('field-budgetTable-whole-sources-provincial');
      await page.fill(cell('sources.provincial'), '80');
      await page.fill(cell('sources.selfRaised'), '220');
      await page.fill(cell('expenditures.labour'), '50');
      for (const [heading, text] of Object.entries({
        equipment: '购置界面表征与中试验证所需的通用设备。',
        business: '材料、测试化验加工、差旅及国际合作交流等。',
        labour: '参与项目的研究生和临时聘用人员的劳务费用。',
      })) {
        await page.fill(`#field-budgetTable-justifications-${heading}`, text);
      }
      await capFinding.waitFor({ state: 'detached' });
      await page.getByTestId('budget-unbalanced-whole').waitFor({ state: 'detached' });
      // 项目总预算、江苏方总预算、申请省资助经费由表计算，不再另填。
      expect(await page.locator('#field-budget-total').textContent()).toContain('300.00');
      expect(await page.locator('#field-budget-jiangsuTotal').textContent()).toContain('300.00');
      await saved(page);
      expect(await page.getByTestId('findings-missing').count()).toBe(0);

      // 附件材料：与境外合作机构的合作协议、两份科研诚信承诺书。
      await goToStep(page, '附件材料');
      const uploads: { requirement: string; kind: DocumentKind; file: string; bytes: Buffer }[] = [
        {
          requirement: 'partner',
          kind: 'cooperation-agreement',
          file: '合作协议.pdf',
          bytes: pdf({ seed: `agreement-${applicationId}` }),
        },
        {
          requirement: 'unit',
          kind: 'integrity-commitment-unit',
          file: '单位承诺书.pdf',
          bytes: pdf({ seed: `unit-${applicationId}` }),
        },
        {
          requirement: 'pi',
          kind: 'integrity-commitment-pi',
          file: '负责人承诺书.pdf',
          bytes: pdf({ seed: `pi-${applicationId}` }),
        },
      ];
      for (const upload of uploads) {
        await button(page.locator(`[data-requirement="${upload.requirement}"]`), '上传').click();
        const modal = page.locator('.ant-modal').filter({ hasText: '上传附件' });
        await modal.locator('input[type=file]').setInputFiles({
          name: upload.file,
          mimeType: 'application/pdf',
          buffer: upload.bytes,
        });
        await page.fill('#document_signedOn', '2026-09-01');
        await page.keyboard.press('Enter');
        // Each kind asks its own questions: the agreement those of 二、2, a commitment its signing (三、1).
        for (const flag of completenessQuestions(JS_INTL_2026, upload.kind)) {
          await modal.getByRole('checkbox', { name: COMPLETENESS_LABELS[flag], exact: true }).check();
        }
        await button(modal.locator('.ant-modal-footer'), '上传').click();
        await modal.waitFor({ state: 'hidden' });
        await page.locator(`[data-sha256="${sha256(upload.bytes)}"]`).waitFor();
        await page.locator(`[data-requirement="${upload.requirement}"]`).getByText('已上传 1 份').waitFor();
      }

      // 定稿，再上传签字盖章的项目信息表和项目申报书扫描件，注明打印自这一版定稿（三、1）。
      await button(page.getByTestId('finalize-card'), '定稿').click();
      const sha = (await page.getByTestId('fingerprint').textContent())!.match(/[0-9a-f]{64}/)![0];
      for (const kind of ['info-form', 'application-form'] as const) {
        const scan = pdf({ seed: `${kind}-${applicationId}` });
        await button(page.locator(`[data-requirement="${kind}"]`), '上传').click();
        const modal = page.locator('.ant-modal').filter({ hasText: '上传附件' });
        await modal.locator('input[type=file]').setInputFiles({
          name: `${kind}.pdf`,
          mimeType: 'application/pdf',
          buffer: scan,
        });
        for (const flag of completenessQuestions(JS_INTL_2026, kind)) {
          await modal.getByRole('checkbox', { name: COMPLETENESS_LABELS[flag], exact: true }).check();
        }
        await page.click('#document_printedFrom');
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option')
          .filter({ hasText: `指纹前 8 位 ${sha.slice(0, 8)}` })
          .click();
        await button(modal.locator('.ant-modal-footer'), '上传').click();
        await modal.waitFor({ state: 'hidden' });
        await page.locator(`[data-sha256="${sha256(scan)}"]`).waitFor();
      }
      expect(await page.getByTestId('scan-notices').count()).toBe(0);
      await snap('documents');

      // 清单上的每项材料引用通知原文；承诺书按计划的通知和承诺事项生成。
      expect(await page.locator('[data-requirement="partner"]').textContent()).toContain(
        `〔${JS_INTL_2026.documents.completeness.clause}〕`,
      );
      for (const [link, pledges] of [
        ['项目申报单位科研诚信承诺书', JS_INTL_2026.commitments.value.pledges.unit],
        ['项目负责人科研诚信承诺书', JS_INTL_2026.commitments.value.pledges.pi],
      ] as const) {
        const [paper] = await Promise.all([
          page.waitForEvent('popup'),
          page.getByRole('link', { name: link, exact: true }).click(),
        ]);
        const text = paper.locator('article.paper');
        await text.waitFor();
        const words = await text.textContent();
        expect(words).toContain(`（${JS_INTL_2026.notice.number.value}）`);
        expect(words).toContain(`《${JS_INTL_2026.notice.title.value}》`);
        expect(words).toContain('面向新型储能的固态电解质联合研发');
        for (const pledge of pledges) expect(words).toContain(pledge);
        await paper.close();
      }

      // 南京市科学技术局审核通过本单位的注册后才能提交。
      const nanjing = (await repositories(t.db).departments.list()).find(
        (d) => d.name === '南京市科学技术局',
      )!;
      const reviewer = await insertUser(t, 'department', { departmentId: nanjing.id });
      const { organizationId } = (await repositories(t.db).users.findByLogin(admin))!;
      const approved = await inject(t.app, {
        method: 'POST',
        url: `/api/department/organizations/${organizationId}/approve`,
        cookie: reviewer.cookie,
      });
      expect(approved.statusCode, approved.body).toBe(200);

      // 全部通过：提交按钮可用；提交后进入回执页。
      const submit = page.getByTestId('submit');
      await expect.poll(() => submit.isEnabled(), { timeout: 10_000 }).toBe(true);
      expect(await page.getByTestId('findings-errors').count()).toBe(0);
      await submit.click();
      await button(page.locator('.ant-modal-confirm'), '确认提交').click();
      await page.waitForURL(new RegExp(`/applications/${applicationId}/receipt$`));
      const acceptanceNo = await page.getByTestId('acceptance-no').textContent();
      expect(acceptanceNo).toMatch(/^DEMO-JS-INTL-2026-\d{5}$/);
      for (const upload of uploads) {
        await page
          .locator(`[data-sha256="${sha256(upload.bytes)}"]`)
          .first()
          .waitFor();
      }
      await page.getByTestId('verify-receipt').click();
      await expect.poll(() => page.getByTestId('verify-result').textContent()).toContain('签名有效');
      await snap('receipt');

      // 提交后只读：列表显示“已提交”和受理编号。
      await page.goto(`${base}/applications`);
      const row = page.getByRole('row').filter({ hasText: acceptanceNo! });
      await row.getByText('已提交').waitFor();
      await row.getByRole('link', { name: '查看' }).click();
      await page.locator('#field-title').waitFor();
      expect(await page.locator('#field-title').isDisabled()).toBe(true);
      expect(await page.getByTestId('submit').count()).toBe(0);
      await snap('read-only');
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);

  it('专题五：填写完整申报书，江苏方预算另列，涉及人工智能填伦理审查批件，购置大型仪器须说明并承诺', async () => {
    const admin = await unitWithPerson(t);
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/applications',
      cookie: admin.cookie,
      payload: { callId: PRACTICE_CALL_ID, topic: 5, piId: admin.personId },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json().application as { id: string };
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
    const { snap, failed } = screenshots(() => page);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(`${base}/login`);
      await page.fill('#login-name', admin.login);
      await page.fill('#login-password', VALID_PASSWORD);
      await button(page, '登录').click();
      await page.waitForURL(/\/applications$/);
      await page.goto(`${base}/applications/${id}`);
      await page.locator('#field-title').waitFor();
      await fillApplication(page, {
        title: '粤港澳联合的智能传感芯片研发',
        field: '集成电路',
        partner: { name: '香港科技大学', country: '香港', nameZh: '香港科技大学' },
      });

      // 经费预算：项目总预算 400 万元，其中江苏方 250 万元，申请省资助 100 万元。
      await goToStep(page, '经费预算');
      const fill = async (column: 'whole' | 'jiangsu', cells: Record<string, string>) => {
        for (const [path, wan] of Object.entries(cells)) {
          await page.fill(`#field-budgetTable-${column}-${path.replace('.', '-')}`, wan);
        }
      };
      await fill('whole', {
        'sources.provincial': '100',
        'sources.selfRaised': '300',
        'expenditures.equipmentPurchase': '120',
        'expenditures.business': '200',
        'expenditures.labour': '80',
      });
      await page.locator('#field-budgetTable-jiangsu').click();
      await fill('jiangsu', {
        'sources.selfRaised': '150',
        'expenditures.equipmentPurchase': '120',
        'expenditures.business': '90',
        'expenditures.labour': '40',
      });
      for (const [heading, text] of Object.entries({
        equipment: '购置一台原子力显微镜用于界面表征。',
        business: '流片、测试与往来香港的差旅。',
        labour: '研究生劳务。',
      })) {
        await page.fill(`#field-budgetTable-justifications-${heading}`, text);
      }
      expect(await page.locator('#field-budget-total').textContent()).toContain('400.00');
      expect(await page.locator('#field-budget-jiangsuTotal').textContent()).toContain('250.00');
      await snap('budget-two-columns');

      // 伦理、保密、大型科学仪器。
      await goToStep(page, '伦理/保密/仪器');
      await page.locator('#field-ethics-ai').check();
      await page.fill('#field-ethicsApproval-number', 'AI-2026-017');
      await page.fill('#field-ethicsApproval-date', '2026-03-02');
      await page.keyboard.press('Enter');
      await page.locator('#field-classified').getByText('否', { exact: true }).click();
      await page.locator('#field-declassified').check();
      await button(page, '添加仪器设备').click();
      await page.fill('#field-instruments-items-0-name', '原子力显微镜');
      await page.fill('#field-instruments-items-0-unitPrice', '120');
      await page.locator('.ant-tag').getByText('大型科学仪器').waitFor();
      await page.fill('#field-instruments-items-0-purpose', '固液界面的原位表征。');
      await page.fill(
        '#field-instruments-items-0-whyNotShared',
        '省内共享平台无同类原位附件，租赁周期不能满足连续实验。',
      );
      await page.locator('#field-instruments-sharingCommitment').check();
      await saved(page);
      await snap('ethics-instruments');

      // 未填写清单清空；服务器保存了表本身，三项总额和仪器标志由表和清单得出。
      expect(await page.getByTestId('findings-missing').count()).toBe(0);
      const form = (
        await inject(t.app, { method: 'GET', url: `/api/applications/${id}`, cookie: admin.cookie })
      ).json().application.form;
      expect(form.budgetTable.jiangsu.sources.provincial).toBe(1_000_000);
      expect(form.budgetTable.whole.sources.provincial).toBe(1_000_000);
      expect(form.budget).toBeUndefined();
      expect(form.team.foreignPi).toEqual({ name: 'Anna Schmidt', nationality: 'HK', position: 'Professor' });
      expect(form.team.pi.mobile).toBe('13800000000');
      expect(form.instruments).toEqual({
        items: [
          {
            name: '原子力显微镜',
            unitPrice: 1_200_000,
            quantity: 1,
            purpose: '固液界面的原位表征。',
            whyNotShared: '省内共享平台无同类原位附件，租赁周期不能满足连续实验。',
          },
        ],
        sharingCommitment: true,
      });
      expect(form.ethicsApproval).toEqual({ number: 'AI-2026-017', date: '2026-03-02' });
      expect(form.sections.researchPlan).toContain('- 工艺优化');
      expect(form.milestones).toEqual([{ from: '2026-07', to: '2027-06', goal: '完成关键材料设计与小试。' }]);
      expect(form.indicators).toEqual({ patentsFiled: 4, salesRevenue: 5_005_000 });
      // 手机屏宽不出现横向滚动。
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('另一处先保存时本页显示版本冲突并保留所填内容；未能保存的内容重新打开时可恢复', async () => {
    const admin = await unitWithPerson(t);
    const { id } = await createDraft(t, admin);
    const titleOnServer = async () =>
      (await inject(t.app, { method: 'GET', url: `/api/applications/${id}`, cookie: admin.cookie })).json()
        .application.form.title as string | undefined;
    // A page of its own, signed in as this test's unit.
    const page = await newPage(browser);
    const { failed } = screenshots(() => page);
    const saved = () =>
      expect
        .poll(() => page.getByTestId('save-status').textContent(), { timeout: AUTOSAVE_WAIT_MS })
        .toMatch(/已保存 \d{2}:\d{2}:\d{2}/);
    // Reloading with a change not yet saved asks first; the applicant leaves.
    page.on('dialog', (dialog) => void dialog.accept());
    try {
      await page.goto(`${base}/login`);
      await page.fill('#login-name', admin.login);
      await page.fill('#login-password', VALID_PASSWORD);
      await button(page, '登录').click();
      await page.waitForURL(/\/applications$/);
      await page.goto(`${base}/applications/${id}`);
      await page.fill('#field-title', '本页填写的项目名称');
      await saved();

      // 另一窗口先保存：本页再保存时被拒绝，所填内容仍在页面上，可选择覆盖。
      const current = await inject(t.app, {
        method: 'GET',
        url: `/api/applications/${id}`,
        cookie: admin.cookie,
      });
      const other = await inject(t.app, {
        method: 'PUT',
        url: `/api/applications/${id}`,
        cookie: admin.cookie,
        payload: { version: current.json().application.version, form: { title: '另一窗口的项目名称' } },
      });
      expect(other.statusCode).toBe(200);
      await page.fill('#field-title', '本页修改后的项目名称');
      await page.getByTestId('version-conflict').waitFor();
      expect(await page.locator('#field-title').inputValue()).toBe('本页修改后的项目名称');
      expect(await titleOnServer()).toBe('另一窗口的项目名称');
      await button(page.getByTestId('version-conflict'), '用本页内容覆盖').click();
      await page.getByTestId('version-conflict').waitFor({ state: 'detached' });
      await saved();
      expect(await titleOnServer()).toBe('本页修改后的项目名称');

      // 断网时的修改只在本机：重新打开时提示恢复，恢复后保存到服务器。
      await page.route(`**/api/applications/${id}`, (route) =>
        route.request().method() === 'PUT' ? route.abort() : route.continue(),
      );
      await page.fill('#field-title', '断网时填写的项目名称');
      // The autosave waits 1 s, then the aborted request fails: on a loaded machine that outlasted the default 5 s.
      await expect
        .poll(() => page.getByTestId('save-status').textContent(), { timeout: 20_000 })
        .toContain('保存失败');
      await page.unrouteAll();
      await page.reload();
      await page.getByTestId('restore-local').waitFor();
      expect(await page.locator('#field-title').inputValue()).toBe('本页修改后的项目名称');
      await button(page.getByTestId('restore-local'), '恢复本机内容').click();
      await page.getByTestId('restore-local').waitFor({ state: 'detached' });
      expect(await page.locator('#field-title').inputValue()).toBe('断网时填写的项目名称');
      await saved();
      expect(await titleOnServer()).toBe('断网时填写的项目名称');
    } catch (error) {
      await failed(error);
    } finally {
      await page.context().close();
    }
  }, 60_000);
  it('退回修改的申报书：列表提示退回意见，编辑页列出每条理由和重新提交截止时间，点击理由转到所涉字段', async () => {
    const { admin, id } = await submitThroughApi(t);
    const organization = await repositories(t.db).organizations.findById(admin.organizationId);
    const reviewer = await insertUser(t, 'department', { departmentId: organization!.departmentId! });
    const returned = await inject(t.app, {
      method: 'POST',
      url: `/api/review/applications/${id}/return`,
      cookie: reviewer.cookie,
      payload: {
        reasons: [{ field: 'title', message: '项目名称应体现合作内容。' }, { message: '合作协议须重新盖章' }],
      },
    });
    expect(returned.statusCode).toBe(204);
    const page = await newPage(browser);
    const { failed } = screenshots(() => page);
    try {
      await page.goto(`${base}/login`);
      await page.fill('#login-name', admin.login);
      await page.fill('#login-password', VALID_PASSWORD);
      await button(page, '登录').click();
      await page.waitForURL(/\/applications$/);
      expect(await page.getByTestId('return-hint').textContent()).toContain('2 条退回意见');

      await page.goto(`${base}/applications/${id}`);
      const banner = page.getByTestId('return-banner');
      await banner.waitFor();
      const text = await banner.textContent();
      expect(text).toContain('1. 项目名称应体现合作内容');
      expect(text).toContain('2. 合作协议须重新盖章');
      expect(text).toMatch(/在 \d{4}-\d{2}-\d{2} 17:30:00（北京时间）前重新提交/);
      await banner.getByText('项目名称应体现合作内容').click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-title');
    } catch (error) {
      await failed(error);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
