import type { z } from 'zod';
import type { Organization } from '../repositories/organizations.js';
import type { UserProfile } from '../repositories/users.js';
import type { CurrentUser, registeredOrganizationResponseSchema } from '../../contract/auth.js';

export function presentCurrentUser({ user, organization, person, department }: UserProfile): CurrentUser {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    duties: user.duties as CurrentUser['duties'],
    organization,
    person,
    department,
  };
}

export function presentRegistration({
  organization,
  profile,
}: {
  organization: Organization;
  profile: UserProfile;
}): z.infer<typeof registeredOrganizationResponseSchema> {
  return {
    organization: { id: organization.id, name: organization.name, creditCode: organization.creditCode },
    user: presentCurrentUser(profile),
  };
}
