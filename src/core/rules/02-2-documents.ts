import type { BundleDocument, DocumentKind } from '../bundle/schema.js';
import type { CallParameters, StreamTerms } from '../calls/parameters.js';
import { documentRequirements, type RequirementKey } from '../documents/requirements.js';
import { COMPLETENESS_LABELS, DOCUMENT_KIND_LABELS, listZh } from '../labels.js';
import { formatChineseDate } from '../time.js';
import type { ApplicationView, CheckContext } from './context.js';
import { applicationRule } from './rule.js';

// Reading: docs/reading/02-2-documents.md
// 二、2．申报材料要求。What is required is decided in documents/requirements.ts, which the web app's checklist
// is served from; these rules judge what was uploaded against it.

function required(call: CallParameters, terms: StreamTerms | undefined, key: RequirementKey) {
  return documentRequirements(call, terms).find((r) => r.key === key && r.required);
}

function missingFlags(call: CallParameters, doc: BundleDocument): string[] {
  return call.documents.completeness.value
    .filter((flag) => !doc.complete[flag])
    .map((f) => COMPLETENESS_LABELS[f]);
}

function between(doc: BundleDocument, a: string, b: string): boolean {
  return doc.parties.includes(a) && doc.parties.includes(b);
}

interface AgreementNeed {
  /** Who the applicant must have signed with: the partner's name or a domestic partner's id. */
  party: string;
  partyName: string;
  formal: DocumentKind;
  intent: DocumentKind;
  /** e.g. 合作协议或合作意向书. */
  kinds: string;
  clause: string;
  field: string;
}

type AgreementVerdict =
  | { status: 'formal' }
  | { status: 'intent-only' }
  | { status: 'missing' }
  | { status: 'incomplete'; missing: string[] };

function judgeAgreement(
  call: CallParameters,
  docs: readonly BundleDocument[],
  applicantId: string,
  need: AgreementNeed,
): AgreementVerdict {
  const signed = docs.filter(
    (d) => (d.kind === need.formal || d.kind === need.intent) && between(d, applicantId, need.party),
  );
  const complete = signed.filter((d) => missingFlags(call, d).length === 0);
  if (complete.some((d) => d.kind === need.formal)) return { status: 'formal' };
  if (complete.length > 0) return { status: 'intent-only' };
  if (signed.length === 0) return { status: 'missing' };
  return {
    status: 'incomplete',
    missing: signed.map((d) => missingFlags(call, d)).reduce((a, b) => (b.length < a.length ? b : a)),
  };
}

function agreementNeeds(
  { app, terms }: Pick<ApplicationView, 'app' | 'terms'>,
  { call, organizations }: Pick<CheckContext, 'call' | 'organizations'>,
): AgreementNeed[] {
  const needs: AgreementNeed[] = [];
  const withPartner = required(call, terms, 'partner');
  if (withPartner && app.partner) {
    needs.push({
      party: app.partner.name,
      partyName: `主要境外合作机构“${app.partner.name}”`,
      formal: withPartner.kinds[0]!,
      intent: withPartner.kinds[1]!,
      kinds: withPartner.label,
      clause: withPartner.clause,
      field: 'documents',
    });
  }
  const withDomestic = required(call, terms, 'domestic');
  if (withDomestic) {
    app.domesticPartners.forEach((id, i) =>
      needs.push({
        party: id,
        partyName: `境内合作单位“${organizations.get(id)!.name}”`,
        formal: withDomestic.kinds[0]!,
        intent: withDomestic.kinds[1]!,
        kinds: withDomestic.label,
        clause: withDomestic.clause,
        field: `domesticPartners[${i}]`,
      }),
    );
  }
  return needs;
}

// “境内外合作双方机构须就合作项目已签署合作协议或合作意向书等文件，如有境内合作单位，申报单位也须与境内合作单位
// 签署合作协议或合作意向书。合作协议等文件应内容规范，签字、盖章、签署日期及签约各方代表的姓名、职务等信息齐全有效，
// 各方职责分工及知识产权条款具体明确。”
export const agreementMissing = applicationRule(
  {
    id: 'documents.agreement-missing',
    severity: 'error',
    clause: '二、2',
    title: '须与境内外合作方签署内容齐全的合作协议或合作意向书',
  },
  (view, emit, context) => {
    for (const need of agreementNeeds(view, context)) {
      const verdict = judgeAgreement(context.call, view.app.documents, view.applicant.id, need);
      if (verdict.status === 'missing') {
        emit(
          need.clause,
          `缺少申报单位与${need.partyName}签署的${need.kinds}。请上传双方签署的文件，并在签约方中列明双方。`,
          need.field,
        );
      } else if (verdict.status === 'incomplete') {
        emit(
          need.clause,
          `申报单位与${need.partyName}签署的${need.kinds}信息不全，缺少：${listZh(verdict.missing)}。请上传签字、盖章、日期、代表姓名职务、职责分工及知识产权条款齐全的文件。`,
          need.field,
        );
      }
    }
  },
);

// “申报时仅有合作意向书的项目，获得立项后须在签订项目合同时提供正式的合作协议文本。”
export const letterOfIntentOnly = applicationRule(
  {
    id: 'documents.letter-of-intent-only',
    severity: 'warning',
    clause: '二、2',
    title: '仅有合作意向书的，立项后须在签订合同时提供正式合作协议',
  },
  (view, emit, context) => {
    for (const need of agreementNeeds(view, context)) {
      if (
        judgeAgreement(context.call, view.app.documents, view.applicant.id, need).status === 'intent-only'
      ) {
        emit(
          need.clause,
          `与${need.partyName}目前仅有合作意向书。可以申报，但获得立项后须在签订项目合同时提供正式的合作协议文本。`,
          need.field,
        );
      }
    }
  },
);

// “外文合作文件须同时提供中文翻译件。”
export const translationMissing = applicationRule(
  {
    id: 'documents.translation-missing',
    severity: 'error',
    clause: '二、2',
    title: '外文文件须同时提供中文翻译件',
  },
  ({ app }, emit, { call }) => {
    const rule = call.documents.translationRequired;
    if (!rule.value) return;
    app.documents.forEach((doc, i) => {
      if (doc.language === 'foreign' && !doc.chineseTranslation) {
        emit(
          rule.clause,
          `外文文件“${DOCUMENT_KIND_LABELS[doc.kind]}”（第 ${i + 1} 份文件）未提供中文翻译件。请同时上传中文翻译件。`,
          `documents[${i}]`,
        );
      }
    });
  },
);

// “‘一带一路’创新合作项目申报时，还应提供中外合作单位间签署的关于共建联合实验室/联合研究中心的合作文件，
// 签署日期须早于本通知发布日期，须在有效期内，签署双方须为独立法人单位。”
function jointLabProblems(
  call: CallParameters,
  doc: BundleDocument,
  signedOnOrBefore: string | null,
  asOfDate: string,
): string[] {
  const problems: string[] = [];
  const missing = missingFlags(call, doc);
  if (missing.length > 0) problems.push(`信息不全，缺少：${listZh(missing)}`);
  if (doc.signedOn === undefined) problems.push('未注明签署日期');
  else if (signedOnOrBefore !== null && doc.signedOn > signedOnOrBefore)
    problems.push(
      `签署日期${formatChineseDate(doc.signedOn)}不早于本通知发布日期（须在${formatChineseDate(signedOnOrBefore)}或之前签署）`,
    );
  if (doc.validUntil !== undefined && doc.validUntil < asOfDate)
    problems.push(`有效期已于${formatChineseDate(doc.validUntil)}届满`);
  return problems;
}

export const jointLabAgreement = applicationRule(
  {
    id: 'documents.joint-lab',
    severity: 'error',
    clause: '二、2',
    title: '专题二须提供通知发布前签署、在有效期内、内容齐全的共建联合实验室合作文件',
  },
  ({ app, applicant, terms }, emit, { call, asOfDate }) => {
    const jointLab = required(call, terms, 'joint-lab');
    if (!jointLab || !app.partner) return;
    const partner = app.partner.name;
    const docs = app.documents.filter(
      (d) => jointLab.kinds.includes(d.kind) && between(d, applicant.id, partner),
    );
    const label = jointLab.label;
    if (docs.length === 0) {
      emit(
        jointLab.clause,
        `缺少申报单位与“${partner}”签署的${label}。请上传在通知发布前签署、仍在有效期内的合作文件。`,
        'documents',
      );
      return;
    }
    const verdicts = docs.map((d) => jointLabProblems(call, d, jointLab.signedOnOrBefore, asOfDate));
    if (verdicts.some((p) => p.length === 0)) return;
    const closest = verdicts.reduce((a, b) => (b.length < a.length ? b : a));
    emit(
      jointLab.clause,
      `申报单位与“${partner}”签署的${label}不符合要求：${closest.join('；')}。请上传符合要求的合作文件。`,
      'documents',
    );
  },
);

// “签署双方须为独立法人单位。”
export const jointLabPartnerIndependent = applicationRule(
  {
    id: 'partner.not-independent',
    severity: 'error',
    clause: '二、2',
    title: '共建联合实验室的境外合作单位须为独立法人',
  },
  ({ app, terms }, emit) => {
    const jointLab = terms?.documents.jointLab;
    if (jointLab && app.partner && !app.partner.independentLegalEntity) {
      emit(
        jointLab.clause,
        `共建联合实验室/联合研究中心的签署双方须为独立法人单位，境外合作单位“${app.partner.name}”不是独立法人。请由具有独立法人资格的境外机构签署。`,
        'partner.independentLegalEntity',
      );
    }
  },
);

// “科技创新合作平台建设项目须提供平台设立的证明文件。”
export const platformProofMissing = applicationRule(
  {
    id: 'documents.platform-proof-missing',
    severity: 'error',
    clause: '二、2',
    title: '平台建设项目须提供平台设立证明文件',
  },
  ({ app, terms }, emit, { call }) => {
    const proof = required(call, terms, 'platform');
    if (terms && proof && !app.documents.some((d) => proof.kinds.includes(d.kind))) {
      emit(proof.clause, `${terms.label}须提供平台设立的证明文件。请上传${proof.label}。`, 'documents');
    }
  },
);

export const DOCUMENT_RULES = [
  agreementMissing,
  letterOfIntentOnly,
  translationMissing,
  jointLabAgreement,
  jointLabPartnerIndependent,
  platformProofMissing,
];
