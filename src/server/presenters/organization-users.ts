import { maskPhone } from '../../core/masking.js';
import { toBeijingIso } from '../../core/time.js';
import type { InvitationView, UnitUserView } from '../../contract/organization-users.js';
import type { UnitRole } from '../../contract/vocabulary.js';
import type { PendingInvitation } from '../repositories/invitations.js';
import type { UnitUser } from '../services/organization-users.js';

// An organization's accounts and open invitations, as its administrators see them.

const iso = (at: Date) => toBeijingIso(at.getTime());

export function presentUnitUser(user: UnitUser): UnitUserView {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role as UnitRole,
    email: user.email,
    mobile: user.mobile && maskPhone(user.mobile),
    personName: user.personName,
    disabled: user.disabled,
    lastLoginAt: user.lastLoginAt && iso(user.lastLoginAt),
  };
}

export function presentInvitation(invitation: PendingInvitation): InvitationView {
  return {
    ...invitation,
    createdAt: iso(invitation.createdAt),
    expiresAt: iso(invitation.expiresAt),
  };
}
