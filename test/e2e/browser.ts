import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

// What every browser test shares: the built web app, Debian's Chromium, labelled buttons, screenshots.

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

export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  page.setDefaultTimeout(10_000);
  return page;
}

/** A button by its label: antd spaces out two-character labels, and an icon adds its name in front. */
export const button = (scope: Page | Locator, label: string) =>
  scope.getByRole('button', { name: new RegExp(`(^|\\s)${[...label].join('\\s*')}$`) });

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
      throw new Error(`${(error as Error).message}\n截图 / screenshot: ${file}`, { cause: error });
    },
  };
}
