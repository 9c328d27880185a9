import type { StreamTerms } from '../../core/calls/parameters.js';
import { DIRECTIONS, TOPICS } from '../../core/bundle/schema.js';
import { toBeijingIso } from '../../core/time.js';
import type { CallDto } from '../../contract/calls.js';
import type { CallView } from '../services/calls.js';

function stream(direction: CallDto['topics'][number]['streams'][number]['direction'], terms: StreamTerms) {
  const countries = terms.partner?.countries?.value;
  return {
    direction,
    label: terms.label,
    directedOnly: terms.directedOnly.value,
    fundingCap: terms.funding.value.cap,
    fundingShare: terms.funding.value.share ?? null,
    keyFields: [...(terms.keyFields?.value ?? [])],
    partnerRequired: terms.partner?.required.value ?? false,
    countries: countries
      ? {
          name: countries.allowedName,
          allowed: countries.allowed ? [...countries.allowed] : null,
          key: countries.key ? [...countries.key] : null,
        }
      : null,
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
    topics: TOPICS.map((number) => {
      const topic = parameters.topics[number];
      const streams =
        'byDirection' in topic.terms
          ? DIRECTIONS.map((d) =>
              stream(d, (topic.terms as { byDirection: Record<string, StreamTerms> }).byDirection[d]!),
            )
          : [stream(null, topic.terms)];
      const open = 'byDirection' in topic.terms ? true : topic.terms.open.value;
      return { number, name: topic.name, clause: topic.clause, open, streams };
    }),
  };
}
