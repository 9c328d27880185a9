import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  expertAssignments,
  experts,
  panelMeetings,
  users,
} from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.js';
import { inject, login, useTestApp } from '../support/harness.js';
import { insertPlatforms } from '../support/api/platforms.js';
import {
  button,
  launchChromium,
  newPage,
  requireWebBuild,
  screenshots,
  signIn,
  watched,
} from '../support/browser.js';
import { seedDemoForBrowser } from '../support/demo-world.js';

// Every page of every role, on a phone (390 × 844) and, for the five pages most used, on a desktop: nothing
// scrolls sideways on the phone, and axe-core finds no critical or serious violation. Then the editor is used
// with the keyboard alone. One server and one browser, on the demo's data. The pages bypass the CSP only so that
// axe can be injected as an inline script; the other e2e suites run under the CSP and fail on its reports.

requireWebBuild();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 1000 };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The demo's enterprise draft (seed/demo.ts), and the institute's submitted application. */
const DRAFT_TITLE = '面向智能制造装备的高精度伺服系统联合研发';
const SUBMITTED_TITLE = '苏港先进材料界面调控联合研发';

interface Visit {
  path: string;
  /** Also checked by axe at desktop width. */
  desktop?: boolean;
}

interface Account {
  /** Absent: the pages are public. */
  login?: string;
  visits: Visit[];
}

describe('每一页在手机上不横向滚动，且没有严重的无障碍问题', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-'));
  const t = useTestApp({ DATA_DIR: dataDir });
  let browser: Browser;
  let page: Page;
  let base: string;
  let accounts: Account[];
  let draftId: string;
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { snap, failed } = screenshots(() => page);

  const applicationId = async (title: string) =>
    (
      await t.db
        .select({ id: applications.id })
        .from(applications)
        .where(sql`${applications.form}->>'title' = ${title}`)
    )[0]!.id;

  beforeAll(async () => {
    await seedDemoForBrowser(t, dataDir);

    // The demo's approval awaiting its 公示 is published, so that the public has one to read.
    const province = await login(t.app, 'demo-province', DEMO_PASSWORD);
    const draft = await inject(t.app, {
      method: 'POST',
      url: '/api/province/announcements',
      cookie: province,
      payload: { callId: PRACTICE_CALL_ID },
    });
    expect(draft.statusCode, draft.body).toBeLessThan(300);
    const announcementId = draft.json().announcement.id as string;
    const published = await inject(t.app, {
      method: 'POST',
      url: `/api/province/announcements/${announcementId}/publish`,
      cookie: province,
    });
    expect(published.statusCode, published.body).toBeLessThan(300);

    // 东南大学 holds a recorded platform and 南京星河 an invitation to a directed stream, so their pages show rows.
    const organizationOf = async (login: string) =>
      (await t.db.select().from(users).where(eq(users.login, login)))[0]!.organizationId!;
    const daxue = await organizationOf('demo-daxue');
    await insertPlatforms(t.db, daxue, ['belt-road-joint-lab']);
    const invited = await inject(t.app, {
      method: 'POST',
      url: `/api/province/calls/${PRACTICE_CALL_ID}/invitations`,
      cookie: province,
      payload: { topic: 1, direction: 'big-science', organizationId: await organizationOf('demo-qiye') },
    });
    expect(invited.statusCode, invited.body).toBe(201);

    draftId = await applicationId(DRAFT_TITLE);
    const submittedId = await applicationId(SUBMITTED_TITLE);
    const [assignment] = await t.db
      .select({ id: expertAssignments.id, applicationId: expertAssignments.applicationId })
      .from(expertAssignments)
      .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
      .innerJoin(users, eq(users.id, experts.userId))
      // 周教授 accepted the demo's 函评 invitation: the scoring page opens (the demo expert's is still pending).
      .where(eq(users.login, 'demo-expert-zhou'));

    // The demo's 会评, chaired by the demo expert.
    const [panel] = await t.db.select({ id: panelMeetings.id }).from(panelMeetings);
    const { organizationId: institute } = (await repositories(t.db).users.findByLogin('demo-yanjiusuo'))!;
    // A 定稿 of the submitted application, whose fingerprint the public page confirms.
    const fingerprint = createHash('sha256').update('every-page').digest('hex');
    const snapshot = await repositories(t.db).snapshots.insertOrFind({
      applicationId: submittedId,
      sha256: fingerprint,
      content: {},
      createdBy: (await repositories(t.db).users.findByLogin('demo-qiye'))!.id,
    });
    await repositories(t.db).snapshots.setCurrent(submittedId, snapshot.id);
    accounts = [
      {
        visits: [
          { path: '/login', desktop: true },
          { path: '/register' },
          { path: '/forgot-password' },
          { path: '/reset-password?token=not-a-real-token' },
          { path: '/accept-invitation' },
          { path: '/claim-organization' },
          { path: '/public/announcements', desktop: true },
          { path: `/public/announcements/${announcementId}`, desktop: true },
          { path: `/verify/${fingerprint}`, desktop: true },
          { path: `/verify/${'0'.repeat(64)}` },
        ],
      },
      {
        login: 'demo-qiye',
        visits: [
          { path: '/applications', desktop: true },
          { path: `/applications/${draftId}`, desktop: true },
          { path: '/people' },
          { path: '/account', desktop: true },
          { path: '/entitlements' },
          { path: '/unit-users' },
          { path: '/organization' },
          { path: `/applications/${draftId}/commitments/unit` },
          { path: '/messages', desktop: true },
        ],
      },
      {
        login: 'demo-yanjiusuo',
        visits: [{ path: `/applications/${submittedId}` }, { path: `/applications/${submittedId}/receipt` }],
      },
      {
        login: 'demo-suzhou',
        visits: [
          { path: '/review', desktop: true },
          { path: `/review/${submittedId}` },
          { path: '/review/confirm' },
          { path: '/review/summary' },
          { path: '/review/paper' },
          { path: '/review/import' },
          { path: '/review/commitment' },
          { path: '/department/staff' },
          { path: '/messages' },
          { path: '/review/organizations' },
          { path: `/review/organizations/${institute}` },
        ],
      },
      {
        login: 'demo-province',
        visits: [
          { path: '/province' },
          { path: '/province/calls' },
          { path: `/province/calls/${PRACTICE_CALL_ID}` },
          { path: '/province/confirmations' },
          { path: '/province/import' },
          { path: '/province/registers' },
          { path: '/province/departments' },
          { path: '/province/organizations' },
          { path: `/province/organizations/${daxue}` },
          { path: '/province/directed' },
          { path: '/province/cross-checks' },
          { path: '/province/formal-review' },
          { path: '/province/appeals' },
          { path: '/province/experts' },
          { path: '/province/paper' },
          { path: `/province/experts/applications/${assignment!.applicationId}` },
          { path: '/province/decisions' },
          { path: '/province/panels' },
          { path: `/province/panels/${panel!.id}` },
          { path: '/province/audit' },
          { path: '/province/accounts' },
          { path: '/messages' },
        ],
      },
      {
        login: 'demo-expert',
        visits: [{ path: '/expert' }, { path: '/expert/invitations' }, { path: '/messages' }],
      },
      {
        login: 'demo-expert-zhou',
        visits: [{ path: `/expert/assignments/${assignment!.id}` }],
      },
      {
        login: 'demo-expert-zhao',
        visits: [{ path: `/expert/panels/${panel!.id}` }],
      },
    ];

    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Waits until the page's code and data have arrived: no request under way, no skeleton, and no spinner (for
   * a while: a page watching a job under way keeps its spinner).
   */
  async function settled(p: Page) {
    await p.waitForLoadState('networkidle');
    await expect.poll(() => p.locator('.ant-skeleton-active').count()).toBe(0);
    await expect
      .poll(() => p.locator('.ant-spin-spinning').count(), { timeout: 3_000 })
      .toBe(0)
      .catch(() => undefined);
  }

  /** What is wider than the phone's window, named by its tag and classes, for the failure report. */
  async function sidewaysScroll(p: Page): Promise<string | undefined> {
    return p.evaluate(() => {
      const width = window.innerWidth;
      const html = document.documentElement.scrollWidth;
      const body = document.body.scrollWidth;
      if (html <= width && body <= width) return undefined;
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 1)
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
      return `页面宽 ${Math.max(html, body)}px > ${width}px：${wide.join(', ')}`;
    });
  }

  /** axe-core's critical and serious violations, each with its count of nodes and the first one's markup. */
  async function axeViolations(p: Page): Promise<string[]> {
    await p.addScriptTag({ content: AXE_SOURCE });
    const violations = await p.evaluate(async () => {
      interface Node {
        target: string[];
        html: string;
        any: { data?: unknown }[];
      }
      interface AxeResults {
        violations: { id: string; impact: string; nodes: Node[] }[];
      }
      const axe = (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
      return (await axe.run()).violations;
    });
    return violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => {
        const node = v.nodes[0]!;
        const data = node.any[0]?.data ? ` ${JSON.stringify(node.any[0].data)}` : '';
        return `${v.id} (${v.nodes.length}): ${node.target.join(' ')} ${node.html.slice(0, 120)}${data}`;
      });
  }

  it('手机宽度下每个角色的每一页都不横向滚动，axe 无严重问题；五个常用页桌面宽度下亦然', async () => {
    const problems: string[] = [];
    try {
      for (const account of accounts) {
        page = watched(
          await newPage(browser, { viewport: PHONE, bypassCSP: true }),
          pageErrors,
          serverErrors,
        );
        if (account.login)
          await signIn(page, base, account.login, /\/(applications|people|review|province|expert)\b/);
        for (const visit of account.visits) {
          const where = `${account.login ?? '公众'} ${visit.path}`;
          for (const viewport of visit.desktop ? [PHONE, DESKTOP] : [PHONE]) {
            await page.setViewportSize(viewport);
            await page.goto(`${base}${visit.path}`);
            await settled(page);
            if (viewport === PHONE) {
              await snap(where.replace(/[^\w-]+/g, '_'));
              const wide = await sidewaysScroll(page);
              if (wide) problems.push(`${where} 手机：${wide}`);
            }
            for (const v of await axeViolations(page)) {
              problems.push(`${where} ${viewport === PHONE ? '手机' : '桌面'} axe：${v}`);
            }
          }
        }
        await page.context().close();
      }
      expect(problems).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 600_000);

  it('手机上菜单在抽屉里，新建申报书的对话框和按钮都在屏幕内', async () => {
    page = watched(await newPage(browser, { viewport: PHONE, bypassCSP: true }), pageErrors, serverErrors);
    try {
      await signIn(page, base, 'demo-qiye', /\/applications$/);
      // No side menu takes the phone's width: the menu opens from the header.
      expect(await page.getByRole('menuitem', { name: /项目负责人/ }).count()).toBe(0);
      await button(page, '打开菜单').click();
      await page.getByRole('menuitem', { name: /项目负责人/ }).click();
      await page.waitForURL(/\/people$/);
      await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);

      await button(page, '打开菜单').click();
      await page.getByRole('menuitem', { name: /申报书/ }).click();
      await page.waitForURL(/\/applications$/);
      await button(page, '新建申报书').click();
      const create = button(page.locator('.ant-modal'), '创建并填写');
      await create.waitFor();
      // The demo opens the example calls of calls/ too: the applicant picks the call first.
      await page.click('#new-application_callId');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '（演示）' })
        .click();
      const box = (await create.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(await sidewaysScroll(page)).toBeUndefined();

      // 南京星河 is invited to 方向1 only: 方向2（我省在境外建设）is explained, not offered.
      await page.locator('.ant-modal').getByText('专题一 重大科技开放合作平台建设项目').click();
      const notice = page.getByTestId('directed-notice');
      await notice.waitFor();
      expect(await notice.innerText()).toMatch(
        /我省在境外建设.*仅受邀单位可申报[\s\S]*如需申报请联系省科技厅对外合作处/,
      );
      await page.click('#new-application_direction');
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      expect(await options.allInnerTexts()).toEqual([
        '方向1 国际大科学计划推进项目',
        '方向2 科技创新合作平台建设项目（境外机构在我省建设）',
      ]);
      expect(await sidewaysScroll(page)).toBeUndefined();
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  /**
   * Presses Tab from the top of the page until the focus comes round again, and returns where it went: each
   * stop's nearest form field (`field-…`), or the label of a step of the step navigation.
   */
  async function tabWalk(p: Page): Promise<string[]> {
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const stops: string[] = [];
    let first: string | undefined;
    for (let i = 0; i < 250; i++) {
      await p.keyboard.press('Tab');
      const stop = await p.evaluate(() => {
        const active = document.activeElement;
        if (!active || active === document.body) return undefined;
        const path = [...document.querySelectorAll('*')].indexOf(active);
        const step = active.closest('.ant-steps-item');
        const field = active.closest('[id^="field-"]');
        return {
          path,
          name: step ? `步骤：${step.querySelector('.ant-steps-item-title')?.textContent}` : field?.id,
        };
      });
      if (!stop) continue;
      const key = String(stop.path);
      if (key === first) break;
      first ??= key;
      if (stop.name) stops.push(stop.name);
    }
    return stops;
  }

  /** The form's fields a keyboard must reach: the nearest `field-…` of every enabled control of the step. */
  const fieldsOf = (p: Page) =>
    p.evaluate(() => {
      const controls = document.querySelectorAll<HTMLElement>(
        '.ant-card input:not([type="hidden"]):not([disabled]), .ant-card textarea:not([disabled])',
      );
      return [
        ...new Set(
          [...controls].map((c) => c.closest('[id^="field-"]')?.id).filter((id): id is string => !!id),
        ),
      ];
    });

  it('只用键盘填写申报书：Tab 能到达每一步的每个字段和步骤导航，回车切换步骤', async () => {
    page = watched(await newPage(browser, { viewport: DESKTOP, bypassCSP: true }), pageErrors, serverErrors);
    const problems: string[] = [];
    try {
      await signIn(page, base, 'demo-qiye', /\/applications$/);
      await page.goto(`${base}/applications/${draftId}`);
      await settled(page);
      const steps = await page.locator('.ant-steps-item-title').allTextContents();
      expect(steps.length).toBeGreaterThan(1);

      for (const [index, title] of steps.entries()) {
        if (index > 0) {
          // To the step by the keyboard alone: Tab onto its entry in the step navigation, then Enter.
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          for (let i = 0; i < 250; i++) {
            await page.keyboard.press('Tab');
            const on = await page.evaluate(
              () =>
                document.activeElement?.closest('.ant-steps-item')?.querySelector('.ant-steps-item-title')
                  ?.textContent,
            );
            if (on === title) break;
          }
          await page.keyboard.press('Enter');
          await expect
            .poll(() => page.locator('.ant-steps-item-process .ant-steps-item-title').textContent())
            .toBe(title);
          await settled(page);
        }
        const stops = await tabWalk(page);
        const missed = (await fieldsOf(page)).filter((field) => !stops.includes(field));
        if (missed.length) problems.push(`${title}：Tab 到不了 ${missed.join('、')}`);
        const unreached = steps.filter((s) => !stops.includes(`步骤：${s}`));
        if (unreached.length) problems.push(`${title}：Tab 到不了步骤 ${unreached.join('、')}`);
        for (const v of await axeViolations(page)) problems.push(`${title} axe：${v}`);
      }
      expect(problems).toEqual([]);

      // A field filled from the keyboard keeps its value across a change of step made from the keyboard.
      const title = '键盘填写的项目名称：固态电解质联合研发';
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (let i = 0; i < 250; i++) {
        await page.keyboard.press('Tab');
        const on = await page.evaluate(() => document.activeElement?.closest('.ant-steps-item') !== null);
        if (on) break;
      }
      await page.keyboard.press('Enter');
      await page.locator('#field-title').waitFor();
      for (
        let i = 0;
        i < 250 && (await page.evaluate(() => document.activeElement?.id)) !== 'field-title';
        i++
      ) {
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(title);
      for (let i = 0; i < 250; i++) {
        await page.keyboard.press('Shift+Tab');
        const on = await page.evaluate(
          () =>
            document.activeElement?.closest('.ant-steps-item')?.querySelector('.ant-steps-item-title')
              ?.textContent,
        );
        if (on === steps[1]) break;
      }
      await page.keyboard.press('Enter');
      await page.locator('#field-team-pi-birthYear').waitFor();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#field-title').inputValue()).toBe(title);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 300_000);
});
