import { OBJECTION_FINDING_LABELS, OBJECTION_STATUS_LABELS } from '../../core/objections/objections.js';
import { toBeijingIso } from '../../core/time.js';
import type {
  FeedbackCandidateView,
  FeedbackOverviewView,
  ReleasedOpinionView,
} from '../../contract/feedback.js';
import type {
  ObjectionDetailView,
  ObjectionReceiptView,
  ObjectionSummaryView,
} from '../../contract/objections.js';
import { OBJECTION_EVIDENCE_MAX } from '../../core/objections/objections.js';
import {
  type FeedbackCandidate,
  type FeedbackOverview,
  opinionLabelOf,
  type ReleasedOpinion,
} from '../services/feedback.js';
import type { ObjectionDetail, ObjectionItem, ObjectionReceipt } from '../services/objections.js';

// 公示异议 and 评审意见反馈 as people read them: labels, Beijing times, no expert's name.

const iso = (at: Date) => toBeijingIso(at.getTime());
const isoOrNull = (at: Date | null) => (at ? iso(at) : null);

export function presentObjectionReceipt(receipt: ObjectionReceipt): ObjectionReceiptView {
  return {
    reference: receipt.row.reference,
    receivedAt: iso(receipt.row.receivedAt),
    evidenceKey: receipt.evidenceKey,
    evidenceCount: receipt.evidenceCount,
    evidenceMax: OBJECTION_EVIDENCE_MAX,
    emailed: receipt.emailed,
  };
}

export function presentObjectionSummary({ row, entry }: ObjectionItem): ObjectionSummaryView {
  return {
    id: row.id,
    reference: row.reference,
    acceptanceNo: row.acceptanceNo,
    projectTitle: entry?.title ?? '',
    organizationName: entry?.organizationName ?? '',
    status: row.status,
    statusLabel: OBJECTION_STATUS_LABELS[row.status],
    finding: row.finding,
    findingLabel: row.finding ? OBJECTION_FINDING_LABELS[row.finding] : null,
    revokedApproval: row.revokedApproval,
    receivedAt: iso(row.receivedAt),
  };
}

export function presentObjectionDetail(detail: ObjectionDetail): ObjectionDetailView {
  const { row, announcement, decision } = detail;
  return {
    objection: presentObjectionSummary(detail),
    announcement: {
      id: announcement.id,
      title: announcement.title,
      startsOn: announcement.startsOn!,
      endsOn: announcement.endsOn!,
    },
    objector: { name: row.name, mobile: row.mobile, email: row.email, organization: row.organization },
    grounds: row.grounds,
    evidence: detail.evidence.map((e) => ({ sha256: e.sha256, fileName: e.fileName, size: e.size })),
    notes: detail.notes.map((n) => ({ text: n.text, at: iso(n.at), byName: n.byName })),
    findingText: row.findingText,
    registeredAt: isoOrNull(row.registeredAt),
    closedAt: isoOrNull(row.closedAt),
    decision: decision
      ? {
          outcome: decision.outcome,
          outcomeLabel: decision.revokedAt
            ? '立项已撤销'
            : decision.outcome === 'approved'
              ? '立项'
              : '不予立项',
          funding: decision.funding,
          revokedAt: isoOrNull(decision.revokedAt),
          revokedReason: decision.revokedReason,
        }
      : null,
  };
}

export function presentReleasedOpinion(opinion: ReleasedOpinion): ReleasedOpinionView {
  return { label: opinion.label, text: opinion.text, releasedAt: iso(opinion.releasedAt) };
}

export function presentFeedbackCandidate({
  row,
  comments,
  released,
}: FeedbackCandidate): FeedbackCandidateView {
  const decision = row.decision!;
  return {
    applicationId: row.application.id,
    acceptanceNo: row.application.acceptanceNo,
    title: row.application.form.title ?? '',
    organizationName: row.organizationName,
    outcome: decision.outcome,
    outcomeLabel: decision.revokedAt ? '立项已撤销' : decision.outcome === 'approved' ? '立项' : '不予立项',
    comments,
    released: released.map((r) =>
      presentReleasedOpinion({ label: opinionLabelOf(r), text: r.text, releasedAt: r.releasedAt }),
    ),
  };
}

export function presentFeedbackOverview(overview: FeedbackOverview): FeedbackOverviewView {
  return { enabled: overview.enabled, candidates: overview.candidates.map(presentFeedbackCandidate) };
}
