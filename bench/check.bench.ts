import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBundle } from '../src/core/bundle/parse.js';
import { JS_INTL_2026 } from '../src/core/calls/js-intl-2026.js';
import { checkBundle } from '../src/core/check.js';
import { RULES } from '../src/core/rules/catalogue.js';
import { createContext } from '../src/core/rules/context.js';
import { runChild, unpackBaseline } from './baseline.js';
import { checkPhases, time } from './check-phases.js';
import {
  COMMON_NAMES,
  departmentsOf,
  generateProvince,
  PER_UNIVERSITY,
  UNIVERSITIES,
} from './province-bundle.js';
import {
  application,
  bundle,
  creditCode,
  document,
  organization,
  person,
} from '../test/support/factories/bundle.js';

// npm run bench:check — a province-sized bundle: 20,000 applications with their organizations, people and
// departments, and 50,000 same-year submissions to other departments. Prints the time of each phase and
// the ratio of the whole check to reading and JSON.parse-ing the same file.
// Then the province's own shape (issue 16): 60 universities with about 67 applications each, PIs whose names
// repeat, one external submission in ten under an applicant's credit code. That bundle is checked in a fresh
// process by this checkout and by the baseline commit (bench/baseline.ts), and both ratios are printed.
// Last the worst case of that shape (the issue's 48×): the submissions under an applicant's code all under the
// universities', PI names common, checked the same way.

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
  const departments = departmentsOf();
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

const dir = mkdtempSync(join(tmpdir(), 'shenbao-bench-'));
const file = join(dir, 'bundle.json');
const provinceFile = join(dir, 'province.json');
const worstFile = join(dir, 'worst.json');
writeFileSync(file, JSON.stringify(generate()));
writeFileSync(provinceFile, JSON.stringify(generateProvince(APPLICATIONS, EXTERNALS)));
writeFileSync(worstFile, JSON.stringify(generateProvince(APPLICATIONS, EXTERNALS, 'universities')));
try {
  const {
    phases,
    raw,
    bundle: checked,
    report,
    baseline,
    whole,
  } = checkPhases(file, {
    parseBundle,
    checkBundle,
  });

  const perRule = new Map<string, number>();
  const findings = {
    applications: new Map(checked.applications.map((a) => [a.id, []])),
    departments: new Map(checked.departments.map((d) => [d.id, []])),
  };
  const ctx = time('  context', () => createContext(checked, JS_INTL_2026, findings), perRule);
  for (const rule of RULES) time(`  ${rule.id}`, () => rule.run(ctx), perRule);

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
  const baselineTree = unpackBaseline(['package.json', 'src']);
  try {
    type Child = {
      phases: Record<string, number>;
      whole: number;
      ratio: number;
      eligible: number;
      duplicates: { findings: number; sha256: string };
    };
    const line = (who: string, run: Child, shape = 'province') =>
      console.log(
        `${shape}, ${who}: ${Object.entries(run.phases)
          .map(([label, ms]) => `${label} ${ms.toFixed(0)} ms`)
          .join(
            ', ',
          )}; whole ${run.whole.toFixed(0)} ms; ${run.eligible} eligible, ${run.duplicates.findings} duplicate findings`,
      );
    const after = runChild<Child>('bench/check-child.ts', ['.', provinceFile]);
    console.log(
      `province shape: ${APPLICATIONS} applications (${UNIVERSITIES} universities with ${PER_UNIVERSITY} each), ` +
        `${EXTERNALS} external submissions (one in ten under an applicant's credit code), PI names repeating`,
    );
    line('this checkout', after);
    console.log(`province ratio whole check / (read + JSON.parse): ${after.ratio.toFixed(2)}×`);
    if (baselineTree) {
      const before = runChild<Child>('bench/check-child.ts', [baselineTree.root, provinceFile]);
      line(`baseline ${baselineTree.commit}`, before);
      console.log(
        `province ratio at baseline ${baselineTree.commit}: ${before.ratio.toFixed(2)}× ` +
          `(this checkout ${(before.whole / after.whole).toFixed(1)}× faster)`,
      );
      console.log(
        `province duplicate findings identical to the baseline's: ${after.duplicates.sha256 === before.duplicates.sha256 ? 'yes' : 'NO'}`,
      );
    }
    const worstAfter = runChild<Child>('bench/check-child.ts', ['.', worstFile]);
    console.log(
      `worst case: the province shape with the ${EXTERNALS / 10} external submissions under an applicant's code all ` +
        `under the ${UNIVERSITIES} universities' codes (groups of about ${PER_UNIVERSITY + Math.round(EXTERNALS / 10 / UNIVERSITIES)}), ` +
        `PI names from ${COMMON_NAMES} common names`,
    );
    line('this checkout', worstAfter, 'worst case');
    console.log(`worst-case ratio whole check / (read + JSON.parse): ${worstAfter.ratio.toFixed(2)}×`);
    if (baselineTree) {
      const worstBefore = runChild<Child>('bench/check-child.ts', [baselineTree.root, worstFile]);
      line(`baseline ${baselineTree.commit}`, worstBefore, 'worst case');
      console.log(
        `worst-case ratio at baseline ${baselineTree.commit}: ${worstBefore.ratio.toFixed(2)}× ` +
          `(this checkout ${(worstBefore.whole / worstAfter.whole).toFixed(1)}× faster)`,
      );
      console.log(
        `worst-case duplicate findings identical to the baseline's: ${worstAfter.duplicates.sha256 === worstBefore.duplicates.sha256 ? 'yes' : 'NO'}`,
      );
    }
  } finally {
    baselineTree?.dispose();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
