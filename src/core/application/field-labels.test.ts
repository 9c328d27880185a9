import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldValueText } from './field-labels.js';

describe('字段的中文名称', () => {
  it.each([
    ['budget.provincialFunding', '申请省资助经费'],
    ['partner.name', '境外合作机构名称'],
    ['partner.independentLegalEntity', '境外合作机构是否为独立法人'],
    ['domesticPartners[1].creditCode', '境内合作单位（第 2 项）统一社会信用代码'],
    ['documents[0]', '附件材料（第 1 项）'],
    ['ethics.ai', '涉及人工智能'],
    ['budget.unknown', '项目预算'],
    ['nothing.known', '其他内容'],
  ])('%s → %s', (path, label) => expect(fieldLabel(path)).toBe(label));
});

describe('字段值的显示', () => {
  it('金额以万元显示，不显示元', () => {
    expect(fieldValueText('budget.provincialFunding', 800_000)).toBe('80 万元');
  });
  it('是否、国别、单位类型用中文', () => {
    expect(fieldValueText('classified', false)).toBe('否');
    expect(fieldValueText('partner.country', 'DE')).toBe('德国');
    expect(fieldValueText('domesticPartners[0].kind', 'university')).toBe('高校');
  });
  it('整项新增时逐个字段列出', () => {
    expect(fieldValueText('domesticPartners[0]', { name: '南京大学', inJiangsu: true })).toBe(
      '单位名称：南京大学；是否在江苏省注册：是',
    );
  });
  it('空值显示为（空）', () => expect(fieldValueText('title', undefined)).toBe('（空）'));
});
