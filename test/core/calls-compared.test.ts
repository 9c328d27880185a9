import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Application, Partner } from '../../src/core/bundle/schema.js';
import type { CallParameters } from '../../src/core/calls/parameters.js';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import type { Report } from '../../src/core/check.js';
import { rulesUsedBy } from '../../src/core/rules/reads.js';
import { CALL_FILES, readCallFile } from '../../src/server/seed/call-files.js';
import { application, bundle, department, organization, person } from '../support/factories/bundle.js';
import { check } from '../support/factories/check.js';
import { ledBy, single } from '../support/factories/rule-cases.js';

// The same bundles under two calls differ exactly where the calls' parameters do: the 2027 variant raises 专题二's
// cap to 100 万元, a city's quota to 8 and adds 法国 to 专题四's key countries; 专题三's own notice opens 专题三 alone,
// to enterprises with a Singapore or Norway enterprise.

const CALL_2027 = readCallFile(CALL_FILES.next);
const BILATERAL = readCallFile(CALL_FILES.bilateral);

/** Each application's and department's verdict with the rules that found something, severity first. */
function verdicts(report: Report) {
  const rules = (findings: Report['applications'][number]['findings']) =>
    [...new Set(findings.map((f) => `${f.severity}:${f.rule}`))].sort();
  return {
    applications: Object.fromEntries(
      report.applications.map((a) => [a.id, { eligible: a.eligible, rules: rules(a.findings) }]),
    ),
    departments: Object.fromEntries(
      report.departments.map((d) => [d.id, { withinQuota: d.withinQuota, rules: rules(d.findings) }]),
    ),
  };
}
const under = (call: CallParameters, input: unknown) => verdicts(check(input, call));

const withPartner = (partner: Partial<Partner>, app: Partial<Application> = {}) => {
  const topic = app.topic ?? 4;
  return single({ ...app, topic, partner: { ...application({ topic }).partner!, ...partner } });
};

/** A city recommending `n` 专题四 applications, each by an enterprise of its own. */
const cityRecommending = (n: number) =>
  bundle({
    departments: [department({ id: 'd1', kind: 'city' })],
    organizations: Array.from({ length: n }, (_, i) => organization({ id: `o${i + 1}` })),
    people: Array.from({ length: n }, (_, i) => person({ id: `p${i + 1}`, employer: `o${i + 1}` })),
    applications: Array.from({ length: n }, (_, i) =>
      application({
        id: `a${i + 1}`,
        applicant: `o${i + 1}`,
        pi: `p${i + 1}`,
        recommendation: { status: 'recommended', separateSlot: false, at: '2026-05-19T10:00:00+08:00' },
      }),
    ),
  });

const FIXTURES = new URL('../fixtures/cases/', import.meta.url);
const fixtureBundles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.bundle.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, FIXTURES), 'utf8')) as unknown] as const);

describe('同一批申报在 2026 年度与 2027 年度（示例）计划下', () => {
  it('专题二申请 90 万元：2026 年超过上限 80 万元，2027 年上限 100 万元以内', () => {
    const input = single({
      topic: 2,
      budget: { total: 5_000_000, jiangsuTotal: 2_000_000, provincialFunding: 900_000 },
    });
    expect(under(JS_INTL_2026, input).applications.a1).toEqual({
      eligible: false,
      rules: ['error:budget.cap'],
    });
    expect(under(CALL_2027, input).applications.a1).toEqual({ eligible: true, rules: [] });
    const message = check(input, JS_INTL_2026).applications[0]!.findings[0]!.message;
    expect(message).toContain('上限 80 万元');
  });

  it('专题二申请 100.0001 万元：两年都超过上限，各说各的上限', () => {
    const input = single({
      topic: 2,
      budget: { total: 5_000_000, jiangsuTotal: 2_100_000, provincialFunding: 1_000_001 },
    });
    const message = (call: CallParameters) => check(input, call).applications[0]!.findings[0]!.message;
    expect(message(JS_INTL_2026)).toContain('上限 80 万元');
    expect(message(CALL_2027)).toContain('上限 100 万元');
  });

  it('设区市第 7 项推荐：2026 年超过限额 6 项，2027 年限额 8 项以内；第 9 项 2027 年也超限', () => {
    expect(under(JS_INTL_2026, cityRecommending(7)).departments.d1).toEqual({
      withinQuota: false,
      rules: ['error:quota.department'],
    });
    expect(under(CALL_2027, cityRecommending(7)).departments.d1).toEqual({ withinQuota: true, rules: [] });
    expect(under(CALL_2027, cityRecommending(8)).departments.d1!.withinQuota).toBe(true);
    const over = check(cityRecommending(9), CALL_2027).departments[0]!;
    expect(over.withinQuota).toBe(false);
    expect(over.findings[0]!.message).toContain('限额 8 项');
  });

  it('专题四与法国合作：2026 年不在重点国别须评审确认，2027 年为重点国别', () => {
    const input = withPartner({ country: 'FR' });
    expect(under(JS_INTL_2026, input).applications.a1).toEqual({
      eligible: true,
      rules: ['warning:partner.country-not-key'],
    });
    expect(under(CALL_2027, input).applications.a1).toEqual({ eligible: true, rules: [] });
  });

  // The 2027 notice is published a year later, so a joint-lab agreement signed after 2026-03-29 is early enough.
  const MOVED_WITH_THE_NOTICE_DATE: Record<string, string[]> = {
    'belt-road-basic.bundle.json': ['lab-doc-late'],
  };

  it.each(fixtureBundles)('公开示例 %s：两年的判定只在通知发布日期变动处不同', (name, input) => {
    const [before, after] = [under(JS_INTL_2026, input), under(CALL_2027, input)];
    for (const id of MOVED_WITH_THE_NOTICE_DATE[name] ?? []) {
      expect(before.applications[id]).toEqual({ eligible: false, rules: ['error:documents.joint-lab'] });
      expect(after.applications[id]).toEqual({ eligible: true, rules: [] });
      delete before.applications[id];
      delete after.applications[id];
    }
    expect(after).toEqual(before);
  });

  it('其余参数未变的判定两年相同：专题三不受理、高校牵头须联合企业、企业牵头不得与新加坡合作', () => {
    for (const input of [
      single({ topic: 3 }),
      ledBy('university', 4),
      withPartner({ country: 'SG' }),
      withPartner({ country: 'US' }),
    ])
      expect(under(CALL_2027, input)).toEqual(under(JS_INTL_2026, input));
  });
});

describe('专题三双边创新合作项目的申报通知（示例）', () => {
  const singapore = { country: 'SG', kind: 'enterprise' } as const;

  it('江苏企业与新加坡企业合作可以申报；同一申报在 2026 年通知下不受理', () => {
    const input = withPartner(singapore, { topic: 3 });
    expect(under(BILATERAL, input).applications.a1).toEqual({ eligible: true, rules: [] });
    expect(under(JS_INTL_2026, input).applications.a1).toEqual({
      eligible: false,
      rules: ['error:topic.not-open'],
    });
  });

  it('与挪威企业合作可以申报', () => {
    expect(
      under(BILATERAL, withPartner({ country: 'NO', kind: 'enterprise' }, { topic: 3 })).applications.a1,
    ).toEqual({ eligible: true, rules: [] });
  });

  it.each([
    [
      '高校牵头',
      ledBy('university', 3, { app: { partner: { ...withPartnerOf(singapore) } } }),
      'applicant.kind',
    ],
    ['合作方为挪威高校', withPartner({ country: 'NO', kind: 'university' }, { topic: 3 }), 'partner.kind'],
    ['合作方为德国企业', withPartner({ country: 'DE', kind: 'enterprise' }, { topic: 3 }), 'partner.country'],
    [
      '申请省资助 100 万元',
      withPartner(singapore, {
        topic: 3,
        budget: { total: 5_000_000, jiangsuTotal: 2_500_000, provincialFunding: 1_000_000 },
      }),
      'budget.cap',
    ],
  ])('%s不能申报', (_name, input, rule) => {
    expect(under(BILATERAL, input).applications.a1).toEqual({ eligible: false, rules: [`error:${rule}`] });
  });

  it.each([
    ['专题一方向2', single({ topic: 1, direction: 'platform-inbound' })],
    ['专题一未选方向', single({ topic: 1 })],
    ['专题二', single({ topic: 2 })],
    ['专题四', single({ topic: 4 })],
    ['专题五', single({ topic: 5 })],
  ])('%s：本通知不受理', (_name, input) => {
    const report = check(input, BILATERAL);
    expect(verdicts(report).applications.a1).toEqual({ eligible: false, rules: ['error:topic.not-open'] });
    expect(report.applications[0]!.findings[0]!.message).toContain('请改选本通知已开放的专题（专题三）');
  });

  it('本通知用到合作机构类型的规则（partner.kind），2026 年通知（专题三未开放）不用', () => {
    expect(rulesUsedBy(BILATERAL).map((r) => r.id)).toContain('partner.kind');
    expect(rulesUsedBy(JS_INTL_2026).map((r) => r.id)).not.toContain('partner.kind');
  });

  it('企业的合作国别提示取自本通知：德国不在“新加坡、挪威”之列', () => {
    const report = check(withPartner({ country: 'DE', kind: 'enterprise' }, { topic: 3 }), BILATERAL);
    expect(report.applications[0]!.findings[0]!.message).toContain('新加坡、挪威');
  });
});

function withPartnerOf(partner: Partial<Partner>): Partner {
  return { ...application({ topic: 3 }).partner!, ...partner };
}
