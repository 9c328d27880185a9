import type { Principal, PrincipalOf } from '../principal.js';
import { type ApplicationRow, wasReceived } from '../repositories/applications.js';
import { APPLICANT_ROLES } from '../../contract/vocabulary.js';

// Who may see and change an application, and so its documents.

export type Applicant = PrincipalOf<(typeof APPLICANT_ROLES)[number]>;

const EDITABLE = new Set<ApplicationRow['status']>(['draft', 'returned']);

export function isEditable(row: ApplicationRow): boolean {
  return EDITABLE.has(row.status);
}

/**
 * Whether `actor` may see the application; anyone else is answered exactly as for a missing one. Departments
 * and the province see it once it reached its department (`wasReceived`: never a draft withdrawn unsubmitted);
 * experts will see what they are assigned (issue 5).
 */
export function canRead(actor: Principal, row: ApplicationRow): boolean {
  switch (actor.role) {
    case 'unit-admin':
    case 'unit-contact':
      return row.organizationId === actor.organizationId;
    case 'pi':
      return row.piId === actor.personId;
    case 'department':
      return row.departmentId === actor.departmentId && wasReceived(row);
    case 'province':
      return wasReceived(row);
    case 'expert':
      return false;
  }
}

/** Whether a department whose jurisdiction (itself, and a city's counties) is `departments` has received the application. */
export function receivedWithin(row: ApplicationRow, departments: readonly { id: string }[]): boolean {
  return wasReceived(row) && departments.some((d) => d.id === row.departmentId);
}

/**
 * `canRead`, and for a city also its counties' received applications, which review shows it read-only (they
 * count against its quota). `jurisdiction` is asked only when that decides.
 */
export async function canReadWithin(
  actor: Principal,
  row: ApplicationRow,
  jurisdiction: (departmentId: string) => Promise<readonly { id: string }[]>,
): Promise<boolean> {
  if (canRead(actor, row)) return true;
  return actor.role === 'department' && receivedWithin(row, await jurisdiction(actor.departmentId));
}

/** What an applicant's applications are theirs by: the organisation's, or for a PI, those they lead. */
export function applicantScope(actor: Principal): { organizationId: string } | { piId: string } | undefined {
  switch (actor.role) {
    case 'unit-admin':
    case 'unit-contact':
      return { organizationId: actor.organizationId };
    case 'pi':
      return { piId: actor.personId };
    default:
      return undefined;
  }
}

export function canEdit(actor: Principal, row: ApplicationRow): actor is Applicant {
  return (APPLICANT_ROLES as readonly string[]).includes(actor.role) && canRead(actor, row);
}
