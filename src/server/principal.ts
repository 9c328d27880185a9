import type { User } from './repositories/users.js';
import type { UserRole } from '../contract/vocabulary.js';

/** Who is acting, with the scope their role is authorized in. */
export type Principal =
  | { role: 'unit-admin'; userId: string; organizationId: string }
  | { role: 'unit-contact'; userId: string; organizationId: string }
  | { role: 'pi'; userId: string; organizationId: string; personId: string }
  | { role: 'department'; userId: string; departmentId: string }
  | { role: 'province'; userId: string }
  | { role: 'expert'; userId: string };

export type PrincipalOf<R extends UserRole> = Extract<Principal, { role: R }>;

/** The users table's check constraint guarantees each role its scope; this only restates it for the types. */
export function principalOf(user: User): Principal {
  const scope = (value: string | null): string => {
    if (value === null) throw new Error(`user ${user.id} (${user.role}) lacks the scope of its role`);
    return value;
  };
  switch (user.role) {
    case 'unit-admin':
    case 'unit-contact':
      return { role: user.role, userId: user.id, organizationId: scope(user.organizationId) };
    case 'pi':
      return {
        role: user.role,
        userId: user.id,
        organizationId: scope(user.organizationId),
        personId: scope(user.personId),
      };
    case 'department':
      return { role: user.role, userId: user.id, departmentId: scope(user.departmentId) };
    case 'province':
    case 'expert':
      return { role: user.role, userId: user.id };
  }
}
