import type { UserProfile } from '../repositories/users.js';
import type { CurrentUser } from '../../contract/auth.js';

export function presentCurrentUser({ user, organization, person, department }: UserProfile): CurrentUser {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    organization,
    person,
    department,
  };
}
