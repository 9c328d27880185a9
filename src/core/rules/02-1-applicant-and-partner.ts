import { validateCreditCode } from '../credit-code.js';
import { countryName } from '../reference/countries.js';
import { formatChineseDate } from '../time.js';
import { applicationRule, type Emit } from './rule.js';
import type { ApplicationView } from './context.js';
import type { CallParameters } from '../calls/parameters.js';

// Reading: docs/reading/02-1-applicant-and-partner.md
// 二、1．申报单位与境外合作机构要求。
// “项目申报单位须为 2024 年 12 月 31 日前在江苏省注册的独立法人机构，项目负责人须为项目申报单位在职人员。”
// READING.md: each failure is an error on every application of that applicant.

export const applicantInJiangsu = applicationRule(
  { id: 'applicant.not-in-jiangsu', severity: 'error', clause: '二、1', title: '申报单位须在江苏省注册' },
  ({ applicant }, emit, { call }) => {
    const rule = call.applicant.inJiangsu;
    if (rule.value && !applicant.inJiangsu) {
      emit(
        rule.clause,
        `申报单位“${applicant.name}”不是在江苏省注册的单位，不能申报。请由在江苏省注册的单位牵头。`,
        'applicant',
      );
    }
  },
);

export const applicantRegisteredInTime = applicationRule(
  {
    id: 'applicant.registered-too-late',
    severity: 'error',
    clause: '二、1',
    title: '申报单位须在规定日期前注册',
  },
  ({ applicant }, emit, { call }) => {
    const rule = call.applicant.registeredOnOrBefore;
    if (applicant.registeredOn > rule.value) {
      emit(
        rule.clause,
        `申报单位“${applicant.name}”注册于${formatChineseDate(applicant.registeredOn)}，须为${formatChineseDate(rule.value)}前（含当日）在江苏省注册的单位。请由符合注册时间要求的单位牵头。`,
        'applicant',
      );
    }
  },
);

export const applicantIndependent = applicationRule(
  { id: 'applicant.not-independent', severity: 'error', clause: '二、1', title: '申报单位须为独立法人机构' },
  ({ applicant }, emit, { call }) => {
    const rule = call.applicant.independentLegalEntity;
    if (rule.value && !applicant.independentLegalEntity) {
      emit(
        rule.clause,
        `申报单位“${applicant.name}”不是独立法人机构，不能申报。请由具有独立法人资格的上级单位牵头。`,
        'applicant',
      );
    }
  },
);

export const applicantCreditCode = applicationRule(
  {
    id: 'applicant.credit-code',
    severity: 'error',
    clause: '二、1',
    title: '申报单位统一社会信用代码须有效',
  },
  ({ applicant }, emit, { call }) => {
    const verdict = validateCreditCode(applicant.creditCode);
    if (!verdict.ok) {
      emit(
        call.applicant.independentLegalEntity.clause,
        `申报单位“${applicant.name}”的统一社会信用代码“${applicant.creditCode}”无效：${verdict.reason}。请按营业执照或法人登记证书核对。`,
        'applicant',
      );
    }
  },
);

export const piEmployed = applicationRule(
  { id: 'pi.not-employed', severity: 'error', clause: '二、1', title: '项目负责人须为申报单位在职人员' },
  ({ applicant, pi }, emit, { call, organizations }) => {
    const rule = call.applicant.piEmployedByApplicant;
    if (rule.value && pi.employer !== applicant.id) {
      emit(
        rule.clause,
        `项目负责人${pi.name}在“${organizations.get(pi.employer)!.name}”任职，不是申报单位“${applicant.name}”的在职人员。请更换为本单位在职人员担任项目负责人。`,
        'pi',
      );
    }
  },
);

// “主要境外合作机构” — in every topic the partner is abroad (境外), never in the home country.
export const partnerAbroad = applicationRule(
  { id: 'partner.home-country', severity: 'error', clause: '二、1', title: '主要境外合作机构须在境外' },
  ({ app }, emit, { call }) => {
    const home = call.homeCountry;
    if (app.partner?.country === home.value) {
      emit(
        home.clause,
        `主要境外合作机构“${app.partner.name}”的国别为${countryName(home.value)}（${home.value}），不是境外机构。请填写境外合作机构；港澳台地区请填写 HK、MO 或 TW。`,
        'partner.country',
      );
    }
  },
);

// “主要境外合作机构不得是项目申报单位在境外设立的企业或研发机构，不得是外资在境内设立的企业或研发机构，
// 不得是在境外避税地设立的壳公司，项目不得是企业集团境内外分支机构之间的合作。
// 项目境外方负责人须依托本人所在境外机构与境内申报单位开展合作。”
function partnerBar(
  id: string,
  title: string,
  barred: (partner: NonNullable<ApplicationView['app']['partner']>) => boolean,
  message: (partnerName: string, applicantName: string) => string,
) {
  return applicationRule({ id, severity: 'error', clause: '二、1', title }, (view, emit: Emit, { call }) => {
    const partner = view.app.partner;
    if (partner && appliesTo(call, view) && barred(partner)) {
      emit(call.partnerBars.clause, message(partner.name, view.applicant.name), 'partner');
    }
  });
}

function appliesTo(call: CallParameters, { app }: ApplicationView): boolean {
  return call.partnerBars.value.includes(app.topic);
}

export const partnerOwnedByApplicant = partnerBar(
  'partner.owned-by-applicant',
  '境外合作机构不得是申报单位在境外设立的机构',
  (p) => p.ownedByApplicant,
  (p, a) =>
    `主要境外合作机构“${p}”是申报单位“${a}”在境外设立的企业或研发机构，不能作为合作方。请更换为独立的境外合作机构。`,
);

export const partnerForeignInvested = partnerBar(
  'partner.foreign-invested',
  '境外合作机构不得是外资在境内设立的机构',
  (p) => p.foreignInvestedInChina,
  (p) =>
    `主要境外合作机构“${p}”是外资在境内设立的企业或研发机构，不能作为境外合作方。请填写其境外母体机构或其他境外机构。`,
);

export const partnerTaxHavenShell = partnerBar(
  'partner.tax-haven-shell',
  '境外合作机构不得是境外避税地壳公司',
  (p) => p.taxHavenShell,
  (p) => `主要境外合作机构“${p}”是在境外避税地设立的壳公司，不能作为合作方。请更换为实际开展研发的境外机构。`,
);

export const partnerSameGroup = partnerBar(
  'partner.same-group',
  '项目不得是企业集团境内外分支机构之间的合作',
  (p) => p.sameGroup,
  (p, a) =>
    `主要境外合作机构“${p}”与申报单位“${a}”属同一企业集团，集团境内外分支机构之间的合作不予支持。请更换为集团外的境外合作机构。`,
);

export const partnerPiAffiliated = partnerBar(
  'partner.pi-not-affiliated',
  '境外方负责人须依托本人所在境外机构',
  (p) => !p.piAffiliated,
  (p) =>
    `项目境外方负责人不在主要境外合作机构“${p}”任职。境外方负责人须依托本人所在境外机构开展合作，请更换境外方负责人或合作机构。`,
);

export const APPLICANT_AND_PARTNER_RULES = [
  applicantInJiangsu,
  applicantRegisteredInTime,
  applicantIndependent,
  applicantCreditCode,
  piEmployed,
  partnerAbroad,
  partnerOwnedByApplicant,
  partnerForeignInvested,
  partnerTaxHavenShell,
  partnerSameGroup,
  partnerPiAffiliated,
];
