import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.js';

// What every browser test shares: the built web app, Debian's Chromium, labelled buttons, screenshots, and the
// phone width and axe check that every page must pass.

const WEB_INDEX = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Dialogs, messages and alerts: what a failure report quotes from the page. */
const SAID = '.ant-modal:visible, .ant-message-notice, .ant-notification-notice, .ant-alert';
/** Set to a directory to keep a screenshot of every milestone, not only of a failure. */
const KEEP_SCREENSHOTS = process.env.SHENBAO_E2E_SCREENSHOTS;

/** Refuses to start without the built web app, which the server serves. */
export function requireWebBuild(): void {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(`${WEB_INDEX} is missing: build the web app first with \`npm run build:web\``);
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page in a context of its own (no cookies shared with other pages); `options` e.g. set a time zone. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
    locale: 'zh-CN',
    acceptDownloads: true,
    // The app then turns antd's animations off: a click never lands on a dialog still zooming into place,
    // where the button under mouse-down has moved away by mouse-up (CI's slow machines lost clicks so).
    reducedMotion: 'reduce',
    ...options,
  });
  page.setDefaultTimeout(10_000);
  return page;
}

/** A button by its label: antd spaces out two-character labels, and an icon adds its name in front. */
export const button = (scope: Page | Locator, label: string) =>
  scope.getByRole('button', { name: new RegExp(`(^|\\s)${[...label].join('\\s*')}$`) });

/**
 * Opens a page of the side menu by its label: an icon may name itself before it, and a count follow it (as
 * 我的消息's unread number does).
 */
export const menu = (page: Page, label: string) =>
  page
    .getByRole('menuitem', {
      name: new RegExp(`(^|\\s)${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\d+)?$`),
    })
    .click();

/** The rows of a table that contain `text`. */
export const rowOf = (table: Locator, text: string) => table.getByRole('row').filter({ hasText: text });

/** The page, its script errors and 5xx responses kept (with where they happened) for the test to fail on. */
export function watched(page: Page, pageErrors: string[], serverErrors: string[]): Page {
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });
  return page;
}

/** Signs in through the login form (with the demo password unless told) and waits for the account's home page. */
export async function signIn(
  page: Page,
  base: string,
  login: string,
  home: RegExp,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('#login-name', login);
  await page.fill('#login-password', password);
  await button(page, '登录').click();
  await page.waitForURL(home);
}

/**
 * Milestone screenshots (kept only when SHENBAO_E2E_SCREENSHOTS names a directory) and, on failure, one
 * screenshot whose path the rethrown error names.
 */
export function screenshots(page: () => Page) {
  const failures = KEEP_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'shenbao-e2e-shots-'));
  let shot = 0;
  return {
    async snap(name: string) {
      if (!KEEP_SCREENSHOTS) return;
      mkdirSync(KEEP_SCREENSHOTS, { recursive: true });
      await page().screenshot({
        path: join(KEEP_SCREENSHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`),
        fullPage: true,
      });
    },
    async failed(error: unknown): Promise<never> {
      const file = join(failures, `failure-${Date.now()}.png`);
      await page()
        .screenshot({ path: file, fullPage: true })
        .catch(() => undefined);
      // CI keeps no screenshot: what the page was telling the user goes into the error itself.
      const said = await page()
        .locator(SAID)
        .allInnerTexts()
        .catch(() => []);
      const shown = said.length ? `\n页面提示 / on screen: ${said.join(' | ')}` : '';
      throw new Error(`${(error as Error).message}${shown}\n截图 / screenshot: ${file}`, {
        cause: error,
      });
    },
  };
}

/** A phone's viewport: every page works at this width without scrolling sideways. */
export const PHONE = { width: 390, height: 844 };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A page in its own context holding the session `cookie` opened through the API; the CSP is bypassed for axe. */
export async function pageWithSession(
  browser: Browser,
  base: string,
  cookie: string,
  viewport = { width: 1440, height: 1000 },
): Promise<Page> {
  const page = await newPage(browser, { viewport, bypassCSP: true });
  const [name, value] = cookie.split(';')[0]!.split('=');
  await page.context().addCookies([{ name: name!, value: value!, url: base }]);
  return page;
}

/** The critical and serious axe-core violations on the page, one line each (the page must bypass the CSP). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]!.html.slice(0, 120)}`);
}

/** How far the page scrolls sideways, in pixels: above 0, it does. */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(
    () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  );
