import { opinionLabel, PANEL_SUMMARY_LABEL } from '../../core/objections/objections.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { ProvinceRow } from '../repositories/decisions.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { ReleasedOpinionRow } from '../repositories/objections.js';
import type { Principal } from '../principal.js';
import { canRead } from './application-access.js';
import type { CallService, CallView } from './calls.js';
import type { ProvinceUser } from './formal-review.js';
import { feedbackReleasedMessage } from './notifications/objection-messages.js';
import { notify } from './notifications/notify.js';

// 评审意见反馈 (issue 14 §6): projects not approved are not otherwise notified (三、2), so releasing review
// opinions is the province's choice per call (off unless chosen). Once the call's decisions are published, it
// releases, per application, chosen 函评 comments and/or a 会评 summary: the text as released is kept, never a
// name, an organisation or which expert wrote it.

export interface FeedbackComment {
  assignmentId: string;
  text: string;
  /** Released: its label as the applicant reads it. */
  releasedAs: string | null;
}

export interface FeedbackCandidate {
  row: ProvinceRow;
  comments: FeedbackComment[];
  released: ReleasedOpinionRow[];
}

export interface FeedbackOverview {
  call: CallView;
  enabled: boolean;
  candidates: FeedbackCandidate[];
}

/** What an applicant reads: a label (专家意见一 …, 会评意见) and the text as released. */
export interface ReleasedOpinion {
  label: string;
  text: string;
  releasedAt: Date;
}

type NewOpinion = Parameters<Repositories['objections']['release']>[0][number];

/** 专家意见一 … for the n-th released comment, 会评意见 for a summary. */
export const opinionLabelOf = (row: Pick<ReleasedOpinionRow, 'kind' | 'position'>) =>
  row.kind === 'comment'
    ? opinionLabel(row.position)
    : `${PANEL_SUMMARY_LABEL}${row.position > 1 ? row.position : ''}`;

export class FeedbackService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  async overview(_actor: ProvinceUser, callId: string): Promise<FeedbackOverview> {
    const call = await this.calls.require(callId);
    const setting = await this.repos.objections.feedbackSetting(callId);
    const rows = (await this.repos.decisions.recommended(callId)).filter((r) => r.decision?.announcementId);
    const candidates = await Promise.all(
      rows.map(async (row) => {
        const released = await this.repos.objections.released(row.application.id);
        const bySource = new Map(released.map((r) => [r.sourceAssignmentId, r]));
        const comments = (await this.repos.objections.submittedComments(row.application.id)).map((c) => {
          const r = bySource.get(c.assignmentId);
          return { assignmentId: c.assignmentId, text: c.comment, releasedAs: r ? opinionLabelOf(r) : null };
        });
        return { row, comments, released };
      }),
    );
    return { call, enabled: setting?.enabled ?? false, candidates };
  }

  async setEnabled(actor: ProvinceUser, callId: string, enabled: boolean): Promise<boolean> {
    await this.calls.require(callId);
    await inTransaction(this.db, async (repos) => {
      const before = (await repos.objections.feedbackSetting(callId))?.enabled ?? false;
      const now = this.clock.now();
      await repos.objections.saveFeedbackSetting({
        callId,
        enabled,
        updatedAt: now,
        updatedBy: actor.userId,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'feedback.setting-changed',
        entityType: 'call',
        entityId: callId,
        before: { enabled: before },
        after: { enabled },
      });
    });
    return enabled;
  }

  /** Releases the chosen comments (copied as they stand) and/or a 会评 summary to the application's applicants. */
  async release(
    actor: ProvinceUser,
    applicationId: string,
    body: { assignmentIds: string[]; panelSummary?: string | undefined },
  ): Promise<FeedbackCandidate> {
    const application = await this.repos.applications.findById(applicationId);
    if (!application || application.status !== 'recommended') throw new AppError('NOT_FOUND');
    const call = await this.calls.require(application.callId);
    await inTransaction(this.db, async (repos) => {
      await repos.applications.lock(applicationId);
      if (!(await repos.objections.feedbackSetting(call.row.id))?.enabled) {
        throw new AppError('FEEDBACK_NOT_RELEASED');
      }
      const decision = await repos.decisions.decision(applicationId);
      if (!decision?.announcementId) {
        throw new AppError('STATUS_CONFLICT', {
          message: '该项目的立项决定尚未随公示发布：公示发布后才能反馈评审意见',
        });
      }
      if (body.assignmentIds.length === 0 && !body.panelSummary) {
        throw AppError.invalidField('assignmentIds', '请选择要反馈的专家意见，或填写会评意见');
      }
      const comments = new Map(
        (await repos.objections.submittedComments(applicationId)).map((c) => [c.assignmentId, c.comment]),
      );
      const already = new Set(
        (await repos.objections.released(applicationId)).map((r) => r.sourceAssignmentId),
      );
      const now = this.clock.now();
      let position = await repos.objections.lastPosition(applicationId, 'comment');
      const rows: NewOpinion[] = body.assignmentIds.map((assignmentId, i) => {
        const text = comments.get(assignmentId);
        if (text === undefined) {
          throw AppError.invalidField(`assignmentIds.${i}`, '只能反馈该项目已提交的函评意见');
        }
        if (already.has(assignmentId)) {
          throw AppError.invalidField(`assignmentIds.${i}`, '该条专家意见已经反馈过');
        }
        return {
          applicationId,
          kind: 'comment' as const,
          position: ++position,
          text,
          sourceAssignmentId: assignmentId,
          releasedAt: now,
          releasedBy: actor.userId,
        };
      });
      if (body.panelSummary) {
        rows.push({
          applicationId,
          kind: 'panel-summary',
          position: (await repos.objections.lastPosition(applicationId, 'panel-summary')) + 1,
          text: body.panelSummary,
          sourceAssignmentId: null,
          releasedAt: now,
          releasedBy: actor.userId,
        });
      }
      await repos.objections.release(rows);
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'feedback.released',
        entityType: 'application',
        entityId: applicationId,
        before: null,
        after: { opinions: rows.map((r) => ({ label: opinionLabelOf(r), text: r.text })) },
      });
      await notify(
        repos,
        { organizationAdminIds: [application.organizationId], personIds: [application.piId] },
        {
          kind: 'feedback.released',
          ...feedbackReleasedMessage({ title: application.form.title, callName: call.row.name }),
          key: `feedback:${applicationId}:${now.getTime()}`,
        },
      );
    });
    return (await this.overview(actor, call.row.id)).candidates.find(
      (c) => c.row.application.id === applicationId,
    )!;
  }

  /** The opinions released on the application, for those who may read it; nothing before release. */
  async released(actor: Principal, applicationId: string): Promise<ReleasedOpinion[]> {
    const application = await this.repos.applications.findById(applicationId);
    if (!application || !canRead(actor, application)) throw new AppError('NOT_FOUND');
    const rows = await this.repos.objections.released(applicationId);
    return [...rows]
      .sort((a, b) => (a.kind === b.kind ? a.position - b.position : a.kind === 'comment' ? -1 : 1))
      .map((r) => ({ label: opinionLabelOf(r), text: r.text, releasedAt: r.releasedAt }));
  }
}
