import { describe, it } from 'vitest';
import { application, document } from '../../../test/support/factories/bundle.js';
import { expectOutcome, single, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 三、1：“其他项目附件材料应传尽传。” 其他附件从不必须；未注明名称的，提示。

const withAttachments = (...captions: (string | undefined)[]) =>
  single({
    documents: [
      ...application().documents,
      ...captions.map((caption) =>
        document({
          kind: 'other-attachment',
          parties: ['o1'],
          ...(caption === undefined ? {} : { caption }),
        }),
      ),
    ],
  });

const cases: RuleCase[] = [
  { name: '没有其他附件：可以申报', bundle: withAttachments(), eligible: true },
  { name: '其他附件注明了名称：可以申报', bundle: withAttachments('检测报告'), eligible: true },
  {
    name: '两份其他附件未注明名称：提示，仍可申报',
    bundle: withAttachments('检测报告', undefined, '  '),
    eligible: true,
    warnings: ['documents.attachment-caption-missing'],
    mentions: { 'documents.attachment-caption-missing': ['2 份'] },
    cites: { 'documents.attachment-caption-missing': '三、1' },
  },
];

describe('三、1．其他附件', () => {
  // expectOutcome on main does not take 三、1 yet (the signed-forms branch adds it).
  it.each(cases)('$name', (c) => expectOutcome(c));
});
