import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../src/core/bundle/parse.js';
import type { Bundle } from '../../src/core/bundle/schema.js';
import { loadConfig } from '../../src/server/config.js';
import { repositories } from '../../src/server/repositories/index.js';
import { seedDemo } from '../../src/server/seed/demo.js';
import { BundleCollector, BundleService } from '../../src/server/services/bundles.js';
import { parametersOf } from '../../src/server/services/calls.js';
import { createServices } from '../../src/server/services/index.js';
import { useTestApp } from '../support/harness.js';

const t = useTestApp();

/** What `shenbao check` would read from the bundle exported as JSON. */
function reparsed(bundle: Bundle): Bundle {
  const parsed = parseBundle(JSON.parse(JSON.stringify(bundle)), { knownCall: (id) => id === bundle.call });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  return parsed.bundle;
}

describe('由数据库组装的申报数据包', () => {
  it('不再经 Zod 解析，但与解析后的结果完全相同（演示数据的每个计划、每项申报书）', async () => {
    await seedDemo(
      t.db,
      createServices({ db: t.db, clock: t.clock, config: loadConfig({ DATA_DIR: tmpdir() }) }),
      t.clock.now(),
    );
    const repos = repositories(t.db);
    const service = new BundleService(repos);
    let applications = 0;
    for (const row of await repos.calls.list()) {
      const call = parametersOf(row);
      const whole = await service.provinceBundle(call, row.id, t.clock.now());
      expect(whole).toEqual(reparsed(whole));
      for (const application of await repos.bundles.liveApplications(row.id)) {
        const { bundle } = await service.judge(call, [application], t.clock.now());
        expect(bundle).toEqual(reparsed(bundle));
        expect(bundle.applications.map((a) => a.id)).toContain(application.id);
        // The one statement that reads an application's judgement reads what the whole call holds about it.
        const sameIn = <T extends { id: string }>(items: T[], all: T[]) =>
          expect(items).toEqual(items.map((item) => all.find((a) => a.id === item.id)));
        sameIn(bundle.applications, whole.applications);
        sameIn(bundle.organizations, whole.organizations);
        sameIn(bundle.people, whole.people);
        sameIn(bundle.departments, whole.departments);
        const codes = new Set(
          bundle.applications.map((a) => bundle.organizations.find((o) => o.id === a.applicant)!.creditCode),
        );
        const names = new Set(bundle.people.map((p) => p.name));
        expect(bundle.externalSubmissions).toEqual(
          whole.externalSubmissions.filter((e) => codes.has(e.creditCode) || names.has(e.piName)),
        );
        applications += 1;
      }
    }
    expect(applications).toBeGreaterThan(5);
  });

  it('全省数据包分页读取（每次取 3 个编号、每页两项申报书）与一次读完的完全相同：单位、人员不重复，登记库记录照旧', async () => {
    await seedDemo(
      t.db,
      createServices({ db: t.db, clock: t.clock, config: loadConfig({ DATA_DIR: tmpdir() }) }),
      t.clock.now(),
    );
    const service = new BundleService(repositories(t.db));
    const byId = <T extends { id: string }>(items: T[]) =>
      [...items].sort((a, b) => a.id.localeCompare(b.id));
    let pages = 0;
    for (const row of await repositories(t.db).calls.list()) {
      const call = parametersOf(row);
      const whole = await service.provinceBundle(call, row.id, t.clock.now());
      const collector = new BundleCollector();
      for await (const part of service.provinceParts(call, row.id, t.clock.now(), { page: 2, ids: 3 })) {
        collector.add(part);
        if (part.kind === 'list' && part.key === 'applications') pages += 1;
      }
      const paged = collector.bundle();
      expect(paged.applications).toEqual(whole.applications);
      expect(paged.externalSubmissions).toEqual(whole.externalSubmissions);
      expect(paged.departments).toEqual(whole.departments);
      expect(byId(paged.organizations)).toEqual(byId(whole.organizations));
      expect(byId(paged.people)).toEqual(byId(whole.people));
      expect(new Set(paged.people.map((p) => p.id)).size).toBe(paged.people.length);
    }
    expect(pages).toBeGreaterThan(4);
  });
});
