import type { z } from 'zod';
import type { Organization } from '../repositories/organizations.js';
import type { UserProfile } from '../repositories/users.js';
import {
  type CurrentUser,
  PASSWORD_RESET_TTL_MINUTES,
  type passwordResetAcceptedSchema,
  type registeredOrganizationResponseSchema,
} from '../../contract/auth.js';

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
    mustChangePassword: user.mustChangePassword,
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

/** The same words whether or not the account exists. */
export function presentResetRequested(): z.infer<typeof passwordResetAcceptedSchema> {
  return {
    message: `如果该登录名或电子邮箱对应一个可用的账号，重置密码的链接已发送到该账号登记的电子邮箱，${PASSWORD_RESET_TTL_MINUTES} 分钟内有效。`,
  };
}
