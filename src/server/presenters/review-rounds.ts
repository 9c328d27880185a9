import { CONFIDENTIALITY_PLEDGE, VACANCY_CAUSE_LABELS } from '../../core/experts/invitations.js';
import { toBeijingIso } from '../../core/time.js';
import type {
  MyInvitationView,
  ProvinceInvitationView,
  ReassignResult,
  RoundDetail,
  RoundView,
  VacancyView,
} from '../../contract/review-rounds.js';
import type { InvitationWithExpert, OpenVacancy } from '../repositories/review-rounds.js';
import type { MyInvitation } from '../services/expert-invitations.js';
import type { Reassignment, RoundListing, RoundRecord } from '../services/review-rounds.js';

// 评审轮次和邀请 as the province and the expert see them: times in Beijing time, causes by their labels.

const iso = (at: Date) => toBeijingIso(at.getTime());

export function presentRound({ round, callName, invitations }: RoundListing): RoundView {
  return {
    id: round.id,
    callId: round.callId,
    callName,
    kind: round.kind,
    name: round.name,
    respondBy: iso(round.respondBy),
    dueAt: iso(round.dueAt),
    createdAt: iso(round.createdAt),
    invitations,
  };
}

export function presentProvinceInvitation({
  invitation: i,
  expert,
  assignments,
}: InvitationWithExpert): ProvinceInvitationView {
  return {
    id: i.id,
    expert,
    status: i.status,
    invitedAt: iso(i.invitedAt),
    respondBy: iso(i.respondBy),
    respondedAt: i.respondedAt ? iso(i.respondedAt) : null,
    declineReason: i.declineReason,
    remindedAt: i.remindedAt ? iso(i.remindedAt) : null,
    declaredConflicts: i.declarations.flatMap((d) =>
      d.conflict ? [{ applicationId: d.applicationId, reason: d.reason ?? '' }] : [],
    ),
    assignments,
  };
}

export function presentRoundDetail({ listing, invitations }: RoundRecord): RoundDetail {
  return { round: presentRound(listing), invitations: invitations.map(presentProvinceInvitation) };
}

export function presentVacancy({ vacancy, round, expert, application }: OpenVacancy): VacancyView {
  return {
    id: vacancy.id,
    round: { id: round.id, name: round.name, kind: round.kind },
    application: {
      id: application.id,
      acceptanceNo: application.acceptanceNo,
      title: application.title ?? '',
    },
    expert,
    cause: vacancy.cause,
    causeLabel: VACANCY_CAUSE_LABELS[vacancy.cause],
    reason: vacancy.reason,
    createdAt: iso(vacancy.createdAt),
  };
}

export function presentReassignment(r: Reassignment): ReassignResult {
  return {
    assignmentId: r.assignment.id,
    expert: r.expert,
    fieldMatch: r.fieldMatch,
    invitationStatus: r.invitationStatus,
  };
}

export function presentMyInvitation(m: MyInvitation): MyInvitationView {
  const { invitation: i, round } = m;
  return {
    id: i.id,
    round: { id: round.id, name: round.name, kind: round.kind, dueAt: iso(round.dueAt) },
    callName: m.callName,
    status: i.status,
    respondBy: iso(i.respondBy),
    respondedAt: i.respondedAt ? iso(i.respondedAt) : null,
    answerable: m.answerable,
    declineReason: i.declineReason,
    applications: m.applications.map((a) => ({
      applicationId: a.applicationId,
      acceptanceNo: a.acceptanceNo,
      title: a.title,
      applicant: a.applicant,
      topic: a.topic as MyInvitationView['applications'][number]['topic'],
    })),
    confidentialityText: i.confidentialityText ?? CONFIDENTIALITY_PLEDGE,
  };
}
