import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWanDecimal } from '../../src/core/money.js';
import { seedCalls } from '../../src/server/seed/calls.js';
import { acceptedApplication, reviewStage } from '../support/api/expert-review.js';
import { createPanel, panelBody, panelExpert } from '../support/api/panels.js';
import {
  axeViolations,
  button,
  launchChromium,
  pageWithSession,
  PHONE,
  requireWebBuild,
  screenshots,
  sidewaysOverflow,
  watched,
} from '../support/browser.js';
import { useTestApp } from '../support/harness.js';
import { pdfText } from '../support/pdf-text.js';

// 会评 in a browser (issue 14 §5): the province records the members' votes and the panel's recommendation with
// an amount in 万元 on the meeting page; the chair opens the meeting from their own area and signs the minutes
// off; the record is then frozen and the minutes download as a PDF saying who signed. On a phone nothing scrolls
// sideways and axe finds no serious problem (the CSP is bypassed only to inject axe, as every-page does).

requireWebBuild();

const TITLE = '面向深海装备的耐压传感器联合研发';
const PROPOSED_WAN = 50;

// A story: each step goes on from the page and the records the step before it left, so they keep their order.
describe('会评会议：记录表决与建议，主持人签署纪要', { shuffle: false }, () => {
  const t = useTestApp();
  let browser: Browser;
  let page: Page;
  let base: string;
  let province: string;
  let meetingId: string;
  let chair: { cookie: string; name: string };
  let member: { name: string };
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { failed, snap } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    const stage = await reviewStage(t);
    province = stage.province;
    const [first, second] = [await panelExpert(stage), await panelExpert(stage)];
    chair = first!;
    member = second!;
    const application = await acceptedApplication(stage, {
      title: TITLE,
      budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 700_000 },
    });
    const created = await createPanel(stage, panelBody([first!.id, second!.id], [application.id]));
    expect(created.statusCode, created.body).toBe(201);
    meetingId = created.json().panel.meeting.id;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(cookie: string, viewport = { width: 1440, height: 1000 }) {
    page = watched(await pageWithSession(browser, base, cookie, viewport), pageErrors, serverErrors);
    return page;
  }

  it('省里记录两位专家的表决、一致评分和建议立项及经费（万元）', async () => {
    try {
      const p = await signedIn(province);
      await p.goto(`${base}/province/panels`);
      await p.getByRole('link', { name: '国际合作项目会评' }).click();
      const item = p.getByTestId('panel-item-1');
      await item.getByText(TITLE, { exact: false }).waitFor();

      await item
        .getByRole('radiogroup', { name: `${chair.name}的表决` })
        .getByText('支持', { exact: true })
        .click();
      await item.getByText('支持 1 票，不支持 0 票，弃权 0 票，未投票 1 人').waitFor();
      await item
        .getByRole('radiogroup', { name: `${member.name}的表决` })
        .getByText('不支持', { exact: true })
        .click();
      await item.getByText('支持 1 票，不支持 1 票，弃权 0 票').waitFor();

      await item.getByLabel('讨论记录').fill('合作方案可行，建议压缩设备费后资助。');
      await item.getByLabel('一致评分（0–100）').fill('84');
      await item.getByLabel('会评建议').click();
      await p
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: /^建议立项$/ })
        .click();
      await item.getByLabel('建议资助经费（万元）').fill(String(PROPOSED_WAN));
      await button(item, '保存记录').click();
      await item.getByText('版本 2').waitFor();
      await snap('panel-recorded');

      await p.setViewportSize(PHONE);
      await item.getByText('版本 2').waitFor();
      // The page lays itself out again for the phone a render after the resize, not at once.
      await expect.poll(() => sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);

  it('主持人在专家区打开会议，只读查看记录并签署纪要', async () => {
    try {
      const p = await signedIn(chair.cookie, PHONE);
      await p.goto(`${base}/expert`);
      await p.getByTestId('chaired-panels').getByRole('link', { name: '国际合作项目会评' }).click();
      await p.getByText('合作方案可行，建议压缩设备费后资助。').waitFor();
      expect(await p.locator('main').textContent()).toContain(formatWanDecimal(PROPOSED_WAN * 10_000));
      expect(await p.getByRole('button', { name: '保存记录' }).count()).toBe(0);
      expect(await sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);

      await p.getByTestId('sign-off').click();
      await button(p.getByRole('dialog'), '确认签署').click();
      await p.getByTestId('signed-off').waitFor();
      expect(await p.getByTestId('signed-off').textContent()).toContain(chair.name);
      expect(await p.getByTestId('sign-off').count()).toBe(0);
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);

  it('签署后记录冻结，纪要 PDF 写明建议、经费和签署人；立项决定页并列显示会评建议', async () => {
    try {
      const p = await signedIn(province);
      await p.goto(`${base}/province/panels/${meetingId}`);
      await p.getByText('主持人已签署会评纪要，记录已冻结，不能再修改').waitFor();
      expect(await p.getByRole('button', { name: '保存记录' }).count()).toBe(0);

      const [download] = await Promise.all([
        p.waitForEvent('download'),
        p.getByTestId('minutes-download').click(),
      ]);
      const { text } = await pdfText(new Uint8Array(readFileSync((await download.path())!)));
      const flat = text.replace(/\s+/g, '');
      for (const expected of [
        '建议立项',
        formatWanDecimal(PROPOSED_WAN * 10_000),
        `会议主持人${chair.name}已于`,
        '支持1票，不支持1票，弃权0票',
      ]) {
        expect(flat).toContain(expected.replace(/\s+/g, ''));
      }

      await p.goto(`${base}/province/decisions`);
      const comparison = p.getByTestId('panel-comparison').first();
      await comparison.getByText('建议立项').waitFor();
      expect(await comparison.textContent()).toContain(formatWanDecimal(PROPOSED_WAN * 10_000));
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 120_000);
});
