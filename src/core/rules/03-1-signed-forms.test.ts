import { describe, it } from 'vitest';
import { NONE_COMPLETE, type BundleDocument } from '../bundle/schema.js';
import { application, bundle, document, requiredDocuments } from '../../../test/support/factories/bundle.js';
import { expectOutcome, single, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 三、1：“项目信息表、项目申报书按要求完成签字盖章手续，扫描形成 PDF 格式上传。” ("Signed forms (三、1)").

type Kind = BundleDocument['kind'];
const documents = (topic = 4) => requiredDocuments('o1', '境外合作机构a1', topic);
const without = (...kinds: Kind[]) =>
  single({ documents: documents().filter((d) => !kinds.includes(d.kind)) });
/** The required documents, with the form of `kind` answering `complete` (every other flag unanswered). */
const formAnswering = (kind: Kind, complete: Partial<BundleDocument['complete']>) =>
  single({
    documents: documents().map((d) =>
      d.kind === kind ? { ...d, complete: { ...NONE_COMPLETE, ...complete } } : d,
    ),
  });

const cases: RuleCase[] = [
  {
    name: '缺少项目信息表：不能申报',
    bundle: without('info-form'),
    eligible: false,
    errors: ['documents.signed-form-missing'],
    mentions: { 'documents.signed-form-missing': ['项目信息表'] },
    cites: { 'documents.signed-form-missing': '三、1' },
  },
  {
    name: '缺少项目申报书：不能申报',
    bundle: without('application-form'),
    eligible: false,
    errors: ['documents.signed-form-missing'],
    mentions: { 'documents.signed-form-missing': ['项目申报书'] },
  },
  {
    name: '两份都缺：一条报错列明两份',
    bundle: without('info-form', 'application-form'),
    eligible: false,
    errors: ['documents.signed-form-missing'],
    mentions: { 'documents.signed-form-missing': ['项目信息表', '项目申报书'] },
  },
  {
    name: '草稿（未提交）同样须上传',
    bundle: bundle({
      applications: [
        application({
          submittedAt: undefined,
          documents: documents().filter((d) => d.kind !== 'application-form'),
        }),
      ],
    }),
    eligible: false,
    errors: ['documents.signed-form-missing'],
  },
  {
    name: '专题一定向组织项目同样须上传',
    bundle: single({
      topic: 1,
      direction: 'big-science',
      directed: true,
      documents: documents(1).filter((d) => d.kind !== 'info-form'),
    }),
    eligible: false,
    errors: ['documents.signed-form-missing'],
  },
  {
    name: '项目信息表未盖章：不能申报',
    bundle: formAnswering('info-form', { signatures: true }),
    eligible: false,
    errors: ['documents.signed-form-unsigned'],
    mentions: { 'documents.signed-form-unsigned': ['项目信息表', '盖章'] },
    cites: { 'documents.signed-form-unsigned': '三、1' },
  },
  {
    name: '项目申报书未签字：不能申报',
    bundle: formAnswering('application-form', { seals: true }),
    eligible: false,
    errors: ['documents.signed-form-unsigned'],
    mentions: { 'documents.signed-form-unsigned': ['项目申报书', '签字'] },
  },
  {
    name: '既未签字也未盖章：列明两项',
    bundle: formAnswering('info-form', {}),
    eligible: false,
    errors: ['documents.signed-form-unsigned'],
    mentions: { 'documents.signed-form-unsigned': ['签字', '盖章'] },
  },
  {
    name: '签字盖章齐全即可，不核签署日期、代表、分工和知识产权条款',
    bundle: formAnswering('application-form', { signatures: true, seals: true }),
    eligible: true,
  },
  {
    name: '一份未签字的旧扫描件之外另有签字盖章齐全的扫描件：可以申报',
    bundle: single({
      documents: [
        ...documents(),
        document({ kind: 'info-form', parties: ['o1'], complete: { ...NONE_COMPLETE } }),
      ],
    }),
    eligible: true,
  },
  { name: '两份都签字盖章后上传：可以申报', bundle: single({}), eligible: true },
];

describe('三、1．项目信息表、项目申报书签字盖章', () => {
  it.each(cases)('$name', (c) => expectOutcome(c));
});
