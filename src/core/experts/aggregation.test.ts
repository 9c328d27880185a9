import { describe, expect, it } from 'vitest';
import { aggregate, WIDE_SPREAD_POINTS } from './aggregation.js';

describe('专家评分汇总', () => {
  it.each([
    {
      name: '尚无评分',
      totals: [],
      expected: { count: 0, mean: null, median: null, spread: null, wideSpread: false },
    },
    {
      name: '一位专家',
      totals: [80],
      expected: { count: 1, mean: 80, median: 80, spread: 0, wideSpread: false },
    },
    {
      name: '奇数位专家取中间值',
      totals: [90, 70, 80],
      expected: { count: 3, mean: 80, median: 80, spread: 20, wideSpread: true },
    },
    {
      name: '偶数位专家取中间两值的平均',
      totals: [60, 80, 85, 70],
      expected: { count: 4, mean: 73.75, median: 75, spread: 25, wideSpread: true },
    },
    {
      name: '分差小于阈值不标记',
      totals: [81, 95.5, 76],
      expected: { count: 3, mean: 84.17, median: 81, spread: 19.5, wideSpread: false },
    },
  ])('$name', (c) => expect(aggregate(c.totals)).toEqual(c.expected));

  it('分差阈值可调', () => {
    expect(aggregate([70, 80], 10).wideSpread).toBe(true);
    expect(aggregate([70, 80], 10.5).wideSpread).toBe(false);
    expect(aggregate([70, 70 + WIDE_SPREAD_POINTS]).wideSpread).toBe(true);
  });
});
