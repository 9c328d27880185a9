import { queryOptions } from '@tanstack/react-query';
import type { Direction, EthicsFlag, TopicNumber } from '../../core/bundle/schema.js';
import type { CallDto, CommitmentsDto, RequirementsDto } from '../../contract/calls.js';
import { api, query } from './api.js';

// What a call says, read from the public /api/calls routes. Each key is the path it reads and each entry holds the
// server's answer as it came, so two pages asking for the same thing share one cache entry. A call's requirements
// and commitments are stated by the code the server runs, so they never go stale while the page is open. It
// imports no value of the core: the public frame reads the calls, and zod must stay out of the public pages.

export const callsQuery = queryOptions({
  queryKey: ['calls'],
  queryFn: ({ signal }) => api<{ calls: CallDto[] }>('/calls', { signal }),
});

/**
 * What an application of `topic` (and, in 专题一, `direction`) must and may upload; with the 二、4 answers that
 * are yes, the ethics documents it needs (without them, both are offered).
 */
export const requirementsQuery = (
  callId: string,
  topic: TopicNumber,
  direction: Direction | null,
  ethics?: readonly EthicsFlag[],
) =>
  queryOptions({
    queryKey: ['calls', callId, 'requirements', { topic, direction, ethics }],
    queryFn: ({ signal }) =>
      api<RequirementsDto>(
        `/calls/${encodeURIComponent(callId)}/requirements${query({ topic, direction: direction ?? undefined, ethics: ethics?.join(',') })}`,
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
