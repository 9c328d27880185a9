import type { Finding } from '../../core/rules/rule.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { FormalReviewReason } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { ProvinceRow } from '../repositories/decisions.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { FormalReviewBody, FormalReviewListQuery } from '../../contract/formal-review.js';
import { type Applicant, canRead } from './application-access.js';
import { BundleService } from './bundles.js';
import type { CallService, CallView } from './calls.js';

// 形式审查（信用审查） by the province (issue 5 §4): 受理 or 不予受理 with reasons, per application a department
// recommended and can no longer take back. The core's errors as of now (credit, ongoing projects …) are offered
// as reasons; the result can change until a 立项决定 is made, and the applicant sees it in its timeline.

export type ProvinceUser = PrincipalOf<'province'>;

export interface ProvinceItem {
  row: ProvinceRow;
  findings: Finding[];
}

/** Recommended, and final: its department confirmed its list, or the recommendation deadline has passed. */
export function atProvince(row: ProvinceRow, call: CallView, now: Date): boolean {
  return (
    row.application.status === 'recommended' &&
    (row.listConfirmedAt !== null || now >= call.row.recommendationClosesAt)
  );
}

/** A reason of 不予受理 from a failing rule of the core. */
export function reasonOf(finding: Finding): FormalReviewReason {
  return { rule: finding.rule, clause: finding.clause, message: finding.message };
}

/** The call, or a field error naming it. */
export async function callOf(calls: CallService, callId: string): Promise<CallView> {
  return calls.require(callId);
}

export class FormalReviewService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /** The applications that reached the province, judged by the core as of now. */
  async reached(repos: Repositories, call: CallView, ids?: string[]): Promise<ProvinceItem[]> {
    const now = this.clock.now();
    const rows = (await repos.decisions.recommended(call.row.id, ids)).filter((r) =>
      atProvince(r, call, now),
    );
    if (rows.length === 0) return [];
    const { report } = await new BundleService(repos).judge(
      call.parameters,
      rows.map((r) => r.application),
      now,
    );
    const findings = new Map(report.applications.map((a) => [a.id, a.findings]));
    return rows.map((row) => ({ row, findings: findings.get(row.application.id) ?? [] }));
  }

  async list(query: FormalReviewListQuery): Promise<ProvinceItem[]> {
    const items = await this.reached(this.repos, await callOf(this.calls, query.callId));
    if (!query.result) return items;
    return items.filter(({ row }) => (row.review?.result ?? 'pending') === query.result);
  }

  async get(id: string): Promise<ProvinceItem> {
    return this.one(this.repos, await this.callOfApplication(id), id);
  }

  async save(actor: ProvinceUser, id: string, body: FormalReviewBody): Promise<ProvinceItem> {
    const call = await this.callOfApplication(id);
    await inTransaction(this.db, async (repos) => {
      await repos.applications.lock(id);
      await this.one(repos, call, id);
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
          detail: { result: body.result, reasons: body.reasons, previous: previous?.result ?? null },
        },
        undefined,
        { before: { result: previous?.result ?? null, reasons: previous?.reasons ?? null } },
      );
    });
    return this.get(id);
  }

  /** What the applicant (its unit administrator, its PI) sees of the province's handling; anyone else: missing. */
  async resultFor(actor: Applicant, id: string) {
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

  /** The call of an application the province may see (anything but a draft). */
  async callOfApplication(id: string): Promise<CallView> {
    const application = await this.repos.applications.findById(id);
    if (!application || application.status === 'draft') throw new AppError('NOT_FOUND');
    return this.calls.require(application.callId);
  }

  /** The application, if it reached the province. */
  async one(repos: Repositories, call: CallView, id: string): Promise<ProvinceItem> {
    const [item] = await this.reached(repos, call, [id]);
    if (!item) throw new AppError('NOT_AT_PROVINCE');
    return item;
  }
}

/** The core's 申报时仅有合作意向书 findings: a formal agreement is owed before contract signing. */
export function loiFindings(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.rule === 'documents.letter-of-intent-only');
}
