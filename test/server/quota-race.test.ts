import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { type DatabaseHandle, openPostgres } from '../../src/server/db/database.js';
import { applications } from '../../src/server/db/schema.js';
import type { Department } from '../../src/server/repositories/departments.js';
import { repositories } from '../../src/server/repositories/index.js';
import { inject, insertUser, login, useTestApp } from '../support/harness.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';

// Two app processes on two connection pools to one PostgreSQL database, all recommendations fired at once.
// PGlite runs one transaction at a time, so a race there proves nothing: this file needs DATABASE_URL.

const postgres = process.env.DATABASE_URL;
const t = useTestApp();
const handles: DatabaseHandle[] = [];
const extraApps: FastifyInstance[] = [];

afterAll(async () => {
  await Promise.all(extraApps.map((app) => app.close()));
  await Promise.all(handles.map((h) => h.close()));
});

/** A second app on its own pool to the harness's database, as a second server process would be. */
async function secondApp(): Promise<FastifyInstance> {
  const result = (await t.db.execute(sql`select current_database() as name`)) as unknown as {
    rows: [{ name: string }];
  };
  const name = result.rows[0].name;
  const url = new URL(postgres!);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString());
  handles.push(handle);
  const config = loadConfig({
    DATA_DIR: tmpdir(),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  });
  const app = await buildApp({ config, db: handle.db, clock: t.clock });
  extraApps.push(app);
  return app;
}

/**
 * Fires every recommendation at once: request `i` as user `i % users`, on app `⌊i / 2⌋ % 2`, so that each
 * user's requests reach both apps. Returns the status codes.
 */
async function race(
  apps: FastifyInstance[],
  cookies: Map<FastifyInstance, string>[],
  ids: string[],
): Promise<number[]> {
  const responses = await Promise.all(
    ids.map((id, i) => {
      const app = apps[Math.floor(i / 2) % apps.length]!;
      return inject(app, {
        method: 'POST',
        url: `/api/review/applications/${id}/decision`,
        cookie: cookies[i % cookies.length]!.get(app)!,
        payload: { decision: 'recommended', reason: '同意推荐' },
      });
    }),
  );
  for (const r of responses) {
    if (r.statusCode !== 204) expect(r.json().error.code, r.body).toBe('QUOTA_EXCEEDED');
  }
  return responses.map((r) => r.statusCode);
}

async function signedIn(apps: FastifyInstance[], department: Department) {
  const { user } = await insertUser(t, 'department', { departmentId: department.id });
  return new Map(await Promise.all(apps.map(async (app) => [app, await login(app, user.login)] as const)));
}

async function recommendedCount(ids: string[]): Promise<number> {
  const rows = await t.db
    .select({ id: applications.id })
    .from(applications)
    .where(and(inArray(applications.id, ids), eq(applications.status, 'recommended')));
  return rows.length;
}

describe('推荐限额在并发下不被突破（两个应用进程，一个 PostgreSQL）', () => {
  it.skipIf(!postgres)(
    '省级高新区限额 1 项：10 项同时推荐，恰好 1 项成功（PGlite 一次只运行一个事务，本测试须 DATABASE_URL）',
    async () => {
      const apps = [t.app, await secondApp()];
      const zone = (await repositories(t.db).departments.list()).find(
        (d) => d.kind === 'provincial-hitech-zone',
      )!;
      const cookies = [await signedIn(apps, zone), await signedIn(apps, zone)];
      const ids: string[] = [];
      for (let i = 0; i < 10; i++)
        ids.push((await insertSubmitted(t.db, t.clock.now(), { departmentId: zone.id })).id);

      const codes = await race(apps, cookies, ids);
      expect(codes.filter((c) => c === 204)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(9);
      expect(await recommendedCount(ids)).toBe(1);
    },
  );

  it.skipIf(!postgres)('设区市限额 6 项含所辖县（市）：市和县的 12 项同时推荐，恰好 6 项成功', async () => {
    const apps = [t.app, await secondApp()];
    const departments = await repositories(t.db).departments.list();
    const county = departments.find((d) => d.kind === 'county')!;
    const city = departments.find((d) => d.id === county.cityId)!;
    const cookies = [await signedIn(apps, city), await signedIn(apps, county)];
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      // Even indexes go to the city's user, odd ones to the county's (see `race`).
      const departmentId = i % 2 === 0 ? city.id : county.id;
      ids.push((await insertSubmitted(t.db, t.clock.now(), { departmentId })).id);
    }
    const codes = await race(apps, cookies, ids);
    expect(codes.filter((c) => c === 204)).toHaveLength(6);
    expect(codes.filter((c) => c === 409)).toHaveLength(6);
    expect(await recommendedCount(ids)).toBe(6);
  });
});
