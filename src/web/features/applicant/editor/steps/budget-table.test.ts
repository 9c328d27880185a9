import { describe, expect, it } from 'vitest';
import { budgetFromTable, budgetTableSchema } from '../../../../../core/application/content.js';
import { cellWan, withCell, withJiangsuColumn } from './budget-table.js';

const provincial = { side: 'sources', key: 'provincial' } as const;
const labour = { side: 'expenditures', key: 'labour' } as const;

describe('经费预算表：万元与元', () => {
  it('以万元两位小数填写，按元保存为 100 的整数倍，读回仍是所填的万元', () => {
    const table = withCell(undefined, 'whole', provincial, 80.25);
    expect(table.whole.sources.provincial).toBe(802_500);
    expect(cellWan(table, 'whole', provincial)).toBe(80.25);
    expect(budgetTableSchema.safeParse(table).success).toBe(true);
  });

  it('多于两位的小数四舍五入到分（万元的两位小数），不产生表外的零头', () => {
    const table = withCell(undefined, 'whole', labour, 12.345);
    expect(table.whole.expenditures.labour).toBe(123_500);
    expect(table.whole.expenditures.labour! % 100).toBe(0);
  });

  it('清空的格子不再保存，也不读作 0', () => {
    const filled = withCell(undefined, 'whole', labour, 10);
    const cleared = withCell(filled, 'whole', labour, null);
    expect('labour' in cleared.whole.expenditures).toBe(false);
    expect(cellWan(cleared, 'whole', labour)).toBeNull();
  });

  it('另设江苏方一栏时从项目总预算复制，之后各自修改；关闭后只剩总预算', () => {
    let table = withCell(undefined, 'whole', provincial, 80);
    table = withCell(table, 'whole', labour, 300);
    table = withJiangsuColumn(table, true);
    table = withCell(table, 'jiangsu', labour, 200);
    expect(budgetFromTable(table)).toEqual({
      total: 3_000_000,
      jiangsuTotal: 2_000_000,
      provincialFunding: 800_000,
    });
    expect(cellWan(table, 'whole', labour)).toBe(300);
    const merged = withJiangsuColumn(table, false);
    expect(merged.jiangsu).toBeUndefined();
    expect(budgetFromTable(merged).jiangsuTotal).toBe(3_000_000);
  });
});
