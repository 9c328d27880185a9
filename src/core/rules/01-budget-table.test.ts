import { describe, expect, it } from 'vitest';
import { budgetFromTable, type BudgetColumn, type BudgetTable } from '../application/content.js';
import { parseBundle } from '../bundle/parse.js';
import { JS_INTL_2026 } from '../calls/js-intl-2026.js';
import { checkBundle } from '../check.js';
import { bundle } from '../../../test/support/factories/bundle.js';
import { expectOutcome, single, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 经费预算表: sums per column, 江苏方 inside the whole, `budget` derived from it (一、专题一至专题五), and
// 间接费用 and 预算说明 as the centre configures them. Amounts in yuan; the factory's application is 专题四.

const WAN = 10_000;
const column = (
  [provincial, selfRaised, other]: [number, number, number],
  expenditures: BudgetColumn['expenditures'],
): BudgetColumn => ({
  sources: { provincial: provincial * WAN, selfRaised: selfRaised * WAN, other: other * WAN },
  expenditures: Object.fromEntries(Object.entries(expenditures).map(([k, v]) => [k, v! * WAN])),
});
const justifications = {
  equipment: '联合试验所需设备。',
  business: '材料与测试费。',
  labour: '研究生劳务。',
};
// 项目总经费 300 万元, 江苏方 200 万元, 省拨款 80 万元: the factory's own `budget`.
const WHOLE_SPENT = { equipmentPurchase: 90, business: 150, labour: 60 };
const JIANGSU_SPENT = { equipmentPurchase: 60, business: 100, labour: 40 };
const whole = column([80, 220, 0], WHOLE_SPENT);
const jiangsu = column([80, 120, 0], JIANGSU_SPENT);

/** An application with `table`, and `budget` derived from it unless given. */
const withTable = (table: BudgetTable, budget = budgetFromTable(table)) =>
  single({ budgetTable: { justifications, ...table }, budget });

const cases: RuleCase[] = [
  { name: '没有经费预算表（旧的申报包）：不判预算表', bundle: bundle(), eligible: true },
  { name: '两栏收支平衡、与项目预算一致：可以申报', bundle: withTable({ whole, jiangsu }), eligible: true },
  {
    name: '项目总经费来源合计 290 万元、支出合计 300 万元：不能申报',
    bundle: withTable({ whole: column([80, 210, 0], WHOLE_SPENT), jiangsu }),
    eligible: false,
    errors: ['budget.table-unbalanced'],
    mentions: { 'budget.table-unbalanced': ['项目总经费', '290.00 万元', '300.00 万元'] },
    cites: { 'budget.table-unbalanced': '一、专题四' },
  },
  {
    name: '江苏方经费来源合计 210 万元、支出合计 200 万元：不能申报',
    bundle: withTable({ whole, jiangsu: column([80, 130, 0], JIANGSU_SPENT) }),
    eligible: false,
    errors: ['budget.table-unbalanced'],
    mentions: { 'budget.table-unbalanced': ['江苏方经费', '210.00 万元', '200.00 万元'] },
  },
  {
    name: '江苏方劳务费 70 万元超过项目总经费的 60 万元：不能申报',
    bundle: withTable({
      whole,
      jiangsu: column([80, 120, 0], { equipmentPurchase: 60, business: 70, labour: 70 }),
    }),
    eligible: false,
    errors: ['budget.table-jiangsu-column'],
    mentions: { 'budget.table-jiangsu-column': ['劳务费', '70.00 万元', '60.00 万元'] },
    cites: { 'budget.table-jiangsu-column': '一、专题四' },
  },
  {
    name: '江苏方支出合计 320 万元超过项目总经费 300 万元：预算表与预算顺序都不对',
    bundle: withTable({
      whole,
      jiangsu: column([80, 240, 0], { equipmentPurchase: 90, business: 170, labour: 60 }),
    }),
    eligible: false,
    errors: ['budget.table-jiangsu-column', 'budget.consistency'],
    mentions: { 'budget.table-jiangsu-column': ['支出合计', '320.00 万元', '300.00 万元', '业务费'] },
  },
  {
    name: '省拨款两栏不同（项目总经费 70 万元、江苏方 80 万元）：不能申报',
    bundle: withTable({ whole: column([70, 230, 0], WHOLE_SPENT), jiangsu }),
    eligible: false,
    errors: ['budget.table-jiangsu-column'],
    mentions: { 'budget.table-jiangsu-column': ['省拨款', '70.00 万元', '80.00 万元'] },
  },
  {
    name: '申报包的项目预算与预算表不一致：列明两处数字',
    bundle: withTable(
      { whole, jiangsu },
      { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 700_000 },
    ),
    eligible: false,
    errors: ['budget.table-disagrees'],
    mentions: { 'budget.table-disagrees': ['申请省资助经费', '70.00 万元', '80.00 万元'] },
    cites: { 'budget.table-disagrees': '一、专题四' },
  },
  {
    name: '由预算表得出的省拨款 90 万元超过专题四上限 80 万元',
    bundle: withTable({
      whole: column([90, 210, 0], WHOLE_SPENT),
      jiangsu: column([90, 110, 0], JIANGSU_SPENT),
    }),
    eligible: false,
    errors: ['budget.cap'],
    mentions: { 'budget.cap': ['90 万元', '80 万元'] },
  },
  {
    name: '由预算表得出的省拨款 80 万元超过江苏方 150 万元的 50%',
    bundle: withTable({
      whole,
      jiangsu: column([80, 70, 0], { equipmentPurchase: 40, business: 70, labour: 40 }),
    }),
    eligible: false,
    errors: ['budget.share'],
    mentions: { 'budget.share': ['150 万元', '75 万元'] },
  },
  {
    name: '省拨款恰为江苏方 160 万元的 50%：可以申报',
    bundle: withTable({
      whole,
      jiangsu: column([80, 80, 0], { equipmentPurchase: 40, business: 80, labour: 40 }),
    }),
    eligible: true,
  },
];

const oneColumn = (expenditures: BudgetColumn['expenditures'], table: Partial<BudgetTable> = {}) =>
  withTable({ whole: column([80, 220, 0], expenditures), ...table });

const centreCases: RuleCase[] = [
  {
    name: '间接费用恰为直接费用 250 万元的 20%（50 万元）：可以申报',
    bundle: oneColumn(
      { equipmentPurchase: 90, business: 100, labour: 60, indirect: 50 },
      { justifications: { ...justifications, indirect: '管理费用。' } },
    ),
    eligible: true,
  },
  {
    name: '间接费用 60 万元超过直接费用 240 万元的 20%：不能申报',
    bundle: oneColumn(
      { equipmentPurchase: 90, business: 90, labour: 60, indirect: 60 },
      { justifications: { ...justifications, indirect: '管理费用。' } },
    ),
    eligible: false,
    errors: ['budget.indirect-costs'],
    mentions: { 'budget.indirect-costs': ['60.00 万元', '240.00 万元', '20%', '48.00 万元'] },
    cites: { 'budget.indirect-costs': '中心配置' },
  },
  {
    name: '列支设备试制费而没有设备费说明：不能申报',
    bundle: oneColumn(
      { equipmentTrial: 90, business: 150, labour: 60 },
      { justifications: { business: '材料与测试费。', labour: '研究生劳务。' } },
    ),
    eligible: false,
    errors: ['budget.justification-missing'],
    mentions: { 'budget.justification-missing': ['设备费', '90.00 万元'] },
    cites: { 'budget.justification-missing': '中心配置' },
  },
  {
    name: '未列支的科目无须说明',
    bundle: oneColumn(
      { business: 240, labour: 60 },
      { justifications: { business: '材料费。', labour: '劳务。' } },
    ),
    eligible: true,
  },
  {
    name: '只有空白的说明，等于没有说明',
    bundle: oneColumn(
      { equipmentPurchase: 90, business: 150, labour: 60 },
      { justifications: { ...justifications, labour: '  ' } },
    ),
    eligible: false,
    errors: ['budget.justification-missing'],
    mentions: { 'budget.justification-missing': ['劳务费', '60.00 万元'] },
  },
];

describe('经费预算表（一、专题一至专题五）', () => {
  it.each(cases)('$name', (c) => expectOutcome(c));
});

describe('间接费用与预算说明（中心配置）', () => {
  it.each(centreCases)('$name', (c) => expectOutcome(c));

  it('本计划不列支间接费用时，列有间接费用即不能申报', () => {
    const call = {
      ...JS_INTL_2026,
      content: { ...JS_INTL_2026.content, value: { ...JS_INTL_2026.content.value, indirectCosts: null } },
    };
    const parsed = parseBundle(
      oneColumn(
        { equipmentPurchase: 90, business: 140, labour: 60, indirect: 10 },
        { justifications: { ...justifications, indirect: '管理费用。' } },
      ),
    );
    if (!parsed.ok) throw new Error('malformed');
    const findings = checkBundle(parsed.bundle, call).applications[0]!.findings;
    expect(findings.map((f) => f.rule)).toEqual(['budget.indirect-costs']);
    expect(findings[0]!.message).toContain('不列支间接费用');
    expect(findings[0]!.message).toContain('10.00 万元');
    expect(checkBundle(parsed.bundle).applications[0]!.eligible).toBe(true);
  });
});
