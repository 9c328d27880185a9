import { describe, it } from 'vitest';
import type { Application, Organization, Partner, TopicNumber } from '../bundle/schema.js';
import { application, bundle, organization, person } from '../../../test/support/factories/bundle.js';
import { TOPIC_LABELS } from '../labels.js';
import { expectOutcome, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 二、1．申报单位与境外合作机构要求 ("Who may apply" and "Partners" in READING.md).

const byApplicant = (overrides: Partial<Organization>) =>
  bundle({ organizations: [organization(overrides)] });
const withPartner = (partner: Partial<Partner>, app: Partial<Application> = {}) => {
  const topic = app.topic ?? 4;
  return bundle({
    applications: [application({ ...app, partner: { ...application({ topic }).partner!, ...partner } })],
  });
};

const applicantCases: RuleCase[] = [
  {
    name: '2024 年 12 月 31 日注册的单位可以申报（含当日）',
    bundle: byApplicant({ registeredOn: '2024-12-31' }),
    eligible: true,
  },
  {
    name: '2025 年 1 月 1 日注册的单位不能申报',
    bundle: byApplicant({ registeredOn: '2025-01-01' }),
    eligible: false,
    errors: ['applicant.registered-too-late'],
    mentions: { 'applicant.registered-too-late': ['2025年1月1日', '2024年12月31日'] },
    cites: { 'applicant.registered-too-late': '二、1' },
  },
  {
    name: '不在江苏省注册的单位不能申报',
    bundle: byApplicant({ inJiangsu: false }),
    eligible: false,
    errors: ['applicant.not-in-jiangsu'],
  },
  {
    name: '非独立法人单位不能申报',
    bundle: byApplicant({ independentLegalEntity: false }),
    eligible: false,
    errors: ['applicant.not-independent'],
  },
  {
    name: '项目负责人不是申报单位在职人员不能申报',
    bundle: bundle({
      organizations: [organization(), organization({ id: 'o2' })],
      people: [person({ employer: 'o2' })],
    }),
    eligible: false,
    errors: ['pi.not-employed'],
    cites: { 'pi.not-employed': '二、1' },
  },
  {
    name: '注册时间、地点、法人资格同时不符，各报一条',
    bundle: byApplicant({ registeredOn: '2025-06-01', inJiangsu: false, independentLegalEntity: false }),
    eligible: false,
    errors: ['applicant.registered-too-late', 'applicant.not-in-jiangsu', 'applicant.not-independent'],
  },
  {
    name: '申报单位不符合条件时，其每项申报都不能申报',
    bundle: bundle({
      organizations: [organization({ registeredOn: '2025-01-01' })],
      people: [person(), person({ id: 'p2' })],
      applications: [application({ directed: true }), application({ id: 'a2', pi: 'p2', directed: true })],
    }),
    eligible: false,
    errors: ['applicant.registered-too-late'],
    others: { a2: { eligible: false, errors: ['applicant.registered-too-late'] } },
  },
];

// docs/uscc.md §6; READING.md asks for the character set, position 18 and positions 9–17.
const creditCodeCases: RuleCase[] = [
  ...[
    '913201063021775492',
    '91320594MA1W7K3P45',
    '12320000469813025A',
    '52320200MJ5H82Q41M',
    '91320594MA1NHMCA0T',
  ].map((code): RuleCase => ({
    name: `有效的统一社会信用代码 ${code} 可以申报`,
    bundle: byApplicant({ creditCode: code }),
    eligible: true,
  })),
  {
    name: '第 18 位校验码错误的统一社会信用代码无效',
    bundle: byApplicant({ creditCode: '913201063021775490' }),
    eligible: false,
    errors: ['applicant.credit-code'],
    mentions: { 'applicant.credit-code': ['913201063021775490', '第 18 位', '“2”'] },
    cites: { 'applicant.credit-code': '二、1' },
  },
  {
    name: '含字母 O 的统一社会信用代码无效',
    bundle: byApplicant({ creditCode: '9132010630O1775492' }),
    eligible: false,
    errors: ['applicant.credit-code'],
    mentions: { 'applicant.credit-code': ['第 11 位'] },
  },
  {
    name: '17 位的统一社会信用代码无效',
    bundle: byApplicant({ creditCode: '91320106302177549' }),
    eligible: false,
    errors: ['applicant.credit-code'],
    mentions: { 'applicant.credit-code': ['17 位'] },
  },
  {
    name: '小写字母的统一社会信用代码无效',
    bundle: byApplicant({ creditCode: '91320594ma1w7k3p45' }),
    eligible: false,
    errors: ['applicant.credit-code'],
  },
  {
    name: '第 9–17 位组织机构代码校验不通过的统一社会信用代码无效（即使第 18 位相符）',
    bundle: byApplicant({ creditCode: '913201063021775419' }),
    eligible: false,
    errors: ['applicant.credit-code'],
    mentions: { 'applicant.credit-code': ['第 9–17 位', '“9”'] },
  },
  {
    name: '登记管理部门代码不在 READING.md 的校验之列：B 开头但校验位相符的代码有效',
    bundle: byApplicant({ creditCode: 'B13201063021775490' }),
    eligible: true,
  },
];

const flags: Array<{ flag: keyof Partner; value: boolean; rule: string; what: string }> = [
  {
    flag: 'ownedByApplicant',
    value: true,
    rule: 'partner.owned-by-applicant',
    what: '是申报单位在境外设立的机构',
  },
  {
    flag: 'foreignInvestedInChina',
    value: true,
    rule: 'partner.foreign-invested',
    what: '是外资在境内设立的机构',
  },
  { flag: 'taxHavenShell', value: true, rule: 'partner.tax-haven-shell', what: '是境外避税地壳公司' },
  { flag: 'sameGroup', value: true, rule: 'partner.same-group', what: '与申报单位同属一个企业集团' },
  {
    flag: 'piAffiliated',
    value: false,
    rule: 'partner.pi-not-affiliated',
    what: '的境外方负责人不在该机构任职',
  },
];

const partnerCases: RuleCase[] = [
  ...flags.flatMap(({ flag, value, rule, what }) =>
    ([2, 4, 5] as TopicNumber[]).map((topic): RuleCase => ({
      name: `${TOPIC_LABELS[topic]}境外合作机构${what}：不能申报`,
      bundle: withPartner({ [flag]: value }, { topic }),
      eligible: false,
      errors: [rule],
      cites: { [rule]: '二、1' },
    })),
  ),
  ...flags.map(({ flag, value, what }): RuleCase => ({
    name: `专题一的境外机构${what}：二、1 的境外合作机构要求不适用于专题一`,
    bundle: withPartner({ [flag]: value }, { topic: 1, direction: 'platform-inbound' }),
    eligible: true,
  })),
  {
    name: '境外合作机构五项要求全不符，各报一条',
    bundle: withPartner({
      ownedByApplicant: true,
      foreignInvestedInChina: true,
      taxHavenShell: true,
      sameGroup: true,
      piAffiliated: false,
    }),
    eligible: false,
    errors: flags.map((f) => f.rule),
  },
  {
    name: '专题一的合作机构在中国（CN）同样不能申报（主要境外合作机构须在境外）',
    bundle: withPartner({ country: 'CN' }, { topic: 1, direction: 'platform-inbound' }),
    eligible: false,
    errors: ['partner.home-country'],
    mentions: { 'partner.home-country': ['CN'] },
    cites: { 'partner.home-country': '二、1' },
  },
  {
    name: '专题四合作机构在中国（CN）不能申报',
    bundle: withPartner({ country: 'CN' }),
    eligible: false,
    errors: ['partner.home-country'],
  },
];

describe('二、1．申报单位与境外合作机构要求', () => {
  describe('申报单位与项目负责人', () => it.each(applicantCases)('$name', (c) => expectOutcome(c)));
  describe('统一社会信用代码', () => it.each(creditCodeCases)('$name', (c) => expectOutcome(c)));
  describe('主要境外合作机构', () => it.each(partnerCases)('$name', (c) => expectOutcome(c)));
});
