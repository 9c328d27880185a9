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
// Then the province's own shape (issue 16): 60 universities with about 67 applications each, PIs whose names
// repeat, one external submission in ten under an applicant's credit code. That bundle is checked in a fresh
// process by this checkout and by the baseline commit (bench/baseline.ts), and both ratios are printed.

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

function departmentsOf() {
  return [
    ...Array.from({ length: 13 }, (_, i) => department({ id: `city${i}`, kind: 'city' })),
    ...Array.from({ length: 40 }, (_, i) =>
      department({ id: `county${i}`, kind: 'county', city: `city${i % 13}` }),
    ),
    ...Array.from({ length: 18 }, (_, i) => department({ id: `nz${i}`, kind: 'national-hitech-zone' })),
    ...Array.from({ length: 30 }, (_, i) => department({ id: `pz${i}`, kind: 'provincial-hitech-zone' })),
    ...Array.from({ length: 20 }, (_, i) => department({ id: `u${i}`, kind: 'university' })),
  ];
}

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

// The province's shape. Texts draw on a wide vocabulary with a Zipf law, as real titles and summaries do; a
// third of the submissions under an applicant's code are near copies of one of its applications.
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宁浩然晨阳雪梅志林峰'];
const UNIVERSITIES = 60;
const PER_UNIVERSITY = 67;

function generateProvince() {
  let state = 20260526;
  const rand = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  const choose = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
  const pool = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + 5 * i));
  const terms = [
    ...PHRASES,
    ...Array.from({ length: 30_000 }, () =>
      Array.from({ length: between(2, 4) }, () => choose(pool)).join(''),
    ),
  ];
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= terms.length; rank++) cumulative.push((total += 1 / rank ** 0.9));
  const term = () => {
    const target = rand() * total;
    let [low, high] = [0, cumulative.length - 1];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return terms[low]!;
  };
  const prose = (length: number) => {
    let out = '';
    while (out.length < length) out += term() + (rand() < 0.2 ? '，' : '');
    return out.slice(0, length);
  };
  /** About `keep` of the text unchanged, the rest rewritten. */
  const rewrite = (source: string, keep: number) => {
    const cut = Math.floor(source.length * keep);
    return source.slice(0, cut) + prose(source.length - cut);
  };

  const departments = departmentsOf();
  const enterprises = APPLICATIONS - UNIVERSITIES * PER_UNIVERSITY;
  const organizations = [
    ...Array.from({ length: UNIVERSITIES }, (_, i) =>
      organization({ id: `univ${i}`, creditCode: creditCode(20_000 + i), kind: 'university' }),
    ),
    ...Array.from({ length: enterprises }, (_, i) =>
      organization({ id: `ent${i}`, creditCode: creditCode(30_000 + i), kind: 'enterprise' }),
    ),
  ];
  const applicantOf = (i: number) =>
    i < UNIVERSITIES * PER_UNIVERSITY ? `univ${i % UNIVERSITIES}` : `ent${i - UNIVERSITIES * PER_UNIVERSITY}`;
  const name = () => choose(SURNAMES) + choose(GIVEN) + (rand() < 0.6 ? choose(GIVEN) : '');
  const people = Array.from({ length: APPLICATIONS }, (_, i) =>
    person({ id: `p${i}`, name: name(), employer: applicantOf(i) }),
  );
  const applications = Array.from({ length: APPLICATIONS }, (_, i) =>
    application({
      id: `a${i}`,
      topic: choose([2, 4, 4, 5, 5] as const),
      applicant: applicantOf(i),
      pi: `p${i}`,
      department: choose(departments).id,
      title: prose(between(15, 30)),
      summary: prose(between(150, 400)),
    }),
  );
  const codeOf = new Map(organizations.map((o) => [o.id, o.creditCode]));
  const externalSubmissions = Array.from({ length: EXTERNALS }, (_, i) => {
    const source = rand() < 0.1 ? applications[Math.floor(rand() * APPLICATIONS)]! : undefined;
    const copy = source !== undefined && rand() < 0.3;
    return {
      program: choose(['省重点研发计划', '省发展改革委项目', '省工业和信息化厅项目', 'natural-science-fund']),
      creditCode: source ? codeOf.get(source.applicant)! : creditCode(500_000 + i),
      piName: rand() < 0.5 ? name() : '',
      title: copy ? rewrite(source.title, 0.8) : prose(between(15, 30)),
      summary: copy ? rewrite(source.summary, between(3, 9) / 10) : prose(between(150, 400)),
      directed: false,
    };
  });
  return bundle({ organizations, people, departments, applications, externalSubmissions });
}

const dir = mkdtempSync(join(tmpdir(), 'shenbao-bench-'));
const file = join(dir, 'bundle.json');
const provinceFile = join(dir, 'province.json');
writeFileSync(file, JSON.stringify(generate()));
writeFileSync(provinceFile, JSON.stringify(generateProvince()));
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
  const baselineTree = unpackBaseline();
  try {
    type Child = {
      phases: Record<string, number>;
      whole: number;
      ratio: number;
      eligible: number;
      duplicates: { findings: number; sha256: string };
    };
    const line = (who: string, run: Child) =>
      console.log(
        `province, ${who}: ${Object.entries(run.phases)
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
  } finally {
    baselineTree?.dispose();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
