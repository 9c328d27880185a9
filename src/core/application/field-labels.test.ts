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
    ['period.end', '项目结束年月'],
    ['abstract', '项目摘要'],
    ['keywords', '关键词'],
    ['sections.innovations', '创新点'],
    ['milestones[1]', '年度计划（第 2 项）'],
    ['budgetTable.whole', '经费预算表项目总经费'],
    ['budgetTable.jiangsu.expenditures.labour', '江苏方经费劳务费'],
    ['budgetTable.whole.sources.provincial', '项目总经费省拨款'],
    ['budgetTable.justifications.equipment', '设备费预算说明'],
    ['instruments.items[0].whyNotShared', '大型科学仪器（第 1 项）不能租用或共享的理由'],
    ['instruments.sharingCommitment', '大型科学仪器查重评议、开放共享承诺'],
    ['team.foreignPi.nationality', '境外方负责人国籍（地区）'],
    ['team.members[0].idNumber', '项目组成员（第 1 项）证件号码'],
    ['indicators.patentsFiled', '申请发明专利'],
    ['declassified', '申报材料不含涉密内容或已作脱密处理的声明'],
    ['ethicsApproval.number', '伦理审查批件编号'],
  ])('%s → %s', (path, label) => expect(fieldLabel(path)).toBe(label));

  it('每条规则指向的字段都有中文名称', () => {
    const paths = [
      ...['whole', 'jiangsu'].flatMap((c) => [`budgetTable.${c}`, `budgetTable.${c}.expenditures.indirect`]),
      ...['equipment', 'business', 'labour', 'indirect'].map((h) => `budgetTable.justifications.${h}`),
      'budgetTable.whole.expenditures.equipmentPurchase',
      ...[
        'rationale',
        'cooperationBasis',
        'researchPlan',
        'innovations',
        'division',
        'ipOwnership',
        'risks',
      ].map((k) => `sections.${k}`),
      'period.start',
      'instruments.items[3]',
    ];
    for (const path of paths) expect(fieldLabel(path), path).not.toBe('其他内容');
  });
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
  it('经费预算表、仪器单价和销售收入以万元显示', () => {
    expect(fieldValueText('budgetTable.jiangsu.expenditures.labour', 400_000)).toBe('40 万元');
    expect(fieldValueText('instruments.items[0].unitPrice', 1_200_000)).toBe('120 万元');
    expect(fieldValueText('indicators.salesRevenue', 5_000_000)).toBe('500 万元');
    expect(fieldValueText('indicators.papers', 3)).toBe('3');
  });
  it('空值显示为（空）', () => expect(fieldValueText('title', undefined)).toBe('（空）'));
});
