import { performance } from 'node:perf_hooks';
import { readBundle } from '../src/server/services/bundle-import/read.js';
import { BundleReader } from '../src/server/services/bundle-import/reader.js';
import { application, bundle, organization, person } from '../test/support/factories/bundle.js';

// npm run bench:import-parse — a department's bundle of 5,000 applications (about 10 MB) read as the import
// reads it: on the main thread, and in a parse worker. Prints how long the main thread's event loop stalls
// (the longest gap between two ticks of a 5 ms timer) in each case.

const APPLICATIONS = 5_000;

const organizations = Array.from({ length: APPLICATIONS }, (_, i) => organization({ id: `o${i}` }));
const bytes = new TextEncoder().encode(
  JSON.stringify(
    bundle({
      organizations,
      people: organizations.map((o, i) => person({ id: `p${i}`, employer: o.id })),
      applications: organizations.map((o, i) =>
        application({ id: `a${i}`, applicant: o.id, pi: `p${i}`, department: 'd1' }),
      ),
    }),
  ),
);

/** The longest gap between ticks of a 5 ms timer while `work` runs, and how long it ran. */
async function stall(work: () => Promise<unknown>): Promise<{ gap: number; total: number }> {
  let last = performance.now();
  let gap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  await work();
  const total = performance.now() - start;
  gap = Math.max(gap, performance.now() - last);
  clearInterval(timer);
  return { gap, total };
}

const reader = new BundleReader({ inFlight: 1, queued: 0 });
// The worker's first start is not the parse's cost.
await reader.read(new TextEncoder().encode('{}'));
const inProcess = await stall(async () => readBundle(bytes));
const inWorker = await stall(() => reader.read(bytes));
await reader.close();

const ms = (n: number) => `${Math.round(n)} ms`;
console.log(`bundle: ${APPLICATIONS} applications, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
console.log(`main thread: read ${ms(inProcess.total)}, longest stall ${ms(inProcess.gap)}`);
console.log(`parse worker: read ${ms(inWorker.total)}, longest stall ${ms(inWorker.gap)}`);
