import type {
  BundleDocument,
  CompletenessFlag,
  Direction,
  DocumentKind,
  EthicsFlag,
  TopicNumber,
} from '../bundle/schema.js';
import { openStreamOf, type CallParameters, type Cited, type StreamTerms } from '../calls/parameters.js';
import { DOCUMENT_KIND_LABELS } from '../labels.js';

// What an application must and may upload (二、2, 二、4, 三、1), decided once: the 二、2 rules judge by it and
// the API serves it to the web app's checklist, so the two cannot disagree.

export const REQUIREMENT_KEYS = [
  'partner',
  'domestic',
  'joint-lab',
  'platform',
  'unit',
  'pi',
  'ethics-approval',
  'genetic-resources-permit',
  'application-form',
  'info-form',
  'other-attachment',
] as const;
export type RequirementKey = (typeof REQUIREMENT_KEYS)[number];

/** Who must have signed it with the applicant: the main foreign partner, or each domestic partner in turn. */
export type Counterparty = 'partner' | 'domestic-partner';

export interface DocumentRequirement {
  key: RequirementKey;
  /** Kinds that satisfy it, the one to upload first (a formal agreement before a letter of intent). */
  kinds: readonly DocumentKind[];
  label: string;
  required: boolean;
  signedWith: Counterparty | null;
  /** The items a complete document has (二、2); empty when the notice asks only that it be there. */
  contents: readonly CompletenessFlag[];
  /** Signed on this date or earlier (e.g. before the notice was published). */
  signedOnOrBefore: string | null;
  clause: string;
  /** The notice's words. */
  quote: string;
}

/** The requirements a call names by document kind alone. */
const KEY_OF_KIND: Partial<Record<DocumentKind, RequirementKey>> = {
  'integrity-commitment-unit': 'unit',
  'integrity-commitment-pi': 'pi',
  'application-form': 'application-form',
  'info-form': 'info-form',
};

function keyOf(kind: DocumentKind): RequirementKey {
  const key = KEY_OF_KIND[kind];
  if (!key) throw new Error(`no requirement is named for document kind ${kind}`);
  return key;
}

/** The agreements of 二、2, whose content the call's `completeness` describes. */
const AGREEMENT_KINDS: ReadonlySet<DocumentKind> = new Set([
  'cooperation-agreement',
  'letter-of-intent',
  'domestic-agreement',
  'domestic-letter-of-intent',
  'joint-lab-agreement',
]);

/**
 * What a document of `kind` is asked about its completeness (签字、盖章、签署日期 …): the one source for the upload
 * dialog, the rules, the department's checklist and the 汇总表. Empty: it is asked only to be there.
 */
export function completenessQuestions(call: CallParameters, kind: DocumentKind): readonly CompletenessFlag[] {
  return completenessTerms(call, kind).value;
}

/** `completenessQuestions` with the notice's words that ask them. */
export function completenessTerms(
  call: CallParameters,
  kind: DocumentKind,
): Cited<readonly CompletenessFlag[]> {
  const { completeness, signedScans } = call.documents;
  if (AGREEMENT_KINDS.has(kind)) return completeness;
  return { ...signedScans, value: signedScans.value[kind] ?? [] };
}

/**
 * What the uploaded documents of `kind` lack of `completenessQuestions`, the closest one's gaps; `null` when one
 * answers them all or none is uploaded (a missing document is another finding).
 */
export function closestGaps(
  call: CallParameters,
  documents: readonly BundleDocument[],
  kind: DocumentKind,
): readonly CompletenessFlag[] | null {
  const questions = completenessQuestions(call, kind);
  const gaps = documents.filter((d) => d.kind === kind).map((d) => questions.filter((q) => !d.complete[q]));
  if (gaps.length === 0 || gaps.some((g) => g.length === 0)) return null;
  return gaps.reduce((a, b) => (b.length < a.length ? b : a));
}

const either = (kinds: readonly DocumentKind[]) => kinds.map((k) => DOCUMENT_KIND_LABELS[k]).join('或');

function requirement(
  key: RequirementKey,
  kinds: readonly DocumentKind[],
  terms: Cited<unknown>,
  details: Partial<Pick<DocumentRequirement, 'signedWith' | 'contents' | 'signedOnOrBefore'>> & {
    required: boolean;
  },
): DocumentRequirement {
  return {
    key,
    kinds,
    label: either(kinds),
    signedWith: null,
    contents: [],
    signedOnOrBefore: null,
    clause: terms.clause,
    quote: terms.quote,
    ...details,
  };
}

/** The application's ethics answers (二、4); absent: not known yet, so what they could call for is offered. */
export type EthicsAnswers = Partial<Record<EthicsFlag, boolean>>;

/**
 * The documents of an application judged by `stream` (`undefined`: a closed topic, or 专题一 without a
 * direction, where no stream asks for anything), in the notice's order.
 */
export function documentRequirements(
  call: CallParameters,
  stream: StreamTerms | undefined,
  ethics?: EthicsAnswers,
): DocumentRequirement[] {
  const { completeness, integrityCommitments, signedForms, otherAttachments } = call.documents;
  const { reviewRequired, toBeNoted } = call.integrity;
  const agreements = stream?.documents.agreements;
  const jointLab = stream?.documents.jointLab;
  const platformProof = stream?.documents.platformProof;
  const list: DocumentRequirement[] = [];
  if (agreements?.value) {
    list.push(
      requirement('partner', ['cooperation-agreement', 'letter-of-intent'], agreements, {
        required: true,
        signedWith: 'partner',
        contents: completeness.value,
      }),
    );
  }
  list.push(
    requirement(
      'domestic',
      ['domestic-agreement', 'domestic-letter-of-intent'],
      agreements?.value ? agreements : otherAttachments,
      {
        required: agreements?.value ?? false,
        signedWith: 'domestic-partner',
        contents: completeness.value,
      },
    ),
  );
  if (jointLab) {
    list.push(
      requirement('joint-lab', ['joint-lab-agreement'], jointLab, {
        required: true,
        signedWith: 'partner',
        contents: completeness.value,
        signedOnOrBefore: jointLab.value.signedOnOrBefore,
      }),
    );
  }
  if (platformProof?.value) {
    list.push(requirement('platform', ['platform-proof'], platformProof, { required: true }));
  }
  for (const kind of integrityCommitments.value) {
    list.push(
      requirement(keyOf(kind), [kind], integrityCommitments, {
        required: true,
        contents: completenessQuestions(call, kind),
      }),
    );
  }
  // 二、4: the 伦理审查批件 is what `reviewApproved` is derived from; a missing one is ethics.review-missing's error.
  // A 人类遗传资源/种质资源 permit is only noted (READING: a warning), so it is offered, never required.
  const involves = (flags: readonly EthicsFlag[]) => flags.some((f) => ethics?.[f] === true);
  if (!ethics || involves(reviewRequired.value)) {
    list.push(
      requirement('ethics-approval', ['ethics-approval'], reviewRequired, { required: ethics !== undefined }),
    );
  }
  if (!ethics || involves(toBeNoted.value)) {
    list.push(
      requirement('genetic-resources-permit', ['genetic-resources-permit'], toBeNoted, { required: false }),
    );
  }
  for (const kind of signedForms.value) {
    list.push(
      requirement(keyOf(kind), [kind], signedForms, {
        required: true,
        contents: completenessQuestions(call, kind),
      }),
    );
  }
  if (otherAttachments.value) {
    list.push(requirement('other-attachment', ['other-attachment'], otherAttachments, { required: false }));
  }
  return list;
}

/**
 * The requirements of an application of `topic` (and, in 专题一, `direction`) under `call`, with its `ethics`
 * answers when known.
 */
export function requirementsFor(
  call: CallParameters,
  topic: TopicNumber,
  direction: Direction | undefined,
  ethics?: EthicsAnswers,
): DocumentRequirement[] {
  return documentRequirements(call, openStreamOf(call, topic, direction), ethics);
}
