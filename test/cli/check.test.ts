import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { application, bundle } from '../support/factories/bundle.js';
import { runCli } from '../support/cli.js';

const json = (value: unknown) => JSON.stringify(value);

describe('shenbao check', () => {
  it('writes a shenbao.report/1 with every application and department in bundle order', async () => {
    const input = bundle({
      applications: [
        application({ id: 'b' }),
        application({ id: 'a', budget: { total: 1, jiangsuTotal: 1, provincialFunding: 1 } }),
      ],
    });
    const run = await runCli(['check', 'x.json'], { 'x.json': json(input) });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.format).toBe('shenbao.report/1');
    expect(report.call).toBe('JS-INTL-2026');
    expect(report.applications.map((a: { id: string }) => a.id)).toEqual(['b', 'a']);
    expect(report.departments).toEqual([{ id: 'd1', withinQuota: true, findings: [] }]);
  });

  it('eligible is false exactly when an error is found', async () => {
    const over = application({
      budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 900_000 },
    });
    const run = await runCli(['check', 'x.json'], { 'x.json': json(bundle({ applications: [over] })) });
    const [app] = JSON.parse(run.stdout).applications;
    expect(app.eligible).toBe(false);
    expect(app.findings).toContainEqual(
      expect.objectContaining({ rule: 'budget.cap', severity: 'error', clause: '一、专题四' }),
    );
    expect(app.findings[0].message).toContain('90 万元');
    expect(app.findings[0].message).toContain('80 万元');
  });

  it('judges the 经费预算表: a table that adds up passes, one that does not is an error naming both sums', async () => {
    const column = (selfRaised: number, business: number) => ({
      sources: { provincial: 800_000, selfRaised, other: 0 },
      expenditures: { equipmentPurchase: 900_000, business, labour: 600_000 },
    });
    const justifications = { equipment: '设备。', business: '材料。', labour: '劳务。' };
    const budget = { total: 3_000_000, jiangsuTotal: 3_000_000, provincialFunding: 800_000 };
    const balanced = application({
      id: 'ok',
      budget,
      budgetTable: { whole: column(2_200_000, 1_500_000), justifications },
    });
    const unbalanced = application({
      id: 'off',
      budget,
      budgetTable: { whole: column(2_100_000, 1_500_000), justifications },
    });
    const judge = async (app: ReturnType<typeof application>) => {
      const run = await runCli(['check', 'x.json'], { 'x.json': json(bundle({ applications: [app] })) });
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout).applications[0];
    };
    const ok = await judge(balanced);
    const off = await judge(unbalanced);
    expect(ok).toEqual({ id: 'ok', eligible: true, findings: [] });
    expect(off.eligible).toBe(false);
    expect(off.findings).toEqual([
      expect.objectContaining({ rule: 'budget.table-unbalanced', severity: 'error', clause: '一、专题四' }),
    ]);
    expect(off.findings[0].message).toContain('290.00 万元');
    expect(off.findings[0].message).toContain('300.00 万元');
  });

  it('reads the bundle from standard input when given -', async () => {
    const run = await runCli(['check', '-'], { '-': json(bundle()) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).applications[0].eligible).toBe(true);
  });

  it('--text gives a Chinese report grouped by application with each clause', async () => {
    const late = application({ submittedAt: '2026-05-18T17:30:00+08:00' });
    const run = await runCli(['check', 'x.json', '--text'], {
      'x.json': json(bundle({ applications: [late] })),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[不符合] a1');
    expect(run.stdout).toContain('〔三、3〕');
    expect(run.stdout).toContain('2026-05-18 17:30:00');
  });

  it('exits 2 and names every bad field by its JSON path, judging nothing', async () => {
    const input = bundle();
    const bad = JSON.parse(json(input));
    bad.applications[0].budget.provincialFunding = -5;
    bad.applications[0].topic = 6;
    bad.organizations[0].registeredOn = '2024-02-30';
    delete bad.people[0].name;
    const run = await runCli(['check', 'x.json'], { 'x.json': json(bad) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    for (const path of [
      'applications[0].budget.provincialFunding',
      'applications[0].topic',
      'organizations[0].registeredOn',
      'people[0].name',
    ]) {
      expect(run.stderr).toContain(`${path}:`);
    }
  });

  it.each([
    [
      'a fractional amount',
      (b: any) => (b.applications[0].budget.total = 1.5),
      'applications[0].budget.total',
    ],
    [
      'a dangling applicant',
      (b: any) => (b.applications[0].applicant = 'nobody'),
      'applications[0].applicant',
    ],
    ['a dangling PI', (b: any) => (b.applications[0].pi = 'nobody'), 'applications[0].pi'],
    ['a dangling department', (b: any) => (b.applications[0].department = 'x'), 'applications[0].department'],
    [
      'a dangling domestic partner',
      (b: any) => (b.applications[0].domesticPartners = ['x']),
      'applications[0].domesticPartners[0]',
    ],
    ['a dangling employer', (b: any) => (b.people[0].employer = 'x'), 'people[0].employer'],
    [
      'a duplicate organization id',
      (b: any) => b.organizations.push({ ...b.organizations[0] }),
      'organizations[1].id',
    ],
    [
      'a duplicate application id',
      (b: any) => b.applications.push({ ...b.applications[0] }),
      'applications[1].id',
    ],
    [
      'a county without its city',
      (b: any) => b.departments.push({ id: 'c', name: 'c', kind: 'county' }),
      'departments[1].city',
    ],
    [
      'a county naming a non-city',
      (b: any) => b.departments.push({ id: 'c', name: 'c', kind: 'county', city: 'c' }),
      'departments[1].city',
    ],
    ['a city naming a city', (b: any) => (b.departments[0].city = 'd1'), 'departments[0].city'],
    ['an unknown call', (b: any) => (b.call = 'JS-INTL-2099'), 'call'],
    ['a wrong format', (b: any) => (b.format = 'shenbao.bundle/2'), 'format'],
    ['an instant without offset', (b: any) => (b.asOf = '2026-05-10T12:00:00'), 'asOf'],
    [
      'an unknown document kind',
      (b: any) => (b.applications[0].documents[0].kind = 'photo'),
      'applications[0].documents[0].kind',
    ],
    [
      'an unknown platform',
      (b: any) => (b.organizations[0].platforms = ['lab']),
      'organizations[0].platforms[0]',
    ],
    [
      'an unknown ongoing program',
      (b: any) => (b.organizations[0].ongoingProjects = [{ program: 'x' }]),
      'organizations[0].ongoingProjects[0].program',
    ],
    ['a missing required field', (b: any) => delete b.applications[0].budget, 'applications[0].budget'],
    [
      'a negative count',
      (b: any) => (b.people[0].ongoingProvincialProjects = -1),
      'people[0].ongoingProvincialProjects',
    ],
  ])('%s is malformed (exit 2, path named)', async (_name, mutate, path) => {
    const b = JSON.parse(json(bundle()));
    mutate(b);
    const run = await runCli(['check', 'x.json'], { 'x.json': json(b) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path}:`);
    expect(run.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it('ignores unknown extra fields', async () => {
    const b = JSON.parse(json(bundle()));
    b.extra = 1;
    b.applications[0].colour = 'blue';
    const run = await runCli(['check', 'x.json'], { 'x.json': json(b) });
    expect(run.code).toBe(0);
  });

  it('takes defaults for optional fields', async () => {
    const b = JSON.parse(json(bundle()));
    delete b.externalSubmissions;
    delete b.applications[0].ethics;
    delete b.applications[0].documents[0].complete;
    const run = await runCli(['check', 'x.json'], { 'x.json': json(b) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).applications[0].findings.map((f: { rule: string }) => f.rule)).toContain(
      'documents.agreement-missing',
    );
  });

  it('exits 2 on text that is not JSON, and on a missing file', async () => {
    expect((await runCli(['check', 'x.json'], { 'x.json': '{"format":' })).code).toBe(2);
    const missing = await runCli(['check', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
  });

  it('refuses a call without a file', async () => {
    const run = await runCli(['check']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('用法');
  });
});

describe('shenbao check --call', () => {
  const callFile = (name: string) =>
    readFileSync(join(import.meta.dirname, `../../calls/${name}.call.json`), 'utf8');
  const belt = (provincialFunding: number) =>
    json(
      bundle({
        applications: [
          application({ topic: 2, budget: { total: 5_000_000, jiangsuTotal: 2_500_000, provincialFunding } }),
        ],
      }),
    );

  it('judges the bundle under the call file, not its own call: 专题二 90 万元 is over 2026’s cap, within 2027’s', async () => {
    const own = await runCli(['check', 'x.json'], { 'x.json': belt(900_000) });
    expect(JSON.parse(own.stdout).applications[0].eligible).toBe(false);
    const run = await runCli(['check', '--call', '2027.json', 'x.json', '--text'], {
      'x.json': belt(900_000),
      '2027.json': callFile('js-intl-2027'),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const json2027 = await runCli(['check', 'x.json', '--call', '2027.json'], {
      'x.json': belt(1_000_001),
      '2027.json': callFile('js-intl-2027'),
    });
    const report = JSON.parse(json2027.stdout);
    expect(report.call).toBe('JS-INTL-2027');
    expect(report.applications[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['budget.cap']);
    expect(report.applications[0].findings[0].message).toContain('上限 100 万元');
  });

  it('accepts a bundle whose own call is the call file’s, unknown to the built-in calls', async () => {
    const own = json(
      bundle({
        call: 'JS-BILATERAL-SG-NO-2026',
        applications: [
          application({
            topic: 3,
            partner: { ...application({ topic: 3 }).partner!, country: 'SG', kind: 'enterprise' },
          }),
        ],
      }),
    );
    expect((await runCli(['check', 'x.json'], { 'x.json': own })).stderr).toContain('未知的申报计划');
    const run = await runCli(['check', '--call', 'sg-no.json', 'x.json'], {
      'x.json': own,
      'sg-no.json': callFile('js-bilateral-sg-no-2026'),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).applications[0]).toMatchObject({ eligible: true, findings: [] });
  });

  it('exits 2 on a bad call file, naming every path and message, and judges nothing', async () => {
    const bad = JSON.parse(callFile('js-intl-2027'));
    bad.id = 'js-intl-2027';
    bad.topics[2].terms.funding.value.cap = -1;
    bad.topics[4].terms.partner.countries.value.key.push('fr');
    delete bad.quotas.clause;
    const run = await runCli(['check', '--call', 'bad.json', 'x.json'], {
      'x.json': belt(900_000),
      'bad.json': JSON.stringify(bad),
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('计划文件 bad.json 有误（4 处），未作检查');
    for (const path of [
      'id: ',
      'topics.2.terms.funding.value.cap: 应大于 0',
      'topics.4.terms.partner.countries.value.key[5]: 应为两位大写国别代码',
      'quotas.clause: ',
    ])
      expect(run.stderr).toContain(path);
  });

  it('exits 2 on a call file that is not JSON or is missing, and on --call without a file', async () => {
    const notJson = await runCli(['check', '--call', 'c.json', 'x.json'], {
      'x.json': belt(1),
      'c.json': '{',
    });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('(根)');
    const missing = await runCli(['check', '--call', 'none.json', 'x.json'], { 'x.json': belt(1) });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.json');
    const usage = await runCli(['check', 'x.json', '--call'], { 'x.json': belt(1) });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--call CALL.json');
  });
});

describe('the installed command', () => {
  it('npx-style bin runs the built CLI on a public case', async () => {
    const root = join(import.meta.dirname, '../..');
    const file = join(root, 'test/fixtures/cases/zone-quota.bundle.json');
    const { stdout } = await promisify(execFile)(process.execPath, [
      join(root, 'bin/shenbao.js'),
      'check',
      file,
    ]);
    const report = JSON.parse(stdout);
    expect(report.departments.find((d: { id: string }) => d.id === 'z').withinQuota).toBe(false);
    expect(readFileSync(join(root, 'package.json'), 'utf8')).toContain('"shenbao": "bin/shenbao.js"');
  });
});
