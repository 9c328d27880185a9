import { describe, it } from 'vitest';
import type { Partner, TopicNumber } from '../bundle/schema.js';
import { CALL_FILES, readCallFile } from '../../server/seed/call-files.js';
import { ORGANIZATION_KIND_LABELS, TOPIC_LABELS } from '../labels.js';
import { application, organization } from '../../../test/support/factories/bundle.js';
import { expectOutcome, single, ledBy, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 一、支持重点及申报条件, read as READING.md reads it ("Money", "Who may apply", "Partners").

const budget = (provincialFunding: number, jiangsuTotal: number, total: number) => ({
  budget: { total, jiangsuTotal, provincialFunding },
});
const inCountry = (topic: TopicNumber, country: string, kind: 'enterprise' | 'university' = 'enterprise') => {
  const partner = { ...application({ topic }).partner!, country };
  if (kind === 'enterprise') return single({ topic, partner });
  return ledBy('university', topic, {
    partners: [organization({ id: 'e1', kind: 'enterprise' })],
    app: { partner },
  });
};
const jiangsuEnterprise = organization({ id: 'e1', kind: 'enterprise' });

const topicCases: RuleCase[] = [
  { name: '默认的专题四企业申报可以申报', bundle: single({}), eligible: true },
  {
    name: '专题三另行发布，本通知不受理专题三申报',
    bundle: single({ topic: 3 }),
    eligible: false,
    errors: ['topic.not-open'],
    cites: { 'topic.not-open': '一、专题三' },
  },
  {
    name: '专题三即使定向组织也不受理',
    bundle: single({ topic: 3, directed: true }),
    eligible: false,
    errors: ['topic.not-open'],
  },
  {
    name: '专题一未选择方向不能申报',
    bundle: single({ topic: 1 }),
    eligible: false,
    errors: ['topic.direction-missing'],
    cites: { 'topic.direction-missing': '一、专题一' },
  },
  {
    name: '专题一方向1自由申报不受理（定向组织）',
    bundle: single({ topic: 1, direction: 'big-science' }),
    eligible: false,
    errors: ['topic.directed-only'],
  },
  {
    name: '专题一方向1定向组织可以申报',
    bundle: single({ topic: 1, direction: 'big-science', directed: true }),
    eligible: true,
  },
  {
    name: '专题一方向2我省在境外建设自由申报不受理（定向组织）',
    bundle: single({ topic: 1, direction: 'platform-outbound' }),
    eligible: false,
    errors: ['topic.directed-only'],
  },
  {
    name: '专题一方向2我省在境外建设定向组织可以申报',
    bundle: single({ topic: 1, direction: 'platform-outbound', directed: true }),
    eligible: true,
  },
  {
    name: '专题一方向2境外机构在我省建设面向企业自由申报',
    bundle: single({ topic: 1, direction: 'platform-inbound' }),
    eligible: true,
  },
  {
    name: '专题一方向2境外机构在我省建设高校可以牵头，无须联合企业',
    bundle: ledBy('university', 1, { app: { direction: 'platform-inbound' } }),
    eligible: true,
  },
  {
    name: '专题一方向2境外机构在我省建设科研机构可以牵头',
    bundle: ledBy('institute', 1, { app: { direction: 'platform-inbound' } }),
    eligible: true,
  },
  {
    name: '专题一方向2境外机构在我省建设其他单位不能牵头（企事业单位）',
    bundle: ledBy('other', 1, { app: { direction: 'platform-inbound' } }),
    eligible: false,
    errors: ['applicant.kind'],
    cites: { 'applicant.kind': '一、专题一' },
  },
  ...([2, 4, 5] as const).map((topic): RuleCase => ({
    name: `${TOPIC_LABELS[topic]}其他单位不能牵头（高校、科研机构和企业）`,
    bundle: ledBy('other', topic),
    eligible: false,
    errors: ['applicant.kind'],
  })),
  {
    name: '定向组织的专题四申报同样可以申报',
    bundle: single({ directed: true }),
    eligible: true,
  },
];

const enterprisePartnerCases: RuleCase[] = [
  ...([2, 4, 5] as const).flatMap((topic): RuleCase[] => [
    {
      name: `${TOPIC_LABELS[topic]}：高校牵头须联合江苏企业`,
      bundle: ledBy('university', topic),
      eligible: false,
      errors: ['partners.jiangsu-enterprise'],
    },
    {
      name: `${TOPIC_LABELS[topic]}：科研机构牵头须联合江苏企业`,
      bundle: ledBy('institute', topic),
      eligible: false,
      errors: ['partners.jiangsu-enterprise'],
    },
    {
      name: `${TOPIC_LABELS[topic]}：高校牵头联合 1 家江苏企业可以申报`,
      bundle: ledBy('university', topic, { partners: [jiangsuEnterprise] }),
      eligible: true,
    },
  ]),
  {
    name: '高校牵头联合的企业不在江苏，不算江苏企业',
    bundle: ledBy('university', 4, {
      partners: [organization({ id: 'e1', kind: 'enterprise', inJiangsu: false })],
    }),
    eligible: false,
    errors: ['partners.jiangsu-enterprise'],
    mentions: { 'partners.jiangsu-enterprise': ['1 家'] },
  },
  {
    name: '高校牵头只联合江苏科研机构，不算江苏企业',
    bundle: ledBy('university', 4, { partners: [organization({ id: 'i1', kind: 'institute' })] }),
    eligible: false,
    errors: ['partners.jiangsu-enterprise'],
  },
  {
    name: '企业牵头无须联合其他江苏企业',
    bundle: single({ domesticPartners: [] }),
    eligible: true,
  },
  {
    name: '专题一高校牵头无须联合江苏企业',
    bundle: ledBy('university', 1, { app: { direction: 'platform-inbound' } }),
    eligible: true,
  },
];

const moneyCases: RuleCase[] = [
  ...([2, 4, 5] as const).flatMap((topic): RuleCase[] => [
    {
      name: `${TOPIC_LABELS[topic]}：申请省资助 80 万元恰为上限，可以申报`,
      bundle: single({ topic, ...budget(800_000, 1_600_000, 3_000_000) }),
      eligible: true,
    },
    {
      name: `${TOPIC_LABELS[topic]}：申请省资助 80.0001 万元超过上限 80 万元`,
      bundle: single({ topic, ...budget(800_001, 1_700_000, 3_000_000) }),
      eligible: false,
      errors: ['budget.cap'],
      mentions: { 'budget.cap': ['80.0001 万元', '调减至 80 万元以内'] },
      cites: { 'budget.cap': `一、${TOPIC_LABELS[topic]}` },
    },
    {
      name: `${TOPIC_LABELS[topic]}：申请省资助恰为江苏方总预算的 50%，可以申报`,
      bundle: single({ topic, ...budget(600_000, 1_200_000, 5_000_000) }),
      eligible: true,
    },
    {
      name: `${TOPIC_LABELS[topic]}：申请省资助超过江苏方总预算的 50%（以江苏方总预算而非项目总预算计）`,
      bundle: single({ topic, ...budget(600_001, 1_200_000, 5_000_000) }),
      eligible: false,
      errors: ['budget.share'],
      mentions: { 'budget.share': ['60.0001 万元', '120 万元的 50%'] },
    },
  ]),
  {
    name: '专题一方向1申请省资助 300 万元恰为上限，且不受 50% 比例限制',
    bundle: single({
      topic: 1,
      direction: 'big-science',
      directed: true,
      ...budget(3_000_000, 3_000_000, 3_000_000),
    }),
    eligible: true,
  },
  {
    name: '专题一方向1申请省资助超过 300 万元',
    bundle: single({
      topic: 1,
      direction: 'big-science',
      directed: true,
      ...budget(3_000_001, 4_000_000, 9_000_000),
    }),
    eligible: false,
    errors: ['budget.cap'],
    mentions: { 'budget.cap': ['300.0001 万元', '300 万元'] },
    cites: { 'budget.cap': '一、专题一' },
  },
  {
    name: '专题一境外机构在我省建设申请 100 万元恰为上限、恰为项目总预算的 50%',
    bundle: single({ topic: 1, direction: 'platform-inbound', ...budget(1_000_000, 1_000_000, 2_000_000) }),
    eligible: true,
  },
  {
    name: '专题一境外机构在我省建设申请省资助超过 100 万元',
    bundle: single({ topic: 1, direction: 'platform-inbound', ...budget(1_000_001, 3_000_000, 3_000_000) }),
    eligible: false,
    errors: ['budget.cap'],
    mentions: { 'budget.cap': ['100.0001 万元', '100 万元'] },
  },
  {
    name: '专题一境外机构在我省建设申请省资助超过项目总预算的 50%',
    bundle: single({ topic: 1, direction: 'platform-inbound', ...budget(1_000_000, 1_000_000, 1_999_999) }),
    eligible: false,
    errors: ['budget.share'],
    mentions: { 'budget.share': ['100 万元', '199.9999 万元', '50%'] },
  },
  {
    name: '专题一我省在境外建设申请 200 万元恰为上限、恰为项目总预算的 50%',
    bundle: single({
      topic: 1,
      direction: 'platform-outbound',
      directed: true,
      ...budget(2_000_000, 2_000_000, 4_000_000),
    }),
    eligible: true,
  },
  {
    name: '专题一我省在境外建设申请省资助超过 200 万元',
    bundle: single({
      topic: 1,
      direction: 'platform-outbound',
      directed: true,
      ...budget(2_000_001, 5_000_000, 5_000_000),
    }),
    eligible: false,
    errors: ['budget.cap'],
    mentions: { 'budget.cap': ['200.0001 万元', '200 万元'] },
  },
  {
    name: '专题一我省在境外建设申请省资助超过项目总预算的 50%',
    bundle: single({
      topic: 1,
      direction: 'platform-outbound',
      directed: true,
      ...budget(1_500_000, 2_000_000, 2_999_999),
    }),
    eligible: false,
    errors: ['budget.share'],
  },
  {
    name: '申请省资助超过江苏方总预算：预算不一致',
    bundle: single(budget(800_000, 700_000, 3_000_000)),
    eligible: false,
    errors: ['budget.consistency', 'budget.share'],
    mentions: { 'budget.consistency': ['80 万元', '70 万元', '300 万元'] },
    cites: { 'budget.consistency': '一、专题四' },
  },
  {
    name: '江苏方总预算超过项目总预算：预算不一致',
    bundle: single(budget(800_000, 2_000_000, 1_900_000)),
    eligible: false,
    errors: ['budget.consistency'],
    mentions: { 'budget.consistency': ['190 万元', '200 万元'] },
  },
  {
    name: '申请省资助为 0：预算须为正数',
    bundle: single(budget(0, 2_000_000, 3_000_000)),
    eligible: false,
    errors: ['budget.consistency'],
  },
  {
    name: '项目总预算为 0：预算须为正数',
    bundle: single(budget(0, 0, 0)),
    eligible: false,
    errors: ['budget.consistency'],
  },
  {
    name: '三项预算相等可以申报（专题一方向1无比例限制）',
    bundle: single({
      topic: 1,
      direction: 'big-science',
      directed: true,
      ...budget(1_000_000, 1_000_000, 1_000_000),
    }),
    eligible: true,
  },
];

const partnerCases: RuleCase[] = [
  ...([2, 4, 5] as const).map((topic): RuleCase => ({
    name: `${TOPIC_LABELS[topic]}：没有主要境外合作机构不能申报`,
    bundle: single({ topic, partner: undefined }),
    eligible: false,
    errors: ['partner.required'],
  })),
  {
    name: '专题一无须境外合作机构',
    bundle: single({ topic: 1, direction: 'platform-inbound', partner: undefined }),
    eligible: true,
  },
  // 专题二：共建“一带一路”国家。
  { name: '专题二与哈萨克斯坦合作可以申报', bundle: inCountry(2, 'KZ'), eligible: true },
  { name: '专题二与中东欧国家波兰合作可以申报（优先，无告警）', bundle: inCountry(2, 'PL'), eligible: true },
  {
    name: '专题二企业牵头与新加坡合作可以申报（新加坡属共建国家）',
    bundle: inCountry(2, 'SG'),
    eligible: true,
  },
  {
    name: '专题二与已退出的巴拿马合作不能申报',
    bundle: inCountry(2, 'PA'),
    eligible: false,
    errors: ['partner.country'],
    mentions: { 'partner.country': ['巴拿马', 'PA'] },
    cites: { 'partner.country': '一、专题二' },
  },
  {
    name: '专题二与不在名单的意大利合作不能申报',
    bundle: inCountry(2, 'IT'),
    eligible: false,
    errors: ['partner.country'],
    mentions: { 'partner.country': ['意大利'] },
  },
  {
    name: '专题二与德国合作不能申报',
    bundle: inCountry(2, 'DE'),
    eligible: false,
    errors: ['partner.country'],
  },
  {
    name: '专题二与香港合作不能申报',
    bundle: inCountry(2, 'HK'),
    eligible: false,
    errors: ['partner.country'],
  },
  // 专题四：英国、德国、芬兰、荷兰等创新型国家；企业牵头不包括新加坡、挪威；港澳台属专题五。
  ...['GB', 'DE', 'FI', 'NL'].map((country): RuleCase => ({
    name: `专题四与重点国别 ${country} 合作可以申报`,
    bundle: inCountry(4, country),
    eligible: true,
  })),
  ...['HK', 'MO', 'TW'].map((country): RuleCase => ({
    name: `专题四与 ${country} 合作不能申报（属专题五）`,
    bundle: inCountry(4, country),
    eligible: false,
    errors: ['partner.country'],
    cites: { 'partner.country': '一、专题四' },
  })),
  {
    name: '专题四高校牵头与香港合作同样不能申报',
    bundle: inCountry(4, 'HK', 'university'),
    eligible: false,
    errors: ['partner.country'],
  },
  ...['SG', 'NO'].map((country): RuleCase => ({
    name: `专题四企业牵头与 ${country} 合作不能申报`,
    bundle: inCountry(4, country),
    eligible: false,
    errors: ['partner.country-enterprise'],
    mentions: { 'partner.country-enterprise': ['新加坡', '挪威'] },
    cites: { 'partner.country-enterprise': '一、专题四' },
  })),
  ...['SG', 'NO'].map((country): RuleCase => ({
    name: `专题四高校牵头与 ${country} 合作可以申报，但不在重点国别中须评审确认`,
    bundle: inCountry(4, country, 'university'),
    eligible: true,
    warnings: ['partner.country-not-key'],
  })),
  {
    name: '专题四企业牵头与美国合作可以申报，但不在重点国别中须评审确认',
    bundle: inCountry(4, 'US'),
    eligible: true,
    warnings: ['partner.country-not-key'],
    mentions: { 'partner.country-not-key': ['美国', '英国', '德国', '芬兰', '荷兰'] },
    cites: { 'partner.country-not-key': '一、专题四' },
  },
  // 专题五：港澳台地区。
  ...['HK', 'MO', 'TW'].map((country): RuleCase => ({
    name: `专题五与 ${country} 合作可以申报`,
    bundle: inCountry(5, country),
    eligible: true,
  })),
  ...['SG', 'GB'].map((country): RuleCase => ({
    name: `专题五与 ${country} 合作不能申报（须为港澳台地区）`,
    bundle: inCountry(5, country),
    eligible: false,
    errors: ['partner.country'],
    cites: { 'partner.country': '一、专题五' },
  })),
  // CN is judged by 二、1 (主要境外合作机构) alone, in every topic.
  ...([2, 4, 5] as const).map((topic): RuleCase => ({
    name: `${TOPIC_LABELS[topic]}：合作机构在中国（CN）不能申报，且不另作国别告警`,
    bundle: inCountry(topic, 'CN'),
    eligible: false,
    errors: ['partner.home-country'],
  })),
];

// 专题三's own notice (calls/js-bilateral-sg-no-2026.call.json): “江苏企业与国外企业开展联合研发”. The 2026 call opens no
// 专题三, so the partner's kind is judged under the bilateral call.
const bilateral = readCallFile(CALL_FILES.bilateral);
const bilateralWith = (partner: Partial<Partner>): RuleCase['bundle'] =>
  single({ topic: 3, partner: { ...application({ topic: 3 }).partner!, ...partner } });
const partnerKindCases: RuleCase[] = [
  {
    name: '双边合作：与新加坡企业合作可以申报',
    call: bilateral,
    bundle: bilateralWith({ kind: 'enterprise' }),
    eligible: true,
  },
  ...(['university', 'institute', 'other'] as const).map((kind): RuleCase => ({
    name: `双边合作：合作机构为${ORGANIZATION_KIND_LABELS[kind]}不能申报（须为企业）`,
    call: bilateral,
    bundle: bilateralWith({ kind }),
    eligible: false,
    errors: ['partner.kind'],
    mentions: { 'partner.kind': [ORGANIZATION_KIND_LABELS[kind], '须为企业', '境外合作机构a1'] },
    cites: { 'partner.kind': '一、专题三' },
  })),
  {
    name: '双边合作：未填写合作机构类型须补填',
    call: bilateral,
    bundle: bilateralWith({ kind: undefined }),
    eligible: false,
    errors: ['partner.kind'],
    mentions: { 'partner.kind': ['未填写', '类型', '须为企业'] },
    cites: { 'partner.kind': '一、专题三' },
  },
  {
    name: '双边合作：没有境外合作机构只报缺合作机构，不另报类型',
    call: bilateral,
    bundle: single({ topic: 3, partner: undefined }),
    eligible: false,
    errors: ['partner.required'],
  },
  {
    name: '本计划专题四不限合作机构类型：合作机构为高校可以申报',
    bundle: single({ partner: { ...application().partner!, kind: 'university' } }),
    eligible: true,
  },
];

const fieldCases: RuleCase[] = [
  {
    name: '专题四技术领域不在重点领域中：可以申报，须说明',
    bundle: single({ field: '量子计算' }),
    eligible: true,
    warnings: ['field.not-key'],
    mentions: { 'field.not-key': ['量子计算', '生物医药'] },
    cites: { 'field.not-key': '一、专题四' },
  },
  {
    name: '专题二重点领域“空间技术”无告警',
    bundle: single({ topic: 2, field: '空间技术' }),
    eligible: true,
  },
  {
    name: '专题二技术领域“人工智能”不在其重点领域中：告警',
    bundle: single({ topic: 2, field: '人工智能' }),
    eligible: true,
    warnings: ['field.not-key'],
  },
  {
    name: '专题五重点领域“先进材料”无告警',
    bundle: single({ topic: 5, field: '先进材料' }),
    eligible: true,
  },
  {
    name: '专题五技术领域“智能制造”不在其重点领域中：告警',
    bundle: single({ topic: 5, field: '智能制造' }),
    eligible: true,
    warnings: ['field.not-key'],
  },
  {
    name: '专题一没有重点领域列表，任何领域无告警',
    bundle: single({ topic: 1, direction: 'platform-inbound', field: '量子计算' }),
    eligible: true,
  },
];

describe('一、支持重点及申报条件', () => {
  describe('专题与方向', () => it.each(topicCases)('$name', (c) => expectOutcome(c)));
  describe('高校、科研机构牵头须联合江苏企业', () =>
    it.each(enterprisePartnerCases)('$name', (c) => expectOutcome(c)));
  describe('经费额度', () => it.each(moneyCases)('$name', (c) => expectOutcome(c)));
  describe('境外合作机构与合作国别', () => it.each(partnerCases)('$name', (c) => expectOutcome(c)));
  describe('主要境外合作机构的类型', () => it.each(partnerKindCases)('$name', (c) => expectOutcome(c)));
  describe('重点支持的技术领域', () => it.each(fieldCases)('$name', (c) => expectOutcome(c)));
});
