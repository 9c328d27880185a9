import { countryName } from '../reference/countries.js';
import { formatWan } from '../money.js';
import { DIRECTION_LABELS, ORGANIZATION_KIND_LABELS, TOPIC_LABELS, listZh } from '../labels.js';
import { applicationRule } from './rule.js';
import { openTopics, streamOf, streamsOf } from '../calls/parameters.js';

// Reading: docs/reading/01-topics.md
// 一、支持重点及申报条件 — what each topic (and each direction of 专题一) admits.

// 专题三：“申报通知由省科技厅经与相应国别计划主管部门商定项目征集工作安排后另行发布。” A topic (or a direction of
// 专题一) the call does not open is refused with the call's own words and the topics it does open.
export const topicNotOpen = applicationRule(
  { id: 'topic.not-open', severity: 'error', clause: '一、专题三', title: '本通知未开放该专题的申报' },
  ({ app, topic }, emit, { call }) => {
    const stream = streamOf(call, app.topic, app.direction);
    const streams = stream ? [stream] : streamsOf(topic);
    if (streams.every((s) => !s.open.value)) {
      const { open } = streams[0]!;
      const label = stream?.label ?? `${TOPIC_LABELS[app.topic]}“${topic.name}”`;
      emit(
        open.clause,
        `${label}不在${call.notice.number.value}受理范围内：${open.quote}请改选本通知已开放的专题（${listZh(openTopics(call).map((t) => TOPIC_LABELS[t]))}）。`,
        'topic',
      );
    }
  },
);

// 专题一：方向 1．国际大科学计划推进项目；方向 2．科技创新合作平台建设项目。
export const directionMissing = applicationRule(
  { id: 'topic.direction-missing', severity: 'error', clause: '一、专题一', title: '专题一须选择方向' },
  ({ app, topic }, emit) => {
    const open = streamsOf(topic).some((s) => s.open.value);
    if ('byDirection' in topic.terms && app.direction === undefined && open) {
      emit(
        topic.clause,
        `${TOPIC_LABELS[app.topic]}“${topic.name}”须选择申报方向：${listZh(Object.values(DIRECTION_LABELS))}。请在基本信息中选择方向。`,
        'direction',
      );
    }
  },
);

// 专题一方向 1、方向 2（我省在境外建设）：“定向组织申报，经专家论证予以支持。”
export const directedOnly = applicationRule(
  {
    id: 'topic.directed-only',
    severity: 'error',
    clause: '一、专题一',
    title: '定向组织的方向不接受自由申报',
  },
  ({ app, terms }, emit) => {
    if (terms?.directedOnly.value && !app.directed) {
      emit(
        terms.directedOnly.clause,
        `${terms.label}为定向组织申报，不接受自由申报。请改选其他专题或方向；如属省科技厅定向组织的项目，请标注为定向组织。`,
        'directed',
      );
    }
  },
);

// 专题一方向 2：“申报主体为省内企事业单位。” 专题二、四、五：“申报主体：省内高校、科研机构和企业。”
export const applicantKind = applicationRule(
  {
    id: 'applicant.kind',
    severity: 'error',
    clause: '一、专题一至专题五',
    title: '牵头单位须为本专题的申报主体',
  },
  ({ applicant, terms }, emit) => {
    const kinds = terms?.applicantKinds;
    if (kinds && !kinds.value.includes(applicant.kind)) {
      emit(
        kinds.clause,
        `${terms.label}的申报主体为${listZh(kinds.value.map((k) => ORGANIZATION_KIND_LABELS[k]))}，牵头单位“${applicant.name}”为${ORGANIZATION_KIND_LABELS[applicant.kind]}，不能牵头申报。请由符合条件的单位牵头。`,
        'applicant',
      );
    }
  },
);

// 专题二、四、五：“牵头申报单位为高校、科研机构的，必须联合至少 1 家江苏企业参与。”
export const academicLeadNeedsEnterprise = applicationRule(
  {
    id: 'partners.jiangsu-enterprise',
    severity: 'error',
    clause: '一、专题二、四、五',
    title: '高校、科研机构牵头须联合至少 1 家江苏企业',
  },
  ({ app, applicant, terms }, emit, { organizations }) => {
    const rule = terms?.academicLeadNeedsJiangsuEnterprise;
    if (!rule?.value || (applicant.kind !== 'university' && applicant.kind !== 'institute')) return;
    const hasEnterprise = app.domesticPartners.some((id) => {
      const org = organizations.get(id)!;
      return org.kind === 'enterprise' && org.inJiangsu;
    });
    if (!hasEnterprise) {
      emit(
        rule.clause,
        `牵头单位“${applicant.name}”为${ORGANIZATION_KIND_LABELS[applicant.kind]}，须联合至少 1 家江苏企业参与；目前 ${app.domesticPartners.length} 家境内合作单位中没有江苏企业。请添加江苏企业作为境内合作单位。`,
        'domesticPartners',
      );
    }
  },
);

// 经费额度：省资助经费、江苏方总预算、项目总预算 must stand in that order, all positive.
export const budgetConsistency = applicationRule(
  {
    id: 'budget.consistency',
    severity: 'error',
    clause: '一、专题一至专题五',
    title: '申请省资助经费 ≤ 江苏方总预算 ≤ 项目总预算，且均为正数',
  },
  ({ app, topic }, emit) => {
    const { total, jiangsuTotal, provincialFunding } = app.budget;
    const figures = `项目总预算 ${formatWan(total)}、江苏方总预算 ${formatWan(jiangsuTotal)}、申请省资助经费 ${formatWan(provincialFunding)}`;
    if (total <= 0 || jiangsuTotal <= 0 || provincialFunding <= 0) {
      emit(topic.clause, `预算金额须为正数（${figures}）。请填写完整预算。`, 'budget');
    } else if (provincialFunding > jiangsuTotal || jiangsuTotal > total) {
      emit(
        topic.clause,
        `预算须满足 申请省资助经费 ≤ 江苏方总预算 ≤ 项目总预算（${figures}）。请核对预算。`,
        'budget',
      );
    }
  },
);

// “省资助经费每项原则上不超过 N 万元” — READING.md enforces “原则上” caps as errors.
export const budgetCap = applicationRule(
  {
    id: 'budget.cap',
    severity: 'error',
    clause: '一、专题一至专题五',
    title: '申请省资助经费不超过本专题上限',
  },
  ({ app, terms }, emit) => {
    if (!terms) return;
    const { cap } = terms.funding.value;
    if (app.budget.provincialFunding > cap) {
      emit(
        terms.funding.clause,
        `申请省资助经费 ${formatWan(app.budget.provincialFunding)}，超过${terms.label}上限 ${formatWan(cap)}。请将申请省资助经费调减至 ${formatWan(cap)}以内。`,
        'budget.provincialFunding',
      );
    }
  },
);

// “且不超过项目（江苏方）总预算的 50%” — 50 % exactly is allowed.
export const budgetShare = applicationRule(
  {
    id: 'budget.share',
    severity: 'error',
    clause: '一、专题一至专题五',
    title: '申请省资助经费不超过（江苏方）总预算的规定比例',
  },
  ({ app, terms }, emit) => {
    const share = terms?.funding.value.share;
    if (!terms || !share) return;
    const base = app.budget[share.base];
    const baseName = share.base === 'total' ? '项目总预算' : '项目江苏方总预算';
    if (app.budget.provincialFunding * 100 > base * share.percent) {
      const max = Math.floor((base * share.percent) / 100);
      emit(
        terms.funding.clause,
        `申请省资助经费 ${formatWan(app.budget.provincialFunding)}，超过${baseName} ${formatWan(base)}的 ${share.percent}%（即 ${formatWan(max)}）。请调减申请省资助经费或核实${baseName}。`,
        'budget.provincialFunding',
      );
    }
  },
);

// 专题二至五 name a 主要境外合作机构 (合作国别).
export const partnerRequired = applicationRule(
  {
    id: 'partner.required',
    severity: 'error',
    clause: '一、专题二至专题五',
    title: '须填写主要境外合作机构',
  },
  ({ app, terms }, emit) => {
    if (terms?.partner?.required.value && app.partner === undefined) {
      emit(
        terms.partner.required.clause,
        `${terms.label}须填写主要境外合作机构及其国别（地区）。请补充境外合作机构信息。`,
        'partner',
      );
    }
  },
);

// 专题二 合作国别：共建“一带一路”国家；专题四 英国、德国、芬兰、荷兰等创新型国家（港澳台属专题五）；
// 专题五 港澳台地区。
export const partnerCountry = applicationRule(
  {
    id: 'partner.country',
    severity: 'error',
    clause: '一、专题二、四、五',
    title: '合作国别（地区）须符合本专题要求',
  },
  ({ app, terms }, emit, { call }) => {
    const countries = terms?.partner?.countries;
    const country = app.partner?.country;
    if (!countries || country === undefined || country === call.homeCountry.value) return;
    const { allowed, allowedName, excluded } = countries.value;
    const name = `${countryName(country)}（${country}）`;
    if (excluded.includes(country)) {
      emit(
        countries.clause,
        `${terms.label}的合作国别不包括${name}。${name}的合作请申报相应专题，或更换合作机构。`,
        'partner.country',
      );
    } else if (allowed !== null && !allowed.includes(country)) {
      emit(
        countries.clause,
        `${terms.label}的合作国别（地区）须为${allowedName}，${name}不在其列。请更换合作机构或改选其他专题。`,
        'partner.country',
      );
    }
  },
);

// 专题四：“牵头申报单位为企业的，合作国别不包括新加坡、挪威。”
export const partnerCountryForEnterprise = applicationRule(
  {
    id: 'partner.country-enterprise',
    severity: 'error',
    clause: '一、专题四',
    title: '企业牵头时合作国别不得为本专题对企业排除的国别',
  },
  ({ app, applicant, terms }, emit) => {
    const countries = terms?.partner?.countries;
    const country = app.partner?.country;
    if (!countries || country === undefined || applicant.kind !== 'enterprise') return;
    if (countries.value.excludedForEnterprise.includes(country)) {
      emit(
        countries.clause,
        `牵头申报单位为企业的，${terms.label}的合作国别不包括${listZh(countries.value.excludedForEnterprise.map(countryName))}；本项目合作国别为${countryName(country)}。请更换为其他国别（地区）的合作机构。`,
        'partner.country',
      );
    }
  },
);

// 专题四：“面向英国、德国、芬兰、荷兰等创新型国家” — the list ends with 等, so another country is a
// warning for reviewers, not an error.
export const partnerCountryNotKey = applicationRule(
  {
    id: 'partner.country-not-key',
    severity: 'warning',
    clause: '一、专题四',
    title: '合作国别不在通知列举的重点国别中',
  },
  ({ app, applicant, terms }, emit, { call }) => {
    const countries = terms?.partner?.countries;
    const country = app.partner?.country;
    if (!countries?.value.key || country === undefined || country === call.homeCountry.value) return;
    const { key, allowedName, excluded, excludedForEnterprise } = countries.value;
    const barred =
      excluded.includes(country) ||
      (applicant.kind === 'enterprise' && excludedForEnterprise.includes(country));
    if (!barred && !key.includes(country)) {
      emit(
        countries.clause,
        `合作国别${countryName(country)}不在通知列举的重点国别（${listZh(key.map(countryName))}）中，须由评审确认其属于${allowedName}。请在申报书中说明合作国的产业技术创新能力。`,
        'partner.country',
      );
    }
  },
);

// 专题三：“共同支持江苏企业与国外企业开展联合研发、技术转化。” — the partner must be of the kinds the call names;
// a partner whose kind is not stated cannot be judged, so the applicant is asked to state it.
export const partnerKind = applicationRule(
  {
    id: 'partner.kind',
    severity: 'error',
    clause: '一、专题三',
    title: '主要境外合作机构须为本专题要求的类型',
  },
  ({ app, terms }, emit) => {
    const kinds = terms?.partner?.kinds;
    const partner = app.partner;
    if (!kinds || !partner) return;
    const wanted = listZh(kinds.value.map((k) => ORGANIZATION_KIND_LABELS[k]));
    if (partner.kind === undefined) {
      emit(
        kinds.clause,
        `${terms.label}的主要境外合作机构须为${wanted}，未填写合作机构“${partner.name}”的类型。请在境外合作机构信息中注明其类型。`,
        'partner.kind',
      );
    } else if (!kinds.value.includes(partner.kind)) {
      emit(
        kinds.clause,
        `${terms.label}的主要境外合作机构须为${wanted}，合作机构“${partner.name}”为${ORGANIZATION_KIND_LABELS[partner.kind]}。请更换为${wanted}作为主要境外合作机构，或改选其他专题。`,
        'partner.kind',
      );
    }
  },
);

// “重点支持的技术领域：……等。” — a priority: another field is a warning, never an error.
export const fieldNotKey = applicationRule(
  {
    id: 'field.not-key',
    severity: 'warning',
    clause: '一、专题二至专题五',
    title: '技术领域不在本专题重点支持领域中',
  },
  ({ app, terms }, emit) => {
    const fields = terms?.keyFields;
    if (fields && !fields.value.includes(app.field)) {
      emit(
        fields.clause,
        `技术领域“${app.field}”不在${terms.label}重点支持的技术领域（${listZh(fields.value)}）中。可以申报，但请在申报书中说明与重点领域的关联。`,
        'field',
      );
    }
  },
);

export const TOPIC_RULES = [
  topicNotOpen,
  directionMissing,
  directedOnly,
  applicantKind,
  academicLeadNeedsEnterprise,
  budgetConsistency,
  budgetCap,
  budgetShare,
  partnerRequired,
  partnerCountry,
  partnerCountryForEnterprise,
  partnerCountryNotKey,
  partnerKind,
  fieldNotKey,
];
