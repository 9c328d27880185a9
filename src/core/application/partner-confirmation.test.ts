import { describe, expect, it } from 'vitest';
import { UNBARRED_PARTNER_ANSWERS } from './form.js';
import {
  confirmationHolds,
  correctionsOf,
  partnerLanguage,
  withConfirmation,
  type PartnerConfirmationRecord,
} from './partner-confirmation.js';

// The partner's word against the applicant's: what is judged, and when a confirmation stops speaking for the form.

const record: PartnerConfirmationRecord = {
  confirmedOn: '2026-05-10',
  partnerName: 'Fraunhofer-Institut',
  country: 'DE',
  declared: { ...UNBARRED_PARTNER_ANSWERS },
  confirmed: { ...UNBARRED_PARTNER_ANSWERS, sameGroup: true },
};
const form = { name: 'Fraunhofer-Institut', country: 'DE', ...UNBARRED_PARTNER_ANSWERS };

describe('境外合作方确认', () => {
  it('更正的一项取代申报的答案，并记下申报的答案', () => {
    expect(correctionsOf(record)).toEqual([{ fact: 'sameGroup', declared: false, confirmed: true }]);
    const judged = withConfirmation({ ...form }, record);
    expect(judged.sameGroup).toBe(true);
    expect(judged.confirmation).toEqual({ confirmedOn: '2026-05-10', declared: { sameGroup: false } });
  });

  it('申报单位采纳更正不使确认失效；改为第三种说法、改机构名称或国别即失效', () => {
    expect(confirmationHolds(form, record)).toBe(true);
    expect(confirmationHolds({ ...form, sameGroup: true }, record)).toBe(true);
    expect(confirmationHolds({ ...form, piAffiliated: false }, record)).toBe(false);
    expect(confirmationHolds({ ...form, name: 'Fraunhofer-Gesellschaft' }, record)).toBe(false);
    expect(confirmationHolds({ ...form, country: 'AT' }, record)).toBe(false);
    expect(confirmationHolds(undefined, record)).toBe(false);
  });

  it('港澳台合作方用中文，其他合作方用英文', () => {
    expect(['HK', 'MO', 'TW'].map(partnerLanguage)).toEqual(['zh-CN', 'zh-CN', 'zh-CN']);
    expect(['DE', 'SG', 'US'].map(partnerLanguage)).toEqual(['en', 'en', 'en']);
  });
});
