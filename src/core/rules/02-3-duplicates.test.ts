import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textContainment } from '../../../test/support/brute-force-containment.js';
import {
  application,
  bundle,
  creditCode,
  externalSubmission,
  organization,
  person,
} from '../../../test/support/factories/bundle.js';
import type { Bundle } from '../bundle/schema.js';
import { JS_INTL_2026 } from '../calls/js-intl-2026.js';
import { checkBundle } from '../check.js';

// The duplicate rules (二、3) find their matches through the similarity index; the oracle is the plain
// algorithm: every application against every external submission of its applicant or PI, on trigram sets.

const DUPLICATES = JS_INTL_2026.limits.duplicates;
const percent = (share: number) => `${Math.floor(share * 1000) / 10}%`;

function oracle(
  b: Bundle,
  { warnAt, errorAt, minCodePoints }: typeof DUPLICATES.value,
): Array<{ app: string; rule: string; field: string; says: string }> {
  const expected: Array<{ app: string; rule: string; field: string; says: string; share: number }> = [];
  for (const app of b.applications) {
    const code = b.organizations.find((o) => o.id === app.applicant)!.creditCode;
    const piName = b.people.find((p) => p.id === app.pi)!.name;
    // Those of the applicant first, then those of the PI only: ties in share keep this order.
    const ofApplicant = b.externalSubmissions.filter((s) => s.creditCode === code);
    const ofPi = b.externalSubmissions.filter(
      (s) => s.creditCode !== code && piName !== '' && s.piName === piName,
    );
    const matches = [...ofApplicant, ...ofPi]
      .map((s) => {
        const byTitle = textContainment(app.title, s.title, minCodePoints);
        const bySummary = textContainment(app.summary, s.summary, minCodePoints);
        return { s, share: Math.max(byTitle, bySummary), onTitle: byTitle >= bySummary };
      })
      .filter(({ share }) => share >= warnAt)
      .sort((x, y) => y.share - x.share);
    for (const { s, share, onTitle } of matches) {
      expected.push({
        app: app.id,
        rule: share >= errorAt ? 'duplicate.same-project' : 'duplicate.similar',
        field: onTitle ? 'title' : 'summary',
        says: `项目“${s.title}”的${onTitle ? '项目名称' : '主要研究内容'}重合度 ${percent(share)}`,
        share,
      });
    }
  }
  // The rules emit all errors, then all warnings, application by application within each.
  const order = (rule: string) => (rule === 'duplicate.same-project' ? 0 : 1);
  return expected
    .map((e, k) => ({ e, k }))
    .sort((x, y) => order(x.e.rule) - order(y.e.rule) || x.k - y.k)
    .map(({ e: { app, rule, field, says } }) => ({ app, rule, field, says }));
}

// Texts over a tiny alphabet from a few shared fragments: shares spread around 50 % and 80 %, ties common.
const alphabet = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '🚀', '\u3000'];
const piece = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
const scenario = fc.array(piece, { minLength: 2, maxLength: 5 }).chain((fragments) => {
  const text = fc
    .array(fc.oneof(fc.constantFrom(...fragments), piece), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join(''));
  const names = ['张伟', '王芳', ''];
  return fc.record({
    applications: fc.array(
      fc.record({ applicant: fc.nat(2), pi: fc.constantFrom(...names), title: text, summary: text }),
      { minLength: 1, maxLength: 6 },
    ),
    external: fc.array(
      fc.record({ code: fc.nat(4), pi: fc.constantFrom(...names), title: text, summary: text }),
      { maxLength: 12 },
    ),
  });
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function bundleOf({ applications, external }: Scenario): Bundle {
  const organizations = [0, 1, 2].map((o) => organization({ id: `o${o}`, creditCode: creditCode(100 + o) }));
  return bundle({
    organizations,
    people: applications.map((a, i) => person({ id: `p${i}`, name: a.pi, employer: `o${a.applicant}` })),
    applications: applications.map((a, i) =>
      application({
        id: `a${i}`,
        applicant: `o${a.applicant}`,
        pi: `p${i}`,
        title: a.title,
        summary: a.summary,
      }),
    ),
    externalSubmissions: external.map((s, i) =>
      externalSubmission({
        creditCode: creditCode(100 + s.code),
        piName: s.pi,
        title: `${s.title}${'\u3000'.repeat(i % 2)}`,
        summary: s.summary,
      }),
    ),
  }) as Bundle;
}

function expectAsOracle(b: Bundle, call: typeof JS_INTL_2026): void {
  const found = checkBundle(b, call).applications.flatMap((a) =>
    a.findings
      .filter((f) => f.rule.startsWith('duplicate.'))
      .map((f) => ({ app: a.id, rule: f.rule, field: f.field, message: f.message })),
  );
  const expected = oracle(b, call.limits.duplicates.value);
  const byRule = (rule: string) => (x: { rule: string }) => x.rule === rule;
  for (const rule of ['duplicate.same-project', 'duplicate.similar']) {
    const [got, want] = [found.filter(byRule(rule)), expected.filter(byRule(rule))];
    expect(got.map(({ app, field }) => ({ app, field }))).toEqual(
      want.map(({ app, field }) => ({ app, field })),
    );
    got.forEach((f, k) => expect(f.message).toContain(want[k]!.says));
  }
}

describe('重复申报的比对与穷举比对一致', () => {
  const calls = [
    { name: '本计划的阈值', call: JS_INTL_2026 },
    {
      name: '提示阈值为 0（每个候选都提示）',
      call: {
        ...JS_INTL_2026,
        limits: {
          ...JS_INTL_2026.limits,
          duplicates: { ...DUPLICATES, value: { ...DUPLICATES.value, warnAt: 0 } },
        },
      },
    },
  ];
  // Groups larger than the index compares one by one: candidates come from its postings. One university's
  // applications under few PI names, and as many submissions under its code or those names, a third of them
  // near copies (a kept head, a rewritten tail), so shares fall on both sides of 50 % and 80 %.
  it.each(calls)('$name：大组（一所高校、常见姓名）中由索引找出的候选与逐对比较相同', ({ call }) => {
    let state = 16;
    const random = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
    const words = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + 7 * i, 0x5e00 + 3 * i));
    const prose = (length: number) => {
      let out = '';
      while (out.length < length) out += words[Math.floor(random() ** 2 * words.length)]!;
      return out.slice(0, length);
    };
    const rewrite = (text: string) => {
      const keep = Math.floor(text.length * (0.4 + 0.6 * random()));
      return text.slice(0, keep) + prose(text.length - keep);
    };
    const names = ['张伟', '王芳', '李娜'];
    const applications = Array.from({ length: 30 }, () => ({
      applicant: 0,
      pi: names[Math.floor(random() * names.length)]!,
      title: prose(12 + Math.floor(random() * 20)),
      summary: prose(60 + Math.floor(random() * 200)),
    }));
    const external = Array.from({ length: 60 }, () => {
      const source = random() < 0.35 ? applications[Math.floor(random() * applications.length)] : undefined;
      return {
        code: random() < 0.5 ? 0 : 3,
        pi: random() < 0.7 ? names[Math.floor(random() * names.length)]! : '',
        title: source ? rewrite(source.title) : prose(12 + Math.floor(random() * 20)),
        summary: source ? rewrite(source.summary) : prose(60 + Math.floor(random() * 200)),
      };
    });
    expectAsOracle(bundleOf({ applications, external }), call);
  });

  it.each(calls)(
    '$name：同一单位或同一负责人的每一对申报，错误、警告、字段、重合度与顺序都与逐对比较相同',
    ({ call }) => {
      fc.assert(
        fc.property(scenario, (generated) => expectAsOracle(bundleOf(generated), call)),
        { numRuns: 300 },
      );
    },
  );
});
