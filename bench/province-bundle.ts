import { writeFileSync } from 'node:fs';
import {
  application,
  bundle,
  creditCode,
  department,
  organization,
  person,
} from '../test/support/factories/bundle.js';

// Bundles for bench:check. `departmentsOf`: the province's departments. `generateProvince`: the province's shape
// (issue 16): 60 universities with about 67 applications each and one enterprise per other application, PIs
// named as people are (names repeat), one external submission in ten under an applicant's credit code.
// `generateProvince(…, 'universities')`: the worst case the figures point to: the external submissions
// under an applicant's code are all under the universities' (about 83 more per university, groups of about 150),
// and PIs' names repeat as the commonest do (240 two-character names), so every application meets dozens of
// same-name submissions.
// Run alone, `node --import tsx bench/province-bundle.ts <file> [universities]` writes the province bundle (for
// profiling).

export function departmentsOf() {
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

// The province's shape. Texts draw on a wide vocabulary with a Zipf law, as real titles and summaries do; a
// third of the submissions under an applicant's code are near copies of one of its applications.
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宁浩然晨阳雪梅志林峰'];
export const UNIVERSITIES = 60;
export const PER_UNIVERSITY = 67;

export const COMMON_NAMES = 240;

export function generateProvince(
  APPLICATIONS: number,
  EXTERNALS: number,
  sharedUnder: 'applications' | 'universities' = 'applications',
) {
  const worst = sharedUnder === 'universities';
  let state = 20260526;
  const rand = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  const choose = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
  const pool = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + 5 * i));
  const terms = [
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
  const name = worst
    ? () => {
        const n = Math.floor(rand() * COMMON_NAMES);
        return SURNAMES[n % SURNAMES.length]! + GIVEN[Math.floor(n / SURNAMES.length)]!;
      }
    : () => choose(SURNAMES) + choose(GIVEN) + (rand() < 0.6 ? choose(GIVEN) : '');
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
      summary: prose(between(300, 1500)),
    }),
  );
  const codeOf = new Map(organizations.map((o) => [o.id, o.creditCode]));
  const externalSubmissions = Array.from({ length: EXTERNALS }, (_, i) => {
    const among = worst ? UNIVERSITIES * PER_UNIVERSITY : APPLICATIONS;
    const source = rand() < 0.1 ? applications[Math.floor(rand() * among)]! : undefined;
    const copy = source !== undefined && rand() < 0.3;
    return {
      program: choose(['省重点研发计划', '省发展改革委项目', '省工业和信息化厅项目', 'natural-science-fund']),
      creditCode: source ? codeOf.get(source.applicant)! : creditCode(500_000 + i),
      piName: rand() < 0.5 ? name() : '',
      title: copy ? rewrite(source.title, 0.8) : prose(between(15, 30)),
      summary: copy ? rewrite(source.summary, between(3, 9) / 10) : prose(between(300, 1500)),
      directed: false,
    };
  });
  return bundle({ organizations, people, departments, applications, externalSubmissions });
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2]) {
  const under = process.argv[3] === 'universities' ? 'universities' : 'applications';
  const [applications, externals] = [
    Number(process.env.APPLICATIONS ?? 20_000),
    Number(process.env.EXTERNALS ?? 50_000),
  ];
  writeFileSync(process.argv[2], JSON.stringify(generateProvince(applications, externals, under)));
}
