import { loadConfig } from '../../src/server/config.js';
import { seedCalls } from '../../src/server/seed/calls.js';
import { seedDemo } from '../../src/server/seed/demo.js';
import { createServices } from '../../src/server/services/index.js';
import type { TestApp } from './harness.js';

/**
 * The demo as `npm start` seeds it, for a browser test. The app's clock is real time (the browser drops a session
 * cookie whose expiry is past by its own clock), the calls' windows run from now, and the demo's files go to
 * `dataDir`, which the app under test reads them from.
 */
export async function seedDemoForBrowser(t: TestApp, dataDir: string): Promise<void> {
  t.clock.set(new Date());
  await seedCalls(t.db, t.clock.now());
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  await seedDemo(t.db, createServices({ db: t.db, clock: t.clock, config }), t.clock.now());
}
