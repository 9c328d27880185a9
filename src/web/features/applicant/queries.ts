import { queryOptions } from '@tanstack/react-query';
import type { MyEntitlementsDto } from '../../../contract/entitlements.js';
import type { InvitationView, UnitUserView } from '../../../contract/organization-users.js';
import type { OrganizationProfileView } from '../../../contract/organizations.js';
import type { PersonView } from '../../../contract/people.js';
import {
  api,
  type ApplicationDto,
  type ApplicationRead,
  type Receipt,
  type TimelineEvent,
} from '../../shared/api.js';

// The applicant's server state. Every key under ['applications'] is about applications, so invalidating that
// prefix after a write that touches one (submission, documents) refreshes whatever shows it.

export const applicationKeys = {
  all: ['applications'] as const,
  list: ['applications', 'list'] as const,
  one: (id: string) => ['applications', id] as const,
};

export const applicationsQuery = queryOptions({
  queryKey: applicationKeys.list,
  queryFn: ({ signal }) =>
    api<{ applications: ApplicationDto[] }>('/applications', { signal }).then((r) => r.applications),
});

export const applicationQuery = (id: string) =>
  queryOptions({
    queryKey: applicationKeys.one(id),
    queryFn: ({ signal }) => api<ApplicationRead>(`/applications/${id}`, { signal }),
  });

/** `refresh`: a page that changed the application in a way these keys do not know bumps it to read again. */
export const timelineQuery = (id: string, refresh = 0) =>
  queryOptions({
    queryKey: [...applicationKeys.one(id), 'timeline', refresh] as const,
    queryFn: ({ signal }) =>
      api<{ events: TimelineEvent[] }>(`/applications/${id}/timeline`, { signal }).then((r) => r.events),
    // Read again, the record stays on screen until the new one is there.
    placeholderData: (previous) => previous,
  });

export const receiptQuery = (id: string) =>
  queryOptions({
    queryKey: [...applicationKeys.one(id), 'receipt'] as const,
    queryFn: ({ signal }) =>
      api<{ receipt: Receipt }>(`/applications/${id}/receipt`, { signal }).then((r) => r.receipt),
  });

/** The unit's 项目负责人 (unit administrators only). */
export const peopleQuery = queryOptions({
  queryKey: ['organization', 'people'] as const,
  queryFn: ({ signal }) =>
    api<{ people: PersonView[] }>('/organization/people', { signal }).then((r) => r.people),
});

/** The organization's platforms and its invitations to directed streams, as the province recorded them. */
export const entitlementsQuery = queryOptions({
  queryKey: ['entitlements'],
  queryFn: ({ signal }) => api<MyEntitlementsDto>('/entitlements', { signal }),
});

/** The unit's accounts and its open invitations (unit administrators only). */
export const unitUsersQuery = queryOptions({
  queryKey: ['organization', 'users'] as const,
  queryFn: ({ signal }) =>
    api<{ users: UnitUserView[] }>('/organization/users', { signal }).then((r) => r.users),
});

export const invitationsQuery = queryOptions({
  queryKey: ['organization', 'invitations'] as const,
  queryFn: ({ signal }) =>
    api<{ invitations: InvitationView[] }>('/organization/invitations', { signal }).then(
      (r) => r.invitations,
    ),
});

/** The unit's profile and its standing with its 主管部门 (unit administrators only). */
export const organizationProfileQuery = queryOptions({
  queryKey: ['organization', 'profile'],
  queryFn: ({ signal }) =>
    api<{ organization: OrganizationProfileView }>('/organization/profile', { signal }).then(
      (r) => r.organization,
    ),
});
