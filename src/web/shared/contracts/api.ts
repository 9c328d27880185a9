import { queryOptions } from '@tanstack/react-query';
import type { ContractView } from '../../../contract/contracts.js';
import { api } from '../api.js';

// 合同签订 (issue 14 §9), what the applicant and the province both read: the 任务书 and its confirmation, and the
// 立项通知书's address. The province's own list, adjustments and signing are in its decisions feature.

export type { ContractView };

export const contractApi = {
  forApplicant: (id: string, signal?: AbortSignal) =>
    api<{ contract: ContractView }>(`/applications/${id}/contract`, { signal }).then((r) => r.contract),
  confirm: (id: string, version: number) =>
    api<{ contract: ContractView }>(`/applications/${id}/contract/confirm`, {
      method: 'POST',
      body: { version },
    }),
};

export const awardNoticeUrl = (applicationId: string) => `/api/applications/${applicationId}/award-notice`;

/** Under the application, so that whatever changes the application reads this again too. */
export const applicantContractQuery = (applicationId: string) =>
  queryOptions({
    queryKey: ['applications', applicationId, 'contract'],
    queryFn: ({ signal }) => contractApi.forApplicant(applicationId, signal),
    retry: false,
  });
