import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DepartmentView } from '../../../../contract/departments.js';
import type {
  CrossCheckRunDto,
  FindingsQuery,
  findingsResponseSchema,
  PairDetail,
  PairsQuery,
  pairsResponseSchema,
  runsResponseSchema,
} from '../../../../contract/cross-checks.js';
import { api, query } from '../../../shared/api.js';

// 全省交叉核查 as the web app asks for it, and the keys its answers are cached under.

export type { CrossCheckRunDto, DepartmentView, PairDetail };
export type FindingsPage = z.infer<typeof findingsResponseSchema>;
export type PairsPage = z.infer<typeof pairsResponseSchema>;
export type RunsView = z.infer<typeof runsResponseSchema>;

const base = '/province/cross-checks';

export const crossCheckApi = {
  start: (callId: string) =>
    api<{ run: CrossCheckRunDto }>(`${base}/runs`, { method: 'POST', body: { callId } }).then((r) => r.run),
  runs: (callId: string, signal?: AbortSignal) =>
    api<RunsView>(`${base}/runs${query({ callId })}`, { signal }),
  findings: (filters: FindingsQuery, signal?: AbortSignal) =>
    api<FindingsPage>(`${base}/findings${query(filters)}`, { signal }),
  pairs: (filters: PairsQuery, signal?: AbortSignal) =>
    api<PairsPage>(`${base}/pairs${query(filters)}`, { signal }),
  pair: (id: string, signal?: AbortSignal) => api<PairDetail>(`${base}/pairs/${id}`, { signal }),
};

/** How often the page asks for the progress of a run under way. */
const POLL_MS = 1500;

export const isActive = (run: CrossCheckRunDto | undefined) =>
  run?.status === 'queued' || run?.status === 'running';

const CROSS_CHECKS_KEY = ['province', 'cross-checks'] as const;

export const crossCheckQueries = {
  /** The departments to filter by (`GET /departments`), kept as the server answered them. */
  departments: () =>
    queryOptions({
      queryKey: ['departments'],
      queryFn: ({ signal }) => api<{ departments: DepartmentView[] }>('/departments', { signal }),
    }),
  /** The call's recent runs, read again and again while the latest is under way. */
  runs: (callId: string) =>
    queryOptions({
      queryKey: [...CROSS_CHECKS_KEY, 'runs', callId],
      queryFn: ({ signal }) => crossCheckApi.runs(callId, signal),
      refetchInterval: (q) => (isActive(q.state.data?.runs[0]) ? POLL_MS : false),
    }),
  /** A page of the current run's findings: a run that finishes makes another run current, read anew. */
  findings: (currentRunId: string | null, filters: FindingsQuery) =>
    queryOptions({
      queryKey: [...CROSS_CHECKS_KEY, 'findings', currentRunId, filters],
      queryFn: ({ signal }) => crossCheckApi.findings(filters, signal),
    }),
  pairs: (currentRunId: string | null, filters: PairsQuery) =>
    queryOptions({
      queryKey: [...CROSS_CHECKS_KEY, 'pairs', currentRunId, filters],
      queryFn: ({ signal }) => crossCheckApi.pairs(filters, signal),
    }),
  pair: (id: string) =>
    queryOptions({
      queryKey: [...CROSS_CHECKS_KEY, 'pair', id],
      queryFn: ({ signal }) => crossCheckApi.pair(id, signal),
    }),
};

/** What a result list says before the call's first run has finished. */
export const NO_RUN_YET = '本计划尚无完成的全省核查';

/** A share as the core's messages print it: a percentage cut (not rounded) to one decimal. */
export const percent = (share: number) => `${Math.floor(share * 1000) / 10}%`;
