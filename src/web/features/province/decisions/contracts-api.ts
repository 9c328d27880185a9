import { queryOptions } from '@tanstack/react-query';
import type { ContractBasicsBody, ContractView } from '../../../../contract/contracts.js';
import { api, query } from '../../../shared/api.js';
import { DECISIONS_KEY } from './api.js';

// 合同签订 (issue 14 §9): the province's contract stage and the applicant's 任务书 confirmation.

export type { ContractView };

export const contractsApi = {
  list: (callId: string, signal?: AbortSignal) =>
    api<{ items: ContractView[] }>(`/province/contracts${query({ callId })}`, { signal }).then(
      (r) => r.items,
    ),
  adjust: (id: string, body: ContractBasicsBody) =>
    api<{ contract: ContractView }>(`/province/contracts/${id}/basics`, { method: 'PUT', body }),
  sign: (id: string, startsOn: string) =>
    api<{ contract: ContractView }>(`/province/contracts/${id}/sign`, { method: 'POST', body: { startsOn } }),
  forApplicant: (id: string, signal?: AbortSignal) =>
    api<{ contract: ContractView }>(`/applications/${id}/contract`, { signal }).then((r) => r.contract),
  confirm: (id: string, version: number) =>
    api<{ contract: ContractView }>(`/applications/${id}/contract/confirm`, {
      method: 'POST',
      body: { version },
    }),
};

export const awardNoticeUrl = (applicationId: string) => `/api/applications/${applicationId}/award-notice`;
export const approvedListUrl = (callId: string) =>
  `/api/province/contracts/approved-list.xlsx${query({ callId })}`;

export const contractsQueries = {
  /** Under the decisions' key: entering the contract stage there changes this list. */
  list: (callId: string) =>
    queryOptions({
      queryKey: [...DECISIONS_KEY, 'contract-stage', callId],
      queryFn: ({ signal }) => contractsApi.list(callId, signal),
    }),
  /** Under the application, so that whatever changes the application reads this again too. */
  forApplicant: (applicationId: string) =>
    queryOptions({
      queryKey: ['applications', applicationId, 'contract'],
      queryFn: ({ signal }) => contractsApi.forApplicant(applicationId, signal),
      retry: false,
    }),
};
