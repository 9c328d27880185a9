import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { ALL_COMPLETE } from '../src/core/bundle/schema.js';
import { checkBundle } from '../src/core/check.js';
import { systemClock } from '../src/server/clock.js';
import { type DatabaseHandle, openPglite, openPostgres } from '../src/server/db/database.js';
import {
  applications,
  documents,
  files,
  organizations,
  people,
  registerBatches,
  registerExternalSubmissions,
  users,
} from '../src/server/db/schema.js';
import { crossCheckResults } from '../src/server/jobs/cross-check-work.js';
import { createJobRunner } from '../src/server/jobs/index.js';
import { SimilarityReport } from '../src/server/jobs/similarity-report.js';
import { repositories } from '../src/server/repositories/index.js';
import { BundleService } from '../src/server/services/bundles.js';
import { parametersOf } from '../src/server/services/calls.js';
import { PRACTICE_CALL_ID, seedCalls } from '../src/server/seed/calls.js';
import { seedDepartments } from '../src/server/seed/departments.js';
import { creditCode } from '../test/support/factories/bundle.js';
import { completeForm } from '../test/support/api/submitted-applications.js';
import { temporaryDatabase } from '../test/support/temporary-database.js';

// npm run bench:cross-check — 全省交叉核查 end to end. Fills a fresh database (PGlite in memory, or a new
// database on the PostgreSQL server DATABASE_URL names, dropped afterwards) with APPLICATIONS submitted
// applications, each with its three documents, and EXTERNAL same-year submissions to other departments; a few
// enterprises apply twice, a few texts are near copies. Then one run goes through the job runner, as an app
// instance would work it, and the parts are timed again one by one.

const APPLICATIONS = Number(process.env.APPLICATIONS ?? 20_000);
const EXTERNAL = Number(process.env.EXTERNAL ?? 10_000);
const BATCH = 1000;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
const random = seeded(20260330);
const below = (n: number) => Math.floor(random() * n);

// Words of two to four characters over a wide pool, drawn with a skew so that a few are common, most rare.
const WORDS = Array.from({ length: 40_000 }, () =>
  String.fromCodePoint(...Array.from({ length: 2 + below(3) }, () => 0x4e00 + below(6000))),
);
const word = () => WORDS[Math.floor(WORDS.length * random() ** 3)]!;
function text(length: number): string {
  let out = '';
  while (out.length < length) out += word();
  return out.slice(0, length);
}
/** About `keep` of the text unchanged, the rest rewritten. */
function rewrite(source: string, keep: number): string {
  const cut = Math.floor(source.length * keep);
  return source.slice(0, cut) + text(source.length - cut);
}

async function openBenchDatabase(): Promise<{
  handle: DatabaseHandle;
  where: string;
  drop(): Promise<void>;
}> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return { handle: openPglite(), where: 'PGlite (in memory)', drop: async () => undefined };
  const database = await temporaryDatabase(adminUrl, 'shenbao_bench');
  return {
    handle: openPostgres(database.url),
    where: `PostgreSQL (${database.host}, temporary database)`,
    drop: database.drop,
  };
}

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const { handle, where, drop } = await openBenchDatabase();
const db = handle.db;
const clock = systemClock;
try {
  let start = performance.now();
  // The filling happens in a function of its own: what it generated is garbage before the run, as in a server.
  const user = await fill();
  async function fill() {
    await handle.migrate();
    await seedDepartments(db);
    await seedCalls(db, clock.now());
    const departmentIds = (await repositories(db).departments.list()).map((d) => d.id);
    const [user] = await db
      .insert(users)
      .values({
        login: `bench-${randomUUID()}`,
        passwordHash: '-',
        displayName: '基准测试',
        role: 'province',
      })
      .returning();
    const sha = 'c'.repeat(64);
    await db.insert(files).values({ sha256: sha, size: 1000, mime: 'application/pdf' });

    // One enterprise in fifty applies twice; one application in a hundred is a near copy of an earlier one.
    const orgCount = APPLICATIONS - Math.floor(APPLICATIONS / 50);
    const orgRows = Array.from({ length: orgCount }, (_, i) => ({
      id: randomUUID(),
      name: `基准企业${i}`,
      creditCode: creditCode(100_000 + i),
      kind: 'enterprise' as const,
      inJiangsu: true,
      registeredOn: '2015-06-01',
      independentLegalEntity: true,
    }));
    const personRows = Array.from({ length: APPLICATIONS }, (_, i) => ({
      id: randomUUID(),
      name: `负责人${i}`,
      employerId: orgRows[i % orgCount]!.id,
    }));
    const texts: { title: string; summary: string }[] = [];
    for (let i = 0; i < APPLICATIONS; i++) {
      const copy = i > 0 && random() < 0.01 ? texts[below(i)]! : undefined;
      texts.push(
        copy
          ? { title: rewrite(copy.title, 0.7), summary: rewrite(copy.summary, 0.6) }
          : { title: text(15 + below(16)), summary: text(80 + below(121)) },
      );
    }
    const now = clock.now();
    const appRows = texts.map((t, i) => ({
      id: randomUUID(),
      callId: PRACTICE_CALL_ID,
      organizationId: orgRows[i % orgCount]!.id,
      piId: personRows[i]!.id,
      departmentId: departmentIds[i % departmentIds.length]!,
      topic: 4,
      status: 'submitted' as const,
      submittedAt: now,
      acceptanceNo: `B-${String(i).padStart(6, '0')}`,
      form: completeForm(t),
    }));
    const meta = { language: 'zh' as const, chineseTranslation: false, complete: ALL_COMPLETE };
    const documentRows = appRows.flatMap((a) =>
      (
        [
          'cooperation-agreement',
          'integrity-commitment-unit',
          'integrity-commitment-pi',
          'info-form',
          'application-form',
        ] as const
      ).map((kind) => ({
        applicationId: a.id,
        kind,
        fileSha256: sha,
        fileName: `${kind}.pdf`,
        metadata: { ...meta, parties: [a.organizationId, 'Fraunhofer-Institut'], signedOn: '2026-03-01' },
        uploadedBy: user!.id,
        uploadedAt: now,
      })),
    );
    await insertAll(orgRows, (chunk) => db.insert(organizations).values(chunk));
    await insertAll(personRows, (chunk) => db.insert(people).values(chunk));
    await insertAll(appRows, (chunk) => db.insert(applications).values(chunk));
    await insertAll(documentRows, (chunk) => db.insert(documents).values(chunk));

    // One external submission in fifty is by an applicant of the call on a near copy of its application.
    const [batch] = await db
      .insert(registerBatches)
      .values({
        kind: 'external-submissions',
        callId: PRACTICE_CALL_ID,
        fileName: 'bench.xlsx',
        fileSha256: sha,
        importedBy: user!.id,
        importedAt: now,
        rows: EXTERNAL,
        created: EXTERNAL,
        updated: 0,
        unchanged: 0,
      })
      .returning();
    const externalRows = Array.from({ length: EXTERNAL }, (_, i) => {
      const source = random() < 0.02 ? below(APPLICATIONS) : undefined;
      return {
        batchId: batch!.id,
        naturalKey: `bench-${i}`,
        callId: PRACTICE_CALL_ID,
        department: '省工业和信息化厅',
        program: '省工业和信息化转型升级专项',
        organizationName: `外部门申报单位${i}`,
        creditCode: source === undefined ? creditCode(900_000 + i) : orgRows[source % orgCount]!.creditCode,
        piName: '',
        title: source === undefined ? text(15 + below(16)) : rewrite(texts[source]!.title, 0.9),
        summary: source === undefined ? text(80 + below(121)) : rewrite(texts[source]!.summary, 0.5),
        directed: false,
      };
    });
    await insertAll(externalRows, (chunk) => db.insert(registerExternalSubmissions).values(chunk));
    console.log(`database: ${where}`);
    console.log(
      `filled: ${APPLICATIONS} applications (${orgCount} enterprises), ${documentRows.length} documents, ` +
        `${EXTERNAL} external submissions in ${seconds(start)}`,
    );

    return user!;
  }
  const repos = repositories(db);
  const run = await repos.crossChecks.insertRun({
    callId: PRACTICE_CALL_ID,
    requestedBy: user.id,
    requestedAt: clock.now(),
  });
  start = performance.now();
  // How long the instance working the run answers nothing: the longest turn of its event loop.
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  // The histogram counts a turn from its second sample on: without a first, a stall at once would go unseen.
  await delay(50);
  const taken = await createJobRunner({
    db,
    clock,
    log: { info: () => undefined, error: console.error },
  }).runPending();
  stalls.disable();
  const endToEnd = seconds(start);
  const done = (await repos.crossChecks.findRun(run.id))!;
  console.log(
    `end to end (claim → assemble → rules → store → similarity → store): ${endToEnd}, runs taken: ${taken}`,
  );
  console.log(
    `run: ${done.status}, progress ${done.progressDone}/${done.progressTotal}, ${JSON.stringify(done.summary)}`,
  );
  console.log(
    `event loop during the run: longest stall ${(stalls.max / 1e9).toFixed(2)} s, ` +
      `p99 ${(stalls.percentile(99) / 1e6).toFixed(0)} ms`,
  );

  console.log(
    `peak RSS after the run (its work in a worker thread): ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );

  // Before: the same computation on the event loop's own thread, as every instance did it until issue 16.
  const call = parametersOf((await repos.calls.findById(PRACTICE_CALL_ID))!);
  const input = await new BundleService(repos).provinceBundle(call, PRACTICE_CALL_ID, clock.now());
  const received = new Set(await repos.crossChecks.receivedApplications(PRACTICE_CALL_ID));
  const inThread = monitorEventLoopDelay({ resolution: 10 });
  inThread.enable();
  start = performance.now();
  for await (const result of crossCheckResults(call, input, received)) void result;
  inThread.disable();
  console.log(
    `before (parse, rules and similarity on the event loop's thread): ${seconds(start)}, longest stall ` +
      `${(inThread.max / 1e6).toFixed(0)} ms; after (in a worker thread): longest stall ${(stalls.max / 1e6).toFixed(0)} ms ` +
      `(${(inThread.max / stalls.max).toFixed(1)}× shorter)`,
  );

  // The parts again, one by one.
  start = performance.now();
  const bundle = await new BundleService(repos).provinceBundle(call, PRACTICE_CALL_ID, clock.now());
  console.log(`  assemble the province bundle from the database: ${seconds(start)}`);
  start = performance.now();
  const report = checkBundle(bundle, call);
  console.log(`  checkBundle over ${report.applications.length} applications: ${seconds(start)}`);
  start = performance.now();
  const similarity = await SimilarityReport.create(bundle, call);
  console.log(
    `  index ${APPLICATIONS + EXTERNAL} titles and summaries, build, all-pairs join: ${seconds(start)}`,
  );
  start = performance.now();
  const pairs = similarity.pairsOf(0, APPLICATIONS);
  const judged = pairs.filter((p) => p.rule !== null).length;
  console.log(
    `  exact shares: ${pairs.length} pairs (${judged} judged by the core's rules) in ${seconds(start)}`,
  );
  console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  await handle.close();
  await drop();
}
