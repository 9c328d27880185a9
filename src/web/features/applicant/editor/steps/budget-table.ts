import {
  type BudgetColumn,
  type BudgetTable,
  type ExpenditureKey,
  type SourceKey,
} from '../../../../../core/application/content.js';
import { wanToYuan, yuanToWan } from '../../../../../core/money.js';

// The 经费预算表 as the form shows it: cells in 万元 with two decimals, kept in yuan (multiples of 100).

export type ColumnKey = 'whole' | 'jiangsu';
export type Cell = { side: 'sources'; key: SourceKey } | { side: 'expenditures'; key: ExpenditureKey };

export const emptyColumn = (): BudgetColumn => ({ sources: {}, expenditures: {} });

/** The cell in 万元, or null when blank. */
export function cellWan(table: BudgetTable | undefined, column: ColumnKey, cell: Cell): number | null {
  const side = table?.[column]?.[cell.side] as Partial<Record<string, number>> | undefined;
  const yuan = side?.[cell.key];
  return yuan === undefined ? null : yuanToWan(yuan);
}

/** The table with one cell set from 万元 (rounded to the fen of 万元, i.e. 100 yuan), or cleared by null. */
export function withCell(
  table: BudgetTable | undefined,
  column: ColumnKey,
  cell: Cell,
  wan: number | null,
): BudgetTable {
  const base: BudgetTable = table ?? { whole: emptyColumn() };
  const current = base[column] ?? emptyColumn();
  const side: Partial<Record<string, number>> = { ...current[cell.side] };
  if (wan === null || !Number.isFinite(wan)) delete side[cell.key];
  else side[cell.key] = wanToYuan(Math.round(Math.max(0, wan) * 100) / 100);
  return { ...base, [column]: { ...current, [cell.side]: side } };
}

/** With a 江苏方 column (starting as a copy of the whole project's), or without one. */
export function withJiangsuColumn(table: BudgetTable | undefined, separate: boolean): BudgetTable {
  const base: BudgetTable = table ?? { whole: emptyColumn() };
  if (!separate) {
    const { jiangsu: _dropped, ...rest } = base;
    return rest;
  }
  return {
    ...base,
    jiangsu: base.jiangsu ?? {
      sources: { ...base.whole.sources },
      expenditures: { ...base.whole.expenditures },
    },
  };
}
