import type { Direction, TopicNumber } from '../../core/bundle/schema.js';
import type { StreamTerms } from '../../core/calls/parameters.js';
import { DIRECTIONS, DOCUMENT_KINDS, TOPICS } from '../../core/bundle/schema.js';
import { completenessTerms, type DocumentRequirement } from '../../core/documents/requirements.js';
import { COMPLETENESS_LABELS } from '../../core/labels.js';
import { toBeijingIso } from '../../core/time.js';
import type { CallDto, CommitmentsDto, RequirementsDto } from '../../contract/calls.js';
import type { CallView } from '../services/calls.js';

function stream(direction: CallDto['topics'][number]['streams'][number]['direction'], terms: StreamTerms) {
  const countries = terms.partner?.countries?.value;
  const kinds = terms.partner?.kinds;
  return {
    direction,
    label: terms.label,
    open: terms.open.value,
    directedOnly: terms.directedOnly.value,
    fundingCap: terms.funding.value.cap,
    fundingShare: terms.funding.value.share ?? null,
    keyFields: [...(terms.keyFields?.value ?? [])],
    partnerRequired: terms.partner?.required.value ?? false,
    countries: countries
      ? {
          name: countries.allowedName,
          allowed: countries.allowed && [...countries.allowed],
          key: countries.key ? [...countries.key] : null,
          quote: terms.partner!.countries!.quote,
        }
      : null,
    partnerKinds: kinds ? { kinds: [...kinds.value], clause: kinds.clause, quote: kinds.quote } : null,
  };
}

function content({ value, clause, quote }: CallView['parameters']['content']): CallDto['content'] {
  return {
    maxDurationMonths: value.maxDurationMonths,
    earliestStart: value.earliestStart,
    abstractMax: value.abstractMax,
    keywords: { ...value.keywords },
    sectionLimits: { ...value.sectionLimits },
    instrumentThreshold: value.instrumentThreshold,
    indirectCosts: value.indirectCosts ? { ...value.indirectCosts } : null,
    clause,
    quote,
  };
}

export function presentCall({ row, parameters, open }: CallView): CallDto {
  return {
    id: row.id,
    name: row.name,
    noticeNumber: parameters.notice.number.value,
    isPractice: row.isPractice,
    open,
    submissionClosesAt: toBeijingIso(row.submissionClosesAt.getTime()),
    recommendationClosesAt: toBeijingIso(row.recommendationClosesAt.getTime()),
    paperClosesAt: toBeijingIso(row.paperClosesAt.getTime()),
    contacts: parameters.contacts.map(({ value: c }) => ({
      unit: c.unit,
      people: [...c.people],
      phones: [...c.phones],
    })),
    content: content(parameters.content),
    topics: TOPICS.map((number) => {
      const topic = parameters.topics[number];
      const streams =
        'byDirection' in topic.terms
          ? DIRECTIONS.map((d) =>
              stream(d, (topic.terms as { byDirection: Record<string, StreamTerms> }).byDirection[d]!),
            )
          : [stream(null, topic.terms)];
      return { number, name: topic.name, clause: topic.clause, open: streams.some((s) => s.open), streams };
    }),
  };
}

export function presentRequirements(
  { parameters }: CallView,
  topic: TopicNumber,
  direction: Direction | null,
  documents: readonly DocumentRequirement[],
): RequirementsDto {
  const { completeness, translationRequired } = parameters.documents;
  return {
    callId: parameters.id,
    topic,
    direction,
    documents: documents.map((r) => ({
      ...r,
      kinds: [...r.kinds],
      contents: r.contents.map((flag) => ({ flag, label: COMPLETENESS_LABELS[flag] })),
    })),
    completeness: { clause: completeness.clause, quote: completeness.quote },
    questions: DOCUMENT_KINDS.map((kind) => {
      const asked = completenessTerms(parameters, kind);
      return {
        kind,
        flags: asked.value.map((flag) => ({ flag, label: COMPLETENESS_LABELS[flag] })),
        clause: asked.clause,
        quote: asked.quote,
      };
    }),
    translation: translationRequired.value
      ? { clause: translationRequired.clause, quote: translationRequired.quote }
      : null,
  };
}

export function presentCommitments({ row, parameters }: CallView): CommitmentsDto {
  const { notice, commitments } = parameters;
  const { pledges } = commitments.value;
  return {
    callId: row.id,
    callName: row.name,
    notice: {
      number: notice.number.value,
      title: notice.title.value,
      publishedOn: notice.publishedOn.value,
    },
    creditRules: commitments.value.creditRules,
    pledges: { unit: [...pledges.unit], pi: [...pledges.pi], department: [...pledges.department] },
    clause: commitments.clause,
    quote: commitments.quote,
  };
}
