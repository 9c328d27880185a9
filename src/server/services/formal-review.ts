import { appealDeadlineText, appealWindow } from '../../core/appeals/window.js';
import { type Finding, findingStatement } from '../../core/rules/rule.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { FormalReviewReason } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { AnnouncementRow, DecisionRow, FormalReviewRow } from '../repositories/decisions.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { FormalReviewBody, FormalReviewListQuery } from '../../contract/formal-review.js';
import { type Applicant, canRead } from './application-access.js';
import { BundleService } from './bundles.js';
import { formalReviewMessage } from './notifications/messages.js';
import { notify } from './notifications/notify.js';
import { CallService } from './calls.js';
import { type ProvinceItem, ProvinceApplications } from './province-applications.js';

// 形式审查（信用审查） by the province (issue 5 §4): 受理 or 不予受理 with reasons, per application a department
// recommended and can no longer take back. The core's errors as of now (credit, ongoing projects …) are offered
// as reasons; the result can change until a 立项决定 is made, and the applicant sees it in its timeline.

export type ProvinceUser = PrincipalOf<'province'>;

/** What the applicant sees of the province's handling: the decision only once a published 公示 lists it. */
export interface ProvinceResult {
  review: FormalReviewRow | undefined;
  announcement: AnnouncementRow | undefined;
  decision: DecisionRow | undefined;
  formalAgreementDue: boolean;
}

/** A reason of 不予受理 from a failing rule of the core: what is wrong, not a fix the applicant can no longer make. */
export function reasonOf(finding: Finding): FormalReviewReason {
  return { rule: finding.rule, clause: finding.clause, message: findingStatement(finding.message) };
}

export class FormalReviewService {
  private readonly province: ProvinceApplications;

  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {
    this.province = new ProvinceApplications(clock, calls);
  }

  async list(_actor: ProvinceUser, query: FormalReviewListQuery): Promise<ProvinceItem[]> {
    const items = await this.province.reached(
      this.repos,
      await this.calls.require(query.callId),
      undefined,
      query.q,
    );
    if (!query.result) return items;
    return items.filter(({ row }) => (row.review?.result ?? 'pending') === query.result);
  }

  async get(_actor: ProvinceUser, id: string): Promise<ProvinceItem> {
    return this.province.one(this.repos, await this.province.callOf(this.repos, id), id);
  }

  async save(actor: ProvinceUser, id: string, body: FormalReviewBody): Promise<ProvinceItem> {
    await inTransaction(this.db, (repos) => this.record(repos, actor, id, body));
    return this.get(actor, id);
  }

  /**
   * Records a result inside the caller's transaction: the one path of every 形式审查 change. `cause.appealId`:
   * the change a 复核 upheld, so said in the event and the audit log; its applicant is told by the appeal's own
   * message instead of this one.
   */
  async record(
    repos: Repositories,
    actor: ProvinceUser,
    id: string,
    body: FormalReviewBody,
    cause: { appealId?: string } = {},
  ): Promise<void> {
    // The call read through the transaction's own repositories: inside it every query must go through it.
    const call = await new ProvinceApplications(this.clock, new CallService(repos, this.clock)).callOf(
      repos,
      id,
    );
    await repos.applications.lock(id);
    const { row } = await this.province.one(repos, call, id);
    if (await repos.decisions.decision(id)) throw new AppError('FORMAL_REVIEW_LOCKED');
    const previous = await repos.decisions.formalReview(id);
    const now = this.clock.now();
    await repos.decisions.saveFormalReview({
      applicationId: id,
      result: body.result,
      reasons: body.reasons,
      reviewedAt: now,
      reviewedBy: actor.userId,
    });
    await repos.applications.addEvent(
      {
        applicationId: id,
        at: now,
        actorUserId: actor.userId,
        kind: 'formal-review',
        detail: {
          result: body.result,
          reasons: body.reasons,
          previous: previous?.result ?? null,
          ...(cause.appealId ? { appealId: cause.appealId } : {}),
        },
      },
      undefined,
      { before: { result: previous?.result ?? null, reasons: previous?.reasons ?? null } },
    );
    const unchanged =
      previous?.result === body.result && JSON.stringify(previous.reasons) === JSON.stringify(body.reasons);
    if (!unchanged && !cause.appealId) {
      const rejected = body.result === 'rejected';
      await notify(
        repos,
        {
          organizationAdminIds: [row.application.organizationId],
          departmentIds: [row.application.departmentId],
        },
        {
          kind: 'formal-review.result',
          ...formalReviewMessage({
            title: row.application.form.title,
            organizationName: row.organizationName,
            callName: call.row.name,
            accepted: body.result === 'accepted',
            reasons: body.reasons,
            appealBy: rejected
              ? appealDeadlineText(
                  appealWindow(now.getTime(), call.parameters.review.value.appealWorkingDays),
                )
              : undefined,
          }),
          key: `formal-review:${id}:${now.getTime()}`,
        },
      );
    }
  }

  /** What the applicant (its unit administrator, its PI) sees of the province's handling; anyone else: missing. */
  async resultFor(actor: Applicant, id: string): Promise<ProvinceResult> {
    const application = await this.repos.applications.findById(id);
    if (!application || !canRead(actor, application)) throw new AppError('NOT_FOUND');
    const review = await this.repos.decisions.formalReview(id);
    const announcement = await this.repos.decisions.publishedFor(id);
    const decision = announcement ? await this.repos.decisions.decision(id) : undefined;
    let formalAgreementDue = false;
    if (announcement && !decision?.contractStageAt) {
      const call = await this.calls.require(application.callId);
      const { report } = await new BundleService(this.repos).judge(
        call.parameters,
        [application],
        this.clock.now(),
      );
      formalAgreementDue = loiFindings(report.applications.find((a) => a.id === id)!.findings).length > 0;
    }
    return { review, announcement, decision, formalAgreementDue };
  }
}

/** The core's 申报时仅有合作意向书 findings: a formal agreement is owed before contract signing. */
export function loiFindings(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.rule === 'documents.letter-of-intent-only');
}
