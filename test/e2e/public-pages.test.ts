import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { seedCalls } from '../../src/server/seed/calls.js';
import {
  axeViolations,
  button,
  launchChromium,
  newPage,
  PHONE,
  requireWebBuild,
  screenshots,
  sidewaysOverflow,
  watched,
} from '../support/browser.js';
import { firstPages, firstPageWorld, transferred, type FirstPageWorld } from '../support/first-page.js';
import { useTestApp } from '../support/harness.js';

// The public pages in English (issue 15 §5) and the first pages' download (issue 16 §3): what Chromium transfers
// of JS and CSS stays within budget, precompressed, cached for good when hashed and never when it is index.html.

requireWebBuild();

describe('公开页面的英文版与首屏下载量', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-e2e-public-'));
  const t = useTestApp({ DATA_DIR: dataDir });
  let browser: Browser;
  let page: Page;
  let base: string;
  let world: FirstPageWorld;
  const pageErrors: string[] = [];
  const serverErrors: string[] = [];
  const { failed } = screenshots(() => page);

  beforeAll(async () => {
    // The browser drops a session cookie whose expiry is past by its own clock: the server's clock is real time.
    t.clock.set(new Date());
    await seedCalls(t.db, t.clock.now());
    world = await firstPageWorld(
      t.app,
      t.db,
      t.clock,
      loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    );
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('登录页、公示页 ≤ 250 KB，申报单位登录后的首页 ≤ 350 KB（JS+CSS 实际传输），均为 brotli 压缩、哈希文件永久缓存', async () => {
    for (const first of firstPages(world)) {
      const cookie = first.signedIn ? world.applicantCookie : undefined;
      const { js, css, assets } = await transferred(browser, base, first, { cookie });
      expect(
        js + css,
        `${first.name}: ${assets.map((a) => `${a.url} ${a.bytes}`).join('\n')}`,
      ).toBeLessThanOrEqual(first.budget);
      expect(assets.filter((a) => a.url.endsWith('.css')).length, first.name).toBeGreaterThan(0);
      for (const asset of assets) {
        expect(asset.cacheControl, asset.url).toBe('public, max-age=31536000, immutable');
        expect(asset.vary, asset.url).toMatch(/accept-encoding/i);
        // Files under 1 KB are sent as they are: their compressed copy would save less than it costs.
        if (asset.bytes > 1000) expect(asset.encoding, asset.url).toBe('br');
      }
    }
    // ECharts and the other roles' pages are no part of these downloads.
    const applicant = firstPages(world).find((p) => p.signedIn)!;
    const { assets } = await transferred(browser, base, applicant, { cookie: world.applicantCookie });
    expect(assets.map((a) => a.url).filter((url) => /echarts|zrender/.test(url))).toEqual([]);
  }, 120_000);

  it('同一文件按 Accept-Encoding 给出 brotli、gzip 或原文；index.html 不缓存', async () => {
    const html = await t.app.inject({ method: 'GET', url: '/login' });
    expect(html.headers['cache-control']).toBe('no-cache');
    const root = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } });
    expect(root.headers['cache-control']).toBe('no-cache');
    expect(html.headers['content-type']).toMatch(/text\/html/);
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html.body)?.[1];
    expect(script).toBeDefined();
    const as = (encoding: string | undefined) =>
      t.app.inject({
        method: 'GET',
        url: script!,
        headers: encoding ? { 'accept-encoding': encoding } : {},
      });
    const [br, gzip, identity] = await Promise.all([as('gzip, deflate, br'), as('gzip'), as(undefined)]);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(identity.headers['content-encoding']).toBeUndefined();
    for (const response of [br, gzip, identity]) {
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
    }
    expect(br.rawPayload.length).toBeLessThan(gzip.rawPayload.length);
    expect(gzip.rawPayload.length).toBeLessThan(identity.rawPayload.length);
  });

  it('每个公开页面可切换为英文（390 px 宽，无横向滚动，axe 无严重问题），选择在各页之间和重新加载后保持', async () => {
    const english: { path: string; shows: string }[] = [
      { path: '/register', shows: 'Register an applicant organization' },
      { path: '/forgot-password', shows: 'Forgot your password' },
      { path: '/reset-password?token=not-a-real-token', shows: 'Reset your password' },
      { path: '/accept-invitation', shows: 'The link is incomplete' },
      { path: '/claim-organization', shows: 'Claim a registered organization' },
      { path: '/public/announcements', shows: 'Projects proposed for funding: public notice' },
      { path: `/public/announcements/${world.announcementId}`, shows: 'Publication period' },
      { path: `/verify/${'0'.repeat(64)}`, shows: 'Fingerprint not found' },
    ];
    const check = async (where: string) => {
      expect(await sidewaysOverflow(page), where).toBeLessThanOrEqual(0);
      expect(await axeViolations(page), where).toEqual([]);
      expect(await page.locator('html').getAttribute('lang'), where).toBe('en');
    };
    try {
      page = watched(await newPage(browser, { viewport: PHONE, bypassCSP: true }), pageErrors, serverErrors);
      await page.goto(`${base}/login`);
      await page.getByRole('heading', { name: '登录' }).waitFor();
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      // The form's own checks, and a refusal of the server it knows by its code, are in English too.
      await button(page, 'Sign in').click();
      await page.getByText('Enter your login name').waitFor();
      await page.fill('#login-name', 'demo-qiye');
      await page.fill('#login-password', 'not-the-password');
      await button(page, 'Sign in').click();
      await page.getByText('Wrong login name or password.').waitFor();
      await check('/login');

      for (const { path, shows } of english) {
        await page.goto(`${base}${path}`);
        await page.getByText(shows).first().waitFor();
        if (path.startsWith('/public/announcements/')) {
          await button(page, 'I want to object').click();
          await page.getByLabel('Real name').waitFor();
        }
        await check(path);
      }

      await page.reload();
      await page.getByText('Fingerprint not found').waitFor();
      await page.getByText('中文', { exact: true }).click();
      await page.getByText('未找到该指纹').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(pageErrors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      throw await failed(error);
    }
  }, 120_000);
});
