import { describe, it } from 'vitest';
import { expectOutcome, single, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 二、5：“本计划不受理涉密项目”.

const cases: RuleCase[] = [
  {
    name: '涉密项目不受理',
    bundle: single({ classified: true }),
    eligible: false,
    errors: ['secrecy.classified'],
    cites: { 'secrecy.classified': '二、5' },
  },
  {
    name: '定向组织的涉密项目同样不受理',
    bundle: single({ topic: 1, direction: 'big-science', directed: true, classified: true }),
    eligible: false,
    errors: ['secrecy.classified'],
  },
  { name: '非涉密项目（或脱密处理后）可以申报', bundle: single({ classified: false }), eligible: true },
  {
    name: '声明申报材料不含涉密内容或已脱密：可以申报',
    bundle: single({ classified: false, declassified: true }),
    eligible: true,
  },
  {
    name: '不作脱密声明：材料须脱密后再申报',
    bundle: single({ classified: false, declassified: false }),
    eligible: false,
    errors: ['secrecy.not-declassified'],
    mentions: { 'secrecy.not-declassified': ['脱密处理'] },
    cites: { 'secrecy.not-declassified': '二、5' },
  },
  {
    name: '涉密项目不作脱密声明：只报不受理涉密项目一条',
    bundle: single({ classified: true, declassified: false }),
    eligible: false,
    errors: ['secrecy.classified'],
  },
];

describe('二、5．涉密项目', () => {
  it.each(cases)('$name', (c) => expectOutcome(c));
});
