import type { TopicNumber } from '../../core/bundle/schema.js';
import { REMINDER_LEAD_MS, reminderText } from '../../core/experts/reminders.js';
import {
  type RecommendationLimit,
  recommendationProblems,
  recommendsFunding,
  scoringProblems,
  weightedTotal,
} from '../../core/experts/scoring-forms.js';
import { toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { AssignmentRow, ExpertReviewApplication, NotificationRow } from '../repositories/experts.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { RecusalBody, ScoresBody } from '../../contract/expert.js';
import { recuseAssignment } from './review-rounds.js';
import { expertDueMessage } from './notifications/messages.js';
import { notify } from './notifications/notify.js';
import { type FormInUse, formForScoring, formsInUse, recommendationLimitOf } from './scoring-forms.js';

// 专家评审, the expert's side: what is assigned to them (anything else is answered as missing), scores saved as
// drafts until the due date and fixed once submitted, and the notifications they are sent. Also the due
// reminders, which the background runs (`sendDueReminders`) and the province may trigger.

type ExpertUser = PrincipalOf<'expert'>;

const iso = (at: Date) => toBeijingIso(at.getTime());

export const DUE_REMINDER = 'expert.due-reminder';

/** An assignment as its expert works on it. */
export interface ExpertTask {
  assignment: AssignmentRow;
  application: ExpertReviewApplication;
  /** Past its due date without a submission. */
  overdue: boolean;
  /** The scoring form it is scored on (the version it names, else its round's current one). */
  form: FormInUse;
  /** 专家论证: the most the expert may recommend; null for 函评 (and in lists). */
  limit: RecommendationLimit | null;
}

/** Scoring waits until the expert accepts the invitation to the assignment's round. */
async function requireAccepted(repos: Repositories, row: AssignmentRow): Promise<void> {
  const invitation = await repos.reviewRounds.invitationOf(row.roundId, row.expertId);
  if (invitation?.status !== 'accepted') throw new AppError('INVITATION_NOT_ACCEPTED');
}

export class ExpertScoringService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  async mine(actor: ExpertUser): Promise<ExpertTask[]> {
    const expert = await this.repos.experts.findByUser(actor.userId);
    if (!expert) return [];
    const rows = await this.repos.experts.assignmentsOfExpert(expert.id);
    const applications = new Map(
      (
        await this.repos.experts.applications({ ids: rows.map((r) => r.applicationId), reviewable: true })
      ).map((a) => [a.id, a]),
    );
    const reviewable = rows.filter((row) => applications.has(row.applicationId));
    const forms = await formsInUse(
      this.repos,
      reviewable.map((r) => ({ ...r, topic: applications.get(r.applicationId)!.topic as TopicNumber })),
    );
    return reviewable.map((row) =>
      this.task(row, applications.get(row.applicationId)!, forms.get(row.id)!, null),
    );
  }

  /** Read once the expert has accepted the round's invitation (and agreed to confidentiality). */
  async detail(actor: ExpertUser, id: string): Promise<ExpertTask> {
    const { row, application } = await this.own(this.repos, actor, id, false);
    await requireAccepted(this.repos, row);
    const topic = application.topic as TopicNumber;
    const form = (await formsInUse(this.repos, [{ ...row, topic }])).get(row.id)!;
    return this.task(row, application, form, await recommendationLimitOf(this.repos, application, form));
  }

  /** Keeps a draft: every score given must be valid, none is required. */
  saveDraft(actor: ExpertUser, id: string, body: ScoresBody): Promise<ExpertTask> {
    return this.write(actor, id, body, false);
  }

  /** Submits: every criterion scored and a comment; afterwards nothing changes. */
  submit(actor: ExpertUser, id: string, body: ScoresBody): Promise<ExpertTask> {
    return this.write(actor, id, body, true);
  }

  notifications(actor: ExpertUser): Promise<NotificationRow[]> {
    return this.repos.experts.notificationsOf(actor.userId);
  }

  async markRead(actor: ExpertUser, id: string): Promise<NotificationRow> {
    return inTransaction(this.db, async (repos) => {
      const now = this.clock.now();
      const row = await repos.experts.markRead(actor.userId, id, now);
      if (!row) throw new AppError('NOT_FOUND');
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'notification.read',
        entityType: 'notification',
        entityId: id,
        after: { readAt: iso(row.readAt!) },
      });
      return row;
    });
  }

  /**
   * Reminds each active expert of every unsubmitted assignment due within REMINDER_LEAD_HOURS of `now`, once
   * per assignment however often it runs (the notifications table's unique key decides, across instances).
   * Returns how many reminders were sent.
   */
  async sendDueReminders(now: Date = this.clock.now()): Promise<number> {
    const due = await this.repos.experts.dueBetween(now, new Date(now.getTime() + REMINDER_LEAD_MS));
    let sent = 0;
    for (const { assignment, userId, form } of due) {
      const created = await inTransaction(this.db, async (repos) => {
        const row = await repos.experts.notifyOnce({
          userId,
          kind: DUE_REMINDER,
          text: reminderText(form.title ?? '', assignment.dueAt),
          assignmentId: assignment.id,
          createdAt: now,
        });
        if (row) {
          await notify(
            repos,
            { userIds: [userId] },
            {
              kind: 'expert.due',
              ...expertDueMessage({ title: form.title, dueAt: assignment.dueAt }),
              key: `due:${assignment.id}:${assignment.dueAt.getTime()}`,
            },
          );
          await repos.audit.append({
            at: now,
            actorUserId: null,
            action: 'expert.reminder.sent',
            entityType: 'expert-assignment',
            entityId: assignment.id,
            after: { notificationId: row.id, userId, dueAt: iso(assignment.dueAt) },
          });
        }
        return row !== undefined;
      });
      if (created) sent += 1;
    }
    return sent;
  }

  /**
   * 回避: the expert withdraws from an assignment not yet submitted. The reason stays as a declared conflict with
   * the application, so that the province sees it and assigning the expert again asks for an override.
   */
  async recuse(actor: ExpertUser, id: string, body: RecusalBody): Promise<void> {
    await inTransaction(this.db, async (repos) => {
      const { row } = await this.own(repos, actor, id, true);
      if (row.submittedAt) throw new AppError('SCORES_SUBMITTED');
      await recuseAssignment(repos, this.clock.now(), actor.userId, row, body.reason);
    });
  }

  private async write(actor: ExpertUser, id: string, body: ScoresBody, submit: boolean): Promise<ExpertTask> {
    return inTransaction(this.db, async (repos) => {
      const { row, application } = await this.own(repos, actor, id, true);
      await requireAccepted(repos, row);
      const now = this.clock.now();
      if (row.submittedAt) throw new AppError('SCORES_SUBMITTED');
      if (now >= row.dueAt) throw new AppError('REVIEW_OVERDUE');
      const form = await formForScoring(repos, row, application.topic as TopicNumber, now);
      const limit = await recommendationLimitOf(repos, application, form);
      const recommends = recommendsFunding(form.kind);
      const problems = [
        ...scoringProblems(form.content, body.scores, body.comment, submit),
        ...(recommends ? recommendationProblems(body.recommendedFunding, limit, submit) : []),
      ];
      if (problems.length > 0) {
        throw new AppError('VALIDATION_FAILED', {
          message: problems.map((p) => p.message).join('；'),
          fields: problems,
        });
      }
      const after = await repos.experts.updateAssignment(id, {
        scores: body.scores,
        comment: body.comment,
        recommendedFunding: recommends ? (body.recommendedFunding ?? null) : null,
        scoringFormId: form.id,
        savedAt: now,
        ...(submit ? { submittedAt: now } : {}),
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: submit ? 'expert.scores.submitted' : 'expert.scores.saved',
        entityType: 'expert-assignment',
        entityId: id,
        before: { scores: row.scores, comment: row.comment, recommendedFunding: row.recommendedFunding },
        after: {
          scores: after.scores,
          comment: after.comment,
          recommendedFunding: after.recommendedFunding,
          formVersion: form.version,
          total: weightedTotal(form.content, after.scores),
        },
      });
      return this.task(after, application, form, limit);
    });
  }

  /**
   * The actor's own assignment of an application experts review; anyone else's, or one whose application is no
   * longer reviewable (不予受理), is answered exactly as a missing one.
   */
  private async own(repos: Repositories, actor: ExpertUser, id: string, lock: boolean) {
    const expert = await repos.experts.findByUser(actor.userId);
    const row =
      expert && (lock ? await repos.experts.lockAssignment(id) : await repos.experts.findAssignment(id));
    if (!row || row.expertId !== expert!.id) throw new AppError('NOT_FOUND');
    const [application] = await repos.experts.applications({ ids: [row.applicationId], reviewable: true });
    if (!application) throw new AppError('NOT_FOUND');
    return { row, application };
  }

  private task(
    assignment: AssignmentRow,
    application: ExpertReviewApplication,
    form: FormInUse,
    limit: RecommendationLimit | null,
  ): ExpertTask {
    return {
      assignment,
      application,
      overdue: !assignment.submittedAt && this.clock.now() >= assignment.dueAt,
      form,
      limit,
    };
  }
}
