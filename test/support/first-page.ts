import type { FastifyInstance } from 'fastify';
import type { Browser, Page, Response } from 'playwright-core';
import type { Clock } from '../../src/server/clock.js';
import type { Config } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/database.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.js';
import { createServices } from '../../src/server/services/index.js';
import { newPage } from './browser.js';

// The first pages a visitor downloads (issue 16 §3): what Chromium actually transfers of JS and CSS for each, on a
// fresh browser context (nothing cached), as `bench:first-page` prints it and the budget test asserts it. Outside
// vitest too (the bench), so nothing here comes from the harness.

/** The demo's enterprise administrator, whose first page after signing in is the applicant's list. */
export const FIRST_PAGE_APPLICANT = 'demo-qiye';

export interface FirstPageWorld {
  announcementId: string;
  applicantCookie: string;
}

/** The demo's data, with its approval published as a 公示 so that the public pages have one to show. */
export async function firstPageWorld(
  app: FastifyInstance,
  db: Database,
  clock: Clock,
  config: Config,
): Promise<FirstPageWorld> {
  await seedDemo(db, createServices({ db, clock, config }), clock.now());
  const signIn = async (login: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password: DEMO_PASSWORD },
    });
    const session = response.cookies.find((c) => c.name === 'shenbao_session');
    if (!session) throw new Error(`${login} not signed in: ${response.body}`);
    return `shenbao_session=${session.value}`;
  };
  const asProvince = { cookie: await signIn('demo-province') };
  const draft = await app.inject({
    method: 'POST',
    url: '/api/province/announcements',
    headers: asProvince,
    payload: { callId: PRACTICE_CALL_ID },
  });
  if (draft.statusCode >= 300) throw new Error(`公示 not created: ${draft.body}`);
  const announcementId = draft.json<{ announcement: { id: string } }>().announcement.id;
  const published = await app.inject({
    method: 'POST',
    url: `/api/province/announcements/${announcementId}/publish`,
    headers: asProvince,
  });
  if (published.statusCode >= 300) throw new Error(`公示 not published: ${published.body}`);
  return { announcementId, applicantCookie: await signIn(FIRST_PAGE_APPLICANT) };
}

export interface FirstPage {
  name: string;
  path: string;
  /** Budget of JS+CSS transferred, in bytes (issue 16 §3). */
  budget: number;
  signedIn?: boolean;
  /** What shows once the page's own code has run. */
  ready: (page: Page) => Promise<void>;
}

const KB = 1000;

export const firstPages = (world: FirstPageWorld): FirstPage[] => [
  {
    name: '登录 /login',
    path: '/login',
    budget: 250 * KB,
    ready: (page) => page.locator('#login-name').waitFor(),
  },
  {
    name: '公示列表 /public/announcements',
    path: '/public/announcements',
    budget: 250 * KB,
    ready: (page) => page.getByTestId('public-announcements').waitFor(),
  },
  {
    name: '公示 /public/announcements/:id',
    path: `/public/announcements/${world.announcementId}`,
    budget: 250 * KB,
    ready: (page) => page.getByTestId('announcement-entries').locator('tbody tr').first().waitFor(),
  },
  {
    name: '申报单位首页 / → /applications',
    path: '/',
    budget: 350 * KB,
    signedIn: true,
    ready: async (page) => {
      await page.waitForURL(/\/applications$/);
      await page.locator('tbody tr').first().waitFor();
    },
  },
];

export interface Asset {
  url: string;
  /** Encoded body bytes, as they crossed the network. */
  bytes: number;
  encoding: string | undefined;
  cacheControl: string | undefined;
  vary: string | undefined;
}

export interface Transfer {
  js: number;
  css: number;
  assets: Asset[];
}

const isScriptOrStyle = (response: Response) => /\.(js|css)(\?|$)/.test(new URL(response.url()).pathname);

/**
 * Opens `page` in a fresh context and sums the JS and CSS it transfers until it is ready and the network is idle.
 * `compressed: false` asks as a client that accepts no encoding would (the baseline: every file sent whole).
 */
export async function transferred(
  browser: Browser,
  base: string,
  page: FirstPage,
  { cookie, compressed = true }: { cookie?: string; compressed?: boolean } = {},
): Promise<Transfer> {
  const tab = await newPage(
    browser,
    compressed ? {} : { extraHTTPHeaders: { 'accept-encoding': 'identity' } },
  );
  try {
    if (cookie) {
      const [name, value] = cookie.split(';')[0]!.split('=');
      await tab.context().addCookies([{ name: name!, value: value!, url: base }]);
    }
    const responses: Response[] = [];
    tab.on('response', (response) => {
      if (isScriptOrStyle(response)) responses.push(response);
    });
    await tab.goto(`${base}${page.path}`);
    await page.ready(tab);
    await tab.waitForLoadState('networkidle');
    const assets = await Promise.all(
      responses.map(async (response) => {
        await response.finished();
        const headers = await response.allHeaders();
        return {
          url: response.url(),
          bytes: (await response.request().sizes()).responseBodySize,
          encoding: headers['content-encoding'],
          cacheControl: headers['cache-control'],
          vary: headers['vary'],
        };
      }),
    );
    const sum = (extension: string) =>
      assets.filter((a) => a.url.endsWith(extension)).reduce((total, a) => total + a.bytes, 0);
    return { js: sum('.js'), css: sum('.css'), assets };
  } finally {
    await tab.context().close();
  }
}
