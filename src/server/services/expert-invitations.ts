import {
  answerable,
  CONFIDENTIALITY_PLEDGE,
  conflictAnswerProblems,
  expiredAt,
  reminderDue,
} from '../../core/experts/invitations.js';
import { toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { ConflictDeclaration } from '../db/schema.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { InvitationRow, RoundRow } from '../repositories/review-rounds.js';
import type { AcceptInvitationBody, DeclineInvitationBody } from '../../contract/review-rounds.js';
import { parametersOf } from './calls.js';
import { auditedAssignment } from './assignments.js';
import { expertInvitationDueMessage, expertInvitationExpiredMessage } from './notifications/messages.js';
import { notify } from './notifications/notify.js';
import { auditedInvitation, loseAssignments, recuseAssignment } from './review-rounds.js';

// 评审邀请, the expert's side (issue 14 §1): their invitations (the round, the call, the deadline and the
// applications assigned: title, applicant, topic), answered before the deadline: accepted with the 保密承诺 and a
// conflict declaration per application (a yes recuses it), or declined with a reason (the assignments go back to
// the province). Also the background's reminder, once, and expiry after the deadline.

type ExpertUser = PrincipalOf<'expert'>;

const iso = (at: Date) => toBeijingIso(at.getTime());

export interface InvitedApplicationRecord {
  applicationId: string;
  title: string;
  applicant: string;
  topic: number;
  acceptanceNo: string | null;
}

export interface MyInvitation {
  invitation: InvitationRow;
  round: RoundRow;
  callName: string;
  answerable: boolean;
  applications: InvitedApplicationRecord[];
}

const STATUS_ORDER = { pending: 0, accepted: 1, declined: 2, expired: 3 } as const;

export class ExpertInvitationService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The expert's invitations: pending first, then by deadline. */
  async mine(actor: ExpertUser): Promise<MyInvitation[]> {
    const expert = await this.repos.experts.findByUser(actor.userId);
    if (!expert) return [];
    const rows = await this.repos.reviewRounds.invitationsOfExpert(expert.id);
    const applications = await this.repos.reviewRounds.invitedApplications(
      rows.map((r) => r.round.id),
      expert.id,
    );
    const now = this.clock.now();
    return rows
      .map(({ invitation, round, callName }) => ({
        invitation,
        round,
        callName,
        answerable: answerable(invitation.status, invitation.respondBy, now),
        applications: applications
          .filter((a) => a.roundId === round.id)
          .map((a) => ({
            applicationId: a.applicationId,
            title: a.form.title ?? '',
            applicant: a.applicant,
            topic: a.topic,
            acceptanceNo: a.acceptanceNo,
          })),
      }))
      .sort(
        (a, b) =>
          STATUS_ORDER[a.invitation.status] - STATUS_ORDER[b.invitation.status] ||
          a.invitation.respondBy.getTime() - b.invitation.respondBy.getTime(),
      );
  }

  async one(actor: ExpertUser, id: string): Promise<MyInvitation> {
    const found = (await this.mine(actor)).find((m) => m.invitation.id === id);
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  }

  /**
   * Accepts, agreeing to the 保密承诺 (its text stored) and declaring a conflict or none for every application
   * assigned in the round; each conflict recuses that assignment, which then waits for another expert.
   */
  async accept(actor: ExpertUser, id: string, body: AcceptInvitationBody): Promise<MyInvitation> {
    await inTransaction(this.db, async (repos) => {
      await repos.experts.lockAssignments();
      const invitation = await this.ownPending(repos, actor, id);
      const open = await repos.reviewRounds.openAssignmentsOf(invitation.roundId, invitation.expertId);
      const titled = await repos.experts.applications({ ids: open.map((a) => a.applicationId) });
      const titleOf = new Map(titled.map((a) => [a.id, a.form.title ?? '']));
      const problems = conflictAnswerProblems(
        open.map((a) => ({ applicationId: a.applicationId, title: titleOf.get(a.applicationId) ?? '' })),
        body.conflicts,
      );
      if (problems.length > 0) {
        throw new AppError('VALIDATION_FAILED', {
          message: problems.map((p) => p.message).join('；'),
          fields: problems,
        });
      }
      const now = this.clock.now();
      const declarations: ConflictDeclaration[] = body.conflicts.map((c) => ({
        applicationId: c.applicationId,
        conflict: c.conflict,
        reason: c.conflict ? c.reason!.trim() : null,
      }));
      const after = await repos.reviewRounds.updateInvitation(id, {
        status: 'accepted',
        respondedAt: now,
        confidentialityAgreedAt: now,
        confidentialityText: CONFIDENTIALITY_PLEDGE,
        declarations,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'expert.invitation.accepted',
        entityType: 'expert-invitation',
        entityId: id,
        before: auditedInvitation(invitation),
        after: {
          ...auditedInvitation(after),
          confidentialityAgreedAt: iso(now),
          confidentialityText: CONFIDENTIALITY_PLEDGE,
          declarations,
        },
      });
      for (const declaration of declarations) {
        if (!declaration.conflict) continue;
        const row = open.find((a) => a.applicationId === declaration.applicationId)!;
        await recuseAssignment(repos, now, actor.userId, row, declaration.reason!);
      }
    });
    return this.one(actor, id);
  }

  /** Declines with a reason; the round's assignments of the expert wait for another expert. */
  async decline(actor: ExpertUser, id: string, body: DeclineInvitationBody): Promise<MyInvitation> {
    await inTransaction(this.db, async (repos) => {
      await repos.experts.lockAssignments();
      const invitation = await this.ownPending(repos, actor, id);
      const now = this.clock.now();
      const open = await repos.reviewRounds.openAssignmentsOf(invitation.roundId, invitation.expertId);
      const after = await repos.reviewRounds.updateInvitation(id, {
        status: 'declined',
        respondedAt: now,
        declineReason: body.reason,
      });
      await loseAssignments(repos, now, open, 'declined', body.reason);
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'expert.invitation.declined',
        entityType: 'expert-invitation',
        entityId: id,
        before: auditedInvitation(invitation),
        after: { ...auditedInvitation(after), lostAssignments: open.map(auditedAssignment) },
      });
    });
    return this.one(actor, id);
  }

  /**
   * The background's pass: reminds each pending invitation once, `review.invitationReminderHours` before its
   * deadline, and expires those past it (the round's province staff told). Safe to run on every instance at
   * once: the reminder is claimed by a conditional update, the expiry under the invitation's row lock.
   */
  async runDeadlines(now: Date = this.clock.now()): Promise<{ reminded: number; expired: number }> {
    const pending = await this.repos.reviewRounds.pendingBefore(new Date(now.getTime() + 90 * 86_400_000));
    const hoursOf = new Map<string, number>();
    let reminded = 0;
    let expired = 0;
    for (const { invitation, round, userId, callName } of pending) {
      if (expiredAt(invitation, now)) {
        if (await this.expire(invitation.id, round, callName, now)) expired += 1;
        continue;
      }
      if (!hoursOf.has(round.callId)) {
        const call = await this.repos.calls.findById(round.callId);
        hoursOf.set(round.callId, call ? parametersOf(call).review.value.invitationReminderHours : 0);
      }
      if (!reminderDue(invitation, now, hoursOf.get(round.callId)!)) continue;
      const sent = await inTransaction(this.db, async (repos) => {
        if (!(await repos.reviewRounds.markReminded(invitation.id, now))) return false;
        await notify(
          repos,
          { userIds: [userId] },
          {
            kind: 'expert.invitation-due',
            ...expertInvitationDueMessage({
              roundName: round.name,
              callName,
              respondBy: invitation.respondBy,
            }),
            key: `invitation-due:${invitation.id}`,
          },
        );
        await repos.audit.append({
          at: now,
          actorUserId: null,
          action: 'expert.invitation.reminded',
          entityType: 'expert-invitation',
          entityId: invitation.id,
          after: { remindedAt: iso(now), respondBy: iso(invitation.respondBy) },
        });
        return true;
      });
      if (sent) reminded += 1;
    }
    return { reminded, expired };
  }

  private async expire(id: string, round: RoundRow, callName: string, now: Date): Promise<boolean> {
    return inTransaction(this.db, async (repos) => {
      await repos.experts.lockAssignments();
      const invitation = await repos.reviewRounds.lockInvitation(id);
      if (!invitation || !expiredAt(invitation, now)) return false;
      const open = await repos.reviewRounds.openAssignmentsOf(invitation.roundId, invitation.expertId);
      const titled = await repos.experts.applications({ ids: open.map((a) => a.applicationId) });
      const after = await repos.reviewRounds.updateInvitation(id, { status: 'expired' });
      await loseAssignments(repos, now, open, 'expired', null);
      await repos.audit.append({
        at: now,
        actorUserId: null,
        action: 'expert.invitation.expired',
        entityType: 'expert-invitation',
        entityId: id,
        before: auditedInvitation(invitation),
        after: { ...auditedInvitation(after), lostAssignments: open.map(auditedAssignment) },
      });
      const expert = (await repos.experts.findById(invitation.expertId))!;
      await notify(
        repos,
        { userIds: [...new Set([round.createdBy, invitation.invitedBy])] },
        {
          kind: 'expert.invitation-expired',
          ...expertInvitationExpiredMessage({
            expertName: expert.name,
            roundName: round.name,
            callName,
            titles: titled.map((a) => a.form.title ?? ''),
          }),
          key: `invitation-expired:${id}`,
        },
      );
      return true;
    });
  }

  /** The actor's own pending invitation, locked, still answerable; anyone else's is answered as missing. */
  private async ownPending(repos: Repositories, actor: ExpertUser, id: string): Promise<InvitationRow> {
    const expert = await repos.experts.findByUser(actor.userId);
    const invitation = expert && (await repos.reviewRounds.lockInvitation(id));
    if (!invitation || invitation.expertId !== expert!.id) throw new AppError('NOT_FOUND');
    if (invitation.status !== 'pending') throw new AppError('INVITATION_ANSWERED');
    if (!answerable(invitation.status, invitation.respondBy, this.clock.now()))
      throw new AppError('INVITATION_CLOSED');
    return invitation;
  }
}
