import { APPEAL_STATUS_LABELS } from '../../core/appeals/statuses.js';
import { type AppealWindow, appealDeadlineText } from '../../core/appeals/window.js';
import { toBeijingIso } from '../../core/time.js';
import type { AppealView, ApplicantAppealsView, ProvinceAppealView } from '../../contract/appeals.js';
import type { AvoidedExpertList } from '../../contract/avoided-experts.js';
import { APPEAL_EVIDENCE_MAX } from '../../core/appeals/statuses.js';
import type { AppealRow } from '../repositories/appeals.js';
import type { ApplicantAppeals, ProvinceAppeal } from '../services/appeals.js';
import type { AvoidedExpertList as AvoidedExperts } from '../services/avoided-experts.js';
import type { AvoidedExpertRow } from '../repositories/avoided-experts.js';

// 回避专家 and 复核 as people read them: Beijing times, statuses as labels, the deadline in words; evidence by
// its position and file name, never its hash.

const iso = (at: Date) => toBeijingIso(at.getTime());

export function presentAvoidedExpert(row: AvoidedExpertRow) {
  return {
    id: row.id,
    name: row.name,
    organization: row.organization,
    reason: row.reason,
    createdAt: iso(row.createdAt),
  };
}

export function presentAvoidedExperts({ rows, max, editable }: AvoidedExperts): AvoidedExpertList {
  return { avoidedExperts: rows.map(presentAvoidedExpert), max, editable };
}

export function presentAppeal(appeal: AppealRow, window: AppealWindow): AppealView {
  return {
    id: appeal.id,
    applicationId: appeal.applicationId,
    status: appeal.status,
    statusLabel: APPEAL_STATUS_LABELS[appeal.status],
    reasons: appeal.reasons,
    evidence: appeal.evidence.map((e, index) => ({
      index,
      fileName: e.fileName,
      size: e.size,
      uploadedAt: toBeijingIso(Date.parse(e.uploadedAt)),
    })),
    filedAt: iso(appeal.filedAt),
    deadline: window.lastDay,
    deadlineText: appealDeadlineText(window),
    decidedAt: appeal.decidedAt ? iso(appeal.decidedAt) : null,
    decisionReason: appeal.decisionReason,
  };
}

export function presentApplicantAppeals({
  window,
  canAppeal,
  appeals,
}: ApplicantAppeals): ApplicantAppealsView {
  return {
    window: window
      ? {
          deadline: window.lastDay,
          deadlineText: appealDeadlineText(window),
          open: window.open,
          workingDays: window.workingDays,
        }
      : null,
    canAppeal,
    evidenceMax: APPEAL_EVIDENCE_MAX,
    appeals: appeals.map(({ appeal, window: w }) => presentAppeal(appeal, w)),
  };
}

export function presentProvinceAppeal({
  appeal,
  application,
  organizationName,
  window,
}: ProvinceAppeal): ProvinceAppealView {
  return {
    ...presentAppeal(appeal, window),
    acceptanceNo: application.acceptanceNo,
    title: application.title,
    organizationName,
  };
}
