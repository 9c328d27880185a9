import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { buildApp } from '../src/server/app.js';
import { systemClock } from '../src/server/clock.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/database.js';
import { MB } from '../src/contract/documents.js';
import { seedDepartments } from '../src/server/seed/departments.js';
import { insertApplication, insertPerson } from '../test/support/api/application-rows.js';
import { registrationBody, VALID_PASSWORD } from '../test/support/factories/server.js';
import { pdfChunks } from '../test/support/pdf.js';

// npm run bench:upload — the real server on a random local port (PGlite in a temporary DATA_DIR, or the
// database at DATABASE_URL), a unit administrator uploading 40 distinct 15 MB PDFs over HTTP, 8 at a time,
// each request body generated as it is sent. The process's RSS is sampled every 50 ms: if uploads were buffered
// it would grow by hundreds of MB; streamed, it grows by little more than the buffers in flight.

const FILES = 40;
const FILE_BYTES = 15 * MB;
const CONCURRENCY = 8;
const SAMPLE_MS = 50;

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-bench-upload-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir });
const app = await buildApp({ config, db: database.db, clock: systemClock });

/** A multipart body generated as it is sent, and the SHA-256 of its file part as the server must see it. */
function uploadBody(seed: string) {
  const boundary = `----shenbao-${randomUUID()}`;
  const hash = createHash('sha256');
  const encoder = new TextEncoder();
  async function* parts() {
    yield encoder.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncooperation-agreement\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${seed}.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    );
    for (const chunk of pdfChunks({ seed, size: FILE_BYTES })) {
      hash.update(chunk);
      yield chunk;
    }
    yield encoder.encode(`\r\n--${boundary}--\r\n`);
  }
  return { boundary, body: Readable.toWeb(Readable.from(parts())), sha256: () => hash.digest('hex') };
}

try {
  await database.migrate();
  await seedDepartments(database.db);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api`;

  const [department] = (await (await fetch(`${base}/departments`)).json()).departments;
  const registration = registrationBody({ departmentId: department.id });
  const registered = await fetch(`${base}/auth/register-organization`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(registration),
  });
  if (registered.status !== 201) throw new Error(`registration failed: ${await registered.text()}`);
  const organizationId: string = (await registered.json()).organization.id;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: registration.admin.login, password: VALID_PASSWORD }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const leader = await insertPerson(database.db, organizationId);
  const application = await insertApplication(database.db, {
    organizationId,
    piId: leader.id,
    departmentId: department.id,
  });

  async function upload(index: number): Promise<void> {
    const { boundary, body, sha256 } = uploadBody(`bench-${index}-${randomUUID()}`);
    const response = await fetch(`${base}/applications/${application.id}/documents`, {
      method: 'POST',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    const text = await response.text();
    if (response.status !== 201) throw new Error(`upload ${index}: ${response.status} ${text}`);
    if (JSON.parse(text).document.sha256 !== sha256())
      throw new Error(`upload ${index}: fingerprint differs`);
  }

  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, SAMPLE_MS);

  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < FILES) await upload(next++);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);

  const totalBytes = FILES * FILE_BYTES;
  console.log(
    `database: ${database.driver}; files: ${FILES} × ${mb(FILE_BYTES)} PDFs, ${CONCURRENCY} at a time over HTTP`,
  );
  console.log(
    `total: ${mb(totalBytes)} in ${seconds.toFixed(2)} s = ${(totalBytes / MB / seconds).toFixed(1)} MB/s`,
  );
  console.log(
    `RSS before: ${mb(rssBefore)}, peak: ${mb(peakRss)}, growth: ${mb(peakRss - rssBefore)} ` +
      `(the files together: ${mb(totalBytes)}; ${CONCURRENCY} in flight: ${mb(CONCURRENCY * FILE_BYTES)})`,
  );
} finally {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
