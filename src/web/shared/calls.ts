import { queryOptions } from '@tanstack/react-query';
import type { Direction, TopicNumber } from '../../core/bundle/schema.js';
import type { CallDto, CommitmentsDto, RequirementsDto } from '../../contract/calls.js';
import { api, query } from './api.js';

// What a call says, read from the public /api/calls routes. Each key is the path it reads and each entry holds the
// server's answer as it came, so two pages asking for the same thing share one cache entry. A call's requirements
// and commitments are stated by the code the server runs, so they never go stale while the page is open.

export const callsQuery = queryOptions({
  queryKey: ['calls'],
  queryFn: ({ signal }) => api<{ calls: CallDto[] }>('/calls', { signal }),
});

/** What an application of `topic` (and, in 专题一, `direction`) must and may upload. */
export const requirementsQuery = (callId: string, topic: TopicNumber, direction: Direction | null) =>
  queryOptions({
    queryKey: ['calls', callId, 'requirements', { topic, direction }],
    queryFn: ({ signal }) =>
      api<RequirementsDto>(
        `/calls/${encodeURIComponent(callId)}/requirements${query({ topic, direction: direction ?? undefined })}`,
        { signal },
      ),
    staleTime: Infinity,
  });

/** The notice and the pledges the three 科研诚信承诺书 restate. */
export const commitmentsQuery = (callId: string) =>
  queryOptions({
    queryKey: ['calls', callId, 'commitments'],
    queryFn: ({ signal }) =>
      api<CommitmentsDto>(`/calls/${encodeURIComponent(callId)}/commitments`, { signal }),
    staleTime: Infinity,
  });
