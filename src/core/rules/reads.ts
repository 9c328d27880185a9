import { parameterLabel } from '../calls/diff.js';
import { callStreams, type CallParameters } from '../calls/parameters.js';
import { RULES } from './catalogue.js';
import type { RuleInfo } from './rule.js';

// What each rule reads of a call (issue 15 §3): the editor names the rules a call exercises, and a province sees
// which parameters feed which rule. A path names a parameter of the call document without the `value` of its
// citation (`limits.perPi`); `stream.` names a parameter of every topic or direction (`stream.funding.cap`).
// The first path decides whether the rule is used (docs/calls.md): a rule is used when its first parameter is set
// (present, true, or a non-empty list) in the call, for a `stream.` one in some open stream.

export interface RuleReads {
  readonly reads: readonly string[];
  /** The rule judges every call whatever the values (e.g. `null` indirect costs mean none are allowed). */
  readonly always?: true;
}

const STREAM = 'stream.';

export const RULE_READS: Readonly<Record<string, RuleReads>> = {
  'topic.not-open': { reads: ['stream.open'] },
  'topic.direction-missing': { reads: ['topics.1.terms.byDirection'] },
  'topic.directed-only': { reads: ['stream.directedOnly'] },
  'applicant.kind': { reads: ['stream.applicantKinds'] },
  'partners.jiangsu-enterprise': { reads: ['stream.academicLeadNeedsJiangsuEnterprise'] },
  'budget.consistency': { reads: [] },
  'budget.cap': { reads: ['stream.funding.cap'] },
  'budget.share': { reads: ['stream.funding.share'] },
  'partner.required': { reads: ['stream.partner.required'] },
  'partner.country': { reads: ['stream.partner.countries', 'homeCountry'] },
  'partner.country-enterprise': { reads: ['stream.partner.countries.excludedForEnterprise'] },
  'partner.country-not-key': { reads: ['stream.partner.countries.key', 'homeCountry'] },
  'partner.kind': { reads: ['stream.partner.kinds'] },
  'field.not-key': { reads: ['stream.keyFields'] },
  'budget.table-unbalanced': { reads: [] },
  'budget.table-jiangsu-column': { reads: [] },
  'budget.table-disagrees': { reads: [] },
  'budget.indirect-costs': { reads: ['content.indirectCosts'], always: true },
  'budget.justification-missing': { reads: [] },
  'applicant.not-in-jiangsu': { reads: ['applicant.inJiangsu'] },
  'applicant.registered-too-late': { reads: ['applicant.registeredOnOrBefore'] },
  'applicant.not-independent': { reads: ['applicant.independentLegalEntity'] },
  'applicant.credit-code': { reads: ['applicant.independentLegalEntity'] },
  'pi.not-employed': { reads: ['applicant.piEmployedByApplicant'] },
  'partner.home-country': { reads: ['homeCountry'] },
  'partner.owned-by-applicant': { reads: ['partnerBars'] },
  'partner.foreign-invested': { reads: ['partnerBars'] },
  'partner.tax-haven-shell': { reads: ['partnerBars'] },
  'partner.same-group': { reads: ['partnerBars'] },
  'partner.pi-not-affiliated': { reads: ['partnerBars'] },
  'documents.agreement-missing': { reads: ['stream.documents.agreements', 'documents.completeness'] },
  'documents.letter-of-intent-only': { reads: ['stream.documents.agreements'] },
  'documents.translation-missing': { reads: ['documents.translationRequired'] },
  'documents.joint-lab': { reads: ['stream.documents.jointLab', 'documents.completeness'] },
  'partner.not-independent': { reads: ['stream.documents.jointLab'] },
  'documents.platform-proof-missing': { reads: ['stream.documents.platformProof'] },
  'limit.enterprise-one-application': { reads: ['limits.perEnterprise'] },
  'limit.enterprise-ongoing': { reads: ['limits.enterpriseOngoingBar'] },
  'limit.pi-ongoing': { reads: ['limits.piOngoingBar'] },
  'limit.pi-one-application': { reads: ['limits.perPi'] },
  'limit.institution-belt-road': { reads: ['limits.perInstitution.topics', 'separateSlots'] },
  'slot.not-entitled': { reads: ['separateSlots'] },
  'slot.not-offered': { reads: ['separateSlots'] },
  'slot.too-many': { reads: ['separateSlots'] },
  'duplicate.same-project': { reads: ['limits.duplicates'] },
  'duplicate.similar': { reads: ['limits.duplicates'] },
  'quota.department': { reads: ['quotas.topics', 'quotas.byDepartmentKind'] },
  'documents.integrity-commitment-missing': { reads: ['documents.integrityCommitments'] },
  'documents.integrity-commitment-unsigned': {
    reads: ['documents.integrityCommitments', 'documents.signedScans'],
  },
  'integrity.applicant-dishonest': { reads: ['integrity.dishonestyBars'] },
  'integrity.pi-dishonest': { reads: ['integrity.dishonestyBars'] },
  'ethics.review-missing': { reads: ['integrity.reviewRequired'] },
  'ethics.to-be-noted': { reads: ['integrity.toBeNoted'] },
  'secrecy.classified': { reads: ['classifiedRefused'] },
  'secrecy.not-declassified': { reads: ['classifiedRefused'] },
  'instruments.commitment-missing': { reads: ['largeInstruments', 'content.instrumentThreshold'] },
  'instruments.item-unjustified': { reads: ['largeInstruments', 'content.instrumentThreshold'] },
  'instruments.equipment-budget': { reads: ['largeInstruments'] },
  'instruments.list-disagrees': { reads: ['largeInstruments', 'content.instrumentThreshold'] },
  'documents.signed-form-missing': { reads: ['documents.signedForms'] },
  'documents.signed-form-unsigned': { reads: ['documents.signedForms', 'documents.signedScans'] },
  'documents.attachment-caption-missing': { reads: ['documents.otherAttachments'] },
  'deadline.submission-late': { reads: ['deadlines.submission'] },
  'deadline.recommendation-late': { reads: ['deadlines.recommendation'] },
  'content.period-order': { reads: [] },
  'content.period-start': { reads: ['content.earliestStart'] },
  'content.period-duration': { reads: ['content.maxDurationMonths'] },
  'content.abstract-length': { reads: ['content.abstractMax'] },
  'content.keywords-count': { reads: ['content.keywords'] },
  'content.section-length': { reads: ['content.sectionLimits'] },
  'content.milestone-outside-period': { reads: [] },
};

/** The value at `path`, looking through citations (`{ value, clause, quote }`). */
function valueAt(from: unknown, path: readonly string[]): unknown {
  let at = from;
  for (const key of path) {
    at = uncited(at);
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return uncited(at);
}

const uncited = (v: unknown) =>
  typeof v === 'object' && v !== null && 'value' in v && 'clause' in v ? (v as { value: unknown }).value : v;

/** Present, true, or a non-empty list: a value a rule can act on. */
const isSet = (v: unknown) =>
  v !== undefined && v !== null && v !== false && !(Array.isArray(v) && v.length === 0);

/** Where `read` is set in the call: the document paths of the parameter (one per open stream for `stream.`). */
function setAt(call: CallParameters, read: string): (string | number)[][] {
  if (!read.startsWith(STREAM)) return isSet(valueAt(call, read.split('.'))) ? [read.split('.')] : [];
  const rest = read.slice(STREAM.length).split('.');
  return callStreams(call)
    .filter(({ terms }) => terms.open.value && isSet(valueAt(terms, rest)))
    .map(({ path }) => [...path, ...rest]);
}

export interface RuleUse extends RuleInfo {
  /** The parameters it reads in this call, as Chinese labels (`专题二 › 合作国别（地区）`). */
  reads: string[];
}

/**
 * The rules this call exercises, in the catalogue's order, each with the parameters it reads there. A rule whose
 * deciding parameter is absent, false or empty (in every open stream, for a stream's) is not used; `topic.not-open`
 * is used when some topic or direction is closed.
 */
export function rulesUsedBy(call: CallParameters): RuleUse[] {
  return RULES.flatMap(({ run: _run, ...rule }) => {
    const declared = RULE_READS[rule.id];
    if (!declared) return [];
    const [first, ...others] = declared.reads;
    const closed = callStreams(call).filter((s) => !s.terms.open.value);
    if (rule.id === 'topic.not-open') {
      if (closed.length === 0) return [];
      return [{ ...rule, reads: closed.map((s) => parameterLabel([...s.path, 'open'])) }];
    }
    if (first === undefined) return [{ ...rule, reads: [] }];
    const deciding = setAt(call, first);
    if (deciding.length === 0 && !declared.always) return [];
    const paths = [...deciding, ...others.flatMap((read) => setAt(call, read))];
    if (declared.always && deciding.length === 0) paths.unshift(first.split('.'));
    return [{ ...rule, reads: [...new Set(paths.map((p) => parameterLabel(p)))] }];
  });
}
