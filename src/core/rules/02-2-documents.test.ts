import { describe, it } from 'vitest';
import type { BundleDocument, CompletenessFlag, TopicNumber } from '../bundle/schema.js';
import {
  ALL_COMPLETE,
  application,
  bundle,
  document,
  organization,
  requiredDocuments,
} from '../../../test/support/factories/bundle.js';
import { expectOutcome, ledBy, single, type RuleCase } from '../../../test/support/factories/rule-cases.js';
import { COMPLETENESS_LABELS, TOPIC_LABELS } from '../labels.js';

// 二、2．申报材料要求 ("Documents (二、2)" in READING.md).

const PARTNER = '境外合作机构a1';
const FLAGS = Object.keys(ALL_COMPLETE) as CompletenessFlag[];

/** The factory's documents for `topic`, less those of `dropKinds`, plus `extra`. */
const docs = (topic: TopicNumber, dropKinds: BundleDocument['kind'][], ...extra: BundleDocument[]) => [
  ...requiredDocuments('o1', PARTNER, topic).filter((d) => !dropKinds.includes(d.kind)),
  ...extra,
];
const withDocs = (topic: TopicNumber, dropKinds: BundleDocument['kind'][], ...extra: BundleDocument[]) =>
  single({ topic, documents: docs(topic, dropKinds, ...extra) });
const lacking = (flag: CompletenessFlag) => ({ ...ALL_COMPLETE, [flag]: false });

const cooperation = (overrides: Partial<BundleDocument> = {}) =>
  document({ kind: 'cooperation-agreement', parties: ['o1', PARTNER], ...overrides });
const intent = (overrides: Partial<BundleDocument> = {}) =>
  document({ kind: 'letter-of-intent', parties: ['o1', PARTNER], ...overrides });

const agreementCases: RuleCase[] = [
  ...([2, 4, 5] as const).flatMap((topic): RuleCase[] => [
    {
      name: `${TOPIC_LABELS[topic]}没有与境外合作机构签署的合作协议或意向书：不能申报`,
      bundle: withDocs(topic, ['cooperation-agreement']),
      eligible: false,
      errors: ['documents.agreement-missing'],
      mentions: { 'documents.agreement-missing': [PARTNER] },
      cites: { 'documents.agreement-missing': '二、2' },
    },
    {
      name: `${TOPIC_LABELS[topic]}仅有合作意向书：可以申报，立项后须提供正式协议`,
      bundle: withDocs(topic, ['cooperation-agreement'], intent()),
      eligible: true,
      warnings: ['documents.letter-of-intent-only'],
      cites: { 'documents.letter-of-intent-only': '二、2' },
    },
  ]),
  ...FLAGS.map((flag): RuleCase => ({
    name: `合作协议缺少${COMPLETENESS_LABELS[flag]}：信息不全，不能申报`,
    bundle: withDocs(4, ['cooperation-agreement'], cooperation({ complete: lacking(flag) })),
    eligible: false,
    errors: ['documents.agreement-missing'],
    mentions: { 'documents.agreement-missing': [COMPLETENESS_LABELS[flag]] },
  })),
  {
    name: '合作协议没有 complete（视为各项均缺）：不能申报',
    bundle: withDocs(4, ['cooperation-agreement'], cooperation({ complete: undefined })),
    eligible: false,
    errors: ['documents.agreement-missing'],
  },
  {
    name: '合作协议只写了签字一项（未写的各项视为缺）：不能申报',
    bundle: withDocs(
      4,
      ['cooperation-agreement'],
      cooperation({ complete: { signatures: true } as BundleDocument['complete'] }),
    ),
    eligible: false,
    errors: ['documents.agreement-missing'],
    mentions: { 'documents.agreement-missing': ['盖章', '知识产权条款'] },
  },
  {
    name: '合作协议的签约方没有境外合作机构：视为缺少',
    bundle: withDocs(4, ['cooperation-agreement'], cooperation({ parties: ['o1'] })),
    eligible: false,
    errors: ['documents.agreement-missing'],
  },
  {
    name: '合作协议的签约方没有申报单位：视为缺少',
    bundle: withDocs(4, ['cooperation-agreement'], cooperation({ parties: [PARTNER, 'o9'] })),
    eligible: false,
    errors: ['documents.agreement-missing'],
  },
  {
    name: '一份齐全的合作协议即可，另有不齐全的协议无妨',
    bundle: withDocs(
      4,
      [],
      cooperation({ complete: lacking('seals') }),
      cooperation({ complete: undefined }),
    ),
    eligible: true,
  },
  {
    name: '齐全的合作协议之外另有意向书：无告警',
    bundle: withDocs(4, [], intent()),
    eligible: true,
  },
  {
    name: '只有意向书齐全、合作协议不齐全：按仅有意向书告警',
    bundle: withDocs(4, ['cooperation-agreement'], cooperation({ complete: lacking('ipClause') }), intent()),
    eligible: true,
    warnings: ['documents.letter-of-intent-only'],
  },
  {
    name: '意向书不齐全且没有协议：不能申报',
    bundle: withDocs(4, ['cooperation-agreement'], intent({ complete: lacking('duties') })),
    eligible: false,
    errors: ['documents.agreement-missing'],
    mentions: { 'documents.agreement-missing': ['各方职责分工'] },
  },
  {
    name: '与境内合作单位签署的协议种类不能代替与境外机构的协议',
    bundle: withDocs(
      4,
      ['cooperation-agreement'],
      document({ kind: 'domestic-agreement', parties: ['o1', PARTNER] }),
    ),
    eligible: false,
    errors: ['documents.agreement-missing'],
  },
  {
    name: '专题一无须合作协议',
    bundle: single({
      topic: 1,
      direction: 'platform-inbound',
      documents: docs(1, ['cooperation-agreement']),
    }),
    eligible: true,
  },
];

const enterprise = (id: string) => organization({ id, kind: 'enterprise' });
const domestic = (kind: BundleDocument['kind'], partner: string, overrides: Partial<BundleDocument> = {}) =>
  document({ kind, parties: ['lead', partner], ...overrides });
/** A university-led 专题四 application with Jiangsu enterprises e1 (and e2), under the given domestic documents. */
const university = (partners: string[], domesticDocs: BundleDocument[]) => {
  const base = ledBy('university', 4, { partners: partners.map(enterprise) });
  const app = base.applications[0]!;
  return {
    ...base,
    applications: [{ ...app, documents: [...requiredDocuments('lead', PARTNER, 4), ...domesticDocs] }],
  };
};

const domesticCases: RuleCase[] = [
  {
    name: '与境内合作单位签署了齐全的合作协议：可以申报',
    bundle: university(['e1'], [domestic('domestic-agreement', 'e1')]),
    eligible: true,
  },
  {
    name: '没有与境内合作单位签署协议或意向书：不能申报',
    bundle: university(['e1'], []),
    eligible: false,
    errors: ['documents.agreement-missing'],
    mentions: { 'documents.agreement-missing': ['单位e1'] },
  },
  {
    name: '与境内合作单位仅有意向书：可以申报，立项后须提供正式协议',
    bundle: university(['e1'], [domestic('domestic-letter-of-intent', 'e1')]),
    eligible: true,
    warnings: ['documents.letter-of-intent-only'],
  },
  {
    name: '与境内合作单位的协议缺少盖章：不能申报',
    bundle: university(['e1'], [domestic('domestic-agreement', 'e1', { complete: lacking('seals') })]),
    eligible: false,
    errors: ['documents.agreement-missing'],
    mentions: { 'documents.agreement-missing': ['盖章'] },
  },
  {
    name: '两家境内合作单位，只与一家签了协议：不能申报',
    bundle: university(['e1', 'e2'], [domestic('domestic-agreement', 'e1')]),
    eligible: false,
    errors: ['documents.agreement-missing'],
    mentions: { 'documents.agreement-missing': ['单位e2'] },
  },
  {
    name: '与一家境内合作单位是协议、与另一家是意向书：告警',
    bundle: university(
      ['e1', 'e2'],
      [domestic('domestic-agreement', 'e1'), domestic('domestic-letter-of-intent', 'e2')],
    ),
    eligible: true,
    warnings: ['documents.letter-of-intent-only'],
  },
  {
    name: '与境内合作单位签署的须是境内合作协议，境外合作协议种类不算',
    bundle: university(['e1'], [domestic('cooperation-agreement', 'e1')]),
    eligible: false,
    errors: ['documents.agreement-missing'],
  },
  {
    name: '企业牵头有境内合作单位，同样须与其签署协议',
    bundle: bundle({
      organizations: [organization(), enterprise('e1')],
      applications: [application({ domesticPartners: ['e1'] })],
    }),
    eligible: false,
    errors: ['documents.agreement-missing'],
  },
];

const translationCases: RuleCase[] = [
  {
    name: '外文合作协议没有中文翻译件：不能申报',
    bundle: withDocs(4, ['cooperation-agreement'], cooperation({ language: 'foreign' })),
    eligible: false,
    errors: ['documents.translation-missing'],
    cites: { 'documents.translation-missing': '二、2' },
  },
  {
    name: '外文合作协议附中文翻译件：可以申报',
    bundle: withDocs(
      4,
      ['cooperation-agreement'],
      cooperation({ language: 'foreign', chineseTranslation: true }),
    ),
    eligible: true,
  },
  {
    name: '任何种类的外文文件（如平台设立证明）没有中文翻译件：不能申报',
    bundle: single({
      topic: 1,
      direction: 'platform-inbound',
      documents: docs(
        1,
        ['platform-proof'],
        document({ kind: 'platform-proof', parties: ['o1'], language: 'foreign' }),
      ),
    }),
    eligible: false,
    errors: ['documents.translation-missing'],
  },
  {
    name: '外文意向书没有中文翻译件：不能申报（另有意向书告警）',
    bundle: withDocs(4, ['cooperation-agreement'], intent({ language: 'foreign' })),
    eligible: false,
    errors: ['documents.translation-missing'],
    warnings: ['documents.letter-of-intent-only'],
  },
];

const jointLab = (overrides: Partial<BundleDocument> = {}) =>
  document({
    kind: 'joint-lab-agreement',
    parties: ['o1', PARTNER],
    signedOn: '2025-06-01',
    validUntil: '2030-12-31',
    ...overrides,
  });
const beltRoad = (lab: BundleDocument[], asOf?: string) =>
  single({ topic: 2, documents: docs(2, ['joint-lab-agreement'], ...lab) }, asOf ? { asOf } : {});
const BEIJING_MAY_10 = '2026-05-09T20:00:00Z';

const jointLabCases: RuleCase[] = [
  { name: '专题二共建联合实验室文件齐全、有效：可以申报', bundle: beltRoad([jointLab()]), eligible: true },
  {
    name: '专题二没有共建联合实验室合作文件：不能申报',
    bundle: beltRoad([]),
    eligible: false,
    errors: ['documents.joint-lab'],
    cites: { 'documents.joint-lab': '二、2' },
  },
  {
    name: '共建联合实验室文件 2026-03-29 签署（早于通知发布日期）：可以申报',
    bundle: beltRoad([jointLab({ signedOn: '2026-03-29' })]),
    eligible: true,
  },
  {
    name: '共建联合实验室文件 2026-03-30 签署（通知发布当日）：不能申报',
    bundle: beltRoad([jointLab({ signedOn: '2026-03-30' })]),
    eligible: false,
    errors: ['documents.joint-lab'],
    mentions: { 'documents.joint-lab': ['2026年3月30日', '2026年3月29日'] },
  },
  {
    name: '共建联合实验室文件没有签署日期：不能申报',
    bundle: beltRoad([jointLab({ signedOn: undefined })]),
    eligible: false,
    errors: ['documents.joint-lab'],
  },
  {
    name: '有效期至北京时间 asOf 当日（asOf 2026-05-09T20:00:00Z 即 5 月 10 日）：仍在有效期内',
    bundle: beltRoad([jointLab({ validUntil: '2026-05-10' })], BEIJING_MAY_10),
    eligible: true,
  },
  {
    name: '有效期至 5 月 9 日、北京时间已是 5 月 10 日：已过有效期',
    bundle: beltRoad([jointLab({ validUntil: '2026-05-09' })], BEIJING_MAY_10),
    eligible: false,
    errors: ['documents.joint-lab'],
    mentions: { 'documents.joint-lab': ['2026年5月9日'] },
  },
  {
    name: '没有 validUntil 的共建联合实验室文件视为有效',
    bundle: beltRoad([jointLab({ validUntil: undefined })]),
    eligible: true,
  },
  ...FLAGS.map((flag): RuleCase => ({
    name: `共建联合实验室文件缺少${COMPLETENESS_LABELS[flag]}：不能申报`,
    bundle: beltRoad([jointLab({ complete: lacking(flag) })]),
    eligible: false,
    errors: ['documents.joint-lab'],
    mentions: { 'documents.joint-lab': [COMPLETENESS_LABELS[flag]] },
  })),
  {
    name: '共建联合实验室文件的签署方没有境外合作机构：视为缺少',
    bundle: beltRoad([jointLab({ parties: ['o1', '另一家境外机构'] })]),
    eligible: false,
    errors: ['documents.joint-lab'],
  },
  {
    name: '一份合格的共建联合实验室文件即可，另有过期或晚签的文件无妨',
    bundle: beltRoad([
      jointLab({ signedOn: '2026-04-01' }),
      jointLab({ validUntil: '2026-01-01' }),
      jointLab(),
    ]),
    eligible: true,
  },
  {
    name: '专题二境外合作单位不是独立法人：不能申报',
    bundle: single({
      topic: 2,
      partner: { ...application({ topic: 2 }).partner!, independentLegalEntity: false },
    }),
    eligible: false,
    errors: ['partner.not-independent'],
    cites: { 'partner.not-independent': '二、2' },
  },
  {
    name: '专题四境外合作机构不是独立法人：无此要求',
    bundle: single({ partner: { ...application().partner!, independentLegalEntity: false } }),
    eligible: true,
  },
  {
    name: '专题四无须共建联合实验室文件',
    bundle: withDocs(4, ['joint-lab-agreement']),
    eligible: true,
  },
];

const platformCases: RuleCase[] = [
  {
    name: '专题一境外机构在我省建设没有平台设立证明：不能申报',
    bundle: single({ topic: 1, direction: 'platform-inbound', documents: docs(1, ['platform-proof']) }),
    eligible: false,
    errors: ['documents.platform-proof-missing'],
    cites: { 'documents.platform-proof-missing': '二、2' },
  },
  {
    name: '专题一我省在境外建设没有平台设立证明：不能申报',
    bundle: single({
      topic: 1,
      direction: 'platform-outbound',
      directed: true,
      documents: docs(1, ['platform-proof']),
    }),
    eligible: false,
    errors: ['documents.platform-proof-missing'],
  },
  {
    name: '专题一方向1无须平台设立证明',
    bundle: single({
      topic: 1,
      direction: 'big-science',
      directed: true,
      documents: docs(1, ['platform-proof']),
    }),
    eligible: true,
  },
];

describe('二、2．申报材料要求', () => {
  describe('与境外合作机构的合作协议或意向书', () =>
    it.each(agreementCases)('$name', (c) => expectOutcome(c)));
  describe('与境内合作单位的合作协议或意向书', () =>
    it.each(domesticCases)('$name', (c) => expectOutcome(c)));
  describe('外文文件的中文翻译件', () => it.each(translationCases)('$name', (c) => expectOutcome(c)));
  describe('专题二共建联合实验室合作文件', () => it.each(jointLabCases)('$name', (c) => expectOutcome(c)));
  describe('平台设立证明文件', () => it.each(platformCases)('$name', (c) => expectOutcome(c)));
});
