import { WIDE_SPREAD_POINTS } from '../../core/experts/aggregation.js';
import { maskPhone } from '../../core/masking.js';
import { weightedTotal } from '../../core/experts/scoring-forms.js';
import { toBeijingIso } from '../../core/time.js';
import type {
  AutoAssignResult,
  DeclaredConflictView,
  ExpertDetail,
  ExpertView,
  ProvinceAssignmentView,
  ReviewedApplicationView,
  ReviewedDetail,
  reviewedListResponseSchema,
} from '../../contract/experts.js';
import type { ExpertConflictRow } from '../repositories/experts.js';
import {
  type ApplicationReview,
  type AutoAssignOutcome,
  type ExpertListing,
  type ExpertRecord,
  profileOf,
  type ReviewedApplication,
  type TopicAssignment,
} from '../services/experts.js';
import type { z } from 'zod';
import { partnerOf } from './expert.js';
import { contentForReviewer } from './reviewer-content.js';

// 专家评审 as the province sees it: the pool, declared conflicts, assignments and the aggregated scores.

const iso = (at: Date) => toBeijingIso(at.getTime());

/** An expert as lists show them: the phone masked (`138****5678`); the record itself shows it whole. */
export function presentExpert(e: ExpertListing): ExpertView {
  const expert = presentExpertInFull(e);
  return { ...expert, phone: expert.phone && maskPhone(expert.phone) };
}

function presentExpertInFull(e: ExpertListing): ExpertView {
  return { id: e.id, login: e.login, ...profileOf(e), assignments: e.assignments, pending: e.pending };
}

export function presentDeclaredConflict(row: ExpertConflictRow): DeclaredConflictView {
  return {
    id: row.id,
    creditCode: row.creditCode,
    applicationId: row.applicationId,
    reason: row.reason,
    createdAt: iso(row.createdAt),
  };
}

export function presentExpertRecord({ expert, conflicts }: ExpertRecord): ExpertDetail {
  // One expert's record, opened to call or correct them: the phone is whole, for the province that manages the pool.
  return { expert: presentExpertInFull(expert), conflicts: conflicts.map(presentDeclaredConflict) };
}

export function presentProvinceAssignment(a: TopicAssignment): ProvinceAssignmentView {
  const submitted = a.submittedAt !== null;
  return {
    id: a.id,
    applicationId: a.applicationId,
    expert: a.expert,
    roundId: a.roundId,
    invitationStatus: a.invitationStatus,
    dueAt: iso(a.dueAt),
    assignedAt: iso(a.assignedAt),
    submittedAt: a.submittedAt ? iso(a.submittedAt) : null,
    overrideReason: a.overrideReason,
    conflicts: a.conflicts,
    // Drafts are the expert's own until submitted.
    scores: submitted ? a.scores : null,
    total: submitted ? weightedTotal(a.form.content, a.scores) : null,
    recommendedFunding: submitted ? a.recommendedFunding : null,
    roundKind: a.form.kind,
    formVersion: a.form.version,
    comment: submitted ? a.comment : null,
  };
}

export function presentReviewedApplication({
  application: row,
  assignments,
  aggregate,
  feasibility,
}: ReviewedApplication): ReviewedApplicationView {
  return {
    id: row.id,
    callId: row.callId,
    acceptanceNo: row.acceptanceNo,
    topic: row.topic as ReviewedApplicationView['topic'],
    direction: row.direction,
    title: row.form.title ?? '',
    field: row.form.field ?? '',
    organization: row.organization,
    department: row.department,
    assignments: assignments.map(presentProvinceAssignment),
    aggregate,
    feasibility,
  };
}

export function presentReviewedList(
  applications: ReviewedApplication[],
): z.infer<typeof reviewedListResponseSchema> {
  return { applications: applications.map(presentReviewedApplication), wideSpreadPoints: WIDE_SPREAD_POINTS };
}

export function presentApplicationReview({
  reviewed,
  candidates,
  criteria,
}: ApplicationReview): ReviewedDetail {
  return {
    application: presentReviewedApplication(reviewed),
    content: contentForReviewer(reviewed.application.form, 'official'),
    partner: partnerOf(reviewed.application.form),
    candidates: candidates.map((c) => ({ ...c, expert: presentExpert(c.expert) })),
    criteria: criteria.map((c) => ({ ...c, anchors: [...c.anchors] })),
  };
}

export function presentAutoAssignOutcome({ assigned, shortfalls }: AutoAssignOutcome): AutoAssignResult {
  return {
    assigned,
    shortfalls: shortfalls.map(({ application, missing }) => ({
      applicationId: application.id,
      acceptanceNo: application.acceptanceNo,
      title: application.form.title ?? '',
      missing,
    })),
  };
}
