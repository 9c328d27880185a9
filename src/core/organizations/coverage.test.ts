import { describe, expect, it } from 'vitest';
import { coverageRefusal } from './coverage.js';

const seu = { kind: 'university' as const, name: '东南大学' };
const nanjing = { kind: 'city' as const, name: '南京市科学技术局' };

describe('主管部门覆盖哪些单位', () => {
  it.each([
    [nanjing, { kind: 'enterprise' as const, name: '南京某科技有限公司' }],
    [nanjing, { kind: 'university' as const, name: '南京工业职业技术大学' }],
    [seu, { kind: 'university' as const, name: '东南大学' }],
    [seu, { kind: 'institute' as const, name: '东南大学苏州研究院' }],
  ])('%o 可以推荐 %o', (department, organization) => {
    expect(coverageRefusal(department, organization)).toBeUndefined();
  });

  it.each([
    [seu, { kind: 'enterprise' as const, name: '东南大学资产经营有限公司' }, '只推荐本校'],
    [seu, { kind: 'other' as const, name: '东南大学附属医院' }, '只推荐本校'],
    [seu, { kind: 'university' as const, name: '南京大学' }, '以“东南大学”开头'],
    [seu, { kind: 'institute' as const, name: '江苏省某研究院' }, '以“东南大学”开头'],
  ])('%o 不能推荐 %o', (department, organization, reason) => {
    expect(coverageRefusal(department, organization)).toContain(reason);
  });
});
