import beltAndRoad from './data/belt_and_road_countries.json' with { type: 'json' };
import cee from './data/cee_countries.json' with { type: 'json' };
import taxHavens from './data/tax_havens.json' with { type: 'json' };

// The reference data of data/ (sources: data/README.md and each file); keyed by ISO 3166-1 alpha-2.

export interface Country {
  iso2: string;
  zh: string;
  en: string;
}

const pick = ({ iso2, zh, en }: Country): Country => ({ iso2, zh, en });

/** 共建“一带一路”国家: the list's `countries`, less any entry whose `status` marks a withdrawal. */
export const BELT_AND_ROAD_COUNTRIES: readonly Country[] = (
  beltAndRoad.countries as (Country & { status?: string })[]
)
  .filter((c) => !c.status?.startsWith('withdrawn'))
  .map(pick);

export const BELT_AND_ROAD_SOURCE = { asOf: beltAndRoad.as_of, sources: beltAndRoad.sources } as const;

/** 中东欧国家 in the China–CEEC mechanism (a priority of 专题二, no verdict). */
export const CEE_COUNTRIES: readonly Country[] = cee.countries.map(pick);

export const HK_MO_TW: readonly Country[] = [
  { iso2: 'HK', zh: '中国香港', en: 'Hong Kong, China' },
  { iso2: 'MO', zh: '中国澳门', en: 'Macao, China' },
  { iso2: 'TW', zh: '中国台湾', en: 'Taiwan, China' },
];

/** Commonly cited offshore havens and the EU Annex I list: a hint for the 境外避税地壳公司 question only. */
export const TAX_HAVEN_JURISDICTIONS: readonly string[] = [
  ...new Set([
    ...taxHavens.eu_non_cooperative_annex_I.jurisdictions.map((j) => j.iso2),
    ...taxHavens.commonly_cited_offshore_havens.jurisdictions.map((j) => j.iso2),
  ]),
];

const OTHER_NAMES: Record<string, string> = {
  CN: '中国',
  GB: '英国',
  DE: '德国',
  FI: '芬兰',
  NL: '荷兰',
  SG: '新加坡',
  NO: '挪威',
  US: '美国',
  JP: '日本',
  FR: '法国',
  IT: '意大利',
  PA: '巴拿马',
  IN: '印度',
  CA: '加拿大',
  AU: '澳大利亚',
  SE: '瑞典',
  DK: '丹麦',
  CH: '瑞士',
  BE: '比利时',
  ES: '西班牙',
  IE: '爱尔兰',
  IL: '以色列',
  BR: '巴西',
  MX: '墨西哥',
};

const NAMES = new Map<string, string>([
  ...Object.entries(OTHER_NAMES),
  ...[...BELT_AND_ROAD_COUNTRIES, ...CEE_COUNTRIES, ...HK_MO_TW].map((c) => [c.iso2, c.zh] as const),
]);

/** The Chinese name of a country or region, or its code when unknown. */
export function countryName(iso2: string): string {
  return NAMES.get(iso2) ?? iso2;
}
