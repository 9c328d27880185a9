import { describe, expect, it } from 'vitest';
import type { ApplicationForm } from '../application/form.js';
import { basicsFromForm, basicsLines, basicsProblems } from './basics.js';
import { contractSteps, missingOf, monthEnd, projectNumber, startDateProblem } from './steps.js';

const form = {
  indicators: { papers: 3, salesRevenue: 1_000_000 },
  budgetTable: {
    whole: {
      sources: { provincial: 800_000, selfRaised: 2_200_000 },
      expenditures: { business: 2_000_000, labour: 1_000_000 },
    },
    jiangsu: {
      sources: { provincial: 800_000, selfRaised: 1_200_000 },
      expenditures: { business: 1_500_000, labour: 500_000 },
    },
  },
} as unknown as ApplicationForm;

describe('任务书 basics', () => {
  it('take the indicators and 江苏方’s column of the 经费预算表, blanks as 0', () => {
    const basics = basicsFromForm(form);
    expect(basics.indicators).toMatchObject({ papers: 3, patentsFiled: 0, salesRevenue: 1_000_000 });
    expect(basics.budget.sources).toEqual({ provincial: 800_000, selfRaised: 1_200_000, other: 0 });
    expect(basics.budget.expenditures.business).toBe(1_500_000);
  });

  it('show each heading of both, in 万元 or the indicator’s unit, with the signed difference', () => {
    const applied = basicsFromForm(form);
    const adjusted = structuredClone(applied);
    adjusted.indicators.papers = 5;
    adjusted.budget.sources.provincial = 600_000;
    adjusted.budget.expenditures.business = 1_300_000;
    const changed = basicsLines(applied, adjusted).filter((l) => l.changed);
    expect(changed.map((l) => [l.label, l.applied, l.adjusted, l.difference])).toEqual([
      ['发表论文', '3 篇', '5 篇', '+2 篇'],
      ['省拨款', '80.00 万元', '60.00 万元', '-20.00 万元'],
      ['经费来源合计', '200.00 万元', '180.00 万元', '-20.00 万元'],
      ['业务费', '150.00 万元', '130.00 万元', '-20.00 万元'],
      ['经费支出合计', '200.00 万元', '180.00 万元', '-20.00 万元'],
    ]);
  });

  it('refuse a 省拨款 other than the approved funding, and an unbalanced budget', () => {
    const basics = basicsFromForm(form);
    expect(basicsProblems(basics, 800_000)).toEqual([]);
    const problems = basicsProblems(basics, 600_000).map(([path]) => path);
    expect(problems).toEqual(['budget.sources.provincial']);
    basics.budget.sources.provincial = 600_000;
    expect(basicsProblems(basics, 600_000).map(([path]) => path)).toEqual(['budget.expenditures']);
  });
});

describe('contract steps', () => {
  const facts = {
    funding: 800_000,
    basics: basicsFromForm(form),
    basicsVersion: 2,
    confirmedVersion: 2,
    agreementMissing: [],
    paper: { copies: 1, received: 1 },
  };

  it('are all done when confirmed at the current version, no agreement owed and the copies in', () => {
    expect(missingOf(contractSteps(facts))).toEqual([]);
  });

  it('say what is missing: re-confirmation after a change, the agreement, the paper copies', () => {
    const missing = missingOf(
      contractSteps({
        ...facts,
        basicsVersion: 3,
        agreementMissing: ['合作方 Fraunhofer 仅有合作意向书'],
        paper: { copies: 1, received: 0 },
      }),
    );
    expect(missing).toEqual([
      '任务书在承担单位确认后又经调整，须承担单位重新确认',
      '须上传正式合作协议：合作方 Fraunhofer 仅有合作意向书',
      '纸质申报书装订本尚未收齐（应交 1 份，已收 0 份，三、2），须在纸质材料登记中登记收件',
    ]);
    expect(missingOf(contractSteps({ ...facts, confirmedVersion: null }))).toEqual([
      '承担单位尚未确认任务书',
    ]);
    expect(missingOf(contractSteps({ ...facts, funding: 600_000 }))[0]).toContain('不一致');
  });
});

describe('numbers and dates', () => {
  it('project numbers are the prefix and a serial of at least three digits', () => {
    expect(projectNumber('BZ2026', 1)).toBe('BZ2026001');
    expect(projectNumber('BZ2026', 1234)).toBe('BZ20261234');
  });

  it('a start date is on or after the approval and within the period', () => {
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2028-06')).toBe('2028-06-30');
    expect(startDateProblem('2027-01-06', '2026-12-28', '2028-06')).toBeNull();
    expect(startDateProblem('2026-12-27', '2026-12-28', '2028-06')).toContain('不能早于立项日期');
    expect(startDateProblem('2028-07-01', '2026-12-28', '2028-06')).toContain('不能晚于');
    expect(startDateProblem('2027-02-30', '2026-12-28', '2028-06')).toBe('应为有效日期');
    expect(startDateProblem('2027-01-06', '2026-12-28', undefined)).toContain('未填写执行期');
  });
});
