import { queryOptions, skipToken } from '@tanstack/react-query';
import type { DashboardDto } from '../../../../contract/dashboard.js';
import { api, query } from '../../../shared/api.js';

export type { DashboardDto };

/** The call's figures, the hourly submissions over `days` before its online deadline; once a call is chosen. */
export const dashboardQuery = (callId: string | undefined, days: number) =>
  queryOptions({
    queryKey: ['province', 'dashboard', { callId, days }],
    queryFn: callId
      ? ({ signal }) => api<DashboardDto>(`/province/dashboard${query({ call: callId, days })}`, { signal })
      : skipToken,
  });
