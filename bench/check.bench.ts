import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBundle } from '../src/core/bundle/parse.js';
import { JS_INTL_2026 } from '../src/core/calls/js-intl-2026.js';
import { checkBundle } from '../src/core/check.js';
import { RULES } from '../src/core/rules/catalogue.js';
import { createContext } from '../src/core/rules/context.js';
import {
  application,
  bundle,
  creditCode,
  department,
  document,
  organization,
  person,
} from '../test/support/factories/bundle.js';

// npm run bench:check — a province-sized bundle: 20,000 applications with their organizations, people and
// departments, and 50,000 same-year submissions to other departments. Prints the time of each phase and
// the ratio of the whole check to reading and JSON.parse-ing the same file.

const APPLICATIONS = 20_000;
const EXTERNALS = 50_000;
let seed = 20260330;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

const PHRASES = [
  '智能制造',
  '氢能与新型储能',
  '生物医药',
  '新型功能材料',
  '人工智能',
  '低功耗物联网',
  '膜电极催化剂',
  '土壤墒情传感',
  '跨境联合研发',
  '技术转移转化',
  '中试生产线',
  '耐久性评价',
  '智慧农业示范',
  '灌溉决策模型',
  '先进材料界面调控',
];
const text = (n: number) => Array.from({ length: n }, () => pick(PHRASES)).join('，');

function generate() {
  const departments = [
    ...Array.from({ length: 13 }, (_, i) => department({ id: `city${i}`, kind: 'city' })),
    ...Array.from({ length: 40 }, (_, i) =>
      department({ id: `county${i}`, kind: 'county', city: `city${i % 13}` }),
    ),
    ...Array.from({ length: 18 }, (_, i) => department({ id: `nz${i}`, kind: 'national-hitech-zone' })),
    ...Array.from({ length: 30 }, (_, i) => department({ id: `pz${i}`, kind: 'provincial-hitech-zone' })),
    ...Array.from({ length: 20 }, (_, i) => department({ id: `u${i}`, kind: 'university' })),
  ];
  const organizations = Array.from({ length: 14_000 }, (_, i) =>
    organization({
      id: `o${i}`,
      creditCode: creditCode(10_000 + i),
      kind: i % 10 === 0 ? 'university' : i % 10 === 1 ? 'institute' : 'enterprise',
      platforms: i % 50 === 0 ? ['provincial-key-lab'] : [],
      ongoingProjects: i % 40 === 0 ? [{ program: 'frontier-tech' }] : [],
    }),
  );
  const people = Array.from({ length: APPLICATIONS }, (_, i) =>
    person({ id: `p${i}`, name: `负责人${i % 17_000}`, employer: `o${i % organizations.length}` }),
  );
  const applications = Array.from({ length: APPLICATIONS }, (_, i) => {
    const topic = pick([2, 4, 4, 5, 5, 1] as const);
    const applicant = `o${i % organizations.length}`;
    const base = application({
      id: `a${i}`,
      topic,
      applicant,
      pi: `p${i}`,
      department: pick(departments).id,
      title: `${text(3)}国际合作项目${i}`,
      summary: text(12),
      recommendation:
        random() < 0.3
          ? { status: 'recommended', separateSlot: false, at: '2026-05-19T10:00:00+08:00' }
          : undefined,
    });
    const docs =
      topic === 1
        ? [...base.documents, document({ kind: 'platform-proof', parties: [applicant] })]
        : base.documents;
    return { ...base, direction: topic === 1 ? ('platform-inbound' as const) : undefined, documents: docs };
  });
  const externalSubmissions = Array.from({ length: EXTERNALS }, (_, i) => {
    const app = applications[i % APPLICATIONS]!;
    const related = random() < 0.4;
    return {
      program: pick(['省重点研发计划', '省发展改革委项目', '省工业和信息化厅项目', 'natural-science-fund']),
      creditCode: related ? organizations[i % organizations.length]!.creditCode : creditCode(500_000 + i),
      piName: related && random() < 0.5 ? `负责人${i % 17_000}` : '',
      title: random() < 0.05 ? app.title : `${text(3)}研究${i}`,
      summary: random() < 0.05 ? app.summary : text(10),
      directed: false,
    };
  });
  return bundle({ organizations, people, departments, applications, externalSubmissions });
}

function time<T>(label: string, f: () => T, into: Map<string, number>): T {
  const start = performance.now();
  const result = f();
  into.set(label, performance.now() - start);
  return result;
}

const dir = mkdtempSync(join(tmpdir(), 'shenbao-bench-'));
const file = join(dir, 'bundle.json');
writeFileSync(file, JSON.stringify(generate()));
const phases = new Map<string, number>();

try {
  // Warm once so the figures are of steady code, not of the JIT's first pass.
  checkBundle((parseBundle(JSON.parse(readFileSync(file, 'utf8'))) as { ok: true; bundle: never }).bundle);

  const raw = time('read file', () => readFileSync(file, 'utf8'), phases);
  const json = time('JSON.parse', () => JSON.parse(raw), phases);
  const parsed = time('validate (Zod + references)', () => parseBundle(json), phases);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 5)));
  const report = time('rules (checkBundle)', () => checkBundle(parsed.bundle), phases);
  time('serialize report', () => JSON.stringify(report, null, 2), phases);

  const perRule = new Map<string, number>();
  const findings = {
    applications: new Map(parsed.bundle.applications.map((a) => [a.id, []])),
    departments: new Map(parsed.bundle.departments.map((d) => [d.id, []])),
  };
  const ctx = time('  context', () => createContext(parsed.bundle, JS_INTL_2026, findings), perRule);
  for (const rule of RULES) time(`  ${rule.id}`, () => rule.run(ctx), perRule);

  const baseline = phases.get('read file')! + phases.get('JSON.parse')!;
  const whole = [...phases.values()].reduce((a, b) => a + b, 0);
  const eligible = report.applications.filter((a) => a.eligible).length;
  console.log(
    `bundle: ${APPLICATIONS} applications, ${EXTERNALS} external submissions, ${(raw.length / 1e6).toFixed(1)} M characters`,
  );
  console.log(
    `verdicts: ${eligible} eligible, ${APPLICATIONS - eligible} not; ${report.departments.filter((d) => !d.withinQuota).length} departments over quota`,
  );
  for (const [label, ms] of phases) console.log(`${label.padEnd(32)} ${ms.toFixed(0).padStart(7)} ms`);
  console.log(`${'whole check (read → report)'.padEnd(32)} ${whole.toFixed(0).padStart(7)} ms`);
  console.log(`ratio whole check / (read + JSON.parse): ${(whole / baseline).toFixed(2)}×`);
  console.log('rules, slowest first:');
  for (const [label, ms] of [...perRule].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    console.log(`${label.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
