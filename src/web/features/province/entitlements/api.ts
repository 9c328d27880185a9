import { queryOptions } from '@tanstack/react-query';
import type {
  DirectedOverviewDto,
  InvitationBody,
  OrganizationPlatformsDto,
  OrganizationSummaryDto,
} from '../../../../contract/entitlements.js';
import { FILE_FIELD } from '../../../../contract/documents.js';
import { api, query } from '../../../shared/api.js';

// 平台资质与定向组织: the province's records of platforms, invitations to directed streams and 专题二 marks.

export type { DirectedOverviewDto, OrganizationPlatformsDto, OrganizationSummaryDto };

/** Text fields and the evidence PDF, as one multipart form. */
function evidenceForm(fields: Record<string, string>, file: File): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(FILE_FIELD, file, file.name);
  return form;
}

export const entitlementsApi = {
  addPlatform: (organizationId: string, fields: Record<string, string>, file: File) =>
    api<unknown>(`/province/organizations/${organizationId}/platforms`, {
      method: 'POST',
      form: evidenceForm(fields, file),
    }),
  removePlatform: (id: string) => api<null>(`/province/organization-platforms/${id}`, { method: 'DELETE' }),
  platformFileUrl: (id: string) => `/api/province/organization-platforms/${id}/file`,
  invite: (callId: string, body: InvitationBody) =>
    api<{ id: string }>(`/province/calls/${encodeURIComponent(callId)}/invitations`, {
      method: 'POST',
      body,
    }),
  revoke: (id: string) => api<null>(`/province/invitations/${id}`, { method: 'DELETE' }),
  mark: (applicationId: string, note: string, file: File) =>
    api<null>(`/province/applications/${applicationId}/directed`, {
      method: 'PUT',
      form: evidenceForm({ note }, file),
    }),
  unmark: (applicationId: string) =>
    api<null>(`/province/applications/${applicationId}/directed`, { method: 'DELETE' }),
  markFileUrl: (applicationId: string) => `/api/province/applications/${applicationId}/directed/file`,
};

export const entitlementKeys = {
  organizations: ['province', 'organizations'] as const,
  platforms: (id: string) => ['province', 'organizations', id, 'platforms'] as const,
  directed: (callId: string | undefined) => ['province', 'directed', callId] as const,
};

export const entitlementQueries = {
  organizations: (q: string | undefined) =>
    queryOptions({
      queryKey: [...entitlementKeys.organizations, { q }],
      queryFn: ({ signal }) =>
        api<{ organizations: OrganizationSummaryDto[] }>(`/province/organizations${query({ q })}`, {
          signal,
        }).then((r) => r.organizations),
    }),
  platforms: (id: string) =>
    queryOptions({
      queryKey: entitlementKeys.platforms(id),
      queryFn: ({ signal }) =>
        api<OrganizationPlatformsDto>(`/province/organizations/${id}/platforms`, { signal }),
    }),
  directed: (callId: string | undefined) =>
    queryOptions({
      queryKey: entitlementKeys.directed(callId),
      queryFn: ({ signal }) =>
        api<DirectedOverviewDto>(`/province/calls/${encodeURIComponent(callId!)}/directed`, { signal }),
      enabled: callId !== undefined,
    }),
};
