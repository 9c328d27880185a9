import { describe, it } from 'vitest';
import type { Instrument } from '../application/content.js';
import { bundle } from '../../../test/support/factories/bundle.js';
import { expectOutcome, single, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 二、7：购置大型科学仪器须说明必要性并承诺遵守查重评议、开放共享等规定。大型：单价达到中心配置的 50 万元。

const purchase = (justified: boolean, sharingCommitment: boolean) =>
  single({ largeInstrumentPurchase: { justified, sharingCommitment } });

const WAN = 10_000;
const item = (name: string, unitWan: number, overrides: Partial<Instrument> = {}): Instrument => ({
  name,
  unitPrice: unitWan * WAN,
  quantity: 1,
  purpose: '用于联合试验的原位表征。',
  whyNotShared: '省内共享平台无同类设备，机时无法满足连续试验。',
  ...overrides,
});
/** An application with the instrument list, its `largeInstrumentPurchase` derived as the server derives it. */
const listed = (items: Instrument[], sharingCommitment = true) => {
  const large = items.filter((i) => i.unitPrice >= 50 * WAN);
  const justified = large.every((i) => !!i.purpose?.trim() && !!i.whyNotShared?.trim());
  return single({
    instruments: { items, sharingCommitment },
    ...(large.length > 0 ? { largeInstrumentPurchase: { justified, sharingCommitment } } : {}),
  });
};
// The factory's budget (300 万元, 江苏方 200 万元, 省拨款 80 万元) as a table, 设备购置费 90 万元.
const column = (selfRaised: number, equipmentPurchase: number, business: number, labour: number) => ({
  sources: { provincial: 80 * WAN, selfRaised: selfRaised * WAN, other: 0 },
  expenditures: {
    equipmentPurchase: equipmentPurchase * WAN,
    business: business * WAN,
    labour: labour * WAN,
  },
});
const budgetTable = {
  whole: column(220, 90, 150, 60),
  jiangsu: column(120, 60, 100, 40),
  justifications: { equipment: '透射电镜。', business: '材料费。', labour: '劳务费。' },
};
const withEquipment = (items: Instrument[]) =>
  single({
    instruments: { items, sharingCommitment: true },
    largeInstrumentPurchase: { justified: true, sharingCommitment: true },
    budgetTable,
  });

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
  {
    name: '清单中只有单价低于 50 万元的仪器：无须承诺',
    bundle: listed([item('离心机', 49.99, { purpose: undefined, whyNotShared: undefined })], false),
    eligible: true,
  },
  {
    name: '清单中的大型仪器说明齐全并承诺开放共享：可以申报',
    bundle: listed([item('透射电镜', 50)]),
    eligible: true,
  },
  {
    name: '单价恰为 50 万元的仪器未写不能共享的理由：点名该仪器，不再重复报必要性',
    bundle: listed([item('离心机', 10), item('透射电镜', 50, { whyNotShared: ' ' })]),
    eligible: false,
    errors: ['instruments.item-unjustified'],
    mentions: { 'instruments.item-unjustified': ['透射电镜', '50.00 万元', '不能租用或共享的理由'] },
    cites: { 'instruments.item-unjustified': '二、7' },
  },
  {
    name: '清单中有大型仪器而未承诺开放共享：只报承诺',
    bundle: listed([item('透射电镜', 120)], false),
    eligible: false,
    errors: ['instruments.commitment-missing'],
    mentions: { 'instruments.commitment-missing': ['开放共享'] },
  },
  {
    name: '申报包称不购置大型仪器，清单中却有：不一致',
    bundle: single({ instruments: { items: [item('透射电镜', 120)], sharingCommitment: true } }),
    eligible: false,
    errors: ['instruments.list-disagrees'],
    mentions: { 'instruments.list-disagrees': ['不购置大型科学仪器', '已说明必要性'] },
    cites: { 'instruments.list-disagrees': '二、7' },
  },
  {
    name: '两台 120 万元的仪器共 240 万元，超过设备购置费 90 万元',
    bundle: withEquipment([item('透射电镜', 120, { quantity: 2 })]),
    eligible: false,
    errors: ['instruments.equipment-budget'],
    mentions: { 'instruments.equipment-budget': ['240.00 万元', '90.00 万元'] },
    cites: { 'instruments.equipment-budget': '二、7' },
  },
  {
    name: '一台 80 万元的仪器计入设备购置费 90 万元：可以申报',
    bundle: withEquipment([item('透射电镜', 80)]),
    eligible: true,
  },
];

describe('二、7．大型科学仪器购置', () => {
  it.each(cases)('$name', (c) => expectOutcome(c));
});
