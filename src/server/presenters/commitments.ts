import { toBeijingIso } from '../../core/time.js';
import type { CommitmentOverview, CommitmentView } from '../../contract/review.js';
import type { CommitmentRecord } from '../repositories/commitments.js';
import type { Department } from '../repositories/departments.js';
import type { ConfirmationListing } from '../repositories/review.js';
import { presentConfirmation } from './review.js';

// 项目主管部门诚信承诺书: the department's uploads, and the province's overview of every department.

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

export function presentCommitmentHistory({
  current,
  history,
}: {
  current: CommitmentRecord | undefined;
  history: CommitmentRecord[];
}): { current: CommitmentView | null; history: CommitmentView[] } {
  return { current: current ? presentCommitment(current) : null, history: history.map(presentCommitment) };
}

export function presentCommitmentOverview(
  callId: string,
  rows: {
    department: Department;
    confirmation: ConfirmationListing | undefined;
    commitment: CommitmentRecord | undefined;
  }[],
): CommitmentOverview {
  return {
    callId,
    departments: rows.map(({ department, confirmation, commitment }) => ({
      department: { id: department.id, name: department.name, kind: department.kind },
      confirmation: confirmation ? presentConfirmation(confirmation) : null,
      commitment: commitment ? presentCommitment(commitment) : null,
    })),
  };
}
