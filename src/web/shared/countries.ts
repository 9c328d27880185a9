import { countryName, HK_MO_TW } from '../../core/reference/countries.js';
import type { CallDto } from '../../contract/calls.js';

// The choices of 国别（地区） for a stream: its allowed list when it has one (专题二: the Belt and Road list, 专题五:
// Hong Kong, Macao, Taiwan), otherwise every country outside China with the key countries first.

// ISO 3166-1 alpha-2, the officially assigned codes.
const ISO_3166_1 = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY ' +
  'BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK ' +
  'FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR ' +
  'IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ' +
  'ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF ' +
  'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const HOME_AND_REGIONS = new Set(['CN', ...HK_MO_TW.map((c) => c.iso2)]);

const displayNames = (() => {
  try {
    return new Intl.DisplayNames(['zh-CN'], { type: 'region', fallback: 'none' });
  } catch {
    return undefined;
  }
})();

/** The Chinese name: the reference data's own where it has one, else the browser's. */
export function regionName(iso2: string): string {
  const known = countryName(iso2);
  return known !== iso2 ? known : (displayNames?.of(iso2) ?? iso2);
}

export interface CountryOption {
  value: string;
  label: string;
}

export interface CountryGroup {
  label: string;
  options: CountryOption[];
}

const option = (iso2: string): CountryOption => ({ value: iso2, label: `${regionName(iso2)}（${iso2}）` });
const byName = (a: CountryOption, b: CountryOption) => a.label.localeCompare(b.label, 'zh-CN');

type Countries = NonNullable<CallDto['topics'][number]['streams'][number]['countries']>;

export function countryChoices(countries: Countries | null): CountryGroup[] {
  if (countries?.allowed) {
    const options = countries.allowed.map(option);
    // A long list is easier to search in alphabetical (pinyin) order; 香港、澳门、台湾 keep theirs.
    return [{ label: countries.name, options: options.length > 3 ? options.sort(byName) : options }];
  }
  const key = countries?.key ?? [];
  const others = ISO_3166_1.filter((c) => !HOME_AND_REGIONS.has(c) && !key.includes(c));
  return [
    ...(key.length > 0 ? [{ label: '重点国别', options: key.map(option) }] : []),
    { label: key.length > 0 ? '其他国家' : '国家', options: others.map(option).sort(byName) },
  ];
}

/** 国籍（地区）: any, China and its regions included (a partner's staff may hold any nationality). */
export function nationalityChoices(): CountryOption[] {
  return ISO_3166_1.map(option).sort(byName);
}
