import { conflictsOf } from '../../core/experts/conflicts.js';
import {
  defaultRoundRespondBy,
  invitationDeadline,
  pickReplacement,
  type VacancyCause,
} from '../../core/experts/invitations.js';
import { INVITATION_STATUSES, type InvitationStatus, ROUND_KIND_LABELS } from '../../core/experts/rounds.js';
import { fieldMatches } from '../../core/experts/assignment.js';
import { groupBy } from '../../core/group-by.js';
import { toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { AssignmentRow } from '../repositories/experts.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type {
  InvitationRow,
  InvitationWithExpert,
  OpenVacancy,
  RoundRow,
} from '../repositories/review-rounds.js';
import type { CreateRoundBody, InviteBody, ReassignBody } from '../../contract/review-rounds.js';
import { parametersOf } from './calls.js';
import { auditedAssignment, insertAssignment, partiesOf } from './assignments.js';
import { expertAssignedMessage, expertInvitedMessage } from './notifications/messages.js';
import { notify } from './notifications/notify.js';

// 评审轮次和邀请, the province's side (issue 14 §1): rounds of a call, experts invited to them (explicitly, or
// on being assigned), and the applications that lost an expert to a decline, an expiry or a declared conflict,
// refilled with one click by the best available expert. The expert's side is `expert-invitations.ts`.

type Province = PrincipalOf<'province'>;

const iso = (at: Date) => toBeijingIso(at.getTime());

export interface RoundListing {
  round: RoundRow;
  callName: string;
  invitations: Record<InvitationStatus, number>;
}

export interface RoundRecord {
  listing: RoundListing;
  invitations: InvitationWithExpert[];
}

export interface Reassignment {
  assignment: AssignmentRow;
  expert: { id: string; name: string; organizationName: string };
  fieldMatch: boolean;
  invitationStatus: InvitationStatus;
}

/** The call's review terms (中心配置). */
async function reviewTermsOf(repos: Repositories, callId: string) {
  const call = await repos.calls.findById(callId);
  if (!call) throw new AppError('CALL_NOT_FOUND');
  return { call, terms: parametersOf(call).review.value };
}

/** What the audit log keeps of an invitation. */
export const auditedInvitation = (i: InvitationRow) => ({
  roundId: i.roundId,
  expertId: i.expertId,
  status: i.status,
  respondBy: iso(i.respondBy),
  respondedAt: i.respondedAt ? iso(i.respondedAt) : null,
  declineReason: i.declineReason,
});

/** Tells the expert of an invitation: the round, its call, the deadline and the applications by title. */
export async function notifyInvited(
  repos: Repositories,
  userId: string,
  round: RoundRow,
  invitation: InvitationRow,
  titles: readonly string[],
): Promise<number> {
  const call = await repos.calls.findById(round.callId);
  return notify(
    repos,
    { userIds: [userId] },
    {
      kind: 'expert.invited',
      ...expertInvitedMessage({
        roundName: round.name,
        kindLabel: ROUND_KIND_LABELS[round.kind],
        callName: call?.name ?? '',
        respondBy: invitation.respondBy,
        titles,
      }),
      key: `invited:${invitation.id}`,
    },
  );
}

/**
 * The expert's invitation to the round: the existing one, or a new pending one (audited) answered by `given`,
 * else the round's deadline while ahead, else `review.invitationDays` days from now. In the caller's transaction.
 */
export async function ensureInvitation(
  repos: Repositories,
  now: Date,
  actorUserId: string,
  round: RoundRow,
  expertId: string,
  given?: Date,
): Promise<{ invitation: InvitationRow; created: boolean }> {
  const existing = await repos.reviewRounds.invitationOf(round.id, expertId);
  if (existing) return { invitation: existing, created: false };
  const { terms } = await reviewTermsOf(repos, round.callId);
  const respondBy = invitationDeadline({
    now,
    given,
    roundRespondBy: round.respondBy,
    roundDueAt: round.dueAt,
    invitationDays: terms.invitationDays,
  });
  const row = await repos.reviewRounds.insertInvitation({
    roundId: round.id,
    expertId,
    status: 'pending',
    invitedAt: now,
    invitedBy: actorUserId,
    respondBy,
  });
  // Inserted by a concurrent writer between the read and the insert: theirs stands.
  if (!row)
    return { invitation: (await repos.reviewRounds.invitationOf(round.id, expertId))!, created: false };
  await repos.audit.append({
    at: now,
    actorUserId,
    action: 'expert.invited',
    entityType: 'expert-invitation',
    entityId: row.id,
    after: auditedInvitation(row),
  });
  return { invitation: row, created: true };
}

/** Removes unsubmitted assignments lost to `cause`, each leaving a vacancy for the province to refill. */
export async function loseAssignments(
  repos: Repositories,
  now: Date,
  rows: readonly AssignmentRow[],
  cause: VacancyCause,
  reason: string | null,
): Promise<void> {
  for (const row of rows) {
    await repos.experts.deleteAssignment(row.id);
    await repos.reviewRounds.insertVacancy({
      roundId: row.roundId,
      applicationId: row.applicationId,
      expertId: row.expertId,
      cause,
      reason,
      createdAt: now,
    });
  }
}

/**
 * 回避: the expert withdraws from an unsubmitted assignment. The reason stays as a declared conflict with the
 * application (assigning the expert again asks for an override), and the application needs another expert.
 */
export async function recuseAssignment(
  repos: Repositories,
  now: Date,
  actorUserId: string,
  row: AssignmentRow,
  reason: string,
): Promise<void> {
  const conflict = await repos.experts.insertConflict({
    expertId: row.expertId,
    creditCode: null,
    applicationId: row.applicationId,
    reason: `专家本人申请回避：${reason}`,
    createdAt: now,
    createdBy: actorUserId,
  });
  await loseAssignments(repos, now, [row], 'conflict', reason);
  await repos.audit.append({
    at: now,
    actorUserId,
    action: 'expert.recused',
    entityType: 'expert-assignment',
    entityId: row.id,
    before: auditedAssignment(row),
    after: { conflictId: conflict.id, reason },
  });
}

/** Province only: every method takes its principal. */
export class ReviewRoundService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  async create(actor: Province, body: CreateRoundBody): Promise<RoundListing> {
    const now = this.clock.now();
    const id = await inTransaction(this.db, async (repos) => {
      const call = await repos.calls.findById(body.callId);
      if (!call) throw AppError.invalidField('callId', '申报计划：不存在');
      const { terms } = await reviewTermsOf(repos, call.id);
      const respondBy = body.respondBy
        ? new Date(body.respondBy)
        : defaultRoundRespondBy(now, terms.invitationDays);
      const dueAt = new Date(body.dueAt);
      if (respondBy <= now)
        throw AppError.invalidField('respondBy', '邀请答复截止时间：须晚于当前时间（北京时间）');
      if (dueAt <= respondBy)
        throw AppError.invalidField('dueAt', '评分截止时间：须晚于邀请答复截止时间（北京时间）');
      const round = await repos.reviewRounds.insert({
        callId: call.id,
        kind: body.kind,
        name: body.name,
        respondBy,
        dueAt,
        createdAt: now,
        createdBy: actor.userId,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'review-round.created',
        entityType: 'review-round',
        entityId: round.id,
        after: {
          callId: call.id,
          kind: round.kind,
          name: round.name,
          respondBy: iso(respondBy),
          dueAt: iso(dueAt),
        },
      });
      return round.id;
    });
    return (await this.listings(this.repos, undefined, id))[0]!;
  }

  list(_actor: Province, callId?: string): Promise<RoundListing[]> {
    return this.listings(this.repos, callId);
  }

  async detail(_actor: Province, id: string): Promise<RoundRecord> {
    const [listing] = await this.listings(this.repos, undefined, id);
    if (!listing) throw new AppError('NOT_FOUND');
    return { listing, invitations: await this.repos.reviewRounds.invitationsOfRound(id) };
  }

  /** Invites each expert not yet invited to the round (the others are left as they are). */
  async invite(
    actor: Province,
    roundId: string,
    body: InviteBody,
  ): Promise<{ invited: InvitationWithExpert[]; alreadyInvited: string[] }> {
    const now = this.clock.now();
    const given = body.respondBy ? new Date(body.respondBy) : undefined;
    if (given && given <= now)
      throw AppError.invalidField('respondBy', '邀请答复截止时间：须晚于当前时间（北京时间）');
    const { invitedIds, alreadyInvited } = await inTransaction(this.db, async (repos) => {
      const round = await repos.reviewRounds.findById(roundId);
      if (!round) throw new AppError('NOT_FOUND');
      if (given && given >= round.dueAt)
        throw AppError.invalidField('respondBy', '邀请答复截止时间：须早于本轮评分截止时间');
      const experts = await repos.experts.list([...new Set(body.expertIds)]);
      const byId = new Map(experts.map((e) => [e.id, e]));
      const invitedIds: string[] = [];
      const alreadyInvited: string[] = [];
      for (const [i, expertId] of body.expertIds.entries()) {
        const expert = byId.get(expertId);
        if (!expert) throw AppError.invalidField(`expertIds.${i}`, '邀请专家：不存在');
        if (!expert.active) throw AppError.invalidField(`expertIds.${i}`, `邀请专家：${expert.name}已停用`);
        const { invitation, created } = await ensureInvitation(
          repos,
          now,
          actor.userId,
          round,
          expertId,
          given,
        );
        if (!created) {
          alreadyInvited.push(expertId);
          continue;
        }
        invitedIds.push(invitation.id);
        const titles = (await repos.reviewRounds.invitedApplications([round.id], expertId)).map(
          (a) => a.form.title ?? '',
        );
        await notifyInvited(repos, expert.userId, round, invitation, titles);
      }
      return { invitedIds, alreadyInvited };
    });
    const all = await this.repos.reviewRounds.invitationsOfRound(roundId);
    return { invited: all.filter((i) => invitedIds.includes(i.invitation.id)), alreadyInvited };
  }

  /** Applications waiting for another expert, with why. */
  vacancies(_actor: Province, callId?: string): Promise<OpenVacancy[]> {
    return this.repos.reviewRounds.openVacancies(callId);
  }

  /**
   * 一键重新分配: the best available expert for the vacancy (active, not in conflict, not having declined the
   * round, not already on the application in it; of its field first, then the least loaded in the call), assigned
   * and invited to the round unless already invited.
   */
  async reassign(actor: Province, vacancyId: string, body: ReassignBody): Promise<Reassignment> {
    return inTransaction(this.db, async (repos) => {
      await repos.experts.lockAssignments();
      const vacancy = await repos.reviewRounds.lockVacancy(vacancyId);
      if (!vacancy) throw new AppError('NOT_FOUND');
      if (vacancy.filledAt) throw new AppError('VACANCY_FILLED');
      const round = (await repos.reviewRounds.findById(vacancy.roundId))!;
      const now = this.clock.now();
      const dueAt = body.dueAt ? new Date(body.dueAt) : round.dueAt;
      if (dueAt <= now)
        throw AppError.invalidField(
          'dueAt',
          '评分截止时间：本轮评分截止时间已过，请另行指定（须晚于当前时间）',
        );
      const [application] = await repos.experts.applications({
        ids: [vacancy.applicationId],
        reviewable: true,
      });
      if (!application) throw new AppError('NOT_REVIEWABLE');
      const [experts, declared, loads, refused, current] = await Promise.all([
        repos.experts.list(),
        repos.experts.declaredConflicts(),
        repos.experts.loads(round.callId),
        repos.reviewRounds.refusedIn(round.id),
        repos.experts.assignmentsOf([application.id]),
      ]);
      const byExpert = groupBy(declared, (d) => d.expertId);
      const onIt = new Set(current.filter((a) => a.assignment.roundId === round.id).map((a) => a.expert.id));
      const parties = partiesOf(application);
      const choice = pickReplacement(
        experts.map((e) => ({
          id: e.id,
          fields: e.fields,
          active: e.active,
          load: loads.get(e.id) ?? 0,
          conflicted:
            conflictsOf(
              { organizationName: e.organizationName, organizationCreditCode: e.organizationCreditCode },
              (byExpert.get(e.id) ?? []).map((r) => ({
                creditCode: r.creditCode,
                applicationId: r.applicationId,
                reason: r.reason,
              })),
              parties,
            ).length > 0,
          declined: refused.has(e.id) || e.id === vacancy.expertId,
          assigned: onIt.has(e.id),
        })),
        application.form.field,
      );
      if (!choice) throw new AppError('NO_EXPERT_AVAILABLE');
      const expert = experts.find((e) => e.id === choice.id)!;
      const assignment = await insertAssignment(repos, now, actor.userId, {
        roundId: round.id,
        expertId: expert.id,
        applicationId: application.id,
        dueAt,
        conflicts: [],
        overrideReason: null,
      });
      const { invitation, created } = await ensureInvitation(repos, now, actor.userId, round, expert.id);
      await repos.reviewRounds.fillVacancy(vacancy.id, {
        filledAt: now,
        filledBy: actor.userId,
        replacementId: assignment.id,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'expert.reassigned',
        entityType: 'expert-vacancy',
        entityId: vacancy.id,
        before: { expertId: vacancy.expertId, cause: vacancy.cause, reason: vacancy.reason },
        after: { ...auditedAssignment(assignment), replacementId: assignment.id },
      });
      const title = application.form.title ?? '';
      if (created) {
        await notifyInvited(repos, expert.userId, round, invitation, [title]);
      } else {
        await notify(
          repos,
          { userIds: [expert.userId] },
          {
            kind: 'expert.assigned',
            ...expertAssignedMessage({ titles: [title], dueAt }),
            key: `assigned:${assignment.id}`,
          },
        );
      }
      return {
        assignment,
        expert: { id: expert.id, name: expert.name, organizationName: expert.organizationName },
        fieldMatch: fieldMatches(expert.fields, application.form.field),
        invitationStatus: invitation.status,
      };
    });
  }

  private async listings(repos: Repositories, callId?: string, id?: string): Promise<RoundListing[]> {
    const rows = (await repos.reviewRounds.list(callId)).filter((r) => !id || r.round.id === id);
    const counts = groupBy(
      await repos.reviewRounds.invitationCounts(rows.map((r) => r.round.id)),
      (c) => c.roundId,
    );
    return rows.map(({ round, callName }) => {
      const invitations = Object.fromEntries(INVITATION_STATUSES.map((s) => [s, 0])) as Record<
        InvitationStatus,
        number
      >;
      for (const c of counts.get(round.id) ?? []) invitations[c.status] = c.n;
      return { round, callName, invitations };
    });
  }
}
