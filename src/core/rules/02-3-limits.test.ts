import { describe, it } from 'vitest';
import type { Application, Organization, Platform } from '../bundle/schema.js';
import {
  application,
  bundle,
  creditCode,
  department,
  document,
  externalSubmission,
  organization,
  person,
  requiredDocuments,
} from '../../../test/support/factories/bundle.js';
import { expectOutcome, type RuleCase } from '../../../test/support/factories/rule-cases.js';
import { PLATFORM_LABELS } from '../labels.js';

// 二、3．执行限额申报等相关要求 ("Limits (二、3)" and the separate slots of "Recommendation quotas").

const O1_CODE = organization().creditCode;
const RECOMMENDED = { status: 'recommended' as const, separateSlot: false, at: '2026-05-19T10:00:00+08:00' };
const SLOT = { ...RECOMMENDED, separateSlot: true };

/** Applications a1…an by organization `lead`, each with its own PI p1…pn employed there. */
function many(
  n: number,
  make: (i: number) => Partial<Application>,
  organizations: Organization[] = [organization()],
) {
  const lead = organizations[0]!.id;
  return bundle({
    organizations,
    people: Array.from({ length: n }, (_, i) => person({ id: `p${i + 1}`, employer: lead })),
    applications: Array.from({ length: n }, (_, i) =>
      application({ id: `a${i + 1}`, pi: `p${i + 1}`, applicant: lead, ...make(i + 1) }),
    ),
  });
}
const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i + 1}`);
const all = (n: number, errors: string[], eligible = errors.length === 0) =>
  Object.fromEntries(ids(n).map((id) => [id, { eligible, errors }]));

/** A university u1 (with Jiangsu enterprise e1 as domestic partner) leading applications of `topic`. */
function universityLed(
  n: number,
  make: (i: number) => Partial<Application>,
  overrides: Partial<Organization> = {},
) {
  return many(
    n,
    (i) => {
      const topic = make(i).topic ?? 2;
      return {
        topic,
        domesticPartners: ['e1'],
        documents: [
          ...requiredDocuments('u1', `境外合作机构a${i}`, topic),
          document({ kind: 'domestic-agreement', parties: ['u1', 'e1'] }),
        ],
        ...make(i),
      };
    },
    [
      organization({ id: 'u1', kind: 'university', ...overrides }),
      organization({ id: 'e1', kind: 'enterprise' }),
    ],
  );
}

const external = (overrides: Parameters<typeof externalSubmission>[0]) =>
  bundle({ externalSubmissions: [externalSubmission(overrides)] });

const enterpriseCases: RuleCase[] = [
  {
    name: '同一企业在本计划申报 2 项：两项都不能申报',
    bundle: many(2, () => ({})),
    others: all(2, ['limit.enterprise-one-application']),
    mentions: { 'limit.enterprise-one-application': ['2 项', '1 项'] },
    cites: { 'limit.enterprise-one-application': '二、3' },
    eligible: false,
    errors: ['limit.enterprise-one-application'],
  },
  {
    name: '草稿同样计入：同一企业一项已提交、一项草稿，两项都不能申报',
    bundle: many(2, (i) => (i === 2 ? { submittedAt: undefined } : {})),
    others: all(2, ['limit.enterprise-one-application']),
  },
  {
    name: '另一项在其他主管部门、尚未提交：各自的检查结果只说明另一项的所在和状态，不说是哪一项',
    bundle: {
      ...many(2, (i) => (i === 2 ? { department: 'd2', submittedAt: undefined } : {})),
      departments: [department(), department({ id: 'd2' })],
    },
    others: {
      a1: {
        eligible: false,
        errors: ['limit.enterprise-one-application'],
        mentions: { 'limit.enterprise-one-application': ['另有 1 项申报（其他主管部门，未提交）'] },
      },
      a2: {
        eligible: false,
        errors: ['limit.enterprise-one-application'],
        mentions: { 'limit.enterprise-one-application': ['另有 1 项申报（其他主管部门，已提交）'] },
      },
    },
  },
  {
    name: '因其他原因不合格的申报同样计入限额',
    bundle: many(2, (i) => (i === 2 ? { classified: true } : {})),
    others: {
      a1: { eligible: false, errors: ['limit.enterprise-one-application'] },
      a2: { eligible: false, errors: ['limit.enterprise-one-application', 'secrecy.classified'] },
    },
  },
  {
    name: '两家单位统一社会信用代码相同即为同一企业',
    bundle: bundle({
      organizations: [organization(), organization({ id: 'o2', creditCode: O1_CODE })],
      people: [person(), person({ id: 'p2', employer: 'o2' })],
      applications: [application(), application({ id: 'a2', applicant: 'o2', pi: 'p2' })],
    }),
    others: all(2, ['limit.enterprise-one-application']),
  },
  {
    name: '定向组织项目除外：一项自由申报、一项定向组织，均可申报',
    bundle: many(2, (i) => ({ directed: i === 2 })),
    others: all(2, []),
  },
  {
    name: '同一企业已申报其他省科技计划项目：本计划申报不能申报',
    bundle: external({ creditCode: O1_CODE, program: '省重点研发计划' }),
    eligible: false,
    errors: ['limit.enterprise-one-application'],
    mentions: { 'limit.enterprise-one-application': ['本计划 1 项', '其他省科技计划 1 项'] },
  },
  {
    name: '除省自然科学基金项目外：已申报省自然科学基金的企业可以申报',
    bundle: external({ creditCode: O1_CODE, program: 'natural-science-fund' }),
    eligible: true,
  },
  {
    name: '企业已有的其他申报是定向组织项目：可以申报',
    bundle: external({ creditCode: O1_CODE, program: '省重点研发计划', directed: true }),
    eligible: true,
  },
  {
    name: '其他企业的其他计划申报与本企业无关',
    bundle: external({ creditCode: creditCode(424242), program: '省重点研发计划' }),
    eligible: true,
  },
  {
    name: '高校同一年度可以申报多项（一企一项只限企业）',
    bundle: universityLed(2, () => ({ topic: 4 })),
    others: all(2, []),
  },
];

const ongoingCases: RuleCase[] = [
  ...(['intl-coop', 'frontier-tech', 'major-special'] as const).map((program): RuleCase => ({
    name: `有在研 ${program} 项目的企业不能申报`,
    bundle: bundle({ organizations: [organization({ ongoingProjects: [{ program }] })] }),
    eligible: false,
    errors: ['limit.enterprise-ongoing'],
    mentions: { 'limit.enterprise-ongoing': ['1 项'] },
    cites: { 'limit.enterprise-ongoing': '二、3' },
  })),
  {
    name: '企业只有其他省科技计划在研项目：可以申报',
    bundle: bundle({ organizations: [organization({ ongoingProjects: [{ program: 'other' }] })] }),
    eligible: true,
  },
  {
    name: '有在研省国际合作项目的企业，定向组织项目除外',
    bundle: bundle({
      organizations: [organization({ ongoingProjects: [{ program: 'intl-coop' }] })],
      applications: [application({ directed: true })],
    }),
    eligible: true,
  },
  {
    name: '有在研省国际合作项目的高校不受此限',
    bundle: universityLed(1, () => ({ topic: 4 }), { ongoingProjects: [{ program: 'intl-coop' }] }),
    eligible: true,
  },
  {
    name: '有在研省科技计划项目的负责人不能牵头申报',
    bundle: bundle({ people: [person({ ongoingProvincialProjects: 1 })] }),
    eligible: false,
    errors: ['limit.pi-ongoing'],
    mentions: { 'limit.pi-ongoing': ['1 项'] },
  },
  {
    name: '有在研项目的负责人牵头定向组织项目除外',
    bundle: bundle({
      people: [person({ ongoingProvincialProjects: 2 })],
      applications: [application({ directed: true })],
    }),
    eligible: true,
  },
];

const piCases: RuleCase[] = [
  {
    name: '同一负责人在本计划牵头 2 项：两项都不能申报（定向组织也不除外）',
    bundle: bundle({
      applications: [application({ directed: true }), application({ id: 'a2', directed: true })],
    }),
    others: all(2, ['limit.pi-one-application']),
    mentions: { 'limit.pi-one-application': ['2 项'] },
    eligible: false,
    errors: ['limit.pi-one-application'],
  },
  {
    name: '同一负责人一项已提交、一项草稿：草稿同样计入',
    bundle: bundle({
      applications: [
        application({ directed: true }),
        application({ id: 'a2', directed: true, submittedAt: undefined }),
      ],
    }),
    others: {
      a1: {
        eligible: false,
        errors: ['limit.pi-one-application'],
        mentions: { 'limit.pi-one-application': ['另有 1 项申报（同一主管部门，未提交）'] },
      },
      a2: {
        eligible: false,
        errors: ['limit.pi-one-application'],
        mentions: { 'limit.pi-one-application': ['另有 1 项申报（同一主管部门，已提交）'] },
      },
    },
  },
  {
    name: '同名的两位负责人（不同 id）各牵头 1 项：可以申报',
    bundle: bundle({
      people: [person(), person({ id: 'p2', name: '负责人p1' })],
      applications: [application({ directed: true }), application({ id: 'a2', pi: 'p2', directed: true })],
    }),
    others: all(2, []),
  },
  {
    name: '负责人已以同名申报其他部门的定向项目：不能申报',
    bundle: external({ piName: '负责人p1', directed: true, title: '另一项目', creditCode: creditCode(77) }),
    eligible: false,
    errors: ['limit.pi-one-application'],
    mentions: { 'limit.pi-one-application': ['本计划 1 项', '其他省科技计划 1 项'] },
  },
  {
    name: '负责人已申报省自然科学基金：同样计入一人一项',
    bundle: external({ piName: '负责人p1', program: 'natural-science-fund', creditCode: creditCode(77) }),
    eligible: false,
    errors: ['limit.pi-one-application'],
  },
  {
    name: '外部申报负责人姓名须完全相同：多一个空格不算同一人',
    bundle: external({ piName: '负责人 p1', creditCode: creditCode(77) }),
    eligible: true,
  },
  {
    name: '空的 piName 不与任何人相符（负责人姓名也为空）',
    bundle: bundle({
      people: [person({ name: '' })],
      externalSubmissions: [externalSubmission({ piName: '', creditCode: creditCode(77) })],
    }),
    eligible: true,
  },
];

const exemptionCases: RuleCase[] = [
  {
    name: '定向组织项目恰好免于三条：一企一项、企业在研、负责人在研',
    bundle: bundle({
      organizations: [organization({ ongoingProjects: [{ program: 'frontier-tech' }] })],
      people: [person({ ongoingProvincialProjects: 1 })],
      applications: [application({ directed: true })],
      externalSubmissions: [externalSubmission({ creditCode: O1_CODE, title: '其他计划的另一个不同项目' })],
    }),
    eligible: true,
  },
  {
    name: '同样的情形自由申报：三条都不符',
    bundle: bundle({
      organizations: [organization({ ongoingProjects: [{ program: 'frontier-tech' }] })],
      people: [person({ ongoingProvincialProjects: 1 })],
      externalSubmissions: [externalSubmission({ creditCode: O1_CODE, title: '其他计划的另一个不同项目' })],
    }),
    eligible: false,
    errors: ['limit.enterprise-one-application', 'limit.enterprise-ongoing', 'limit.pi-ongoing'],
  },
  {
    name: '定向组织项目不免于重复申报',
    bundle: bundle({
      applications: [application({ directed: true })],
      externalSubmissions: [
        externalSubmission({ creditCode: O1_CODE, directed: true, title: application().title }),
      ],
    }),
    eligible: false,
    errors: ['duplicate.same-project'],
  },
];

const beltRoadCases: RuleCase[] = [
  {
    name: '同一高校专题二申报 3 项：可以申报',
    bundle: universityLed(3, () => ({})),
    others: all(3, []),
  },
  {
    name: '同一高校专题二申报 4 项：每项都超限',
    bundle: universityLed(4, () => ({})),
    others: all(4, ['limit.institution-belt-road']),
    mentions: { 'limit.institution-belt-road': ['4 项', '3 项'] },
    cites: { 'limit.institution-belt-road': '二、3' },
    eligible: false,
    errors: ['limit.institution-belt-road'],
  },
  {
    name: '同一科研机构专题二申报 4 项：每项都超限',
    bundle: universityLed(4, () => ({}), { kind: 'institute' }),
    others: all(4, ['limit.institution-belt-road']),
  },
  {
    name: '草稿与定向组织项目同样计入专题二限额',
    bundle: universityLed(4, (i) =>
      i === 3 ? { submittedAt: undefined } : i === 4 ? { directed: true } : {},
    ),
    others: all(4, ['limit.institution-belt-road']),
  },
  {
    name: '“一带一路”联合实验室另有单独推荐名额：3 项之外第 4 项标为单独推荐，可以申报',
    bundle: universityLed(4, (i) => (i === 4 ? { recommendation: SLOT } : {}), {
      platforms: ['belt-road-joint-lab'],
    }),
    others: all(4, []),
  },
  {
    name: '联合实验室不标单独推荐名额，第 4 项仍超限',
    bundle: universityLed(4, () => ({}), { platforms: ['belt-road-joint-lab'] }),
    others: all(4, ['limit.institution-belt-road']),
  },
  {
    name: '联合实验室用上单独推荐名额后申报第 5 项：每项都超限',
    bundle: universityLed(5, (i) => (i === 5 ? { recommendation: SLOT } : {}), {
      platforms: ['belt-road-joint-lab'],
    }),
    others: all(5, ['limit.institution-belt-road']),
    mentions: { 'limit.institution-belt-road': ['5 项', '4 项'] },
  },
  {
    name: '单独推荐名额只多 1 项：5 项中 2 项标为单独推荐，每项都超限',
    bundle: universityLed(5, (i) => (i > 3 ? { recommendation: SLOT } : {}), {
      platforms: ['belt-road-joint-lab'],
    }),
    others: {
      ...all(3, ['limit.institution-belt-road']),
      a4: { eligible: false, errors: ['limit.institution-belt-road', 'slot.too-many'] },
      a5: { eligible: false, errors: ['limit.institution-belt-road', 'slot.too-many'] },
    },
  },
  {
    name: '没有联合实验室的高校标了单独推荐名额：第 4 项仍超限，且名额不成立',
    bundle: universityLed(4, (i) => (i === 4 ? { recommendation: SLOT } : {})),
    others: {
      ...all(3, ['limit.institution-belt-road']),
      a4: { eligible: false, errors: ['limit.institution-belt-road', 'slot.not-entitled'] },
    },
  },
  {
    name: '有在研省国际合作项目的联合实验室不再有单独推荐名额：第 4 项超限',
    bundle: universityLed(4, (i) => (i === 4 ? { recommendation: SLOT } : {}), {
      platforms: ['belt-road-joint-lab'],
      ongoingProjects: [{ program: 'intl-coop' }],
    }),
    others: {
      ...all(3, ['limit.institution-belt-road']),
      a4: { eligible: false, errors: ['limit.institution-belt-road', 'slot.not-entitled'] },
    },
  },
  {
    name: '专题四的申报不计入专题二限额',
    bundle: universityLed(4, (i) => (i === 4 ? { topic: 4 } : {})),
    others: all(4, []),
  },
  {
    name: '限额按单位计：两所高校各申报 2 项，可以申报',
    bundle: bundle({
      organizations: [
        organization({ id: 'u1', kind: 'university' }),
        organization({ id: 'u2', kind: 'university' }),
        organization({ id: 'e1' }),
      ],
      people: ids(4).map((_, i) => person({ id: `p${i + 1}`, employer: i < 2 ? 'u1' : 'u2' })),
      applications: ids(4).map((id, i) => {
        const lead = i < 2 ? 'u1' : 'u2';
        return application({
          id,
          topic: 2,
          applicant: lead,
          pi: `p${i + 1}`,
          domesticPartners: ['e1'],
          documents: [
            ...requiredDocuments(lead, `境外合作机构${id}`, 2),
            document({ kind: 'domestic-agreement', parties: [lead, 'e1'] }),
          ],
        });
      }),
    }),
    others: all(4, []),
  },
];

const SLOT_PLATFORMS: Platform[] = [
  'intl-coop-base',
  'national-lab',
  'provincial-lab',
  'national-key-lab',
  'provincial-key-lab',
  'leading-enterprise',
];
const slotFor = (platforms: Platform[], app: Partial<Application> = {}, org: Partial<Organization> = {}) =>
  bundle({
    organizations: [organization({ platforms, ...org })],
    applications: [application({ recommendation: SLOT, ...app })],
  });

const slotCases: RuleCase[] = [
  ...SLOT_PLATFORMS.map((platform): RuleCase => ({
    name: `依托${PLATFORM_LABELS[platform]}：专题四单独推荐名额成立`,
    bundle: slotFor([platform]),
    eligible: true,
  })),
  {
    name: '专题五单独推荐名额同样成立',
    bundle: slotFor(['leading-enterprise'], { topic: 5 }),
    eligible: true,
  },
  {
    name: '没有相应平台的单位不享有专题四单独推荐名额',
    bundle: slotFor([]),
    eligible: false,
    errors: ['slot.not-entitled'],
    cites: { 'slot.not-entitled': '二、3' },
  },
  {
    name: '“一带一路”联合实验室不享有专题四单独推荐名额',
    bundle: slotFor(['belt-road-joint-lab']),
    eligible: false,
    errors: ['slot.not-entitled'],
  },
  {
    name: '有在研省国际合作项目的单位不再享有单独推荐名额（定向组织项目，免于企业在研限制）',
    bundle: slotFor(
      ['national-key-lab'],
      { directed: true },
      { ongoingProjects: [{ program: 'intl-coop' }] },
    ),
    eligible: false,
    errors: ['slot.not-entitled'],
  },
  {
    name: '只有其他在研计划（高校的前沿技术项目）不影响单独推荐名额',
    bundle: universityLed(1, () => ({ topic: 4, recommendation: SLOT }), {
      platforms: ['provincial-key-lab'],
      ongoingProjects: [{ program: 'frontier-tech' }],
    }),
    eligible: true,
  },
  {
    name: '专题二单独推荐名额须为“一带一路”联合实验室',
    bundle: slotFor(['belt-road-joint-lab'], { topic: 2 }),
    eligible: true,
  },
  {
    name: '国际科技合作基地不享有专题二单独推荐名额',
    bundle: slotFor(['intl-coop-base'], { topic: 2 }),
    eligible: false,
    errors: ['slot.not-entitled'],
  },
  {
    name: '未获推荐的申报标了单独推荐名额：不是单独推荐名额，不作判断',
    bundle: slotFor([], { recommendation: { ...SLOT, status: 'not-recommended' } }),
    eligible: true,
  },
  {
    name: '同一单位专题四、五各用一个单独推荐名额：合计超过 1 项，两项都不能申报',
    bundle: universityLed(2, (i) => ({ topic: i === 1 ? 4 : 5, recommendation: SLOT }), {
      platforms: ['national-lab'],
    }),
    others: all(2, ['slot.too-many']),
    mentions: { 'slot.too-many': ['2 项', '1 项'] },
  },
  {
    name: '同一单位专题四一个、专题二一个单独推荐名额：各 1 项，可以申报',
    bundle: universityLed(2, (i) => ({ topic: i === 1 ? 4 : 2, recommendation: SLOT }), {
      platforms: ['national-lab', 'belt-road-joint-lab'],
    }),
    others: all(2, []),
  },
  {
    name: '同一单位专题二两个单独推荐名额：两项都不能申报',
    bundle: universityLed(2, () => ({ recommendation: SLOT }), { platforms: ['belt-road-joint-lab'] }),
    others: all(2, ['slot.too-many']),
  },
  {
    name: '专题一没有单独推荐名额之说：标了也不影响申报，提示评审',
    bundle: slotFor(['intl-coop-base'], { topic: 1, direction: 'platform-inbound' }),
    eligible: true,
    warnings: ['slot.not-offered'],
  },
];

// Texts of distinct CJK code points, so a shared prefix of m code points shares exactly m − 2 trigrams.
const han = (n: number, from = 0) =>
  String.fromCodePoint(...Array.from({ length: n }, (_, i) => 0x4e00 + from + i));
/** 102 code points (100 trigrams) whose first `m` code points are those of `han(102)`. */
const sharing = (m: number) => han(m) + han(102 - m, 5000);
const TEXT = han(102);
const dup = (mine: Partial<Application>, theirs: Parameters<typeof externalSubmission>[0]) =>
  bundle({
    applications: [application({ summary: '', ...mine })],
    externalSubmissions: [
      externalSubmission({ creditCode: O1_CODE, program: '省工业和信息化厅项目', directed: true, ...theirs }),
    ],
  });

const duplicateCases: RuleCase[] = [
  {
    name: '项目名称与已申报项目重合度 100%：视为重复申报',
    bundle: dup({ title: TEXT }, { title: TEXT }),
    eligible: false,
    errors: ['duplicate.same-project'],
    mentions: { 'duplicate.same-project': ['100%', '80%', '省工业和信息化厅项目'] },
    cites: { 'duplicate.same-project': '二、3' },
  },
  {
    name: '重合度恰为 80%：视为重复申报',
    bundle: dup({ title: TEXT }, { title: sharing(82) }),
    eligible: false,
    errors: ['duplicate.same-project'],
    mentions: { 'duplicate.same-project': ['80%'] },
  },
  {
    name: '重合度 79%：可以申报，须核查',
    bundle: dup({ title: TEXT }, { title: sharing(81) }),
    eligible: true,
    warnings: ['duplicate.similar'],
    mentions: { 'duplicate.similar': ['79%', '50%', '80%'] },
    cites: { 'duplicate.similar': '二、3' },
  },
  {
    name: '重合度恰为 50%：可以申报，须核查',
    bundle: dup({ title: TEXT }, { title: sharing(52) }),
    eligible: true,
    warnings: ['duplicate.similar'],
    mentions: { 'duplicate.similar': ['50%'] },
  },
  { name: '重合度 49%：不作判断', bundle: dup({ title: TEXT }, { title: sharing(51) }), eligible: true },
  {
    name: '主要研究内容重合度 80%：视为重复申报',
    bundle: dup({ summary: TEXT }, { summary: sharing(82) }),
    eligible: false,
    errors: ['duplicate.same-project'],
  },
  {
    name: '取名称与内容两者中较大的重合度：名称 60%、内容 90%，按 90% 为重复申报（不另告警）',
    bundle: dup(
      { title: TEXT, summary: han(102, 200) },
      { title: sharing(62), summary: han(92, 200) + han(10, 9000) },
    ),
    eligible: false,
    errors: ['duplicate.same-project'],
    mentions: { 'duplicate.same-project': ['90%', '主要研究内容'] },
  },
  {
    name: '名称与名称、内容与内容比较，不交叉比较',
    bundle: dup({ title: TEXT, summary: han(30, 3000) }, { title: han(30, 4000), summary: TEXT }),
    eligible: true,
  },
  {
    name: '按较短文本的三元组计：已申报项目名称完全包含本项目名称，视为重复',
    bundle: dup({ title: han(20) }, { title: han(5, 7000) + han(20) + han(40, 8000) }),
    eligible: false,
    errors: ['duplicate.same-project'],
  },
  {
    name: '去掉空白（含全角空格 U+3000）后比较',
    bundle: dup(
      { title: '面向智能制造的工业机器人\u3000精密减速器联合研发' },
      { title: '面向 智能制造的 工业机器人精密减速器\n联合研发' },
    ),
    eligible: false,
    errors: ['duplicate.same-project'],
  },
  {
    name: '去空白后不足 8 个码点的名称不比较（完全相同也不算）',
    bundle: dup({ title: '国际\u3000科技 合作项' }, { title: '国际科技合作项' }),
    eligible: true,
  },
  {
    name: '去空白后恰好 8 个码点的名称参与比较',
    bundle: dup({ title: '国际科技合作项目' }, { title: '国际 科技 合作 项目' }),
    eligible: false,
    errors: ['duplicate.same-project'],
  },
  {
    name: '同一负责人（按姓名）在其他单位的申报同样比较',
    bundle: dup({ title: TEXT }, { title: TEXT, creditCode: creditCode(5150), piName: '负责人p1' }),
    eligible: false,
    errors: ['duplicate.same-project', 'limit.pi-one-application'],
  },
  {
    name: '省自然科学基金的申报只免于一企一项，同样查重复申报',
    bundle: dup({ title: TEXT }, { title: TEXT, program: 'natural-science-fund', directed: false }),
    eligible: false,
    errors: ['duplicate.same-project'],
    mentions: { 'duplicate.same-project': ['省自然科学基金'] },
  },
  {
    name: '单位与负责人都不同的申报不比较',
    bundle: dup({ title: TEXT }, { title: TEXT, creditCode: creditCode(5150), piName: '别人' }),
    eligible: true,
  },
  {
    name: '空的 piName 不与任何人相符：负责人姓名为空也不比较',
    bundle: bundle({
      people: [person({ name: '' })],
      applications: [application({ title: TEXT })],
      externalSubmissions: [externalSubmission({ creditCode: creditCode(5150), piName: '', title: TEXT })],
    }),
    eligible: true,
  },
];

describe('二、3．执行限额申报等相关要求', () => {
  describe('同一企业同一年度只能申报一项', () => it.each(enterpriseCases)('$name', (c) => expectOutcome(c)));
  describe('在研项目', () => it.each(ongoingCases)('$name', (c) => expectOutcome(c)));
  describe('同一项目负责人同一年度只能申报一项', () => it.each(piCases)('$name', (c) => expectOutcome(c)));
  describe('定向组织项目除外', () => it.each(exemptionCases)('$name', (c) => expectOutcome(c)));
  describe('“一带一路”创新合作项目每家高校、科研机构限报 3 项', () =>
    it.each(beltRoadCases)('$name', (c) => expectOutcome(c)));
  describe('单独推荐名额', () => it.each(slotCases)('$name', (c) => expectOutcome(c)));
  describe('不得重复申报', () => it.each(duplicateCases)('$name', (c) => expectOutcome(c)));
});
