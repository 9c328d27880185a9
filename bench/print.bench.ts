import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PrintPool } from '../src/server/io/print/pool.js';
import { renderForms, renderPackage } from '../src/server/io/print/render.js';
import { PRINTED_FORMS, type PrintAttachment, type PrintOptions } from '../src/server/io/print/types.js';
import { pdf } from '../src/server/seed/pdf.js';
import { printSubject } from '../test/support/factories/print-subject.js';

// npm run bench:print — (1) the bound package of an application with 10 attachments of 2 MB each and one of
// 40 pages: time to the first and the last byte, and peak RSS; on the main thread, then in a print worker.
// (2) concurrent generations of the forms: the longest event-loop stall (perf_hooks) and the growth of RSS, on
// the main thread ("before") and in the worker pool ("after"). CONCURRENT sets the pool's count (100).

const CONCURRENT = Number(process.env.CONCURRENT ?? 100);
const MAIN_CONCURRENT = Number(process.env.MAIN_CONCURRENT ?? 10);
const MB = 1024 * 1024;
const subject = printSubject();
const options: PrintOptions = {
  mode: 'final',
  fingerprint: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  acceptanceNo: 'JS2026-0001',
  verifyUrl: 'https://shenbao.example.cn/verify/e3b0c442',
  generatedAt: new Date(),
};

async function manyPages(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage().drawText(`page ${i}`, { x: 72, y: 700, font, size: 24 });
  return doc.save();
}

const files = [
  ...Array.from({ length: 10 }, (_, i) => pdf({ seed: `attachment-${i}`, size: 2 * MB })),
  await manyPages(40),
];
const attachments: PrintAttachment[] = files.map((bytes, i) => ({
  label: `附件${i + 1}`,
  fileName: `attachment-${i + 1}.pdf`,
  // As storage would: fresh bytes each time the file is opened.
  open: async () => new Uint8Array(bytes),
}));

/** Peak RSS while `work` runs (sampled every 5 ms), and the longest event-loop stall. */
async function measure<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; peakRss: number; stall: number; rssBefore: number }> {
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  delay.disable();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { result, ms, peakRss, stall: delay.max / 1e6, rssBefore };
}

const fmt = (n: number) => `${Math.round(n)} ms`;
const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;

const packageLines: string[] = [];
const concurrentLines: string[] = [];

// The worker pool runs first: once the main thread has rendered, its heap holds the parsed fonts, and its
// garbage collections would be counted against the pool's figures.
// What this machine stalls by itself (other processes on its cores), for reading the figures below.
const idle = await measure(() => new Promise((resolve) => setTimeout(resolve, 3000)));

const pool = new PrintPool();
// Each worker's first start (loading the font files) is not a print's cost.
await Promise.all(Array.from({ length: 4 }, () => pool.forms(subject, ['cover'], options)));
const inWorker = await measure(async () => {
  let first = 0;
  let size = 0;
  const start = performance.now();
  for await (const chunk of await pool.package(subject, options, attachments)) {
    first ||= performance.now() - start;
    size += (chunk as Buffer).length;
  }
  return { first, size };
});
packageLines.push(
  `  print worker: first byte ${fmt(inWorker.result.first)}, last byte ${fmt(inWorker.ms)}, ${mb(inWorker.result.size)}, ` +
    `peak RSS ${mb(inWorker.peakRss)} (+${mb(inWorker.peakRss - inWorker.rssBefore)}), longest stall ${fmt(inWorker.stall)}`,
);

const after = await measure(() =>
  Promise.all(Array.from({ length: CONCURRENT }, () => pool.forms(subject, PRINTED_FORMS, options))),
);
concurrentLines.push(
  `  after (worker pool, ${CONCURRENT} at once): ${fmt(after.ms)}, longest event-loop stall ${fmt(after.stall)}, ` +
    `RSS +${mb(after.peakRss - after.rssBefore)} (peak ${mb(after.peakRss)})`,
);
await pool.close();

const main = await measure(async () => {
  let first = 0;
  let size = 0;
  const start = performance.now();
  await renderPackage(subject, options, attachments, (chunk) => {
    first ||= performance.now() - start;
    size += chunk.length;
  });
  return { first, size };
});
packageLines.unshift(
  `  main thread: first byte ${fmt(main.result.first)}, last byte ${fmt(main.ms)}, ${mb(main.result.size)}, ` +
    `peak RSS ${mb(main.peakRss)} (+${mb(main.peakRss - main.rssBefore)}), longest stall ${fmt(main.stall)}`,
);

const before = await measure(() =>
  Promise.all(Array.from({ length: MAIN_CONCURRENT }, () => renderForms(subject, PRINTED_FORMS, options))),
);
concurrentLines.unshift(
  `  before (main thread, ${MAIN_CONCURRENT} at once): ${fmt(before.ms)}, longest event-loop stall ${fmt(before.stall)}, ` +
    `RSS +${mb(before.peakRss - before.rssBefore)}`,
);

console.log(
  `bound package: forms + ${files.length} attachments (${mb(files.reduce((a, f) => a + f.length, 0))})`,
);
console.log(packageLines.join('\n'));
console.log(
  `concurrent generations of the four forms (idle baseline: longest stall ${fmt(idle.stall)} in 3 s):`,
);
console.log(concurrentLines.join('\n'));
