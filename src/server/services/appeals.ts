import type { Readable } from 'node:stream';
import { APPEAL_EVIDENCE_MAX } from '../../core/appeals/statuses.js';
import {
  type AppealWindow,
  appealDeadlineText,
  appealOpen,
  appealWindow,
} from '../../core/appeals/window.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { AppealEvidence } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Principal, PrincipalOf } from '../principal.js';
import type { AppealListing, AppealRow } from '../repositories/appeals.js';
import type { ApplicationRow } from '../repositories/applications.js';
import type { FormalReviewRow } from '../repositories/decisions.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { FileStore } from '../storage/file-store.js';
import type { AppealDecisionBody, AppealForm, ProvinceAppealListQuery } from '../../contract/appeals.js';
import { type Applicant, canEdit, canRead } from './application-access.js';
import { type CallService, parametersOf } from './calls.js';
import type { StagedUpload } from './documents.js';
import type { FormalReviewService } from './formal-review.js';
import { appealResultMessage } from './notifications/messages.js';
import { notify } from './notifications/notify.js';

// 复核 of 不予受理 (issue 14 §8). After the province's 形式审查 refuses an application, its applicant may ask
// for a re-check within the call's `review.appealWorkingDays` working days from the Beijing date the refusal
// was made known (the current result's `reviewedAt`; the day itself not counted), with reasons and evidence
// PDFs. One appeal per refusal: a dismissed appeal is not filed again unless the province refuses anew. The
// province (项目管理中心) upholds it, which records 受理 through the formal review's own path (audited with the
// appeal as its cause), or dismisses it with a reason. Both sides see the result; the applicant is told.

type Province = PrincipalOf<'province'>;

export interface ApplicantAppeals {
  window: (AppealWindow & { open: boolean; workingDays: number }) | null;
  canAppeal: boolean;
  appeals: { appeal: AppealRow; window: AppealWindow }[];
}

export interface ProvinceAppeal extends AppealListing {
  window: AppealWindow;
}

export class AppealService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
    private readonly store: FileStore,
    private readonly formalReview: FormalReviewService,
  ) {}

  /** Read through `repos`: inside a transaction every query must go through it. */
  private async workingDays(callId: string, repos: Repositories = this.repos): Promise<number> {
    const row = await repos.calls.findById(callId);
    if (!row) throw new AppError('CALL_NOT_FOUND');
    return parametersOf(row).review.value.appealWorkingDays;
  }

  /** What the applicant's page shows: the window of the current refusal, and every appeal with its answer. */
  async forApplicant(actor: Applicant, applicationId: string): Promise<ApplicantAppeals> {
    const application = await this.repos.applications.findById(applicationId);
    if (!application || !canEdit(actor, application)) throw new AppError('NOT_FOUND');
    const days = await this.workingDays(application.callId);
    const review = await this.repos.decisions.formalReview(applicationId);
    const appeals = await this.repos.appeals.ofApplication(applicationId);
    const now = this.clock.now().getTime();
    const current =
      review?.result === 'rejected' ? appealWindow(review.reviewedAt.getTime(), days) : undefined;
    return {
      window: current ? { ...current, open: appealOpen(current, now), workingDays: days } : null,
      canAppeal: current !== undefined && refusalOpenTo(review!, appeals, current, now) === undefined,
      appeals: appeals.map((appeal) => ({ appeal, window: appealWindow(appeal.refusedAt.getTime(), days) })),
    };
  }

  /** Refuses before a byte of the upload is read. */
  async assertMayFile(actor: Applicant, applicationId: string): Promise<void> {
    await this.mayFile(this.repos, actor, await this.repos.applications.findById(applicationId));
  }

  async file(
    actor: Applicant,
    applicationId: string,
    form: AppealForm,
    file: StagedUpload | undefined,
  ): Promise<{ appeal: AppealRow; window: AppealWindow }> {
    try {
      return await inTransaction(this.db, async (repos) => {
        const application = await repos.applications.lock(applicationId);
        const review = await this.mayFile(repos, actor, application);
        const now = this.clock.now();
        const appeal = await repos.appeals.insert({
          applicationId,
          reasons: form.reasons,
          evidence: file ? [evidenceOf(file, now)] : [],
          refusedAt: review.reviewedAt,
          filedAt: now,
          filedBy: actor.userId,
        });
        await repos.audit.append({
          at: now,
          actorUserId: actor.userId,
          action: 'appeal.filed',
          entityType: 'application',
          entityId: applicationId,
          after: { appealId: appeal.id, reasons: appeal.reasons, evidence: appeal.evidence.map(audited) },
        });
        await file?.commit();
        return {
          appeal,
          window: appealWindow(
            review.reviewedAt.getTime(),
            await this.workingDays(application!.callId, repos),
          ),
        };
      });
    } finally {
      await file?.discard();
    }
  }

  /** Refuses before the body is read: the appeal must be the actor's, open, with room for another file. */
  async assertMayAddEvidence(actor: Applicant, appealId: string): Promise<void> {
    await this.openAppealOf(this.repos, actor, await this.repos.appeals.findById(appealId));
  }

  /** Adds an evidence PDF to an open appeal, while its window lasts. */
  async addEvidence(actor: Applicant, appealId: string, file: StagedUpload): Promise<AppealRow> {
    try {
      return await inTransaction(this.db, async (repos) => {
        const appeal = await this.openAppealOf(repos, actor, await repos.appeals.lock(appealId));
        const now = this.clock.now();
        const evidence = [...appeal.evidence, evidenceOf(file, now)];
        const after = await repos.appeals.update(appealId, { evidence });
        await repos.audit.append({
          at: now,
          actorUserId: actor.userId,
          action: 'appeal.evidence-added',
          entityType: 'application',
          entityId: appeal.applicationId,
          after: { appealId, ...audited(evidence.at(-1)!) },
        });
        await file.commit();
        return after;
      });
    } finally {
      await file.discard();
    }
  }

  /** An evidence PDF, to whoever reads the application (its applicant, its department, the province). */
  async evidence(
    actor: Principal,
    appealId: string,
    index: number,
  ): Promise<{ evidence: AppealEvidence; open: () => Readable }> {
    const appeal = await this.repos.appeals.findById(appealId);
    const application = appeal && (await this.repos.applications.findById(appeal.applicationId));
    if (!appeal || !application || !canRead(actor, application)) throw new AppError('NOT_FOUND');
    const evidence = appeal.evidence[index];
    if (!evidence) throw new AppError('NOT_FOUND');
    return { evidence, open: () => this.store.get(evidence.sha256) };
  }

  async list(_actor: Province, query: ProvinceAppealListQuery): Promise<ProvinceAppeal[]> {
    const days = await this.workingDays(query.callId);
    const rows = await this.repos.appeals.list({ callId: query.callId, status: query.status });
    return rows.map((row) => ({ ...row, window: appealWindow(row.appeal.refusedAt.getTime(), days) }));
  }

  async get(_actor: Province, id: string): Promise<ProvinceAppeal> {
    const appeal = await this.repos.appeals.findById(id);
    const application = appeal && (await this.repos.applications.findById(appeal.applicationId));
    if (!appeal || !application) throw new AppError('NOT_FOUND');
    const [row] = await this.repos.appeals.list({ callId: application.callId, id });
    const days = await this.workingDays(application.callId);
    return { ...row!, window: appealWindow(appeal.refusedAt.getTime(), days) };
  }

  /** Upholds (受理, through the 形式审查's path) or dismisses (with a reason) an open appeal. */
  async decide(actor: Province, id: string, body: AppealDecisionBody): Promise<ProvinceAppeal> {
    await inTransaction(this.db, async (repos) => {
      const before = await repos.appeals.lock(id);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.status !== 'open') throw new AppError('APPEAL_DECIDED');
      const application = (await repos.applications.findById(before.applicationId))!;
      const upheld = body.outcome === 'upheld';
      if (upheld) {
        await this.formalReview.record(
          repos,
          actor,
          application.id,
          { result: 'accepted', reasons: [] },
          { appealId: id },
        );
      }
      const now = this.clock.now();
      const reason = body.reason ?? null;
      const after = await repos.appeals.update(id, {
        status: body.outcome,
        decidedAt: now,
        decidedBy: actor.userId,
        decisionReason: reason,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: upheld ? 'appeal.upheld' : 'appeal.dismissed',
        entityType: 'application',
        entityId: application.id,
        before: { appealId: id, appealStatus: before.status },
        after: { appealId: id, appealStatus: after.status, decisionReason: reason },
      });
      const call = (await repos.calls.findById(application.callId))!;
      const organization = await repos.organizations.findById(application.organizationId);
      await notify(
        repos,
        {
          organizationAdminIds: [application.organizationId],
          personIds: [application.piId],
          departmentIds: [application.departmentId],
        },
        {
          kind: 'appeal.result',
          ...appealResultMessage({
            title: application.form.title,
            organizationName: organization?.name ?? '',
            callName: call.name,
            upheld,
            reason,
          }),
          key: `appeal:${id}`,
        },
      );
    });
    return this.get(actor, id);
  }

  /** The current refusal the actor may appeal now; otherwise missing, or the state's refusal. */
  private async mayFile(
    repos: Repositories,
    actor: Applicant,
    application: ApplicationRow | undefined,
  ): Promise<FormalReviewRow> {
    if (!application || !canEdit(actor, application)) throw new AppError('NOT_FOUND');
    const review = await repos.decisions.formalReview(application.id);
    if (review?.result !== 'rejected') throw new AppError('APPEAL_NOT_ALLOWED');
    const window = appealWindow(
      review.reviewedAt.getTime(),
      await this.workingDays(application.callId, repos),
    );
    const refusal = refusalOpenTo(
      review,
      await repos.appeals.ofApplication(application.id),
      window,
      this.clock.now().getTime(),
    );
    if (refusal) throw refusal;
    return review;
  }

  private async openAppealOf(
    repos: Repositories,
    actor: Applicant,
    appeal: AppealRow | undefined,
  ): Promise<AppealRow> {
    const application = appeal && (await repos.applications.findById(appeal.applicationId));
    if (!appeal || !application || !canEdit(actor, application)) throw new AppError('NOT_FOUND');
    if (appeal.status !== 'open') throw new AppError('APPEAL_DECIDED');
    const window = appealWindow(
      appeal.refusedAt.getTime(),
      await this.workingDays(application.callId, repos),
    );
    if (!appealOpen(window, this.clock.now().getTime())) throw windowClosed(window);
    if (appeal.evidence.length >= APPEAL_EVIDENCE_MAX) {
      throw new AppError('APPEAL_EVIDENCE_FULL', {
        message: `证明材料最多 ${APPEAL_EVIDENCE_MAX} 份，已达上限，不能再上传`,
      });
    }
    return appeal;
  }
}

function windowClosed(window: AppealWindow): AppError {
  return new AppError('APPEAL_WINDOW_CLOSED', {
    message: `申请复核的期限已于 ${appealDeadlineText(window)}届满，不能再申请复核`,
  });
}

/** Why the current refusal cannot be appealed now, or undefined when it can. */
function refusalOpenTo(
  review: FormalReviewRow,
  appeals: readonly AppealRow[],
  window: AppealWindow,
  now: number,
): AppError | undefined {
  if (appeals.some((a) => a.status === 'open')) return new AppError('APPEAL_ALREADY_OPEN');
  if (appeals.some((a) => a.refusedAt.getTime() === review.reviewedAt.getTime())) {
    return new AppError('APPEAL_DECIDED', { message: '已对本次不予受理申请过复核并作出结论，不能再次申请' });
  }
  if (!appealOpen(window, now)) return windowClosed(window);
  return undefined;
}

function evidenceOf(file: StagedUpload, at: Date): AppealEvidence {
  return { sha256: file.sha256, size: file.size, fileName: file.fileName, uploadedAt: at.toISOString() };
}

const audited = (e: AppealEvidence) => ({ fileName: e.fileName, sha256: e.sha256 });
