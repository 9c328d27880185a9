import {
  EXPENDITURE_KEYS,
  JUSTIFIED_HEADINGS,
  budgetFromTable,
  expendituresTotal,
  sourcesTotal,
  type BudgetColumn,
  type BudgetTable,
  type JustifiedHeading,
} from '../application/content.js';
import { CENTRE_CONFIGURATION } from '../calls/parameters.js';
import { EXPENDITURE_LABELS, JUSTIFIED_HEADING_LABELS } from '../labels.js';
import { formatWanDecimal } from '../money.js';
import { applicationRule } from './rule.js';

// Reading: docs/reading/01-budget-table.md
// 一、专题一至专题五 “省资助经费每项原则上不超过 N 万元，且不超过项目（江苏方）总预算的 50%”: the totals these
// caps read (`budget`) are those of the 经费预算表 when the application has one, so the table must add up and
// agree with them. 间接费用 and the 预算说明 are the centre's configuration of the 申报书 (中心配置).
// An application without a table (every bundle written before it existed) gets none of these findings.

const WHOLE = '项目总经费';
const JIANGSU = '江苏方经费';

function columnsOf(table: BudgetTable): Array<[string, BudgetColumn, string]> {
  return [
    [WHOLE, table.whole, 'budgetTable.whole'],
    ...(table.jiangsu
      ? [[JIANGSU, table.jiangsu, 'budgetTable.jiangsu'] as [string, BudgetColumn, string]]
      : []),
  ];
}

export const tableUnbalanced = applicationRule(
  {
    id: 'budget.table-unbalanced',
    severity: 'error',
    clause: '一、专题一至专题五',
    title: '经费预算表各栏经费来源合计须等于经费支出合计',
  },
  ({ app, topic }, emit) => {
    if (!app.budgetTable) return;
    for (const [name, column, field] of columnsOf(app.budgetTable)) {
      const sources = sourcesTotal(column);
      const expenditures = expendituresTotal(column);
      if (sources !== expenditures) {
        emit(
          topic.clause,
          `经费预算表${name}的经费来源合计 ${formatWanDecimal(sources)}，经费支出合计 ${formatWanDecimal(expenditures)}，两者不等。请核对${name}的来源与支出，使两者相等。`,
          field,
        );
      }
    }
  },
);

export const tableJiangsuColumn = applicationRule(
  {
    id: 'budget.table-jiangsu-column',
    severity: 'error',
    clause: '一、专题一至专题五',
    title: '江苏方经费各项不超过项目总经费，省拨款两栏相同',
  },
  ({ app, topic }, emit) => {
    const table = app.budgetTable;
    if (!table?.jiangsu) return;
    const { whole, jiangsu } = table;
    const problems: string[] = [];
    for (const key of EXPENDITURE_KEYS) {
      const part = jiangsu.expenditures[key] ?? 0;
      const all = whole.expenditures[key] ?? 0;
      if (part > all) {
        problems.push(
          `${EXPENDITURE_LABELS[key]}江苏方 ${formatWanDecimal(part)}，超过项目总经费的 ${formatWanDecimal(all)}`,
        );
      }
    }
    const part = expendituresTotal(jiangsu);
    const all = expendituresTotal(whole);
    if (part > all) {
      problems.push(`支出合计江苏方 ${formatWanDecimal(part)}，超过项目总经费的 ${formatWanDecimal(all)}`);
    }
    const provincialPart = jiangsu.sources.provincial ?? 0;
    const provincialAll = whole.sources.provincial ?? 0;
    if (provincialPart !== provincialAll) {
      problems.push(
        `省拨款江苏方 ${formatWanDecimal(provincialPart)}，项目总经费中为 ${formatWanDecimal(provincialAll)}，省拨款全部拨给江苏方，两栏应相同`,
      );
    }
    if (problems.length > 0) {
      emit(
        topic.clause,
        `江苏方经费是项目总经费的一部分：${problems.join('；')}。请核对两栏经费预算。`,
        'budgetTable.jiangsu',
      );
    }
  },
);

const TOTAL_LABELS = {
  total: '项目总预算',
  jiangsuTotal: '江苏方总预算',
  provincialFunding: '申请省资助经费',
} as const;

// A bundle the server writes derives `budget` from the table; one written elsewhere may carry both, and the caps
// (budget.cap, budget.share) read `budget`: a disagreement would let them judge figures the table does not hold.
export const tableDisagrees = applicationRule(
  {
    id: 'budget.table-disagrees',
    severity: 'error',
    clause: '一、专题一至专题五',
    title: '项目预算须与经费预算表一致',
  },
  ({ app, topic }, emit) => {
    if (!app.budgetTable) return;
    const derived = budgetFromTable(app.budgetTable);
    const differences = (Object.keys(TOTAL_LABELS) as (keyof typeof TOTAL_LABELS)[])
      .filter((key) => app.budget[key] !== derived[key])
      .map(
        (key) =>
          `${TOTAL_LABELS[key]}填为 ${formatWanDecimal(app.budget[key])}，经费预算表为 ${formatWanDecimal(derived[key])}`,
      );
    if (differences.length > 0) {
      emit(
        topic.clause,
        `项目预算与经费预算表不一致：${differences.join('；')}。请以经费预算表为准填写项目预算。`,
        'budget',
      );
    }
  },
);

export const indirectCosts = applicationRule(
  {
    id: 'budget.indirect-costs',
    severity: 'error',
    clause: CENTRE_CONFIGURATION,
    title: '间接费用须为本计划允许，且不超过直接费用的规定比例',
  },
  ({ app }, emit, { call }) => {
    if (!app.budgetTable) return;
    const allowed = call.content.value.indirectCosts;
    for (const [name, column, field] of columnsOf(app.budgetTable)) {
      const indirect = column.expenditures.indirect ?? 0;
      if (indirect === 0) continue;
      if (allowed === null) {
        emit(
          call.content.clause,
          `本计划不列支间接费用，经费预算表${name}列有间接费用 ${formatWanDecimal(indirect)}。请删除间接费用，将其计入相应的直接费用科目。`,
          `${field}.expenditures.indirect`,
        );
        continue;
      }
      const direct = expendituresTotal(column) - indirect;
      const percent = allowed.maxPercentOfDirect;
      if (indirect * 100 > direct * percent) {
        const max = Math.floor((direct * percent) / 100 / 100) * 100;
        emit(
          call.content.clause,
          `经费预算表${name}的间接费用 ${formatWanDecimal(indirect)}，超过直接费用 ${formatWanDecimal(direct)}的 ${percent}%（即 ${formatWanDecimal(max)}）。请将间接费用调减至 ${formatWanDecimal(max)}以内。`,
          `${field}.expenditures.indirect`,
        );
      }
    }
  },
);

const HEADING_LINES: Record<JustifiedHeading, readonly (typeof EXPENDITURE_KEYS)[number][]> = {
  equipment: ['equipmentPurchase', 'equipmentTrial', 'equipmentLease'],
  business: ['business'],
  labour: ['labour'],
  indirect: ['indirect'],
};

// Error, not warning: the 申报书 filled in online is the only basis of every review (三、2), and an expert cannot
// judge an amount no one explained.
export const justificationMissing = applicationRule(
  {
    id: 'budget.justification-missing',
    severity: 'error',
    clause: CENTRE_CONFIGURATION,
    title: '经费预算表列支的每个科目须有预算说明',
  },
  ({ app }, emit, { call }) => {
    const table = app.budgetTable;
    if (!table) return;
    for (const heading of JUSTIFIED_HEADINGS) {
      if (table.justifications?.[heading]?.trim()) continue;
      const amount = Math.max(
        ...columnsOf(table).map(([, column]) =>
          HEADING_LINES[heading].reduce((sum, key) => sum + (column.expenditures[key] ?? 0), 0),
        ),
      );
      if (amount > 0) {
        const label = JUSTIFIED_HEADING_LABELS[heading];
        emit(
          call.content.clause,
          `经费预算表列支${label} ${formatWanDecimal(amount)}，未填写${label}的预算说明。请说明该科目的主要用途和测算依据。`,
          `budgetTable.justifications.${heading}`,
        );
      }
    }
  },
);

export const BUDGET_TABLE_RULES = [
  tableUnbalanced,
  tableJiangsuColumn,
  tableDisagrees,
  indirectCosts,
  justificationMissing,
];
