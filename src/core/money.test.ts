import { describe, expect, it } from 'vitest';
import { formatWan, formatWanDecimal, wanToYuan, yuanToWan } from './money.js';

describe('万元', () => {
  it.each([
    [800_000, '80 万元'],
    [805_000, '80.5 万元'],
    [800_001, '80.0001 万元'],
    [123_456_789, '12345.6789 万元'],
    [0, '0 万元'],
  ])('%d 元写作 %s', (yuan, shown) => {
    expect(formatWan(yuan)).toBe(shown);
  });

  it('超过上限一元的金额不写成上限本身', () => {
    expect(formatWan(800_001)).not.toBe(formatWan(800_000));
  });

  it('中位数等带小数的元数四舍五入到元', () => {
    expect(formatWan(823_456.5)).toBe('82.3457 万元');
    expect(yuanToWan(823_456.4)).toBe(82.3456);
  });

  it('表单中填写的万元换算为整元，再换回不变', () => {
    expect(wanToYuan(80.0001)).toBe(800_001);
    expect(yuanToWan(wanToYuan(12.3456))).toBe(12.3456);
  });
});

describe('万元，至少两位小数', () => {
  it.each([
    [600_000, '60.00 万元'],
    [805_000, '80.50 万元'],
    [800_001, '80.0001 万元'],
    [800_010, '80.001 万元'],
  ])('%d 元写作 %s', (yuan, shown) => {
    expect(formatWanDecimal(yuan)).toBe(shown);
  });
});
