import { describe, it } from 'vitest';
import { NONE_COMPLETE, type Application, type BundleDocument, type EthicsFlag } from '../bundle/schema.js';
import {
  application,
  bundle,
  organization,
  person,
  requiredDocuments,
} from '../../../test/support/factories/bundle.js';
import { expectOutcome, single, type RuleCase } from '../../../test/support/factories/rule-cases.js';
import { ETHICS_LABELS } from '../labels.js';

// 二、4．全面实施科研诚信承诺制 ("Documents (二、2)" last line and "Integrity, ethics, secrecy").

const without = (...kinds: BundleDocument['kind'][]) =>
  single({ documents: requiredDocuments('o1', '境外合作机构a1', 4).filter((d) => !kinds.includes(d.kind)) });
/** asOf 2026-05-09T20:00:00Z is 2026-05-10 in Beijing (and still 2026-05-09 in UTC). */
const BEIJING_MAY_10 = '2026-05-09T20:00:00Z';
const dishonest = (who: 'applicant' | 'pi', until: string) =>
  bundle({
    asOf: BEIJING_MAY_10,
    ...(who === 'applicant'
      ? { organizations: [organization({ dishonestyUntil: until })] }
      : { people: [person({ dishonestyUntil: until })] }),
  });
const ethics = (flags: Partial<Record<EthicsFlag, boolean>>) =>
  single({ ethics: { ...application().ethics, ...flags } as Application['ethics'] });

const commitmentCases: RuleCase[] = [
  {
    name: '缺少申报单位科研诚信承诺书：不能申报',
    bundle: without('integrity-commitment-unit'),
    eligible: false,
    errors: ['documents.integrity-commitment-missing'],
    mentions: { 'documents.integrity-commitment-missing': ['项目申报单位科研诚信承诺书'] },
    cites: { 'documents.integrity-commitment-missing': '二、4' },
  },
  {
    name: '缺少项目负责人科研诚信承诺书：不能申报',
    bundle: without('integrity-commitment-pi'),
    eligible: false,
    errors: ['documents.integrity-commitment-missing'],
    mentions: { 'documents.integrity-commitment-missing': ['项目负责人科研诚信承诺书'] },
  },
  {
    name: '两份承诺书都缺：一条报错列明两份',
    bundle: without('integrity-commitment-unit', 'integrity-commitment-pi'),
    eligible: false,
    errors: ['documents.integrity-commitment-missing'],
    mentions: {
      'documents.integrity-commitment-missing': ['项目申报单位科研诚信承诺书', '项目负责人科研诚信承诺书'],
    },
  },
  {
    name: '专题一定向组织项目同样须提交承诺书',
    bundle: bundle({
      applications: [
        application({
          topic: 1,
          direction: 'big-science',
          directed: true,
          documents: requiredDocuments('o1', '境外合作机构a1', 1).filter(
            (d) => d.kind !== 'integrity-commitment-pi',
          ),
        }),
      ],
    }),
    eligible: false,
    errors: ['documents.integrity-commitment-missing'],
  },
];

/** The required documents, with the commitment of `kind` answering `complete` (the others all complete). */
const commitmentAnswering = (kind: BundleDocument['kind'], complete: Partial<BundleDocument['complete']>) =>
  single({
    documents: requiredDocuments('o1', '境外合作机构a1', 4).map((d) =>
      d.kind === kind ? { ...d, complete: { ...NONE_COMPLETE, ...complete } } : d,
    ),
  });

const unsignedCases: RuleCase[] = [
  {
    name: '承诺书只答签字、盖章、签署日期，不问合作协议的分工和知识产权条款：可以申报',
    bundle: commitmentAnswering('integrity-commitment-unit', { signatures: true, seals: true, dates: true }),
    eligible: true,
  },
  {
    name: '项目负责人承诺书签字并注明日期即齐全，不问盖章：可以申报',
    bundle: commitmentAnswering('integrity-commitment-pi', { signatures: true, dates: true }),
    eligible: true,
  },
  {
    name: '申报单位承诺书缺少签署日期：不能申报，写明所缺',
    bundle: commitmentAnswering('integrity-commitment-unit', { signatures: true, seals: true }),
    eligible: false,
    errors: ['documents.integrity-commitment-unsigned'],
    mentions: {
      'documents.integrity-commitment-unsigned': [
        '项目申报单位科研诚信承诺书缺少签署日期',
        '签字、盖章、签署日期',
      ],
    },
    cites: { 'documents.integrity-commitment-unsigned': '二、4' },
  },
  {
    name: '项目负责人承诺书未签字：不能申报',
    bundle: commitmentAnswering('integrity-commitment-pi', { dates: true }),
    eligible: false,
    errors: ['documents.integrity-commitment-unsigned'],
    mentions: { 'documents.integrity-commitment-unsigned': ['项目负责人科研诚信承诺书缺少签字'] },
  },
];

const dishonestyCases: RuleCase[] = [
  {
    name: '申报单位惩戒期至北京时间 asOf 当日（5 月 10 日）：仍在惩戒期内，不能申报',
    bundle: dishonest('applicant', '2026-05-10'),
    eligible: false,
    errors: ['integrity.applicant-dishonest'],
    mentions: { 'integrity.applicant-dishonest': ['2026年5月10日'] },
    cites: { 'integrity.applicant-dishonest': '二、4' },
  },
  {
    name: '申报单位惩戒期至 5 月 9 日（UTC 当日，北京时间已过）：惩戒期已满，可以申报',
    bundle: dishonest('applicant', '2026-05-09'),
    eligible: true,
  },
  {
    name: '项目负责人惩戒期至北京时间 asOf 当日：不能牵头申报',
    bundle: dishonest('pi', '2026-05-10'),
    eligible: false,
    errors: ['integrity.pi-dishonest'],
    mentions: { 'integrity.pi-dishonest': ['负责人p1', '2026年5月10日'] },
    cites: { 'integrity.pi-dishonest': '二、4' },
  },
  { name: '项目负责人惩戒期已满：可以申报', bundle: dishonest('pi', '2026-05-09'), eligible: true },
  {
    name: '惩戒期在将来：不能申报',
    bundle: dishonest('applicant', '2027-01-01'),
    eligible: false,
    errors: ['integrity.applicant-dishonest'],
  },
];

const ethicsCases: RuleCase[] = [
  ...(['humanSubjects', 'labAnimals', 'ai'] as const).flatMap((flag): RuleCase[] => [
    {
      name: `${ETHICS_LABELS[flag]}、未通过科技伦理审查：不能申报`,
      bundle: ethics({ [flag]: true }),
      eligible: false,
      errors: ['ethics.review-missing'],
      mentions: { 'ethics.review-missing': [ETHICS_LABELS[flag]] },
      cites: { 'ethics.review-missing': '二、4' },
    },
    {
      name: `${ETHICS_LABELS[flag]}、已通过科技伦理审查：可以申报`,
      bundle: ethics({ [flag]: true, reviewApproved: true }),
      eligible: true,
    },
  ]),
  ...(['humanGeneticResources', 'germplasm'] as const).flatMap((flag): RuleCase[] => [
    {
      name: `${ETHICS_LABELS[flag]}：可以申报，须在汇总表中注明`,
      bundle: ethics({ [flag]: true }),
      eligible: true,
      warnings: ['ethics.to-be-noted'],
      mentions: { 'ethics.to-be-noted': [ETHICS_LABELS[flag]] },
      cites: { 'ethics.to-be-noted': '二、4' },
    },
    {
      name: `${ETHICS_LABELS[flag]}、已通过伦理审查：仍须注明`,
      bundle: ethics({ [flag]: true, reviewApproved: true }),
      eligible: true,
      warnings: ['ethics.to-be-noted'],
    },
  ]),
  {
    name: '涉及人工智能与人类遗传资源、未审查：报错并告警',
    bundle: ethics({ ai: true, humanGeneticResources: true }),
    eligible: false,
    errors: ['ethics.review-missing'],
    warnings: ['ethics.to-be-noted'],
  },
  {
    name: '只勾选已通过审查、不涉及伦理事项：可以申报',
    bundle: ethics({ reviewApproved: true }),
    eligible: true,
  },
];

describe('二、4．科研诚信与科技伦理', () => {
  describe('科研诚信承诺书', () => it.each(commitmentCases)('$name', (c) => expectOutcome(c)));
  describe('承诺书签字盖章及日期', () => it.each(unsignedCases)('$name', (c) => expectOutcome(c)));
  describe('惩戒执行期', () => it.each(dishonestyCases)('$name', (c) => expectOutcome(c)));
  describe('科技伦理审查', () => it.each(ethicsCases)('$name', (c) => expectOutcome(c)));
});
