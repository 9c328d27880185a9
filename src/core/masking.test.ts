import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './masking.js';

describe('maskIdNumber', () => {
  it('居民身份证号留前四位和后四位', () => {
    expect(maskIdNumber('32010219800101123X')).toBe('3201**********123X');
    expect(maskIdNumber('320102198001011234')).toBe('3201**********1234');
  });

  it('护照等其他证件留前两位和后两位；过短的全部遮住', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('AB12')).toBe('****');
  });
});

describe('maskPhone', () => {
  it('手机号留前三位和后四位，国家代码保留', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('+86 138****5678');
  });

  it('固定电话等只留最后四位数字，保留分隔符', () => {
    expect(maskPhone('025-8368 1234')).toBe('***-**** 1234');
    expect(maskPhone('(852) 2345 6789')).toBe('(***) **** 6789');
  });
});
