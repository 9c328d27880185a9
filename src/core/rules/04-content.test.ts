import { describe, it } from 'vitest';
import { bundle } from '../../../test/support/factories/bundle.js';
import { expectOutcome, single, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 中心配置 of JS-INTL-2026: execution from 2026-07, at most 36 months; abstract ≤ 300 characters; 3 to 5
// keywords; 立项依据 ≤ 5000 and 创新点 ≤ 2000 characters.

const period = (start: string, end: string) => ({ period: { start, end } });
const CENTRE = '中心配置';

const cases: RuleCase[] = [
  { name: '没有申报书内容（旧的申报包）：不判', bundle: bundle(), eligible: true },
  {
    name: '2026 年 7 月至 2029 年 6 月共 36 个月：可以申报',
    bundle: single(period('2026-07', '2029-06')),
    eligible: true,
  },
  {
    name: '2026 年 7 月至 2029 年 7 月共 37 个月：超过 36 个月',
    bundle: single(period('2026-07', '2029-07')),
    eligible: false,
    errors: ['content.period-duration'],
    mentions: { 'content.period-duration': ['37 个月', '36 个月'] },
    cites: { 'content.period-duration': CENTRE },
  },
  {
    name: '2026 年 6 月开始：早于最早开始的 2026 年 7 月',
    bundle: single(period('2026-06', '2028-06')),
    eligible: false,
    errors: ['content.period-start'],
    mentions: { 'content.period-start': ['2026 年 6 月', '2026 年 7 月'] },
    cites: { 'content.period-start': CENTRE },
  },
  {
    name: '结束早于开始：不能申报',
    bundle: single(period('2027-07', '2027-06')),
    eligible: false,
    errors: ['content.period-order'],
    mentions: { 'content.period-order': ['2027 年 6 月', '2027 年 7 月'] },
  },
  {
    name: '只填了开始年月：只判开始年月',
    bundle: single({ period: { start: '2026-09' } }),
    eligible: true,
  },
  {
    name: '摘要恰为 300 字：可以申报',
    bundle: single({ abstract: '摘'.repeat(300) }),
    eligible: true,
  },
  {
    name: '摘要 301 字（按字符计，含一个扩展区汉字）：超过 1 字',
    bundle: single({ abstract: `${'摘'.repeat(300)}𠀀` }),
    eligible: false,
    errors: ['content.abstract-length'],
    mentions: { 'content.abstract-length': ['301 字', '300 字', '1 字'] },
    cites: { 'content.abstract-length': CENTRE },
  },
  {
    name: '关键词 2 个：少于 3 个',
    bundle: single({ keywords: ['氢能', '电解槽'] }),
    eligible: false,
    errors: ['content.keywords-count'],
    mentions: { 'content.keywords-count': ['2 个', '3 至 5 个', '补充'] },
  },
  {
    name: '关键词 6 个：多于 5 个',
    bundle: single({ keywords: ['一', '二', '三', '四', '五', '六'] }),
    eligible: false,
    errors: ['content.keywords-count'],
    mentions: { 'content.keywords-count': ['6 个', '删减'] },
  },
  {
    name: '关键词 5 个：可以申报',
    bundle: single({ keywords: ['一', '二', '三', '四', '五'] }),
    eligible: true,
  },
  {
    name: '创新点 2010 字：超过 2000 字 10 字，立项依据 5000 字不超',
    bundle: single({ sections: { innovations: '新'.repeat(2010), rationale: '据'.repeat(5000) } }),
    eligible: false,
    errors: ['content.section-length'],
    mentions: { 'content.section-length': ['创新点', '2010 字', '2000 字', '10 字'] },
    cites: { 'content.section-length': CENTRE },
  },
  {
    name: '年度计划各阶段在执行期内：可以申报',
    bundle: single({
      ...period('2026-07', '2028-06'),
      milestones: [
        { from: '2026-07', to: '2027-06', goal: '小试' },
        { from: '2027-07', to: '2028-06', goal: '中试' },
      ],
    }),
    eligible: true,
  },
  {
    name: '年度计划第 2 阶段晚于项目结束：不能申报',
    bundle: single({
      ...period('2026-07', '2028-06'),
      milestones: [
        { from: '2026-07', to: '2027-06', goal: '小试' },
        { from: '2027-07', to: '2028-12', goal: '中试' },
      ],
    }),
    eligible: false,
    errors: ['content.milestone-outside-period'],
    mentions: { 'content.milestone-outside-period': ['第 2 阶段', '2028 年 12 月', '2028 年 6 月'] },
    cites: { 'content.milestone-outside-period': CENTRE },
  },
  {
    name: '年度计划阶段起止颠倒：不能申报',
    bundle: single({ milestones: [{ from: '2027-07', to: '2027-01', goal: '小试' }] }),
    eligible: false,
    errors: ['content.milestone-outside-period'],
    mentions: { 'content.milestone-outside-period': ['结束早于开始'] },
  },
];

describe('申报书篇幅与执行期（中心配置）', () => {
  it.each(cases)('$name', (c) => expectOutcome(c));
});
