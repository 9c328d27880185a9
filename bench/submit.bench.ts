import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPostgres } from '../src/server/db/database.js';
import { documents, files } from '../src/server/db/schema.js';
import { repositories } from '../src/server/repositories/index.js';
import { hashPassword } from '../src/server/security/passwords.js';
import { PRACTICE_CALL_ID } from '../src/server/seed/calls.js';
import { ALL_COMPLETE } from '../src/core/bundle/schema.js';
import { UNBARRED_PARTNER_ANSWERS } from '../src/core/application/form.js';
import { creditCode } from '../test/support/factories/bundle.js';
import { completeForm } from '../test/support/api/submitted-applications.js';
import { temporaryDatabase } from '../test/support/temporary-database.js';
import { BASELINE, unpackBaseline, type Baseline } from './baseline.js';

// npm run bench:submit — a deadline surge against PostgreSQL. The server runs in its own process on a
// fresh database; this process plays APPLICANTS applicants who, all at once, save their draft a few times
// (autosave) and submit it. Prints throughput, p50/p99 latency per request kind, and error counts.
//
// Then ALONE more applicants, one at a time, do the same: their latency and the CPU each request kind costs the
// server's processes and the database's backends (from /proc, so Linux only). Last, the floor: the surge's
// applicants make as many requests of the lightest signed-in kind, the most any surge could reach here.
//
// Before all that, the baseline commit's own bench runs on a fresh database (an export of BASELINE,
// node_modules linked), so that both sets of figures come from one run on one machine: BASELINE=off skips it.
// SURGE_WORKERS=1,2 runs the surge again with each number of server processes (the main run uses the server's
// default, WORKERS unset).

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const APPLICANTS = Number(process.env.APPLICANTS ?? 300);
const SAVES = 3;
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 100);
const PASSWORD = 'Surge2026';
const ALONE = Number(process.env.ALONE ?? 20);
const EXTRA_WORKERS = (process.env.SURGE_WORKERS ?? '').split(',').filter(Boolean).map(Number);

const form = (n: number) =>
  completeForm({
    title: `面向氢能与新型储能的固态电解质联合研发${n}`,
    partner: { name: `Partner ${n}`, country: 'DE', ...UNBARRED_PARTNER_ANSWERS },
  });

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

/** Organizations, unit admins, PIs and complete, documented drafts, written straight to the database. */
async function prepare(url: string, count: number): Promise<{ login: string; id: string }[]> {
  const handle = openPostgres(url);
  const repos = repositories(handle.db);
  const [department] = await repos.departments.list();
  const passwordHash = await hashPassword(PASSWORD);
  const sha = 'b'.repeat(64);
  await handle.db.insert(files).values({ sha256: sha, size: 1000, mime: 'application/pdf' });
  const out: { login: string; id: string }[] = [];
  for (let n = 0; n < count; n++) {
    const org = await repos.organizations.insert({
      name: `冲刺测试企业${n}`,
      creditCode: creditCode(70_000 + n),
      kind: 'enterprise',
      inJiangsu: true,
      registeredOn: '2015-06-01',
      independentLegalEntity: true,
      departmentId: department!.id,
    });
    const user = await repos.users.insert({
      login: `surge-${n}`,
      passwordHash,
      displayName: `管理员${n}`,
      role: 'unit-admin',
      organizationId: org.id,
    });
    const pi = await repos.people.insert({ name: `负责人${n}`, employerId: org.id });
    const app = await repos.applications.insert({
      callId: PRACTICE_CALL_ID,
      organizationId: org.id,
      piId: pi.id,
      departmentId: department!.id,
      topic: 4,
      form: form(n),
    });
    const base = { applicationId: app.id, fileSha256: sha, uploadedBy: user.id, uploadedAt: new Date() };
    const meta = { language: 'zh' as const, chineseTranslation: false, complete: ALL_COMPLETE };
    await handle.db.insert(documents).values([
      {
        ...base,
        kind: 'cooperation-agreement',
        fileName: 'a.pdf',
        metadata: { ...meta, parties: [org.id, `Partner ${n}`] },
      },
      {
        ...base,
        kind: 'integrity-commitment-unit',
        fileName: 'u.pdf',
        metadata: { ...meta, parties: [org.id] },
      },
      {
        ...base,
        kind: 'integrity-commitment-pi',
        fileName: 'p.pdf',
        metadata: { ...meta, parties: [org.id] },
      },
      { ...base, kind: 'info-form', fileName: 'i.pdf', metadata: { ...meta, parties: [org.id] } },
      { ...base, kind: 'application-form', fileName: 'f.pdf', metadata: { ...meta, parties: [org.id] } },
    ]);
    out.push({ login: user.login, id: app.id });
  }
  await handle.close();
  return out;
}

type Latencies = Map<string, number[]>;

interface Run {
  latencies: Latencies;
  errors: Map<string, number>;
  loginSeconds: number;
  surgeSeconds: number;
  surgeCpuMs: { server: number; database: number };
  /** This process's CPU during the surge, ms: the applicants' side, which shares the machine. */
  clientCpuMs: number;
  /** Backends of the surge by what they were doing, on average over the samples. */
  waits: string;
  alone: Latencies;
  /** CPU per request kind, alone: ms of the server's processes and of the database's backends. */
  cpu: Map<string, { server: number; database: number; n: number }>;
  /** The same applicants, as many requests each, of the lightest signed-in request: a ceiling for this machine. */
  floor: { seconds: number; requests: number; errors: number };
}

async function timed(
  run: Pick<Run, 'errors'>,
  into: Latencies,
  kind: string,
  request: () => Promise<Response>,
  ok: (status: number) => boolean,
) {
  const start = performance.now();
  let response: Response | undefined;
  try {
    response = await request();
    await response.arrayBuffer();
  } catch {
    response = undefined;
  }
  const ms = performance.now() - start;
  (into.get(kind) ?? into.set(kind, []).get(kind)!).push(ms);
  if (!response || !ok(response.status)) {
    const key = `${kind} ${response?.status ?? 'network'}`;
    run.errors.set(key, (run.errors.get(key) ?? 0) + 1);
  }
  return response;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** User + system CPU of a process, ms; 0 once it is gone. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The server's process and its children (the workers of WORKERS=N). */
function serverPids(root: number): number[] {
  const children = readFileSync(`/proc/${root}/task/${root}/children`, 'utf8').split(' ').filter(Boolean);
  return [root, ...children.map(Number)];
}

/** Per process, so that a backend that closes or opens between two readings counts only what it ran between them. */
type CpuReading = Map<number, number>;

function reading(pids: number[]): CpuReading {
  return new Map(pids.map((pid) => [pid, cpuOf(pid)]));
}

const spent = (before: CpuReading, after: CpuReading) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/** Clock ticks are coarse: CPU is read around each request, summed per kind, and divided at the end. */
async function backendPids(admin: pg.Client, name: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
    name,
  ]);
  return rows.map((r) => r.pid);
}

async function surge(workers: number | undefined): Promise<Run> {
  const run: Run = {
    latencies: new Map(),
    errors: new Map(),
    loginSeconds: 0,
    surgeSeconds: 0,
    surgeCpuMs: { server: 0, database: 0 },
    clientCpuMs: 0,
    waits: '',
    alone: new Map(),
    cpu: new Map(),
    floor: { seconds: 0, requests: 0, errors: 0 },
  };
  const database = await temporaryDatabase(ADMIN_URL, 'shenbao_bench');
  const databaseName = new URL(database.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-surge-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [
      ...(process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      '--import',
      'tsx',
      'src/server/main.ts',
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...(workers === undefined ? {} : { WORKERS: String(workers) }),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  try {
    await waitForHealth(base);
    const everyone = await prepare(database.url, APPLICANTS + ALONE);
    const applicants = everyone.slice(0, APPLICANTS);
    const cookies = new Map<string, string>();

    const signIn = async (into: Latencies, login: string) => {
      const response = await timed(
        run,
        into,
        'login',
        () =>
          fetch(`${base}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ login, password: PASSWORD }),
          }),
        (s) => s === 200,
      );
      const cookie = response?.headers.get('set-cookie')?.split(';')[0];
      if (cookie) cookies.set(login, cookie);
    };
    /** Autosaves then submits; `each` wraps every request (the lone applicants' CPU readings). */
    const fill = async (
      into: Latencies,
      { login, id }: { login: string; id: string },
      each: (kind: string, request: () => Promise<unknown>) => Promise<void> = async (_, r) => {
        await r();
      },
    ) => {
      const headers = { 'content-type': 'application/json', cookie: cookies.get(login) ?? '' };
      let version = 1;
      for (let i = 0; i < SAVES; i++) {
        await each('save', async () => {
          const saved = await timed(
            run,
            into,
            'save',
            () =>
              fetch(`${base}/api/applications/${id}`, {
                method: 'PUT',
                headers,
                body: JSON.stringify({
                  version,
                  form: { ...form(Number(login.slice(6))), summary: `第 ${i} 稿` },
                }),
              }),
            (s) => s === 200,
          );
          if (saved?.status === 200) version++;
        });
      }
      await each('submit', () =>
        timed(
          run,
          into,
          'submit',
          () =>
            fetch(`${base}/api/applications/${id}/submit`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ version }),
            }),
          (s) => s === 200,
        ),
      );
    };

    const loginStart = performance.now();
    await pool(applicants, CONCURRENCY, ({ login }) => signIn(run.latencies, login));
    run.loginSeconds = (performance.now() - loginStart) / 1000;

    // What the database's backends wait on during the surge, sampled: a lock held until commit shows here.
    const waits = new Map<string, number>();
    let samples = 0;
    let sampling = true;
    const sampler = (async () => {
      const watcher = new pg.Client({ connectionString: ADMIN_URL });
      await watcher.connect();
      while (sampling) {
        const { rows } = await watcher.query<{ wait: string; n: number }>(
          `select coalesce(wait_event_type || ':' || wait_event, 'running') as wait, count(*)::int as n
             from pg_stat_activity where datname = $1 and state = 'active' group by 1`,
          [databaseName],
        );
        for (const { wait, n } of rows) waits.set(wait, (waits.get(wait) ?? 0) + n);
        samples += 1;
        await new Promise((r) => setTimeout(r, 50));
      }
      await watcher.end();
    })();
    const pids = serverPids(server.pid!);
    const before = { server: reading(pids), database: reading(await backendPids(admin, databaseName)) };
    const surgeStart = performance.now();
    const clientBefore = process.cpuUsage();
    await pool(applicants, CONCURRENCY, (applicant) => fill(run.latencies, applicant));
    run.surgeSeconds = (performance.now() - surgeStart) / 1000;
    const client = process.cpuUsage(clientBefore);
    run.clientCpuMs = (client.user + client.system) / 1000;
    sampling = false;
    await sampler;
    run.waits = [...waits]
      .sort((a, b) => b[1] - a[1])
      .map(([wait, n]) => `${wait} ${(n / samples).toFixed(1)}`)
      .join(', ');
    run.surgeCpuMs = {
      server: spent(before.server, reading(pids)),
      database: spent(before.database, reading(await backendPids(admin, databaseName))),
    };

    const measured = async (kind: string, request: () => Promise<unknown>) => {
      const backends = await backendPids(admin, databaseName);
      const server = reading(pids);
      const database = reading(backends);
      await request();
      const cpu = run.cpu.get(kind) ?? run.cpu.set(kind, { server: 0, database: 0, n: 0 }).get(kind)!;
      cpu.server += spent(server, reading(pids));
      cpu.database += spent(database, reading(await backendPids(admin, databaseName)));
      cpu.n += 1;
    };
    for (const applicant of everyone.slice(APPLICANTS)) {
      await measured('login', () => signIn(run.alone, applicant.login));
      await fill(run.alone, applicant, measured);
    }

    // The signed-in request with the least to do (its session, then one indexed read), as often as the surge's:
    // no save or submit can be served faster on this machine than this.
    const floor = { errors: new Map<string, number>() };
    const floorStart = performance.now();
    await pool(applicants, CONCURRENCY, async ({ login }) => {
      for (let i = 0; i < SAVES + 1; i++) {
        await timed(
          floor,
          new Map(),
          'floor',
          () => fetch(`${base}/api/me/sessions`, { headers: { cookie: cookies.get(login) ?? '' } }),
          (s) => s === 200,
        );
      }
    });
    run.floor = {
      seconds: (performance.now() - floorStart) / 1000,
      requests: APPLICANTS * (SAVES + 1),
      errors: [...floor.errors.values()].reduce((a, b) => a + b, 0),
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await admin.end();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return run;
}

const surgeRequests = (run: Run) =>
  [...run.latencies.entries()].filter(([k]) => k !== 'login').reduce((n, [, v]) => n + v.length, 0);
const perSecond = (run: Run) => surgeRequests(run) / run.surgeSeconds;
const floorRate = (run: Run) => run.floor.requests / run.floor.seconds;

function latencyLines(latencies: Latencies): string[] {
  return [...latencies].map(([kind, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${kind.padEnd(7)} n=${sorted.length} p50=${percentile(sorted, 0.5).toFixed(0)} ms p99=${percentile(sorted, 0.99).toFixed(0)} ms max=${sorted.at(-1)!.toFixed(0)} ms`;
  });
}

/** The lines this bench has always printed, so that runs compare across commits. */
function report(run: Run): string[] {
  const requests = surgeRequests(run);
  return [
    `applicants: ${APPLICANTS}, concurrency: ${CONCURRENCY}, saves each: ${SAVES}, database: PostgreSQL`,
    `logins: ${APPLICANTS} in ${run.loginSeconds.toFixed(1)} s (${(APPLICANTS / run.loginSeconds).toFixed(1)}/s; argon2id)`,
    `surge: ${requests} requests in ${run.surgeSeconds.toFixed(1)} s = ${perSecond(run).toFixed(1)} requests/s`,
    `submissions accepted: ${APPLICANTS - (run.errors.get('submit 422') ?? 0) - (run.errors.get('submit 409') ?? 0)} of ${APPLICANTS} (${(APPLICANTS / run.surgeSeconds).toFixed(1)} submissions/s)`,
    ...latencyLines(run.latencies),
    `errors: ${run.errors.size === 0 ? 'none' : [...run.errors].map(([k, n]) => `${k}: ${n}`).join(', ')}`,
  ];
}

/** The surge's CPU per request, ms: the server's processes, the database's backends, and this bench's process. */
function surgeCpuPerRequest(run: Run): { server: number; database: number; bench: number } {
  const requests = surgeRequests(run);
  return {
    server: run.surgeCpuMs.server / requests,
    database: run.surgeCpuMs.database / requests,
    bench: run.clientCpuMs / requests,
  };
}

function details(run: Run): string[] {
  const surgeCpu = surgeCpuPerRequest(run);
  return [
    `surge database backends active, on average: ${run.waits}`,
    `surge CPU per request: server ${surgeCpu.server.toFixed(1)} ms, database ${surgeCpu.database.toFixed(1)} ms`,
    `surge CPU per request of this bench's own process (the applicants' side, on the same cores): ${surgeCpu.bench.toFixed(1)} ms`,
    `floor: the same ${run.floor.requests} requests, each GET /api/me/sessions (a session and one read, nothing else): ${floorRate(run).toFixed(1)} requests/s, errors ${run.floor.errors}`,
    ...latencyLines(run.alone).map((line) => `alone   ${line}`),
    ...[...run.cpu].map(
      ([kind, c]) =>
        `alone   ${kind.padEnd(7)} CPU per request: server ${(c.server / c.n).toFixed(1)} ms, database ${(c.database / c.n).toFixed(1)} ms`,
    ),
  ];
}

const GOAL_RATIO = 4;
const GOAL_P99_MS = 250;

/**
 * What the issue's goals ask of this machine's CPU, against what this run spent: every process (server, database,
 * and this bench's applicants) shares the same cores, so a rate of R requests/s leaves cores × 1000 / R ms of CPU
 * for each request. Then the most the lone applicants' CPU allows with no contention at all, and the rate that
 * a p99 latency at CONCURRENCY requests in flight needs (Little's law: in flight = rate × latency).
 */
function budgetLines(run: Run, baseRate: number): string[] {
  const cores = availableParallelism();
  const { server, database, bench } = surgeCpuPerRequest(run);
  const goal = GOAL_RATIO * baseRate;
  const alone = (kind: string) => {
    const c = run.cpu.get(kind)!;
    return (c.server + c.database) / c.n;
  };
  const lone = (SAVES * alone('save') + alone('submit')) / (SAVES + 1);
  const loneRate = (cores * 1000) / (lone + bench);
  const surgeLatencies = ['save', 'submit'].flatMap((kind) => run.latencies.get(kind) ?? []);
  const mean = surgeLatencies.reduce((a, b) => a + b, 0) / surgeLatencies.length;
  return [
    `CPU budget of ${GOAL_RATIO}× the baseline: ${goal.toFixed(1)} requests/s on ${cores} cores leaves ${((cores * 1000) / goal).toFixed(2)} ms of CPU per request for server, database and this bench together; this surge spent ${(server + database + bench).toFixed(2)} ms (server ${server.toFixed(2)}, database ${database.toFixed(2)}, bench ${bench.toFixed(2)})`,
    `CPU without contention: one applicant alone costs server and database ${lone.toFixed(2)} ms per request (${SAVES} saves and a submission); with this bench's ${bench.toFixed(2)} ms, ${cores} cores serve at most ${loneRate.toFixed(1)} requests/s = ${(loneRate / baseRate).toFixed(2)}× the baseline`,
    `p99 ≤ ${GOAL_P99_MS} ms with ${CONCURRENCY} requests in flight: by Little's law even the mean is ${GOAL_P99_MS} ms only above ${((CONCURRENCY * 1000) / GOAL_P99_MS).toFixed(0)} requests/s; this surge: ${perSecond(run).toFixed(1)} requests/s, mean ${mean.toFixed(0)} ms`,
  ];
}

/** The baseline commit's own bench, run from an export of that commit on a fresh database; its lines as printed. */
function baselineLines(baseline: Baseline): string[] {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/submit.bench.ts'], {
      cwd: baseline.root,
      // A baseline that itself runs a baseline would look for git in its export.
      env: {
        ...process.env,
        APPLICANTS: String(APPLICANTS),
        CONCURRENCY: String(CONCURRENCY),
        BASELINE: 'off',
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return out.trim().split('\n');
  } finally {
    baseline.dispose();
  }
}

const figure = (lines: string[], pattern: RegExp) => {
  const found = lines.map((l) => pattern.exec(l)).find(Boolean);
  return found ? Number(found[1]) : NaN;
};

const baseline = unpackBaseline();
const before = baseline && baselineLines(baseline);
const run = await surge(undefined);
const others = [];
for (const workers of EXTRA_WORKERS) others.push({ workers, run: await surge(workers) });

for (const line of report(run)) console.log(line);
for (const line of details(run)) console.log(line);
for (const other of others) {
  for (const line of [...report(other.run), ...details(other.run)])
    console.log(`WORKERS=${other.workers} | ${line}`);
}
if (before) {
  for (const line of before) console.log(`baseline ${BASELINE} | ${line}`);
  const baseRate = figure(before, /= ([\d.]+) requests\/s/);
  console.log(
    `requests/s against baseline ${BASELINE}: ${perSecond(run).toFixed(1)} / ${baseRate.toFixed(1)} = ${(perSecond(run) / baseRate).toFixed(2)}×`,
  );
  console.log(
    `floor against baseline ${BASELINE}: ${floorRate(run).toFixed(1)} / ${baseRate.toFixed(1)} = ${(floorRate(run) / baseRate).toFixed(2)}× (what a surge of requests that only sign in and read one row would reach)`,
  );
  for (const line of budgetLines(run, baseRate)) console.log(line);
  for (const kind of ['save', 'submit', 'login']) {
    const now = [...run.latencies.get(kind)!].sort((a, b) => a - b);
    const was = (p: string) => figure(before, new RegExp(`^${kind} +n=\\d+ .*${p}=(\\d+) ms`));
    console.log(
      `${kind} p50 ${percentile(now, 0.5).toFixed(0)} ms (baseline ${was('p50')} ms), p99 ${percentile(now, 0.99).toFixed(0)} ms (baseline ${was('p99')} ms)`,
    );
  }
}
