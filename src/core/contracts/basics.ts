import type { ApplicationForm } from '../application/form.js';
import {
  EXPENDITURE_KEYS,
  INDICATOR_KEYS,
  SOURCE_KEYS,
  type ExpenditureKey,
  type IndicatorKey,
  type SourceKey,
} from '../application/content.js';
import { EXPENDITURE_LABELS, INDICATOR_LABELS, SOURCE_LABELS } from '../labels.js';
import { formatWanDecimal } from '../money.js';

// 任务书 basics (issue 14 §9): the 考核指标 and the 经费预算表 of the 申报书, as the contract takes them and as the
// province adjusts them, and the differences between the two, heading by heading. Amounts are whole yuan.

export interface TaskBasics {
  /** 考核指标: counts, but `salesRevenue` in yuan. Every key present (0 when the 申报书 left it blank). */
  indicators: Record<IndicatorKey, number>;
  /** 经费预算 of 江苏方 (the contract's party): sources and expenditures, yuan. */
  budget: {
    sources: Record<SourceKey, number>;
    expenditures: Record<ExpenditureKey, number>;
  };
}

const filled = <K extends string>(keys: readonly K[], values: Partial<Record<K, number>> | undefined) =>
  Object.fromEntries(keys.map((k) => [k, values?.[k] ?? 0])) as Record<K, number>;

/**
 * The basics as the 申报书 states them: its indicators, and 江苏方's column of the 经费预算表 (the whole project's
 * when there is no separate column). A form written before the table gives its provincial funding only.
 */
export function basicsFromForm(form: ApplicationForm): TaskBasics {
  const table = form.budgetTable;
  const column = table ? (table.jiangsu ?? table.whole) : undefined;
  const sources = filled(SOURCE_KEYS, column?.sources);
  if (!column) sources.provincial = form.budget?.provincialFunding ?? 0;
  return {
    indicators: filled(INDICATOR_KEYS, form.indicators),
    budget: { sources, expenditures: filled(EXPENDITURE_KEYS, column?.expenditures) },
  };
}

export type DifferenceGroup = 'indicator' | 'source' | 'expenditure';

export const DIFFERENCE_GROUP_LABELS: Readonly<Record<DifferenceGroup, string>> = {
  indicator: '考核指标',
  source: '经费来源',
  expenditure: '经费支出',
};

/** One heading of the 任务书 beside the 申报书: both figures as people read them. */
export interface BasicsLine {
  group: DifferenceGroup;
  key: string;
  label: string;
  /** As the 申报书 gives it, e.g. `3 件` or `80.00 万元`. */
  applied: string;
  /** As the 任务书 has it. */
  adjusted: string;
  changed: boolean;
  /** `+2 件`, `-20.00 万元`; empty when unchanged. */
  difference: string;
}

const signed = (delta: number, text: string) => (delta > 0 ? `+${text}` : `-${text}`);

function indicatorText(key: IndicatorKey, value: number): string {
  return key === 'salesRevenue' ? formatWanDecimal(value) : `${value} ${INDICATOR_LABELS[key].unit}`;
}

/** Every heading of the two, in the forms' order, with what changed; totals of the budget included. */
export function basicsLines(applied: TaskBasics, adjusted: TaskBasics): BasicsLine[] {
  const lines: BasicsLine[] = [];
  const push = (
    group: DifferenceGroup,
    key: string,
    label: string,
    a: number,
    b: number,
    text: (v: number) => string,
  ) =>
    lines.push({
      group,
      key,
      label,
      applied: text(a),
      adjusted: text(b),
      changed: a !== b,
      difference: a === b ? '' : signed(b - a, text(Math.abs(b - a))),
    });
  for (const k of INDICATOR_KEYS) {
    push('indicator', k, INDICATOR_LABELS[k].label, applied.indicators[k], adjusted.indicators[k], (v) =>
      indicatorText(k, v),
    );
  }
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, v) => a + v, 0);
  for (const k of SOURCE_KEYS) {
    push(
      'source',
      k,
      SOURCE_LABELS[k],
      applied.budget.sources[k],
      adjusted.budget.sources[k],
      formatWanDecimal,
    );
  }
  push(
    'source',
    'total',
    '经费来源合计',
    sum(applied.budget.sources),
    sum(adjusted.budget.sources),
    formatWanDecimal,
  );
  for (const k of EXPENDITURE_KEYS) {
    push(
      'expenditure',
      k,
      EXPENDITURE_LABELS[k],
      applied.budget.expenditures[k],
      adjusted.budget.expenditures[k],
      formatWanDecimal,
    );
  }
  push(
    'expenditure',
    'total',
    '经费支出合计',
    sum(applied.budget.expenditures),
    sum(adjusted.budget.expenditures),
    formatWanDecimal,
  );
  return lines;
}

/**
 * What is wrong with basics the province proposes, as `[path, message]`: the 省拨款 source is the approved
 * funding (the 立项决定 fixed it), and the budget's sources and expenditures balance.
 */
export function basicsProblems(basics: TaskBasics, approvedFunding: number): [string, string][] {
  const problems: [string, string][] = [];
  if (basics.budget.sources.provincial !== approvedFunding) {
    problems.push([
      'budget.sources.provincial',
      `省拨款应等于立项资助经费 ${formatWanDecimal(approvedFunding)}`,
    ]);
  }
  const sources = Object.values(basics.budget.sources).reduce((a, v) => a + v, 0);
  const expenditures = Object.values(basics.budget.expenditures).reduce((a, v) => a + v, 0);
  if (sources !== expenditures) {
    problems.push([
      'budget.expenditures',
      `经费支出合计 ${formatWanDecimal(expenditures)}应与经费来源合计 ${formatWanDecimal(sources)}相等`,
    ]);
  }
  return problems;
}
