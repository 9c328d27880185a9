import { queryOptions } from '@tanstack/react-query';
import type { ContractBasicsBody } from '../../../../contract/contracts.js';
import type { ContractView } from '../../../shared/contracts/api.js';
import { api, query } from '../../../shared/api.js';
import { DECISIONS_KEY } from './api.js';

// 合同签订 (issue 14 §9): the province's contract stage (its list, adjustments, signing, the approved list).

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
};

export const approvedListUrl = (callId: string) =>
  `/api/province/contracts/approved-list.xlsx${query({ callId })}`;

export const contractsQueries = {
  /** Under the decisions' key: entering the contract stage there changes this list. */
  list: (callId: string) =>
    queryOptions({
      queryKey: [...DECISIONS_KEY, 'contract-stage', callId],
      queryFn: ({ signal }) => contractsApi.list(callId, signal),
    }),
};
