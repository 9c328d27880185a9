import { ETHICS_LABELS, ORGANIZATION_KIND_LABELS } from '../labels.js';
import type { OrganizationKind } from '../bundle/schema.js';
import { formatWan } from '../money.js';
import { countryName } from '../reference/countries.js';
import { PARTNER_QUESTIONS } from './form.js';

// The Chinese names of the form's fields and of the other places findings point at (bundle paths), so that
// people read 申请省资助经费, never `budget.provincialFunding`. Shared by the department's return dialog,
// the resubmission diff and the findings.

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
  documents: '附件材料',
  recommendation: '推荐意见',
  submittedAt: '提交时间',
};

const MONEY = new Set(['budget.total', 'budget.jiangsuTotal', 'budget.provincialFunding']);

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
