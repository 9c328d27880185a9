import { describe, expect, it } from 'vitest';
import { fundingLimit, fundingOverLimit } from './funding-limit.js';

const cap = { amount: 800_000, clause: '一、专题四', label: '专题四' };
const NOTICE = '苏科资发〔2026〕26号';

describe('立项资助经费的上限', () => {
  it('申请额低于专题上限时，以申请额为限', () => {
    expect(fundingLimit(600_000, cap, NOTICE)).toEqual({
      amount: 600_000,
      reason: '申报单位申请的省资助经费',
    });
  });
  it('申请额高于或等于专题上限时，以专题上限为限，注明条款', () => {
    expect(fundingLimit(900_000, cap, NOTICE)).toEqual({
      amount: 800_000,
      reason: '专题四省资助经费上限（苏科资发〔2026〕26号 一、专题四）',
    });
    expect(fundingLimit(800_000, cap, NOTICE).amount).toBe(800_000);
  });
  it('超过时说明起作用的上限，万元两位小数', () => {
    const limit = fundingLimit(600_000, cap, NOTICE);
    expect(fundingOverLimit(900_000, limit)).toBe(
      '立项资助经费 90.00 万元，超过申报单位申请的省资助经费 60.00 万元，请调减至 60.00 万元以内',
    );
    expect(fundingOverLimit(600_000, limit)).toBeUndefined();
    expect(fundingOverLimit(600_001, limit)).toContain('60.0001 万元');
  });
});
