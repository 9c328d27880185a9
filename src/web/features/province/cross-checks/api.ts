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

// 全省交叉核查 as the web app asks for it.

export type { CrossCheckRunDto, DepartmentView, PairDetail };
export type FindingsPage = z.infer<typeof findingsResponseSchema>;
export type PairsPage = z.infer<typeof pairsResponseSchema>;
export type RunsView = z.infer<typeof runsResponseSchema>;

const base = '/province/cross-checks';

export const crossCheckApi = {
  start: (callId: string) =>
    api<{ run: CrossCheckRunDto }>(`${base}/runs`, { method: 'POST', body: { callId } }).then((r) => r.run),
  runs: (callId: string) => api<RunsView>(`${base}/runs${query({ callId })}`),
  run: (id: string) => api<{ run: CrossCheckRunDto }>(`${base}/runs/${id}`).then((r) => r.run),
  findings: (filters: FindingsQuery) => api<FindingsPage>(`${base}/findings${query(filters)}`),
  pairs: (filters: PairsQuery) => api<PairsPage>(`${base}/pairs${query(filters)}`),
  pair: (id: string) => api<PairDetail>(`${base}/pairs/${id}`),
  departments: () => api<{ departments: DepartmentView[] }>('/departments').then((r) => r.departments),
};

/** A share as the core's messages print it: a percentage cut (not rounded) to one decimal. */
export const percent = (share: number) => `${Math.floor(share * 1000) / 10}%`;
