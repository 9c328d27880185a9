import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
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

// npm run bench:submit — a deadline surge against PostgreSQL. The server runs in its own process on a
// fresh database; this process plays APPLICANTS applicants who, all at once, save their draft a few times
// (autosave) and submit it. Prints throughput, p50/p99 latency per request kind, and error counts.

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const APPLICANTS = Number(process.env.APPLICANTS ?? 300);
const SAVES = 3;
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 100);
const PASSWORD = 'Surge2026';

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
async function prepare(url: string): Promise<{ login: string; id: string }[]> {
  const handle = openPostgres(url);
  const repos = repositories(handle.db);
  const [department] = await repos.departments.list();
  const passwordHash = await hashPassword(PASSWORD);
  const sha = 'b'.repeat(64);
  await handle.db.insert(files).values({ sha256: sha, size: 1000, mime: 'application/pdf' });
  const out: { login: string; id: string }[] = [];
  for (let n = 0; n < APPLICANTS; n++) {
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

const latencies = new Map<string, number[]>();
const errors = new Map<string, number>();

async function timed(kind: string, request: () => Promise<Response>, ok: (status: number) => boolean) {
  const start = performance.now();
  let response: Response | undefined;
  try {
    response = await request();
    await response.arrayBuffer();
  } catch {
    response = undefined;
  }
  const ms = performance.now() - start;
  (latencies.get(kind) ?? latencies.set(kind, []).get(kind)!).push(ms);
  if (!response || !ok(response.status)) {
    const key = `${kind} ${response?.status ?? 'network'}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
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

const database = await temporaryDatabase(ADMIN_URL, 'shenbao_bench');
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
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
try {
  await waitForHealth(base);
  const applicants = await prepare(database.url);

  const cookies = new Map<string, string>();
  const loginStart = performance.now();
  await pool(applicants, CONCURRENCY, async ({ login }) => {
    const response = await timed(
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
  });
  const loginSeconds = (performance.now() - loginStart) / 1000;

  const surgeStart = performance.now();
  await pool(applicants, CONCURRENCY, async ({ login, id }) => {
    const headers = { 'content-type': 'application/json', cookie: cookies.get(login) ?? '' };
    let version = 1;
    for (let i = 0; i < SAVES; i++) {
      const saved = await timed(
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
    }
    await timed(
      'submit',
      () =>
        fetch(`${base}/api/applications/${id}/submit`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ version }),
        }),
      (s) => s === 200,
    );
  });
  const surgeSeconds = (performance.now() - surgeStart) / 1000;

  const requests = [...latencies.entries()]
    .filter(([k]) => k !== 'login')
    .reduce((n, [, v]) => n + v.length, 0);
  console.log(
    `applicants: ${APPLICANTS}, concurrency: ${CONCURRENCY}, saves each: ${SAVES}, database: PostgreSQL`,
  );
  console.log(
    `logins: ${APPLICANTS} in ${loginSeconds.toFixed(1)} s (${(APPLICANTS / loginSeconds).toFixed(1)}/s; argon2id)`,
  );
  console.log(
    `surge: ${requests} requests in ${surgeSeconds.toFixed(1)} s = ${(requests / surgeSeconds).toFixed(1)} requests/s`,
  );
  console.log(
    `submissions accepted: ${APPLICANTS - (errors.get('submit 422') ?? 0) - (errors.get('submit 409') ?? 0)} of ${APPLICANTS} (${(APPLICANTS / surgeSeconds).toFixed(1)} submissions/s)`,
  );
  for (const [kind, values] of latencies) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(7)} n=${sorted.length} p50=${percentile(sorted, 0.5).toFixed(0)} ms p99=${percentile(sorted, 0.99).toFixed(0)} ms max=${sorted.at(-1)!.toFixed(0)} ms`,
    );
  }
  console.log(`errors: ${errors.size === 0 ? 'none' : [...errors].map(([k, n]) => `${k}: ${n}`).join(', ')}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
