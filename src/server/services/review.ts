import type { TopicNumber } from '../../core/bundle/schema.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import type { Finding } from '../../core/rules/rule.js';
import { formatBeijing, toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { ApplicationRow } from '../repositories/applications.js';
import type { Department } from '../repositories/departments.js';
import { receivedWithin } from './application-access.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { ReviewFilter } from '../repositories/review.js';
import type {
  ChangesView,
  ChecklistBody,
  ChecklistView,
  DecisionBody,
  ReturnBody,
  ReviewListQuery,
} from '../../contract/review.js';
import { summaryRow } from '../../core/summary/summary-table.js';
import { BundleService } from './bundles.js';
import type { CallService, CallView } from './calls.js';
import { checklistOfRow } from './review-checklist.js';
import { diffDocuments, diffForm } from './submission-changes.js';

// 项目主管部门审核推荐 (二、5, 三、2–三、4): a department reviews what was submitted to it, returns it for
// revision, recommends it or not, and confirms its list before its deadline. Every write that can change a
// count takes the quota holder's row lock first (the city for a county), then re-counts from the database
// and re-runs the core's rules on the outcome: recommendations in flight queue, across app processes.

export type DepartmentUser = PrincipalOf<'department'>;

export interface ReviewItem {
  row: ApplicationRow;
  findings: Finding[];
  readOnly: boolean;
  quotaHolder: Department | null;
}

const DECIDED = new Set<ApplicationRow['status']>(['recommended', 'not-recommended']);
const DECIDABLE = new Set<ApplicationRow['status']>(['submitted', 'recommended', 'not-recommended']);

export class ReviewService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  async list(actor: DepartmentUser, query: ReviewListQuery): Promise<ReviewItem[]> {
    const departments = await this.repos.review.jurisdiction(actor.departmentId);
    const filter: ReviewFilter = { callId: query.callId, topic: query.topic, status: query.status };
    const rows = await this.repos.review.received(
      departments.map((d) => d.id),
      filter,
    );
    const items = await this.judged(actor, rows, departments);
    return items.filter(
      ({ findings }) =>
        (query.hasErrors === undefined || findings.some((f) => f.severity === 'error') === query.hasErrors) &&
        (query.rule === undefined || findings.some((f) => f.rule === query.rule)),
    );
  }

  async detail(actor: DepartmentUser, id: string) {
    const { row, departments } = await this.find(actor, id, false);
    const [item] = await this.judged(actor, [row], departments);
    const call = await this.calls.require(row.callId);
    return {
      item: item!,
      documents: await this.repos.documents.listByApplication(id, false),
      events: await this.repos.applications.events(id),
      reviewClosesAt: call.row.recommendationClosesAt,
      confirmed: (await this.repos.review.confirmation(row.departmentId, row.callId)) !== undefined,
    };
  }

  async changes(actor: DepartmentUser, id: string): Promise<ChangesView> {
    await this.find(actor, id, false);
    const [current, previous] = await this.repos.review.lastSnapshots(id, 2);
    if (!current || !previous) {
      return {
        previous: null,
        current: current ? toBeijingIso(current.at.getTime()) : null,
        form: [],
        documents: { added: [], removed: [], replaced: [] },
      };
    }
    const history = await this.repos.documents.listByApplication(id, true);
    const successor = new Map(history.filter((d) => d.supersededAt).map((d) => [d.id, d.replacedBy]));
    return {
      previous: toBeijingIso(previous.at.getTime()),
      current: toBeijingIso(current.at.getTime()),
      form: diffForm(previous.form, current.form),
      documents: diffDocuments(previous.documents, current.documents, successor),
    };
  }

  async returnForRevision(actor: DepartmentUser, id: string, body: ReturnBody): Promise<void> {
    const { row } = await this.find(actor, id, true);
    const call = await this.calls.require(row.callId);
    await inTransaction(this.db, async (repos) => {
      // Taken before the application, in the order decisions take them.
      await repos.review.lockDepartment(row.departmentId);
      const locked = await this.lockOpen(repos, call, id);
      const now = this.clock.now();
      await this.update(repos, locked, { status: 'returned', separateSlot: false, recommendationAt: null });
      await repos.applications.addEvent(
        {
          applicationId: id,
          at: now,
          actorUserId: actor.userId,
          kind: 'returned',
          detail: {
            reasons: body.reasons,
            resubmitBy: formatBeijing(call.row.recommendationClosesAt.getTime()),
          },
        },
        { from: locked.status, to: 'returned' },
      );
    });
  }

  /** Recommends or not; refuses what the core's rules refuse once the decision is counted with all others. */
  async decide(
    actor: DepartmentUser,
    id: string,
    body: DecisionBody,
  ): Promise<{ ok: true } | { ok: false; error: AppError; findings: Finding[] }> {
    const { row } = await this.find(actor, id, true);
    const call = await this.calls.require(row.callId);
    return inTransaction(this.db, async (repos) => {
      const holder = await this.lockQuotaHolder(repos, call.parameters, row.departmentId);
      const locked = await this.lockOpen(repos, call, id);
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
        const refusal = await this.refusal(repos, call.parameters, holder, decided);
        if (refusal) return { ok: false as const, ...refusal };
      }
      await this.update(repos, locked, {
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
    const { row } = await this.find(actor, id, true);
    const call = await this.calls.require(row.callId);
    await inTransaction(this.db, async (repos) => {
      await this.lockQuotaHolder(repos, call.parameters, row.departmentId);
      const locked = await this.lockOpen(repos, call, id);
      if (!DECIDED.has(locked.status)) throw new AppError('STATUS_CONFLICT');
      await this.update(repos, locked, { status: 'submitted', separateSlot: false, recommendationAt: null });
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

  /** 网上确认提交: the department's list for the call, final (三、2 一律不予退回重报). */
  async confirm(actor: DepartmentUser, callId: string) {
    const call = await this.calls.require(callId);
    return inTransaction(this.db, async (repos) => {
      await repos.review.lockDepartment(actor.departmentId);
      if (await repos.review.confirmation(actor.departmentId, callId)) throw new AppError('LIST_CONFIRMED');
      const now = this.clock.now();
      assertReviewOpen(call, now);
      if (!(await repos.commitments.hasCurrent(actor.departmentId, callId))) {
        throw new AppError('COMMITMENT_MISSING');
      }
      const rows = await repos.review.received([actor.departmentId], { callId });
      const pending = rows.filter((r) => r.status === 'submitted');
      if (pending.length > 0) {
        throw new AppError('DECISIONS_PENDING', {
          message: `还有 ${pending.length} 项申报书尚未作出推荐决定（${pending.map((r) => r.acceptanceNo).join('、')}），请先推荐、不推荐或退回后再确认提交`,
        });
      }
      const entry = (r: ApplicationRow) => ({
        id: r.id,
        acceptanceNo: r.acceptanceNo,
        title: r.form.title ?? '',
        topic: r.topic,
        separateSlot: r.separateSlot,
      });
      const summary = {
        recommended: rows.filter((r) => r.status === 'recommended').map(entry),
        notRecommended: rows.filter((r) => r.status === 'not-recommended').map(entry),
        returnedNotResubmitted: rows.filter((r) => r.status === 'returned').map(entry),
      };
      await repos.review.insertConfirmation({
        departmentId: actor.departmentId,
        callId,
        confirmedAt: now,
        confirmedBy: actor.userId,
        summary,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'review.list-confirmed',
        entityType: 'department',
        entityId: actor.departmentId,
        before: null,
        after: { callId, ...summary },
      });
      for (const r of rows) {
        await repos.applications.addEvent({
          applicationId: r.id,
          at: now,
          actorUserId: actor.userId,
          kind: 'list-confirmed',
          detail: { status: r.status },
        });
      }
      return (await repos.review.confirmations(callId)).find((c) => c.departmentId === actor.departmentId)!;
    });
  }

  /** 形式审查: the saved answers, or the ones derived from the rules and the application. */
  async checklist(actor: DepartmentUser, id: string): Promise<ChecklistView> {
    const { row } = await this.find(actor, id, false);
    const call = await this.calls.require(row.callId);
    const now = this.clock.now();
    const { bundle, report } = await new BundleService(this.repos).judge(call.parameters, [row], now);
    const derived = checklistOfRow(
      summaryRow(
        bundle,
        call.parameters,
        bundle.applications.find((a) => a.id === id)!,
        report.applications.find((a) => a.id === id)!.findings,
        1,
      ),
    );
    const [saved] = await this.repos.review.checklists([id]);
    const confirmed = await this.repos.review.confirmation(row.departmentId, row.callId);
    return {
      applicationId: id,
      answers: saved?.answers ?? derived,
      derived,
      saved: saved !== undefined,
      savedAt: saved ? toBeijingIso(saved.savedAt.getTime()) : null,
      savedBy: saved?.savedBy ?? null,
      editable:
        row.departmentId === actor.departmentId &&
        !confirmed &&
        !call.row.readOnly &&
        now < call.row.recommendationClosesAt,
    };
  }

  /** Saves the department's 形式审查 of its own application, until it confirms its list or the deadline. */
  async saveChecklist(actor: DepartmentUser, id: string, body: ChecklistBody): Promise<ChecklistView> {
    const { row } = await this.find(actor, id, true);
    const call = await this.calls.require(row.callId);
    await inTransaction(this.db, async (repos) => {
      // Confirmation takes this lock: an answer saved now is in the list confirmed next, or refused.
      await repos.review.lockDepartment(row.departmentId);
      if (await repos.review.confirmation(row.departmentId, row.callId)) throw new AppError('LIST_CONFIRMED');
      const now = this.clock.now();
      assertReviewOpen(call, now);
      const [previous] = await repos.review.checklists([id]);
      await repos.review.saveChecklist({
        applicationId: id,
        answers: body.answers,
        savedAt: now,
        savedBy: actor.userId,
      });
      await repos.applications.addEvent(
        {
          applicationId: id,
          at: now,
          actorUserId: actor.userId,
          kind: 'checklist-saved',
          detail: { answers: body.answers },
        },
        undefined,
        { before: { answers: previous?.answers ?? null } },
      );
    });
    return this.checklist(actor, id);
  }

  confirmations(callId: string | undefined) {
    return this.repos.review.confirmations(callId);
  }

  /** The department's own confirmation of its list for the call, if it confirmed. */
  async ownConfirmation(actor: DepartmentUser, callId: string) {
    await this.calls.require(callId);
    const listed = await this.repos.review.confirmations(callId);
    return listed.find((c) => c.departmentId === actor.departmentId) ?? null;
  }

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
    const received = (
      await this.repos.review.received(
        (await this.repos.review.jurisdiction(actor.departmentId)).map((d) => d.id),
        { callId, topic: perInstitution.topics[0] },
      )
    ).filter((r) => r.status !== 'withdrawn');
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

  /**
   * The application if the department may see it: its own, or (a city) its counties'. Anything else,
   * drafts included, is answered as missing. `write`: only its own.
   */
  private async find(actor: DepartmentUser, id: string, write: boolean) {
    const row = await this.repos.applications.findById(id);
    const departments = await this.repos.review.jurisdiction(actor.departmentId);
    if (!row || !receivedWithin(row, departments)) {
      throw new AppError('NOT_FOUND');
    }
    if (write && row.departmentId !== actor.departmentId) {
      throw new AppError('FORBIDDEN', { message: '县（市）的申报书由其主管部门审核推荐，设区市只能查看' });
    }
    return { row, departments };
  }

  private async judged(
    actor: DepartmentUser,
    rows: ApplicationRow[],
    departments: Department[],
  ): Promise<ReviewItem[]> {
    const now = this.clock.now();
    const findings = new Map<string, Finding[]>();
    const holders = new Map<string, Department | null>();
    for (const callId of new Set(rows.map((r) => r.callId))) {
      const call = await this.calls.require(callId);
      const ofCall = rows.filter((r) => r.callId === callId);
      const { report } = await new BundleService(this.repos).judge(call.parameters, ofCall, now);
      for (const a of report.applications) findings.set(a.id, a.findings);
      for (const r of ofCall) holders.set(r.id, await this.countingHolder(call.parameters, r, departments));
    }
    return rows.map((row) => ({
      row,
      findings: findings.get(row.id) ?? [],
      readOnly: row.departmentId !== actor.departmentId,
      quotaHolder: holders.get(row.id) ?? null,
    }));
  }

  /** The department whose 专题四、五 quota a recommendation of `row` would use, if any. */
  private async countingHolder(call: CallParameters, row: ApplicationRow, known: Department[]) {
    const quotas = call.quotas.value;
    if (!quotas.topics.includes(row.topic as TopicNumber)) return null;
    const byId = async (id: string) =>
      known.find((d) => d.id === id) ?? (await this.repos.departments.findById(id))!;
    const holder = await byId(quotaHolderId(call, await byId(row.departmentId)));
    return quotas.byDepartmentKind[holder.kind] === undefined ? null : holder;
  }

  /** Locks the quota holder's row, then (a county) the department's own: always in this order. */
  private async lockQuotaHolder(repos: Repositories, call: CallParameters, departmentId: string) {
    const own = (await repos.departments.findById(departmentId))!;
    const holderId = quotaHolderId(call, own);
    const holder = (await repos.review.lockDepartment(holderId))!;
    if (holderId !== own.id) await repos.review.lockDepartment(own.id);
    return holder;
  }

  /** The application, locked, if the department may still act on it. */
  private async lockOpen(repos: Repositories, call: CallView, id: string): Promise<ApplicationRow> {
    const locked = (await repos.applications.lock(id))!;
    if (await repos.review.confirmation(locked.departmentId, locked.callId)) {
      throw new AppError('LIST_CONFIRMED');
    }
    assertReviewOpen(call, this.clock.now());
    if (!DECIDABLE.has(locked.status)) throw new AppError('STATUS_CONFLICT');
    return locked;
  }

  private async update(repos: Repositories, locked: ApplicationRow, changes: Partial<ApplicationRow>) {
    const updated = await repos.applications.updateAtVersion(locked.id, locked.version, changes);
    if (!updated) throw new AppError('VERSION_CONFLICT');
  }

  /**
   * Why the core's rules refuse `decided`, counted from the database (under the holder's lock) with every
   * recommendation already made under the quota holder: an error on the application, or the holder over quota.
   */
  private async refusal(
    repos: Repositories,
    call: CallParameters,
    holder: Department,
    decided: ApplicationRow,
  ): Promise<{ error: AppError; findings: Finding[] } | undefined> {
    const underHolder = await repos.review.jurisdiction(holder.id);
    const peers = (
      await repos.review.received(
        underHolder.map((d) => d.id),
        { callId: decided.callId, status: 'recommended' },
      )
    ).filter((r) => r.id !== decided.id);
    const { report } = await new BundleService(repos).judge(
      call,
      [decided, ...peers],
      decided.recommendationAt!,
    );
    const own = report.applications.find((a) => a.id === decided.id)!.findings;
    const errors = own.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      return {
        error: new AppError('NOT_RECOMMENDABLE', {
          message: `申报书有 ${errors.length} 个不符合申报要求的问题，不能推荐：${errors.map((f) => f.message).join('；')}`,
        }),
        findings: own,
      };
    }
    const over = report.departments
      .find((d) => d.id === holder.id)
      ?.findings.filter((f) => f.rule === 'quota.department');
    if (over && over.length > 0) {
      const quotas = call.quotas.value;
      const used = peers.filter(
        (r) => quotas.topics.includes(r.topic as TopicNumber) && !r.separateSlot,
      ).length;
      const limit = quotas.byDepartmentKind[holder.kind]!;
      return {
        error: new AppError('QUOTA_EXCEEDED', {
          message: `${holder.name}专题四、五已推荐 ${used} 项（不含单独推荐名额），限额 ${limit} 项，名额已用完，不能再推荐。如需推荐本项目，请先撤销其他推荐，或确认其符合单独推荐名额条件。`,
        }),
        findings: over,
      };
    }
    return undefined;
  }
}

/** The department whose quota a department's recommendations use: a county's city, otherwise itself. */
export function quotaHolderId(call: CallParameters, department: Department): string {
  return call.quotas.value.countiesCountAgainstCity && department.kind === 'county' && department.cityId
    ? department.cityId
    : department.id;
}

/** Returns, decisions, 形式审查 and confirmation close at the department's recommendation deadline (北京时间). */
export function assertReviewOpen(call: CallView, now: Date): void {
  const closes = call.row.recommendationClosesAt;
  if (call.row.readOnly || now >= closes) {
    throw new AppError('REVIEW_CLOSED', {
      message: `主管部门网上审核推荐已于北京时间 ${formatBeijing(closes.getTime())} 截止，不能再退回、推荐、修改形式审查或确认`,
    });
  }
}
