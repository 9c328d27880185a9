import { queryOptions } from '@tanstack/react-query';
import type { AvoidedExpertBody, AvoidedExpertList } from '../../../../contract/avoided-experts.js';
import type { ApplicantAppealsView } from '../../../../contract/appeals.js';
import { api } from '../../../shared/api.js';

// 回避专家 and 复核 of 不予受理, as the applicant (and, read-only, the province) calls them.

export const avoidAppealKeys = {
  avoided: (applicationId: string) => ['applications', applicationId, 'avoided-experts'] as const,
  appeals: (applicationId: string) => ['applications', applicationId, 'appeals'] as const,
};

export const avoidedExpertsQuery = (applicationId: string) =>
  queryOptions({
    queryKey: avoidAppealKeys.avoided(applicationId),
    queryFn: ({ signal }) =>
      api<AvoidedExpertList>(`/applications/${applicationId}/avoided-experts`, { signal }),
  });

export const addAvoidedExpert = (applicationId: string, body: AvoidedExpertBody) =>
  api(`/applications/${applicationId}/avoided-experts`, { method: 'POST', body });

export const removeAvoidedExpert = (applicationId: string, avoidedId: string) =>
  api(`/applications/${applicationId}/avoided-experts/${avoidedId}`, { method: 'DELETE' });

export const appealsQuery = (applicationId: string) =>
  queryOptions({
    queryKey: avoidAppealKeys.appeals(applicationId),
    queryFn: ({ signal }) => api<ApplicantAppealsView>(`/applications/${applicationId}/appeals`, { signal }),
  });

export function fileAppeal(applicationId: string, reasons: string, file: File | undefined) {
  const form = new FormData();
  form.append('reasons', reasons);
  if (file) form.append('file', file, file.name);
  return api(`/applications/${applicationId}/appeals`, { method: 'POST', form });
}

export function addEvidence(appealId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api(`/appeals/${appealId}/evidence`, { method: 'POST', form });
}

export const evidenceUrl = (appealId: string, index: number) => `/api/appeals/${appealId}/evidence/${index}`;
