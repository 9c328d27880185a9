import { describe, it } from 'vitest';
import { bundle } from '../../../test/support/factories/bundle.js';
import { expectOutcome, single, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 二、7：购置大型科学仪器须说明必要性并承诺遵守查重评议、开放共享等规定。

const purchase = (justified: boolean, sharingCommitment: boolean) =>
  single({ largeInstrumentPurchase: { justified, sharingCommitment } });

const cases: RuleCase[] = [
  { name: '不购置大型科学仪器：无此要求', bundle: bundle(), eligible: true },
  { name: '说明必要性并承诺开放共享：可以申报', bundle: purchase(true, true), eligible: true },
  {
    name: '未说明购置必要性：不能申报',
    bundle: purchase(false, true),
    eligible: false,
    errors: ['instruments.commitment-missing'],
    mentions: { 'instruments.commitment-missing': ['必要性'] },
    cites: { 'instruments.commitment-missing': '二、7' },
  },
  {
    name: '未承诺查重评议、开放共享：不能申报',
    bundle: purchase(true, false),
    eligible: false,
    errors: ['instruments.commitment-missing'],
    mentions: { 'instruments.commitment-missing': ['开放共享'] },
  },
  {
    name: '两者都缺：一条报错列明两者',
    bundle: purchase(false, false),
    eligible: false,
    errors: ['instruments.commitment-missing'],
    mentions: { 'instruments.commitment-missing': ['必要性', '开放共享'] },
  },
];

describe('二、7．大型科学仪器购置', () => {
  it.each(cases)('$name', (c) => expectOutcome(c));
});
