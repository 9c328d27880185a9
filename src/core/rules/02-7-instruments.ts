import { largeInstrumentPurchaseFrom, largeInstrumentsOf } from '../application/content.js';
import { formatWanDecimal } from '../money.js';
import { applicationRule } from './rule.js';
import type { ApplicationView, CheckContext } from './context.js';

// Reading: docs/reading/02-7-instruments.md
// 二、7：“对确有需要利用财政资金或国有资本购置大型科学仪器的项目，申报单位应说明所购置大型科学仪器的必要性
// 并承诺遵守查重评议、开放共享等有关规定要求。” Large means a unit price at or above the centre's threshold
// (中心配置). With the instrument list (`instruments`), the flags of `largeInstrumentPurchase` derive from it.

const largeItems = ({ app }: ApplicationView, { call }: CheckContext) =>
  app.instruments ? largeInstrumentsOf(app.instruments.items, call.content.value.instrumentThreshold) : [];

export const largeInstruments = applicationRule(
  {
    id: 'instruments.commitment-missing',
    severity: 'error',
    clause: '二、7',
    title: '购置大型科学仪器须说明必要性并承诺查重评议、开放共享',
  },
  ({ app }, emit, { call }) => {
    const rule = call.largeInstruments;
    const listed = app.instruments;
    const purchase = listed
      ? largeInstrumentPurchaseFrom(listed, call.content.value.instrumentThreshold)
      : app.largeInstrumentPurchase;
    if (!rule.value || !purchase) return;
    // With a list, each item's missing 必要性 is named by instruments.item-unjustified: said once, there.
    const missing = [
      ...(purchase.justified || listed ? [] : ['说明购置的必要性']),
      ...(purchase.sharingCommitment ? [] : ['承诺遵守查重评议、开放共享等规定']),
    ];
    if (missing.length > 0) {
      emit(
        rule.clause,
        `项目拟利用财政资金购置大型科学仪器，尚未${missing.join('并')}。请补充后再提交。`,
        listed ? 'instruments.sharingCommitment' : 'largeInstrumentPurchase',
      );
    }
  },
);

export const itemUnjustified = applicationRule(
  {
    id: 'instruments.item-unjustified',
    severity: 'error',
    clause: '二、7',
    title: '每台（套）大型科学仪器须说明用途及不能租用、共享的理由',
  },
  (view, emit, ctx) => {
    const rule = ctx.call.largeInstruments;
    if (!rule.value || !view.app.instruments) return;
    view.app.instruments.items.forEach((item, i) => {
      if (item.unitPrice < ctx.call.content.value.instrumentThreshold) return;
      const missing = [
        ...(item.purpose?.trim() ? [] : ['用途']),
        ...(item.whyNotShared?.trim() ? [] : ['不能租用或共享的理由']),
      ];
      if (missing.length > 0) {
        emit(
          rule.clause,
          `大型科学仪器“${item.name}”（单价 ${formatWanDecimal(item.unitPrice)}，达到 ${formatWanDecimal(ctx.call.content.value.instrumentThreshold)}的大型科学仪器标准）未填写${missing.join('和')}。请说明购置的必要性。`,
          `instruments.items[${i}]`,
        );
      }
    });
  },
);

export const equipmentBudget = applicationRule(
  {
    id: 'instruments.equipment-budget',
    severity: 'error',
    clause: '二、7',
    title: '大型科学仪器购置金额须列入设备购置费',
  },
  (view, emit, ctx) => {
    const table = view.app.budgetTable;
    const large = largeItems(view, ctx);
    if (!table || large.length === 0) return;
    const cost = large.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
    const purchase = table.whole.expenditures.equipmentPurchase ?? 0;
    if (cost > purchase) {
      emit(
        ctx.call.largeInstruments.clause,
        `拟购置的大型科学仪器共 ${formatWanDecimal(cost)}（单价乘以数量），超过经费预算表项目总经费中的设备购置费 ${formatWanDecimal(purchase)}。请核对仪器清单或设备购置费。`,
        'budgetTable.whole.expenditures.equipmentPurchase',
      );
    }
  },
);

const stated = (flags: { justified: boolean; sharingCommitment: boolean } | undefined) =>
  flags
    ? `${flags.justified ? '已' : '未'}说明必要性、${flags.sharingCommitment ? '已' : '未'}承诺开放共享`
    : '不购置大型科学仪器';

// A bundle the server writes derives `largeInstrumentPurchase` from the list; one written elsewhere may carry
// both, and they must say the same.
export const listDisagrees = applicationRule(
  {
    id: 'instruments.list-disagrees',
    severity: 'error',
    clause: '二、7',
    title: '购置大型科学仪器的申报须与仪器清单一致',
  },
  ({ app }, emit, { call }) => {
    if (!app.instruments) return;
    const derived = largeInstrumentPurchaseFrom(app.instruments, call.content.value.instrumentThreshold);
    const given = app.largeInstrumentPurchase;
    const same =
      derived === undefined
        ? given === undefined
        : given !== undefined &&
          given.justified === derived.justified &&
          given.sharingCommitment === derived.sharingCommitment;
    if (!same) {
      emit(
        call.largeInstruments.clause,
        `购置大型科学仪器一项填为“${stated(given)}”，仪器清单为“${stated(derived)}”。请以仪器清单为准。`,
        'largeInstrumentPurchase',
      );
    }
  },
);

export const INSTRUMENT_RULES = [largeInstruments, itemUnjustified, equipmentBudget, listDisagrees];
