import {
  ETHICS_LABELS,
  EXPENDITURE_LABELS,
  INDICATOR_LABELS,
  JUSTIFIED_HEADING_LABELS,
  ORGANIZATION_KIND_LABELS,
  SOURCE_LABELS,
} from '../labels.js';
import type { OrganizationKind } from '../bundle/schema.js';
import { formatWan } from '../money.js';
import { countryName } from '../reference/countries.js';
import {
  EXPENDITURE_KEYS,
  INDICATOR_KEYS,
  JUSTIFIED_HEADINGS,
  SECTION_KEYS,
  SOURCE_KEYS,
} from './content.js';
import { PARTNER_QUESTIONS, SECTION_LABELS } from './form.js';

// The Chinese names of the form's fields and of the other places findings point at (bundle paths), so that
// people read 申请省资助经费, never `budget.provincialFunding`. Shared by the department's return dialog,
// the resubmission diff and the findings.

const BUDGET_COLUMNS = { whole: '项目总经费', jiangsu: '江苏方经费' } as const;

/** 经费预算表's cells: `budgetTable.jiangsu.expenditures.labour` → 江苏方经费劳务费. */
const budgetTableLabels = Object.fromEntries(
  Object.entries(BUDGET_COLUMNS).flatMap(([column, name]) => [
    [`budgetTable.${column}`, `经费预算表${name}`],
    [`budgetTable.${column}.sources`, `${name}来源`],
    ...SOURCE_KEYS.map((k) => [`budgetTable.${column}.sources.${k}`, `${name}${SOURCE_LABELS[k]}`]),
    [`budgetTable.${column}.expenditures`, `${name}支出`],
    ...EXPENDITURE_KEYS.map((k) => [
      `budgetTable.${column}.expenditures.${k}`,
      `${name}${EXPENDITURE_LABELS[k]}`,
    ]),
  ]),
);

const LABELS: Record<string, string> = {
  title: '项目名称',
  summary: '主要研究内容',
  field: '技术领域',
  topic: '专题',
  direction: '方向',
  directed: '定向申报',
  applicant: '申报单位',
  pi: '项目负责人',
  partner: '境外合作机构',
  'partner.name': '境外合作机构名称',
  'partner.country': '境外合作机构国别（地区）',
  ...Object.fromEntries(PARTNER_QUESTIONS.map(([key, question]) => [`partner.${key}`, question])),
  domesticPartners: '境内合作单位',
  'domesticPartners.name': '单位名称',
  'domesticPartners.creditCode': '统一社会信用代码',
  'domesticPartners.kind': '单位类型',
  'domesticPartners.inJiangsu': '是否在江苏省注册',
  budget: '项目预算',
  'budget.total': '项目总预算',
  'budget.jiangsuTotal': '江苏方总预算',
  'budget.provincialFunding': '申请省资助经费',
  ethics: '科技伦理',
  ...Object.fromEntries(Object.entries(ETHICS_LABELS).map(([key, label]) => [`ethics.${key}`, label])),
  classified: '申报材料是否含有涉密内容',
  largeInstrumentPurchase: '购置大型科学仪器',
  'largeInstrumentPurchase.justified': '购置大型科学仪器的必要性说明',
  'largeInstrumentPurchase.sharingCommitment': '大型科学仪器开放共享承诺',
  declassified: '申报材料不含涉密内容或已作脱密处理的声明',
  period: '项目执行期',
  'period.start': '项目开始年月',
  'period.end': '项目结束年月',
  keywords: '关键词',
  abstract: '项目摘要',
  titleEn: '英文项目名称',
  abstractEn: '英文摘要',
  team: '项目组',
  'team.pi': '项目负责人信息',
  'team.pi.gender': '项目负责人性别',
  'team.pi.birthYear': '项目负责人出生年份',
  'team.pi.title': '项目负责人职称',
  'team.pi.degree': '项目负责人学位',
  'team.pi.mobile': '项目负责人手机',
  'team.pi.email': '项目负责人电子邮箱',
  'team.members': '项目组成员',
  'team.members.name': '姓名',
  'team.members.idType': '证件类型',
  'team.members.idNumber': '证件号码',
  'team.members.organization': '工作单位',
  'team.members.title': '职称',
  'team.members.role': '项目分工',
  'team.members.monthsPerYear': '每年投入月数',
  'team.foreignPi': '境外方负责人',
  'team.foreignPi.name': '境外方负责人姓名（原文）',
  'team.foreignPi.nationality': '境外方负责人国籍（地区）',
  'team.foreignPi.position': '境外方负责人在合作机构的职务',
  'team.foreignPi.email': '境外方负责人电子邮箱',
  'team.foreignMembers': '境外成员',
  'team.foreignMembers.name': '姓名（原文）',
  'team.foreignMembers.nationality': '国籍（地区）',
  'team.foreignMembers.position': '在合作机构的职务',
  partnerInstitution: '境外合作机构信息',
  'partnerInstitution.nameZh': '境外合作机构中文名称',
  'partnerInstitution.address': '境外合作机构地址',
  'partnerInstitution.legalRepresentative': '境外合作机构法定代表人',
  'partnerInstitution.website': '境外合作机构网址',
  'partnerInstitution.history': '合作历史',
  sections: '申报书正文',
  ...Object.fromEntries(SECTION_KEYS.map((k) => [`sections.${k}`, SECTION_LABELS[k]])),
  indicators: '考核指标',
  ...Object.fromEntries(INDICATOR_KEYS.map((k) => [`indicators.${k}`, INDICATOR_LABELS[k].label])),
  milestones: '年度计划',
  'milestones.from': '阶段开始年月',
  'milestones.to': '阶段结束年月',
  'milestones.goal': '阶段目标',
  budgetTable: '经费预算表',
  ...budgetTableLabels,
  'budgetTable.justifications': '预算说明',
  ...Object.fromEntries(
    JUSTIFIED_HEADINGS.map((k) => [
      `budgetTable.justifications.${k}`,
      `${JUSTIFIED_HEADING_LABELS[k]}预算说明`,
    ]),
  ),
  instruments: '大型科学仪器清单',
  'instruments.items': '大型科学仪器',
  'instruments.items.name': '仪器名称',
  'instruments.items.unitPrice': '单价',
  'instruments.items.quantity': '数量',
  'instruments.items.purpose': '用途',
  'instruments.items.whyNotShared': '不能租用或共享的理由',
  'instruments.sharingCommitment': '大型科学仪器查重评议、开放共享承诺',
  ethicsApproval: '伦理审查批件',
  'ethicsApproval.number': '伦理审查批件编号',
  'ethicsApproval.date': '伦理审查批件日期',
  documents: '附件材料',
  'documents.caption': '附件名称',
  recommendation: '推荐意见',
  submittedAt: '提交时间',
};

const MONEY = new Set([
  'budget.total',
  'budget.jiangsuTotal',
  'budget.provincialFunding',
  'indicators.salesRevenue',
  'instruments.items.unitPrice',
  ...Object.keys(budgetTableLabels).filter((path) => /\.(sources|expenditures)\./.test(path)),
]);

/** The fields a department may name when it returns an application, in the form's order. */
export const RETURNABLE_FIELDS = [
  'title',
  'summary',
  'field',
  'partner',
  'domesticPartners',
  'budget.total',
  'budget.jiangsuTotal',
  'budget.provincialFunding',
  'ethics',
  'classified',
  'largeInstrumentPurchase',
  'documents',
] as const;

/**
 * `domesticPartners[1].creditCode` → `境内合作单位（第 2 项）统一社会信用代码`. A path not known falls back
 * to its nearest known parent, and at worst to 其他内容: never the path itself.
 */
export function fieldLabel(path: string): string {
  const keys = path.split('.');
  const parts: string[] = [];
  let known = '';
  for (const key of keys) {
    const match = /^(\w+)((?:\[\d+\])*)$/.exec(key);
    if (!match) break;
    const candidate = known ? `${known}.${match[1]}` : match[1]!;
    const label = LABELS[candidate];
    if (label === undefined) break;
    const indices = [...match[2]!.matchAll(/\[(\d+)\]/g)].map((m) => `（第 ${Number(m[1]) + 1} 项）`);
    // A child's label names its parent already (境外合作机构名称), unless the parent is one item of a list.
    if (parts.length > 0 && !parts.at(-1)!.endsWith('项）')) parts.pop();
    parts.push(label + indices.join(''));
    known = candidate;
  }
  return parts.length > 0 ? parts.join('') : '其他内容';
}

/** A value of the field at `path` as people read it: 万元, 是/否, country and kind names. */
export function fieldValueText(path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  const bare = path.replace(/\[\d+\]/g, '');
  if (MONEY.has(bare) && typeof value === 'number') return formatWan(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (bare.endsWith('country') && typeof value === 'string') return countryName(value);
  if (bare === 'domesticPartners.kind' && typeof value === 'string') {
    return ORGANIZATION_KIND_LABELS[value as OrganizationKind] ?? value;
  }
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => {
        const inside = Array.isArray(value) ? `${bare}[${key}]` : `${bare}.${key}`;
        const label = Array.isArray(value) ? `第 ${Number(key) + 1} 项` : fieldLabel(inside);
        return `${label}：${fieldValueText(inside, inner)}`;
      })
      .join('；');
  }
  return String(value);
}
