import { applicationRule } from './rule.js';

// Reading: docs/reading/02-7-instruments.md
// 二、7：“对确有需要利用财政资金或国有资本购置大型科学仪器的项目，申报单位应说明所购置大型科学仪器的必要性
// 并承诺遵守查重评议、开放共享等有关规定要求。”
export const largeInstruments = applicationRule(
  {
    id: 'instruments.commitment-missing',
    severity: 'error',
    clause: '二、7',
    title: '购置大型科学仪器须说明必要性并承诺查重评议、开放共享',
  },
  ({ app }, emit, { call }) => {
    const rule = call.largeInstruments;
    const purchase = app.largeInstrumentPurchase;
    if (!rule.value || !purchase) return;
    const missing = [
      ...(purchase.justified ? [] : ['说明购置的必要性']),
      ...(purchase.sharingCommitment ? [] : ['承诺遵守查重评议、开放共享等规定']),
    ];
    if (missing.length > 0) {
      emit(
        rule.clause,
        `项目拟利用财政资金购置大型科学仪器，尚未${missing.join('并')}。请补充后再提交。`,
        'largeInstrumentPurchase',
      );
    }
  },
);

export const INSTRUMENT_RULES = [largeInstruments];
