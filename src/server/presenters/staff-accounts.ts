import { maskPhone } from '../../core/masking.js';
import { toBeijingIso } from '../../core/time.js';
import type { CreatedAccount } from '../services/staff-accounts.js';
import type { Official } from '../repositories/users.js';
import type { CreatedOfficial, OfficialAccount } from '../../contract/accounts.js';
import type { Duty } from '../../contract/vocabulary.js';

export function presentOfficial({ user, department }: Official, whole = false): OfficialAccount {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role as OfficialAccount['role'],
    department,
    duties: user.duties as Duty[],
    mobile: user.mobile === null ? null : whole ? user.mobile : maskPhone(user.mobile),
    email: user.email,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    lastLoginAt: user.lastLoginAt ? toBeijingIso(user.lastLoginAt.getTime()) : null,
    createdAt: toBeijingIso(user.createdAt.getTime()),
  };
}

/** The creator sees the whole record once, with the generated password if there is one. */
export function presentCreatedOfficial({ official, initialPassword }: CreatedAccount): CreatedOfficial {
  return { account: presentOfficial(official, true), initialPassword };
}
