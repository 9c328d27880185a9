import type { TopicNumber } from '../../../core/bundle/schema.js';
import type { CallParameters } from '../../../core/calls/parameters.js';
import type { Finding } from '../../../core/rules/rule.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { ApplicationRow } from '../../repositories/applications.js';
import type { Department } from '../../repositories/departments.js';
import { inTransaction, type Repositories } from '../../repositories/index.js';
import type { DecisionBody } from '../../../contract/review.js';
import { BundleService } from '../bundles.js';
import type { CallService } from '../calls.js';
import { findReceived, lockDecidable, updateLocked, type DepartmentUser } from './access.js';

// 推荐 / 不推荐 under the 专题四、五 quota (二、3, 三、2). Every decision takes, in this order, the quota holder's
// row lock (the city for a county), the department's own, the application's and (recommending) the applicant's
// credit-code lock; it then re-counts from the database and re-runs the core's rules on the outcome, so
// recommendations in flight queue, across app processes (docs/ARCHITECTURE.md, "Quota under concurrency").

const DECIDED = new Set<ApplicationRow['status']>(['recommended', 'not-recommended']);

export class DepartmentQuotaService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /** The quota meter of the department's quota holder, and the 专题二 counts of the applicants it received. */
  async quota(actor: DepartmentUser, callId: string) {
    const call = await this.calls.require(callId);
    const quotas = call.parameters.quotas.value;
    const perInstitution = call.parameters.limits.perInstitution.value;
    const own = (await this.repos.departments.findById(actor.departmentId))!;
    const holder = (await this.repos.departments.findById(quotaHolderId(call.parameters, own)))!;
    const underHolder = await this.repos.review.jurisdiction(holder.id);
    const recommended = await this.repos.review.received(
      underHolder.map((d) => d.id),
      { callId, status: 'recommended' },
    );
    const counted = recommended.filter(
      (r) => quotas.topics.includes(r.topic as TopicNumber) && !r.separateSlot,
    );
    const received = await this.repos.review.received(
      (await this.repos.review.jurisdiction(actor.departmentId)).map((d) => d.id),
      { callId, topic: perInstitution.topics[0] },
    );
    const applicants = await this.repos.review.applicants([
      ...new Set(received.map((r) => r.organizationId)),
    ]);
    const beltRoad = applicants
      .filter((o) => perInstitution.kinds.includes(o.kind))
      .map((o) => {
        const theirs = received.filter((r) => r.organizationId === o.id);
        const slot = theirs.some((r) => r.status === 'recommended' && r.separateSlot);
        return {
          organization: { id: o.id, name: o.name },
          applications: theirs.length,
          recommended: theirs.filter((r) => r.status === 'recommended').length,
          separateSlot: slot,
          limit: perInstitution.max + (slot ? 1 : 0),
        };
      });
    return {
      callId,
      holder,
      used: counted.length,
      limit: quotas.byDepartmentKind[holder.kind] ?? null,
      byDepartment: underHolder.map((d) => ({
        id: d.id,
        name: d.name,
        used: counted.filter((r) => r.departmentId === d.id).length,
      })),
      separateSlotsUsed: recommended.filter((r) => r.separateSlot).length,
      beltRoad,
    };
  }

  /** Recommends or not; refuses what the core's rules refuse once the decision is counted with all others. */
  async decide(
    actor: DepartmentUser,
    id: string,
    body: DecisionBody,
  ): Promise<{ ok: true } | { ok: false; error: AppError; findings: Finding[] }> {
    const { row } = await findReceived(this.repos, actor, id, true);
    const call = await this.calls.require(row.callId);
    return inTransaction(this.db, async (repos) => {
      const holder = await this.lockQuotaHolder(repos, call.parameters, row.departmentId);
      const locked = await lockDecidable(repos, this.clock, call, id);
      const now = this.clock.now();
      const separateSlot = body.decision === 'recommended' && body.separateSlot;
      const decided: ApplicationRow = {
        ...locked,
        status: body.decision,
        separateSlot,
        recommendationAt: now,
      };
      if (body.decision === 'recommended') {
        const organization = (await repos.organizations.findById(locked.organizationId))!;
        // The 专题二 and separate-slot limits count per applicant, whichever department it applies through.
        await repos.applications.lockKeys([`credit:${organization.creditCode}`]);
        const refusals = await recommendationRefusals(repos, call.parameters, holder, [decided], now);
        const refusal = refusals.get(id);
        if (refusal) return { ok: false as const, ...refusal };
      }
      await updateLocked(repos, locked, {
        status: decided.status,
        separateSlot,
        recommendationAt: now,
      });
      await repos.applications.addEvent(
        {
          applicationId: id,
          at: now,
          actorUserId: actor.userId,
          kind: body.decision,
          detail: { reason: body.reason, separateSlot },
        },
        { from: locked.status, to: body.decision },
      );
      return { ok: true as const };
    });
  }

  /** Takes a decision back: the application is waiting for one again. */
  async undo(actor: DepartmentUser, id: string): Promise<void> {
    const { row } = await findReceived(this.repos, actor, id, true);
    const call = await this.calls.require(row.callId);
    await inTransaction(this.db, async (repos) => {
      await this.lockQuotaHolder(repos, call.parameters, row.departmentId);
      const locked = await lockDecidable(repos, this.clock, call, id);
      if (!DECIDED.has(locked.status)) throw new AppError('STATUS_CONFLICT');
      await updateLocked(repos, locked, { status: 'submitted', separateSlot: false, recommendationAt: null });
      await repos.applications.addEvent(
        {
          applicationId: id,
          at: this.clock.now(),
          actorUserId: actor.userId,
          kind: 'decision-undone',
          detail: { was: locked.status },
        },
        { from: locked.status, to: 'submitted' },
      );
    });
  }

  /** Locks the quota holder's row, then (a county) the department's own: always in this order. */
  private async lockQuotaHolder(repos: Repositories, call: CallParameters, departmentId: string) {
    const own = (await repos.departments.findById(departmentId))!;
    const holderId = quotaHolderId(call, own);
    const holder = (await repos.review.lockDepartment(holderId))!;
    if (holderId !== own.id) await repos.review.lockDepartment(own.id);
    return holder;
  }
}

export interface Refusal {
  error: AppError;
  findings: Finding[];
}

/**
 * Why the core's rules refuse recommending each of `decided` (rows as recommended), counted at `asOf` from
 * the database (under the holder's lock) with every recommendation already made under the quota holder: an
 * error on the application, or the holder over quota. A decision asks for one row, an import for all it writes.
 */
export async function recommendationRefusals(
  repos: Repositories,
  call: CallParameters,
  holder: Department,
  decided: ApplicationRow[],
  asOf: Date,
): Promise<Map<string, Refusal>> {
  const refusals = new Map<string, Refusal>();
  if (decided.length === 0) return refusals;
  const underHolder = await repos.review.jurisdiction(holder.id);
  const ids = new Set(decided.map((r) => r.id));
  const peers = (
    await repos.review.received(
      underHolder.map((d) => d.id),
      { callId: decided[0]!.callId, status: 'recommended' },
    )
  ).filter((r) => !ids.has(r.id));
  const recommended = [...decided, ...peers];
  const { report } = await new BundleService(repos).judge(call, recommended, asOf);
  const over = report.departments
    .find((d) => d.id === holder.id)
    ?.findings.filter((f) => f.rule === 'quota.department');
  const quotas = call.quotas.value;
  const counted = (r: ApplicationRow) => quotas.topics.includes(r.topic as TopicNumber) && !r.separateSlot;
  for (const row of decided) {
    const own = report.applications.find((a) => a.id === row.id)!.findings;
    const errors = own.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      refusals.set(row.id, {
        error: new AppError('NOT_RECOMMENDABLE', {
          message: `申报书有 ${errors.length} 个不符合申报要求的问题，不能推荐：${errors.map((f) => f.message).join('；')}`,
        }),
        findings: own,
      });
    } else if (over && over.length > 0) {
      const used = recommended.filter((r) => r.id !== row.id && counted(r)).length;
      const limit = quotas.byDepartmentKind[holder.kind]!;
      refusals.set(row.id, {
        error: new AppError('QUOTA_EXCEEDED', {
          message: `${holder.name}专题四、五已推荐 ${used} 项（不含单独推荐名额），限额 ${limit} 项，名额已用完，不能再推荐。如需推荐本项目，请先撤销其他推荐，或确认其符合单独推荐名额条件。`,
        }),
        findings: over,
      });
    }
  }
  return refusals;
}

/** The department whose quota a department's recommendations use: a county's city, otherwise itself. */
export function quotaHolderId(call: CallParameters, department: Department): string {
  return call.quotas.value.countiesCountAgainstCity && department.kind === 'county' && department.cityId
    ? department.cityId
    : department.id;
}
