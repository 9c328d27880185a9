import type { TopicNumber } from '../../core/bundle/schema.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import type { Finding } from '../../core/rules/rule.js';
import { separateSlotOffered } from '../../core/application/separate-slot.js';
import { formatBeijing, toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { ApplicationRow } from '../repositories/applications.js';
import type { Department } from '../repositories/departments.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { ReviewFilter } from '../repositories/review.js';
import type {
  ChecklistBody,
  ChecklistView,
  ConfirmProblem,
  ReturnBody,
  ReviewListQuery,
} from '../../contract/review.js';
import { summaryRow } from '../../core/summary/summary-table.js';
import { BundleService } from './bundles.js';
import type { CallService, CallView } from './calls.js';
import { checklistOfRow } from './review-checklist.js';
import { confirmationNote } from '../../core/application/partner-confirmation.js';
import {
  assertReviewOpen,
  findReceived,
  lockDecidable,
  updateLocked,
  type DepartmentUser,
} from './review/access.js';
import { quotaHolderId } from './review/quota.js';
import { returnedMessage } from './notifications/messages.js';
import { notify } from './notifications/notify.js';
import { diffDocuments, diffForm, type SubmissionChanges } from './submission-changes.js';
import { finalizationOf } from './finalization.js';

// 项目主管部门审核推荐 (二、5, 三、2–三、4): a department reviews what was submitted to it, returns it for
// revision and confirms its list before its deadline. Its recommendations, which count against the quota, are
// decided in review/quota.ts.

// Imported from here by the services that check the review deadline or name a department's user.
export { assertReviewOpen, type DepartmentUser };

export interface ReviewItem {
  row: ApplicationRow;
  findings: Finding[];
  readOnly: boolean;
  quotaHolder: Department | null;
  separateSlotOffered: boolean;
}

/** Why the list cannot be confirmed yet, with every application that stands in the way; none: it can. */
async function confirmRefusal(repos: Repositories, call: CallView, rows: ApplicationRow[], now: Date) {
  const { report } = await new BundleService(repos).judge(call.parameters, rows, now);
  const errorsOf = new Map(
    report.applications.map((a) => [
      a.id,
      a.findings.filter((f) => f.severity === 'error').map((f) => f.message),
    ]),
  );
  const problem = (r: ApplicationRow, kind: ConfirmProblem['problem']): ConfirmProblem => ({
    applicationId: r.id,
    acceptanceNo: r.acceptanceNo,
    title: r.form.title ?? '',
    problem: kind,
    errors: kind === 'errors' ? (errorsOf.get(r.id) ?? []) : [],
  });
  const pending = rows.filter((r) => r.status === 'submitted').map((r) => problem(r, 'pending'));
  const faulty = rows
    .filter((r) => r.status === 'recommended' && (errorsOf.get(r.id)?.length ?? 0) > 0)
    .map((r) => problem(r, 'errors'));
  if (pending.length + faulty.length === 0) return undefined;
  const numbers = (list: ConfirmProblem[]) => list.map((p) => p.acceptanceNo).join('、');
  const parts = [
    ...(faulty.length > 0
      ? [`${faulty.length} 项已推荐的申报书存在错误（${numbers(faulty)}），请撤销推荐或改为不推荐`]
      : []),
    ...(pending.length > 0
      ? [`${pending.length} 项申报书尚未作出推荐决定（${numbers(pending)}），请先推荐、不推荐或退回`]
      : []),
  ];
  return {
    ok: false as const,
    error: new AppError(faulty.length > 0 ? 'RECOMMENDED_WITH_ERRORS' : 'DECISIONS_PENDING', {
      message: `不能确认提交：${parts.join('；')}`,
    }),
    problems: [...faulty, ...pending],
  };
}

export class ReviewService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  async list(actor: DepartmentUser, query: ReviewListQuery): Promise<ReviewItem[]> {
    const departments = await this.repos.review.jurisdiction(actor.departmentId);
    const filter: ReviewFilter = {
      callId: query.callId,
      topic: query.topic,
      status: query.status,
      q: query.q,
    };
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
    const { row, departments } = await findReceived(this.repos, actor, id, false);
    const [item] = await this.judged(actor, [row], departments);
    const call = await this.calls.require(row.callId);
    return {
      item: item!,
      documents: await this.repos.documents.listByApplication(id, false),
      events: await this.repos.applications.events(id),
      reviewClosesAt: call.row.recommendationClosesAt,
      confirmed: (await this.repos.review.confirmation(row.departmentId, row.callId)) !== undefined,
      finalization: await finalizationOf(this.repos, row),
    };
  }

  async changes(actor: DepartmentUser, id: string): Promise<SubmissionChanges> {
    await findReceived(this.repos, actor, id, false);
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
    const { row } = await findReceived(this.repos, actor, id, true);
    const call = await this.calls.require(row.callId);
    await inTransaction(this.db, async (repos) => {
      // Taken before the application, in the order decisions take them.
      await repos.review.lockDepartment(row.departmentId);
      const locked = await lockDecidable(repos, this.clock, call, id);
      const now = this.clock.now();
      await updateLocked(repos, locked, { status: 'returned', separateSlot: false, recommendationAt: null });
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
      const department = await repos.departments.findById(locked.departmentId);
      await notify(
        repos,
        { organizationAdminIds: [locked.organizationId], personIds: [locked.piId] },
        {
          kind: 'application.returned',
          ...returnedMessage({
            title: locked.form.title,
            callName: call.row.name,
            departmentName: department?.name ?? '项目主管部门',
            reasons: body.reasons,
            resubmitBy: call.row.recommendationClosesAt,
          }),
          key: `returned:${id}:${now.getTime()}`,
        },
      );
    });
  }

  /**
   * 网上确认提交: the department's list for the call, final (三、2 一律不予退回重报). Refused, with the
   * applications concerned, while any is undecided or a recommended one has errors (the rules may have
   * changed their verdict since it was recommended: a register imported, another recommendation counted).
   */
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
      const refusal = await confirmRefusal(repos, call, rows, now);
      if (refusal) return refusal;
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
      const confirmation = (await repos.review.confirmations(callId)).find(
        (c) => c.departmentId === actor.departmentId,
      )!;
      return { ok: true as const, confirmation };
    });
  }

  /** 形式审查: the saved answers, or the ones derived from the rules and the application. */
  async checklist(actor: DepartmentUser, id: string): Promise<ChecklistView> {
    const { row } = await findReceived(this.repos, actor, id, false);
    const call = await this.calls.require(row.callId);
    const now = this.clock.now();
    const { bundle, report } = await new BundleService(this.repos).judge(call.parameters, [row], now);
    const application = bundle.applications.find((a) => a.id === id)!;
    const derived = checklistOfRow(
      summaryRow(
        bundle,
        call.parameters,
        application,
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
      partnerConfirmation: (application.partner && confirmationNote(application.partner)) ?? null,
    };
  }

  /** Saves the department's 形式审查 of its own application, until it confirms its list or the deadline. */
  async saveChecklist(actor: DepartmentUser, id: string, body: ChecklistBody): Promise<ChecklistView> {
    const { row } = await findReceived(this.repos, actor, id, true);
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

  private async judged(
    actor: DepartmentUser,
    rows: ApplicationRow[],
    departments: Department[],
  ): Promise<ReviewItem[]> {
    const now = this.clock.now();
    const findings = new Map<string, Finding[]>();
    const holders = new Map<string, Department | null>();
    const offered = new Set<string>();
    for (const callId of new Set(rows.map((r) => r.callId))) {
      const call = await this.calls.require(callId);
      const ofCall = rows.filter((r) => r.callId === callId);
      const { bundle, report } = await new BundleService(this.repos).judge(call.parameters, ofCall, now);
      for (const a of report.applications) findings.set(a.id, a.findings);
      for (const r of ofCall) if (separateSlotOffered(bundle, r.id, call.parameters)) offered.add(r.id);
      for (const r of ofCall) holders.set(r.id, await this.countingHolder(call.parameters, r, departments));
    }
    return rows.map((row) => ({
      row,
      findings: findings.get(row.id) ?? [],
      readOnly: row.departmentId !== actor.departmentId,
      quotaHolder: holders.get(row.id) ?? null,
      separateSlotOffered: offered.has(row.id),
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
}
