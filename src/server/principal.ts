import { AppError } from './errors.js';
import type { User } from './repositories/users.js';
import type { DepartmentDuty, Duty, ProvinceDuty, UserRole } from '../contract/vocabulary.js';

/** Who is acting, with the scope their role is authorized in and, for officials, their duties. */
export type Principal =
  | { role: 'unit-admin'; userId: string; organizationId: string }
  | { role: 'unit-contact'; userId: string; organizationId: string }
  | { role: 'pi'; userId: string; organizationId: string; personId: string }
  | { role: 'department'; userId: string; departmentId: string; duties: readonly DepartmentDuty[] }
  | { role: 'province'; userId: string; duties: readonly ProvinceDuty[] }
  | { role: 'expert'; userId: string };

export type PrincipalOf<R extends UserRole> = Extract<Principal, { role: R }>;

/** An official's duties; 管理员 holds every duty of its role. */
export function hasDuty(principal: Principal, duty: Duty): boolean {
  if (principal.role !== 'province' && principal.role !== 'department') return false;
  const duties: readonly Duty[] = principal.duties;
  return duties.includes('admin') || duties.includes(duty);
}

/** Refuses (403) an official who lacks `duty`; reading stays open to every account of the role. */
export function assertDuty(principal: Principal, duty: Duty): void {
  if (!hasDuty(principal, duty)) throw new AppError('MISSING_DUTY');
}

/** The users table's check constraints guarantee each role its scope and duties; this only restates them for the types. */
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
      return {
        role: user.role,
        userId: user.id,
        departmentId: scope(user.departmentId),
        duties: user.duties as DepartmentDuty[],
      };
    case 'province':
      return { role: user.role, userId: user.id, duties: user.duties as ProvinceDuty[] };
    case 'expert':
      return { role: user.role, userId: user.id };
  }
}
