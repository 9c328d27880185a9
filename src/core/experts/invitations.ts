import { fieldMatches } from './assignment.js';
import type { InvitationStatus } from './rounds.js';

// 评审邀请 (issue 14 §1): the rules of answering an invitation to a review round, its reminder and expiry, and
// the choice of the expert who replaces one lost to a decline, an expiry or a declared conflict. Pure.

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** 保密承诺: shown to the expert on accepting, and stored with the invitation as agreed. */
export const CONFIDENTIALITY_PLEDGE =
  '本人承诺：对评审中获知的申报材料、评审意见、评审结果及其他评审信息严格保密，不复制、不泄露、不对外传播，' +
  '不利用评审信息谋取任何利益；评审结束后不保留申报材料；不与申报单位、项目负责人及合作方私下接触；' +
  '如与所评项目存在利益关系，主动声明并申请回避。如有违反，愿承担相应责任。';

/** Why an application needs another expert. */
export const VACANCY_CAUSES = ['declined', 'expired', 'conflict'] as const;
export type VacancyCause = (typeof VACANCY_CAUSES)[number];

export const VACANCY_CAUSE_LABELS: Record<VacancyCause, string> = {
  declined: '专家谢绝邀请',
  expired: '邀请逾期未答复',
  conflict: '专家声明利益冲突',
};

/**
 * When an invitation must be answered: the date the province gives, else the round's while it is still ahead,
 * else `invitationDays` days from now; never after the scores are due.
 */
export function invitationDeadline(input: {
  now: Date;
  given?: Date | undefined;
  roundRespondBy: Date;
  roundDueAt: Date;
  invitationDays: number;
}): Date {
  const { now, given, roundRespondBy, roundDueAt, invitationDays } = input;
  const chosen =
    given ?? (roundRespondBy > now ? roundRespondBy : new Date(now.getTime() + invitationDays * DAY_MS));
  return chosen > roundDueAt ? roundDueAt : chosen;
}

/** The default answer deadline of a round created without one. */
export function defaultRoundRespondBy(now: Date, invitationDays: number): Date {
  return new Date(now.getTime() + invitationDays * DAY_MS);
}

/** Whether a pending invitation may still be answered at `now` (the deadline itself is too late). */
export function answerable(status: InvitationStatus, respondBy: Date, now: Date): boolean {
  return status === 'pending' && now < respondBy;
}

/** Whether a pending, not yet reminded invitation is within `reminderHours` of its deadline at `now`. */
export function reminderDue(
  invitation: { status: InvitationStatus; respondBy: Date; remindedAt: Date | null },
  now: Date,
  reminderHours: number,
): boolean {
  if (invitation.status !== 'pending' || invitation.remindedAt) return false;
  const left = invitation.respondBy.getTime() - now.getTime();
  return left > 0 && left <= reminderHours * HOUR_MS;
}

/** Whether a pending invitation is past its deadline at `now`. */
export function expiredAt(invitation: { status: InvitationStatus; respondBy: Date }, now: Date): boolean {
  return invitation.status === 'pending' && now >= invitation.respondBy;
}

export interface ConflictAnswer {
  applicationId: string;
  conflict: boolean;
  reason?: string | undefined;
}

export interface AnswerProblem {
  path: string;
  message: string;
}

/**
 * The conflicts declared on accepting: one answer for each assigned application (`assigned`, in order), a reason
 * for each yes, none for an application not assigned.
 */
export function conflictAnswerProblems(
  assigned: readonly { applicationId: string; title: string }[],
  answers: readonly ConflictAnswer[],
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const wanted = new Set(assigned.map((a) => a.applicationId));
  answers.forEach((answer, i) => {
    if (!wanted.has(answer.applicationId))
      problems.push({
        path: `conflicts.${i}.applicationId`,
        message: '利益冲突声明：所列申报书不在本轮分配给您的项目中',
      });
  });
  assigned.forEach((a) => {
    const index = answers.findIndex((answer) => answer.applicationId === a.applicationId);
    const answer = answers[index];
    if (!answer) {
      problems.push({
        path: 'conflicts',
        message: `利益冲突声明：请对“${a.title || '（未填写项目名称）'}”选择是否存在利益冲突`,
      });
    } else if (answer.conflict && !answer.reason?.trim()) {
      problems.push({
        path: `conflicts.${index}.reason`,
        message: `利益冲突声明：“${a.title || '（未填写项目名称）'}”存在利益冲突，请填写理由`,
      });
    }
  });
  return problems;
}

export interface ReplacementCandidate {
  id: string;
  fields: readonly string[];
  active: boolean;
  /** Assignments the expert holds in the call. */
  load: number;
  /** In conflict with the application (declared, or by affiliation). */
  conflicted: boolean;
  /** Declined (or let expire) an invitation to the round. */
  declined: boolean;
  /** Already assigned to the application in the round. */
  assigned: boolean;
}

/**
 * The expert to fill a vacancy: active, not in conflict, not having declined the round, not already on the
 * application; of the application's field first, then the least loaded in the call.
 */
export function pickReplacement(
  candidates: readonly ReplacementCandidate[],
  field: string | undefined,
): ReplacementCandidate | undefined {
  const eligible = candidates.filter((c) => c.active && !c.conflicted && !c.declined && !c.assigned);
  const match = (c: ReplacementCandidate) => (fieldMatches(c.fields, field) ? 0 : 1);
  return [...eligible].sort((a, b) => match(a) - match(b) || a.load - b.load || a.id.localeCompare(b.id))[0];
}
