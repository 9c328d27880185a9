import type { CurrentUser } from '../../contract/auth.js';
import type { UserRole } from '../../contract/vocabulary.js';
import { PI_MENU, UNIT_ADMIN_MENU, UNIT_CONTACT_MENU } from '../features/applicant/routes.js';
import { DEPARTMENT_MENU } from '../features/department/routes.js';
import { EXPERT_MENU } from '../features/expert/routes.js';
import { PROVINCE_MENU } from '../features/province/routes.js';
import type { MenuItem } from './menu-item.js';

/** Each role's side menu; its first entry is the role's home. */
export const MENUS: Record<UserRole, MenuItem[]> = {
  'unit-admin': UNIT_ADMIN_MENU,
  'unit-contact': UNIT_CONTACT_MENU,
  pi: PI_MENU,
  department: DEPARTMENT_MENU,
  province: PROVINCE_MENU,
  expert: EXPERT_MENU,
};

export const homeOf = (role: UserRole): string => MENUS[role][0]!.key;

/** The menu the user sees: entries of a duty they do not hold are left out (the server refuses them anyway). */
export function menuOf(user: Pick<CurrentUser, 'role' | 'duties'>): MenuItem[] {
  return MENUS[user.role].filter(
    ({ duty }) => !duty || user.duties.includes('admin') || user.duties.includes(duty),
  );
}
