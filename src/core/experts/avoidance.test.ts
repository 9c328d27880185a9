import { describe, expect, it } from 'vitest';
import { type ApplicationParties, conflictsOf, isAvoided, organizationsMatch } from './conflicts.js';

// 回避专家 named by the applicant: which expert of the pool it names, and the conflict it makes.

const application: ApplicationParties = {
  id: 'app-1',
  applicant: { name: '东南大学', creditCode: '12320000MB0A12342M' },
  domesticPartners: [],
  avoidedExperts: [{ name: '王立新', organization: '南京大学', reason: '与申请人存在学术竞争' }],
};

describe('申请人要求回避的专家', () => {
  it.each([
    { name: '姓名与单位完全相同', expert: { name: '王立新', organizationName: '南京大学' }, avoided: true },
    { name: '姓名前后有空格', expert: { name: ' 王立新 ', organizationName: '南京大学' }, avoided: true },
    {
      name: '专家单位包含所填单位',
      expert: { name: '王立新', organizationName: '南京大学物理学院' },
      avoided: true,
    },
    { name: '所填单位包含专家单位', expert: { name: '王立新', organizationName: '南京' }, avoided: true },
    { name: '同名但单位不同', expert: { name: '王立新', organizationName: '东南大学' }, avoided: false },
    { name: '同单位但姓名不同', expert: { name: '王立', organizationName: '南京大学' }, avoided: false },
  ])('$name', ({ expert, avoided }) => {
    expect(isAvoided(expert, application.avoidedExperts![0]!)).toBe(avoided);
  });

  it('单位名称为空时不算匹配', () => {
    expect(organizationsMatch('', '南京大学')).toBe(false);
    expect(organizationsMatch('（）', '南京大学')).toBe(false);
  });

  it('冲突写明“申请人要求回避”及理由', () => {
    const found = conflictsOf(
      { name: '王立新', organizationName: '南京大学', organizationCreditCode: null },
      [],
      application,
    );
    expect(found.map((f) => f.kind)).toEqual(['applicant-avoidance']);
    expect(found[0]!.message).toContain('与申请人存在学术竞争');
  });

  it('不知专家姓名时不据此回避', () => {
    expect(
      conflictsOf({ organizationName: '南京大学', organizationCreditCode: null }, [], application),
    ).toEqual([]);
  });
});
