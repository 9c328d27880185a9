import { toBeijingIso } from '../../core/time.js';
import type {
  ClaimView,
  OrganizationProfileView,
  OrganizationSummaryView,
  VerificationRequestView,
} from '../../contract/organizations.js';
import type { Organization } from '../repositories/organizations.js';
import type {
  ClaimRecord,
  VerificationRequest,
  VerificationRequestRecord,
} from '../repositories/organization-verification.js';
import { factChanges, type OrganizationDossier, ruleFactsOf } from '../services/organization-verification.js';

// 属地审核: an organization's dossier for its administrator and its department, the department's list, claims.

const iso = (at: Date | null) => (at ? toBeijingIso(at.getTime()) : null);

function presentRequest(
  request: VerificationRequestRecord,
  departmentNames: Map<string, string>,
): VerificationRequestView {
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    department: { id: request.departmentId, name: request.departmentName, kind: request.departmentKind },
    facts: request.facts,
    previous: request.previous,
    changes: factChanges(
      request.previous,
      request.facts,
      (id) => departmentNames.get(id) ?? '（已删除的部门）',
    ),
    reason: request.reason,
    requestedBy: request.requestedByName,
    requestedAt: toBeijingIso(request.requestedAt.getTime()),
    decidedBy: request.decidedByName,
    decidedAt: iso(request.decidedAt),
  };
}

export function presentDossier({
  organization: o,
  department,
  pending,
  history,
  departmentNames,
}: OrganizationDossier): OrganizationProfileView {
  return {
    id: o.id,
    name: o.name,
    creditCode: o.creditCode,
    address: o.address,
    contactName: o.contactName,
    contactMobile: o.contactMobile,
    contactEmail: o.contactEmail,
    ...ruleFactsOf(o),
    departmentId: o.departmentId,
    department: department ? { id: department.id, name: department.name, kind: department.kind } : null,
    verification: o.verification,
    rejectionReason: o.rejectionReason,
    canSubmit: o.verification === 'approved',
    pending: pending ? presentRequest(pending, departmentNames) : null,
    licence: {
      requestedAt: iso(o.licenceRequestedAt),
      note: o.licenceRequestNote,
      file:
        o.licenceSha256 && o.licenceUploadedAt
          ? {
              fileName: o.licenceFileName ?? '营业执照.pdf',
              uploadedAt: toBeijingIso(o.licenceUploadedAt.getTime()),
              sha256: o.licenceSha256,
            }
          : null,
    },
    history: history.map((r) => presentRequest(r, departmentNames)),
  };
}

export function presentOrganizationSummary({
  organization: o,
  pending,
}: {
  organization: Organization;
  pending: VerificationRequest | null;
}): OrganizationSummaryView {
  return {
    id: o.id,
    name: o.name,
    creditCode: o.creditCode,
    kind: o.kind,
    verification: o.verification,
    pending: pending
      ? { kind: pending.kind, requestedAt: toBeijingIso(pending.requestedAt.getTime()) }
      : null,
    licenceRequested: o.licenceRequestedAt !== null,
    licenceUploaded: o.licenceSha256 !== null,
    createdAt: toBeijingIso(o.createdAt.getTime()),
  };
}

export function presentClaim(c: ClaimRecord): ClaimView {
  return {
    id: c.id,
    organization: { id: c.organizationId, name: c.organizationName, creditCode: c.creditCode },
    name: c.name,
    mobile: c.mobile,
    email: c.email,
    note: c.note,
    status: c.status,
    reason: c.reason,
    createdAt: toBeijingIso(c.createdAt.getTime()),
    decidedAt: iso(c.decidedAt),
  };
}
