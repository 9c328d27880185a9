import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app.js';
import { SettableClock } from '../src/server/clock.js';
import { loadConfig } from '../src/server/config.js';
import { openPglite } from '../src/server/db/database.js';
import { seedCalls } from '../src/server/seed/calls.js';
import { seedDepartments } from '../src/server/seed/departments.js';
import { launchChromium, requireWebBuild } from '../test/support/browser.js';
import { firstPages, firstPageWorld, transferred } from '../test/support/first-page.js';

// npm run bench:first-page — the JS and CSS that Chromium transfers for the first pages (登录, 公示, the
// applicant's first page after signing in), each in a fresh context: "before" as the server sent them before it
// honoured Accept-Encoding (the browser asks for no encoding), "after" as a browser asks (the precompressed
// brotli copies). The web app must be built (the npm script builds it first).

requireWebBuild();
const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-first-page-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const handle = openPglite();
await handle.migrate();
await seedDepartments(handle.db);
const clock = new SettableClock(new Date());
await seedCalls(handle.db, clock.now());
const app = await buildApp({ config, db: handle.db, clock });
const world = await firstPageWorld(app, handle.db, clock, config);
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await launchChromium();

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
try {
  console.log('first page: JS+CSS transferred (before: no Accept-Encoding; after: brotli as Chromium asks)');
  for (const page of firstPages(world)) {
    const cookie = page.signedIn ? world.applicantCookie : undefined;
    const before = await transferred(browser, base, page, { cookie, compressed: false });
    const after = await transferred(browser, base, page, { cookie });
    const total = (t: typeof before) => t.js + t.css;
    console.log(
      `  ${page.name}: before ${kb(total(before))} (JS ${kb(before.js)}, CSS ${kb(before.css)}, ` +
        `${before.assets.length} files); after ${kb(total(after))} (JS ${kb(after.js)}, CSS ${kb(after.css)}, ` +
        `${after.assets.length} files); budget ${kb(page.budget)}; ${(total(before) / total(after)).toFixed(1)}× less`,
    );
  }
} finally {
  await browser.close();
  await app.close();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}
