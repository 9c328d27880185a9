import { queryOptions } from '@tanstack/react-query';
import type { AppealDecisionBody, ProvinceAppealView } from '../../../../contract/appeals.js';
import type { AppealStatus } from '../../../../core/appeals/statuses.js';
import { api, query } from '../../../shared/api.js';

export const APPEALS_KEY = ['province', 'appeals'] as const;

export const provinceAppealsQuery = (callId: string, status: AppealStatus | undefined) =>
  queryOptions({
    queryKey: [...APPEALS_KEY, callId, status ?? 'all'],
    queryFn: ({ signal }) =>
      api<{ appeals: ProvinceAppealView[] }>(`/province/appeals${query({ callId, status })}`, { signal }),
  });

export const decideAppeal = (id: string, body: AppealDecisionBody) =>
  api(`/province/appeals/${id}/decision`, { method: 'POST', body });
