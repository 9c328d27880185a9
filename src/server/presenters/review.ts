import { toBeijingIso } from '../../core/time.js';
import type { NamedApplication } from '../repositories/applications.js';
import type { CommitmentRecord } from '../repositories/commitments.js';
import type { ConfirmationListing } from '../repositories/review.js';
import type { CommitmentView } from '../../contract/review.js';
import type { ReviewItem } from '../services/review.js';
import { presentApplication } from './applications.js';

export function presentReviewItem(item: ReviewItem, named: NamedApplication) {
  return {
    application: presentApplication(named),
    eligible: !item.findings.some((f) => f.severity === 'error'),
    findings: item.findings,
    readOnly: item.readOnly,
    countsAgainstQuotaOf: item.quotaHolder ? { id: item.quotaHolder.id, name: item.quotaHolder.name } : null,
    separateSlot: item.row.separateSlot,
    recommendationAt: item.row.recommendationAt ? toBeijingIso(item.row.recommendationAt.getTime()) : null,
  };
}

export function presentConfirmation(row: ConfirmationListing) {
  return {
    department: { id: row.departmentId, name: row.departmentName, kind: row.departmentKind },
    callId: row.callId,
    confirmedAt: toBeijingIso(row.confirmedAt.getTime()),
    confirmedBy: row.confirmedBy,
    summary: row.summary,
  };
}

export function presentCommitment(row: CommitmentRecord): CommitmentView {
  return {
    id: row.id,
    callId: row.callId,
    department: { id: row.departmentId, name: row.departmentName },
    fileName: row.fileName,
    sha256: row.fileSha256,
    size: row.size,
    uploadedBy: row.uploadedBy,
    uploadedAt: toBeijingIso(row.uploadedAt.getTime()),
    supersededAt: row.supersededAt ? toBeijingIso(row.supersededAt.getTime()) : null,
  };
}
