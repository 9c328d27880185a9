import { formBudget } from '../../core/application/bundle-fields.js';
import type { ApplicationForm } from '../../core/application/form.js';
import type { TopicNumber } from '../../core/bundle/schema.js';
import { streamOf } from '../../core/calls/parameters.js';
import { formatWanDecimal } from '../../core/money.js';
import {
  fundingLimit,
  fundingOverLimit,
  type FundingCap,
  type FundingLimit,
} from '../../core/decisions/funding-limit.js';
import { beijingDate, formatChineseDate } from '../../core/time.js';
import type { FeasibilityAggregate } from '../../core/experts/scoring-forms.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { AnnouncementRow, DecisionRow, ProvinceRow } from '../repositories/decisions.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { DecisionBody } from '../../contract/decisions.js';
import type { CallService, CallView } from './calls.js';
import { openContract } from './contracts.js';
import { loiFindings, type ProvinceUser } from './formal-review.js';
import { type ProvinceItem, ProvinceApplications } from './province-applications.js';
import { feasibilityOf } from './scoring-forms.js';
import { notify } from './notifications/notify.js';
import { approvalRevokedMessage } from './notifications/objection-messages.js';

// 立项决定 (issue 5 §6): approve with a funding amount within the topic's cap and the requested 省资助经费, or
// reject, each with a reason, for applications 受理 at 形式审查. A decision can change or be undone until a
// 公示 is published; then it is locked. Every decision and publication of a call takes the call's lock.

/** The cap of the stream the application falls in, from the call's parameters. */
export function capOf(call: CallView, row: ProvinceRow): FundingCap | null {
  const terms = streamOf(
    call.parameters,
    row.application.topic as TopicNumber,
    row.application.direction ?? undefined,
  );
  return terms ? { amount: terms.funding.value.cap, clause: terms.funding.clause, label: terms.label } : null;
}

/** What binds a 立项 amount: the smaller of the cap and the 省资助经费 the applicant asked for. */
export function limitOf(call: CallView, row: ProvinceRow): FundingLimit | null {
  const cap = capOf(call, row);
  const requested = formBudget(row.application.form).provincialFunding;
  return cap && fundingLimit(requested, cap, call.parameters.notice.number.value);
}

/** An application 受理 with the 专家论证 panel's recommendation, which the decision reads. */
export type DecisionItem = ProvinceItem & { feasibility: FeasibilityAggregate | null };

/** A project whose 立项 was published, with the 公示 that lists it. */
export type ContractItem = ProvinceItem & { announcement: AnnouncementRow };

/** What the decision says, for the audit log's before → after. */
function auditOf(decision: DecisionRow | undefined) {
  return decision ? { outcome: decision.outcome, funding: decision.funding, reason: decision.reason } : null;
}

export class DecisionService {
  private readonly province: ProvinceApplications;

  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {
    this.province = new ProvinceApplications(clock, calls);
  }

  /** The applications 受理 at 形式审查, with their cap and decision. */
  async list(
    _actor: ProvinceUser,
    callId: string,
    q?: string,
  ): Promise<{ call: CallView; items: ProvinceItem[] }> {
    const call = await this.calls.require(callId);
    const items = await this.province.reached(this.repos, call, undefined, q);
    return {
      call,
      items: await this.withFeasibility(items.filter(({ row }) => row.review?.result === 'accepted')),
    };
  }

  async get(_actor: ProvinceUser, id: string): Promise<{ call: CallView; item: DecisionItem }> {
    const call = await this.province.callOf(this.repos, id);
    const [item] = await this.withFeasibility([await this.province.one(this.repos, call, id)]);
    return { call, item: item! };
  }

  /** Each item with its 专家论证 recommendation (null when none was submitted). */
  private async withFeasibility(items: ProvinceItem[]): Promise<DecisionItem[]> {
    const feasibility = await feasibilityOf(
      this.repos,
      items.map(({ row }) => ({ id: row.application.id, topic: row.application.topic })),
    );
    return items.map((item) => ({ ...item, feasibility: feasibility.get(item.row.application.id) ?? null }));
  }

  async decide(actor: ProvinceUser, id: string, body: DecisionBody) {
    const call = await this.province.callOf(this.repos, id);
    await inTransaction(this.db, async (repos) => {
      await repos.decisions.lockCall(call.row.id);
      await repos.applications.lock(id);
      const { row } = await this.province.one(repos, call, id);
      if (row.review?.result !== 'accepted') throw new AppError('NOT_ACCEPTED');
      const previous = await repos.decisions.decision(id);
      if (previous?.announcementId) throw new AppError('DECISIONS_LOCKED');
      if (body.outcome === 'approved') assertFundable(call, row, body.funding!);
      const now = this.clock.now();
      await repos.decisions.saveDecision({
        applicationId: id,
        callId: call.row.id,
        outcome: body.outcome,
        funding: body.outcome === 'approved' ? body.funding! : null,
        reason: body.reason,
        decidedAt: now,
        decidedBy: actor.userId,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: `decision.${body.outcome}`,
        entityType: 'application',
        entityId: id,
        before: auditOf(previous),
        after: { outcome: body.outcome, funding: body.funding ?? null, reason: body.reason },
      });
    });
    return this.get(actor, id);
  }

  async undo(actor: ProvinceUser, id: string) {
    const call = await this.province.callOf(this.repos, id);
    await inTransaction(this.db, async (repos) => {
      await repos.decisions.lockCall(call.row.id);
      await repos.applications.lock(id);
      const previous = await repos.decisions.decision(id);
      if (!previous) throw new AppError('STATUS_CONFLICT', { message: '该项目尚未作出立项决定，无需撤销' });
      if (previous.announcementId) throw new AppError('DECISIONS_LOCKED');
      await repos.decisions.deleteDecision(id);
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'decision.undone',
        entityType: 'application',
        entityId: id,
        before: auditOf(previous),
        after: null,
      });
    });
    return this.get(actor, id);
  }

  /** Projects whose 立项 was published, with what the core still says about a letter of intent. */
  async contracts(actor: ProvinceUser, callId: string): Promise<ContractItem[]> {
    const { call, items } = await this.list(actor, callId);
    const approved = items.filter(
      ({ row }) => row.decision?.outcome === 'approved' && row.decision.announcementId,
    );
    const announcements = new Map(
      (await this.repos.decisions.announcements(call.row.id)).map((a) => [a.id, a]),
    );
    return approved.map((item) => ({
      ...item,
      announcement: announcements.get(item.row.decision!.announcementId!)!,
    }));
  }

  /**
   * 进入合同签订: once the 公示 period is over; a project that applied on a letter of intent only must first
   * upload the formal agreement (二、2 申报时仅有合作意向书的项目，获得立项后须在签订项目合同时提供正式的合作协议文本).
   */
  async enterContractStage(actor: ProvinceUser, id: string) {
    const call = await this.province.callOf(this.repos, id);
    await inTransaction(this.db, async (repos) => {
      await repos.applications.lock(id);
      const { row, findings } = await this.province.one(repos, call, id);
      const decision = row.decision;
      const announcement = decision?.announcementId
        ? await repos.decisions.announcement(decision.announcementId)
        : undefined;
      if (decision?.revokedAt) {
        throw new AppError('APPROVAL_REVOKED', {
          message: `该项目的立项已于公示期间因异议成立而撤销（${decision.revokedReason}），不能进入合同签订`,
        });
      }
      if (decision?.outcome !== 'approved' || !announcement?.endsOn) {
        throw new AppError('STATUS_CONFLICT', { message: '该项目尚未经公示立项，不能进入合同签订' });
      }
      if (decision.contractStageAt) {
        throw new AppError('STATUS_CONFLICT', { message: '该项目已进入合同签订' });
      }
      const now = this.clock.now();
      if (beijingDate(now.getTime()) <= announcement.endsOn) {
        throw new AppError('STATUS_CONFLICT', {
          message: `公示期至 ${formatChineseDate(announcement.endsOn)}，公示期满后才能进入合同签订`,
        });
      }
      const owed = loiFindings(findings);
      if (owed.length > 0) {
        throw new AppError('FORMAL_AGREEMENT_MISSING', {
          message: `该项目申报时仅有合作意向书，须先上传正式的合作协议文本，才能进入合同签订：${owed.map((f) => f.message).join('；')}`,
        });
      }
      await repos.decisions.enterContractStage(id, now, actor.userId);
      await openContract(
        repos,
        call,
        {
          applicationId: id,
          form: row.application.form as ApplicationForm,
          organizationId: row.application.organizationId,
          piId: row.application.piId,
          title: (row.application.form as ApplicationForm).title ?? '',
        },
        actor.userId,
        now,
      );
      await repos.applications.addEvent({
        applicationId: id,
        at: now,
        actorUserId: actor.userId,
        kind: 'contract-stage',
        detail: { funding: decision.funding },
      });
    });
    return this.get(actor, id);
  }
}

/**
 * 撤销立项 (issue 14 §7): the one path that reopens a decision locked by its 公示 — an objection closed as upheld.
 * In the caller's transaction: the decision becomes not approved with no funding, the revocation is recorded and
 * audited (before → after), the application's timeline says so, and its organisation and PI are told.
 */
export async function revokeApproval(
  repos: Repositories,
  call: CallView,
  input: {
    applicationId: string;
    at: Date;
    actorUserId: string;
    reason: string;
    objection: { id: string; reference: string };
  },
): Promise<void> {
  await repos.decisions.lockCall(call.row.id);
  const application = await repos.applications.lock(input.applicationId);
  const decision = await repos.decisions.decision(input.applicationId);
  if (!application || decision?.outcome !== 'approved' || !decision.announcementId) {
    throw AppError.invalidField('revoke', '该项目当前没有经公示的立项决定，无需撤销');
  }
  if (decision.contractStageAt) {
    throw AppError.invalidField('revoke', '该项目已进入合同签订，不能在此撤销立项');
  }
  await repos.objections.revokeDecision(input.applicationId, {
    at: input.at,
    by: input.actorUserId,
    reason: input.reason,
    objectionId: input.objection.id,
  });
  await repos.audit.append({
    at: input.at,
    actorUserId: input.actorUserId,
    action: 'decision.revoked',
    entityType: 'application',
    entityId: input.applicationId,
    before: auditOf(decision),
    after: {
      outcome: 'rejected',
      funding: null,
      reason: decision.reason,
      revokedReason: input.reason,
      objection: input.objection.reference,
    },
  });
  await repos.applications.addEvent({
    applicationId: input.applicationId,
    at: input.at,
    actorUserId: input.actorUserId,
    kind: 'approval-revoked',
    detail: { reason: input.reason, objection: input.objection.reference, funding: decision.funding },
  });
  await notify(
    repos,
    { organizationAdminIds: [application.organizationId], personIds: [application.piId] },
    {
      kind: 'decision.revoked',
      ...approvalRevokedMessage({
        title: application.form.title,
        callName: call.row.name,
        reason: input.reason,
      }),
      key: `revoked:${input.applicationId}`,
    },
  );
}

/** 立项资助经费 within the topic's cap (the call's parameters) and within what the applicant asked for. */
function assertFundable(call: CallView, row: ProvinceRow, funding: number): void {
  const limit = limitOf(call, row);
  if (!limit) throw new AppError('STATUS_CONFLICT', { message: '该申报书未选择专题方向，无法确定资助上限' });
  const refusal = fundingOverLimit(funding, limit);
  if (refusal) {
    throw new AppError('FUNDING_OVER_CAP', {
      message: refusal,
      fields: [{ path: 'funding', message: `不超过${limit.reason} ${formatWanDecimal(limit.amount)}` }],
    });
  }
}
