import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWanDecimal } from '../../src/core/money.js';
import { applications, reviewConfirmations } from '../../src/server/db/schema.js';
import { PRACTICE_CALL_ID, seedCalls } from '../../src/server/seed/calls.js';
import { scoreableAssignment } from '../support/api/expert-review.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import {
  axeViolations,
  launchChromium,
  pageWithSession,
  PHONE,
  requireWebBuild,
  screenshots,
  sidewaysOverflow,
  watched,
} from '../support/browser.js';
import { uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import { inject, insertUser, signInAsNewHolder, useTestApp } from '../support/harness.js';

// Reviewers read the real 申报书 in a browser (issue 13, 5): the department and the expert open the same
// application, read a section in its markup and the 经费预算表 in 万元; the expert's criterion link brings its
// part into view; on a phone nothing scrolls sideways and axe finds no serious problem. The pages bypass the CSP
// only so that axe can be injected, as every-page.test.ts does.

requireWebBuild();

const TITLE = '面向海洋工程的耐蚀合金联合研发';
const REQUESTED = 700_000;
const MEMBER = '王强';
const MEMBER_ID = '320102198001010011';

describe('审核方在浏览器中阅读完整申报书', () => {
  const t = useTestApp();
  let browser: Browser;
  let page: Page;
  let base: string;
  let applicationId: string;
  let department: string;
  let province: string;
  let expert: { cookie: string; assignmentId: string };
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    province = (await insertUser(t, 'province')).cookie;
    const dept = await insertUser(t, 'department');
    department = dept.cookie;
    await t.db.insert(reviewConfirmations).values({
      departmentId: dept.user.departmentId!,
      callId: PRACTICE_CALL_ID,
      confirmedAt: t.clock.now(),
      confirmedBy: dept.user.id,
      summary: {},
    });
    const row = await insertSubmitted(t.db, t.clock.now(), {
      departmentId: dept.user.departmentId!,
      form: {
        title: TITLE,
        budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: REQUESTED },
      },
    });
    applicationId = row.id;
    await t.db.update(applications).set({ status: 'recommended' }).where(eq(applications.id, row.id));
    const accepted = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/formal-review/${row.id}`,
      cookie: province,
      payload: { result: 'accepted' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const login = uniqueLogin('expert');
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/province/experts',
      cookie: province,
      payload: {
        name: '卫教授',
        organizationName: '东南测试研究院',
        organizationCreditCode: null,
        fields: ['氢能与新型储能'],
        title: '教授',
        phone: '025-83790000',
        email: 'expert@example.cn',
        account: { login, password: VALID_PASSWORD },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    // Assigned in the call's 函评 round, the invitation accepted (保密承诺, no conflict): the expert may read it.
    const expertCookie = (await signInAsNewHolder(t.app, login)).cookie;
    const stage = { t, province, departmentId: dept.user.departmentId!, departmentUserId: dept.user.id };
    expert = {
      cookie: expertCookie,
      assignmentId: await scoreableAssignment(stage, row.id, {
        id: created.json().expert.id,
        cookie: expertCookie,
      }),
    };
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page signed in with `cookie` (a session the API opened), bypassing the CSP for axe. */
  async function signedIn(cookie: string, viewport = { width: 1440, height: 1000 }) {
    page = watched(await pageWithSession(browser, base, cookie, viewport), pageErrors, serverErrors);
    return page;
  }

  it('主管部门读到各节正文、经费预算表和项目组成员，看不到证件号码', async () => {
    try {
      const p = await signedIn(department);
      await p.goto(`${base}/review/${applicationId}`);
      expect(await p.getByTestId('form-title').textContent()).toBe(TITLE);
      const plan = p.getByTestId('part-researchPlan');
      expect(await plan.locator('li').allTextContents()).toEqual(['工艺优化', '中试验证']);
      expect(await p.getByTestId('part-innovations').locator('strong').textContent()).toBe('创新点一');
      const provincial = p.getByTestId('budget-table').locator('tbody tr').filter({ hasText: '省拨款' });
      expect(await provincial.locator('td').allTextContents()).toEqual([
        '省拨款',
        formatWanDecimal(REQUESTED),
        formatWanDecimal(REQUESTED),
      ]);
      expect(await p.getByTestId('budget-provincial').textContent()).toBe(formatWanDecimal(REQUESTED));
      expect(await p.getByTestId('part-team').textContent()).toContain(MEMBER);
      expect(await p.locator('main').textContent()).not.toContain(MEMBER_ID);

      await p.setViewportSize(PHONE);
      await p.getByTestId('budget-table').waitFor();
      // The page lays itself out again for the phone a render after the resize, not at once.
      await expect.poll(() => sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);

  it('专家读到申报书而无人名，点评审项旁的链接跳到相应部分；附件只列出允许的种类', async () => {
    try {
      const p = await signedIn(expert.cookie);
      await p.goto(`${base}/expert/assignments/${expert.assignmentId}`);
      await p.getByText('申报书（已隐去个人信息）').waitFor();
      expect(await p.getByTestId('part-researchPlan').locator('li').allTextContents()).toEqual([
        '工艺优化',
        '中试验证',
      ]);
      expect(await p.getByTestId('budget-provincial').textContent()).toBe(formatWanDecimal(REQUESTED));
      expect(await p.getByTestId('part-team').textContent()).toContain('中试验证');
      const main = await p.locator('main').textContent();
      expect(main).not.toContain(MEMBER);
      expect(main).not.toContain(MEMBER_ID);
      expect(main).not.toContain('Anna Schmidt');
      const documents = p.getByTestId('expert-documents');
      await documents.getByText('合作协议').waitFor();
      expect(await documents.textContent()).not.toContain('承诺书');

      const budgetPart = p.getByTestId('part-budgetTable');
      const inView = () =>
        budgetPart.evaluate((el) => {
          const top = el.getBoundingClientRect().top;
          return top >= -1 && top < window.innerHeight / 2;
        });
      await p.getByTestId('score-budget').scrollIntoViewIfNeeded();
      expect(await inView()).toBe(false);
      await p.getByTestId('criterion-link-budget').click();
      await expect.poll(inView).toBe(true);

      await p.setViewportSize(PHONE);
      // The page lays itself out again for the phone a render after the resize, not at once.
      await expect.poll(() => sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);

  it('省里的专家评审页附有申报书，成员有姓名而无证件号码', async () => {
    try {
      const p = await signedIn(province, PHONE);
      await p.goto(`${base}/province/experts/applications/${applicationId}`);
      const content = p.getByTestId('application-content');
      await content.getByTestId('part-rationale').waitFor();
      expect(await content.getByTestId('part-team').textContent()).toContain(MEMBER);
      expect(await p.locator('main').textContent()).not.toContain(MEMBER_ID);
      expect(await sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);
});
