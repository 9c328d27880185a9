import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositories } from '../../src/server/repositories/index.js';
import { seedCalls } from '../../src/server/seed/calls.js';
import { createDraft, unitWithPerson } from '../support/api/applicant.js';
import { attachRequiredDocuments, completeForm } from '../support/api/submitted-applications.js';
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
import { uniqueNumber } from '../support/factories/random.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';

// Issue 15 §5 in a real browser: the applicant sends two links, the German partner's PI confirms one
// application in English on a phone and corrects the other in Chinese; the applicant's card and the
// department's review page then show what the partner said.

requireWebBuild();

describe('境外合作方在手机上用英文确认一份申报书、更正另一份', () => {
  const t = useTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'shenbao-e2e-data-')) });
  let mailbox: Mailbox;
  let browser: Browser;
  let page: Page;
  let base: string;
  const { snap, failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    mailbox = await startMailbox(t, '申报系统 <noreply@shenbao.test>');
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await mailbox?.close();
  });

  /** A 专题四 draft naming a German partner and its PI (with the PI's e-mail if given), English title and abstract. */
  async function draftWithPartner(email?: string) {
    const admin = await unitWithPerson(t);
    const { id, version } = await createDraft(t, admin);
    const form = completeForm();
    const saved = await inject(t.app, {
      method: 'PUT',
      url: `/api/applications/${id}`,
      cookie: admin.cookie,
      payload: {
        version,
        form: {
          ...form,
          titleEn: 'Joint R&D of solid electrolytes for hydrogen and energy storage',
          abstractEn: 'Interface engineering of solid electrolytes, with pilot-scale validation.',
          team: {
            ...form.team,
            foreignPi: { name: 'Anna Schmidt', nationality: 'DE', position: 'Professor', email },
          },
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    return { admin, id, version: saved.json().application.version as number };
  }

  /** A submitted 专题四 application naming a German partner, its PI and the PI's e-mail, with its link sent. */
  async function submittedWithLink() {
    const email = `pi${uniqueNumber()}@partner.example`;
    const { admin, id, version } = await draftWithPartner(email);
    await attachRequiredDocuments(t.db, t.clock.now(), id, admin.organizationId, admin.userId);
    const submitted = await inject(t.app, {
      method: 'POST',
      url: `/api/applications/${id}/submit`,
      cookie: admin.cookie,
      payload: { version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const sent = await inject(t.app, {
      method: 'POST',
      url: `/api/applications/${id}/partner-confirmation`,
      cookie: admin.cookie,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const mail = await mailbox.mailTo(email);
    const link = /(\/partner\/confirm\?token=[A-Za-z0-9_-]+)/.exec(mail.text);
    expect(link, mail.text).not.toBeNull();
    return { admin, id, link: `${base}${link![1]}` };
  }

  /** Opens the link on a phone: English, axe clean, nothing wider than the screen. */
  async function openOnPhone(link: string) {
    page = await browser.newPage({ viewport: PHONE, bypassCSP: true, reducedMotion: 'reduce' });
    page.setDefaultTimeout(10_000);
    await page.goto(link);
    await page.getByText('Six statements about your institution').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
  }

  it('确认、更正（切换为中文），申报单位和主管部门随后看到确认标记和两方答案', async () => {
    const pageErrors: string[] = [];
    try {
      const confirmed = await submittedWithLink();
      const corrected = await submittedWithLink();

      await openOnPhone(confirmed.link);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.getByText('Joint R&D of solid electrolytes').waitFor();
      // Submitting without a name is refused in English beside the field.
      await page.getByRole('button', { name: 'Submit' }).click();
      await page.getByText('Please enter your name.').waitFor();
      await page.fill('#name', 'Anna Schmidt');
      await page.fill('#position', 'Professor');
      await snap('partner-en');
      await page.getByRole('button', { name: 'Submit' }).click();
      await page.getByText('Thank you: you have confirmed the statements.').waitFor();
      await page.close();

      await openOnPhone(corrected.link);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.locator('#sameGroup').getByText('Yes', { exact: true }).click();
      await page.getByText('中文', { exact: true }).click();
      await page.getByText('贵机构的六项情况').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.fill('#name', 'Anna Schmidt');
      await page.fill('#position', 'Professor');
      await button(page, '提交').click();
      await page.getByText('谢谢，您的更正已记录。').waitFor();
      await snap('partner-zh');
      await page.close();

      // The applicant's card, on the form's partner step.
      page = await pageWithSession(browser, base, corrected.admin.cookie);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${base}/applications/${corrected.id}`);
      await page.locator('.ant-steps').getByText('境外合作机构', { exact: true }).click();
      const card = page.getByTestId('partner-confirmation');
      await card.getByText('合作方已更正').waitFor();
      await card.getByText('是（更正）').waitFor();
      await card.getByText(/经合作方确认（\d{4}-\d{2}-\d{2}）/).waitFor();
      await page.close();

      // The department's review page: the mark with its date, and both answers where the partner corrected.
      const application = await repositories(t.db).applications.findById(confirmed.id);
      const department = await insertUser(t, 'department', { departmentId: application!.departmentId });
      page = await pageWithSession(browser, base, department.cookie);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${base}/review/${confirmed.id}`);
      const reviewCard = page.getByTestId('partner-confirmation');
      await reviewCard.getByText('合作方已确认').waitFor();
      await page
        .getByTestId('partner-mark')
        .getByText(/经合作方确认（\d{4}-\d{2}-\d{2}）/)
        .waitFor();
      expect(await reviewCard.getByText('（更正）').count()).toBe(0);
      await page.goto(`${base}/review/${corrected.id}`);
      await reviewCard.getByText('是（更正）').waitFor();
      await reviewCard.getByText('确认人：Anna Schmidt（Professor）').waitFor();
      await snap('department');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();

      // The card's readiness follows the form: once autosave has kept the PI's e-mail, the link can be sent.
      const draft = await draftWithPartner();
      page = await pageWithSession(browser, base, draft.admin.cookie);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${base}/applications/${draft.id}`);
      const steps = page.locator('.ant-steps');
      await steps.getByText('境外合作机构', { exact: true }).click();
      const draftCard = page.getByTestId('partner-confirmation');
      await draftCard.getByText(/发送前请填写：.*境外方负责人的电子邮箱/).waitFor();
      await steps.getByText('项目团队', { exact: true }).click();
      await page.fill('#field-team-foreignPi-email', 'anna.schmidt@partner.example');
      await expect
        .poll(() => page.getByTestId('save-status').textContent(), { timeout: 20_000 })
        .toMatch(/已保存 \d{2}:\d{2}:\d{2}/);
      await steps.getByText('境外合作机构', { exact: true }).click();
      await expect.poll(() => button(draftCard, '发送确认链接').isEnabled()).toBe(true);
      expect(await draftCard.getByText('境外方负责人的电子邮箱').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await failed(error);
    }
  }, 180_000);
});
