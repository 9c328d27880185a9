import { queryOptions } from '@tanstack/react-query';
import type {
  ClaimView,
  OrganizationProfileView,
  OrganizationSummaryView,
} from '../../../contract/organizations.js';
import { api } from '../../shared/api.js';

// 单位审核: the organizations the department answers for, one organization's dossier, and claims.

/** Every answer about the department's organizations lives under this key: a decision may change any of them. */
export const ORGANIZATIONS_KEY = ['department', 'organizations'] as const;

type Dossier = { organization: OrganizationProfileView };

export const organizationsApi = {
  approve: (id: string) => api<Dossier>(`/department/organizations/${id}/approve`, { method: 'POST' }),
  reject: (id: string, reason: string) =>
    api<Dossier>(`/department/organizations/${id}/reject`, { method: 'POST', body: { reason } }),
  requestLicence: (id: string, note: string | undefined) =>
    api<Dossier>(`/department/organizations/${id}/licence-request`, { method: 'POST', body: { note } }),
  grantClaim: (id: string) =>
    api<{ claim: ClaimView }>(`/department/organization-claims/${id}/grant`, { method: 'POST' }),
  declineClaim: (id: string, reason: string) =>
    api<{ claim: ClaimView }>(`/department/organization-claims/${id}/decline`, {
      method: 'POST',
      body: { reason },
    }),
};

export const organizationQueries = {
  list: queryOptions({
    queryKey: [...ORGANIZATIONS_KEY, 'list'],
    queryFn: ({ signal }) =>
      api<{ organizations: OrganizationSummaryView[] }>('/department/organizations', { signal }).then(
        (r) => r.organizations,
      ),
  }),
  one: (id: string) =>
    queryOptions({
      queryKey: [...ORGANIZATIONS_KEY, 'one', id],
      queryFn: ({ signal }) =>
        api<Dossier>(`/department/organizations/${id}`, { signal }).then((r) => r.organization),
    }),
  claims: queryOptions({
    queryKey: [...ORGANIZATIONS_KEY, 'claims'],
    queryFn: ({ signal }) =>
      api<{ claims: ClaimView[] }>('/department/organization-claims', { signal }).then((r) => r.claims),
  }),
};

/** Where the browser opens an organization's business licence. */
export const licenceFileUrl = (organizationId: string) =>
  `/api/department/organizations/${organizationId}/licence`;
