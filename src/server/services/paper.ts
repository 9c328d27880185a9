import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { PaperApplication, PaperReceiptRecord } from '../repositories/paper.js';
import {
  owedPaper,
  type OwedPaper,
  type PaperReceiptFact,
  type PaperState,
  paperState,
  receiptFor,
} from '../../core/paper/register.js';
import type { CorrectReceiptBody, PaperRegisterQuery, RecordReceiptBody } from '../../contract/paper.js';
import { canRead, type Applicant } from './application-access.js';
import type { CallService, CallView } from './calls.js';
import type { DepartmentUser } from './review.js';

// 纸质材料登记 (issue 13 §4): the province records each receipt of paper; departments and applicants see what
// they still owe. A correction is a new receipt superseding the old one, so the register's history is whole.

/** One owed item as the register shows it: the item, its receipts' verdict, and the names people know. */
export interface PaperEntry {
  state: PaperState;
  application: PaperApplication | undefined;
  departmentName: string;
}

export interface PaperRegister {
  call: CallView;
  entries: PaperEntry[];
  /** Every receipt of the call, superseded ones too. */
  receipts: PaperReceiptRecord[];
}

type Province = PrincipalOf<'province'>;

export class PaperService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /** The province's register of a call, filtered by kind, status or department. */
  async register(_actor: Province, query: PaperRegisterQuery): Promise<PaperRegister> {
    const register = await this.build(query.callId);
    return {
      ...register,
      entries: register.entries.filter(
        ({ state }) =>
          (!query.kind || state.item.kind === query.kind) &&
          (!query.status || state.status === query.status) &&
          (!query.departmentId || state.item.departmentId === query.departmentId),
      ),
    };
  }

  /** What a department sends or its applicants send: its own materials, its applications' copies. */
  async forDepartment(actor: DepartmentUser, callId: string): Promise<PaperRegister> {
    const register = await this.build(callId);
    return {
      ...register,
      entries: register.entries.filter(({ state }) => state.item.departmentId === actor.departmentId),
    };
  }

  /** What the applicant's unit (a PI: their own applications) owes for its applications. */
  async forApplicant(actor: Applicant, callId: string): Promise<PaperRegister> {
    const register = await this.build(callId);
    const own = new Set(
      (actor.role === 'pi'
        ? await this.repos.applications.listByPi(actor.personId)
        : await this.repos.applications.listByOrganization(actor.organizationId)
      )
        .filter((row) => canRead(actor, row))
        .map((row) => row.id),
    );
    return {
      ...register,
      entries: register.entries.filter(
        ({ state }) => state.item.applicationId !== null && own.has(state.item.applicationId),
      ),
    };
  }

  async record(actor: Province, body: RecordReceiptBody): Promise<PaperReceiptRecord> {
    const call = await this.calls.require(body.callId);
    const id = await inTransaction(this.db, async (repos) => {
      await this.assertOwed(repos, call, body);
      const now = this.clock.now();
      assertNotFuture(body.receivedAt, now);
      const row = { ...rowOf(body), callId: call.row.id, recordedBy: actor.userId, createdAt: now };
      const id = await repos.paper.insert(row);
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'paper.receipt-recorded',
        ...entityOf(row),
        after: auditedOf(row),
      });
      return id;
    });
    return (await this.repos.paper.findById(id))!;
  }

  /** Supersedes a current receipt with a corrected one; a superseded or missing one is 404. */
  async correct(actor: Province, id: string, body: CorrectReceiptBody): Promise<PaperReceiptRecord> {
    const existing = await this.repos.paper.findById(id);
    if (!existing) throw new AppError('NOT_FOUND');
    const call = await this.calls.require(existing.callId);
    const created = await inTransaction(this.db, async (repos) => {
      const old = await repos.paper.lockCurrent(id);
      if (!old) throw new AppError('NOT_FOUND');
      await this.assertOwed(repos, call, body);
      const now = this.clock.now();
      assertNotFuture(body.receivedAt, now);
      await repos.paper.supersede(old.id, now);
      const row = {
        ...rowOf(body),
        callId: old.callId,
        recordedBy: actor.userId,
        createdAt: now,
        supersedes: old.id,
        correctionReason: body.reason,
      };
      const created = await repos.paper.insert(row);
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'paper.receipt-corrected',
        ...entityOf(row),
        before: auditedOf(old),
        after: { ...auditedOf(row), reason: body.reason },
      });
      return created;
    });
    return (await this.repos.paper.findById(created))!;
  }

  private async build(callId: string): Promise<PaperRegister> {
    const call = await this.calls.require(callId);
    const [applications, departments, receipts] = await Promise.all([
      this.repos.paper.applications(callId),
      this.repos.paper.confirmedDepartments(callId),
      this.repos.paper.receipts(callId),
    ]);
    const owed = owedPaper(call.parameters, {
      applications,
      confirmedDepartmentIds: departments.map((d) => d.id),
    });
    const current = receipts.filter((r) => r.supersededAt === null).map(factOf);
    const now = this.clock.now().getTime();
    const byId = new Map(applications.map((a) => [a.id, a]));
    const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
    const entries = owed.map((item) => {
      const application = item.applicationId === null ? undefined : byId.get(item.applicationId);
      return {
        state: paperState(item, current, now),
        application,
        departmentName: application?.departmentName ?? departmentNames.get(item.departmentId) ?? '',
      };
    });
    return { call, entries, receipts };
  }

  /** A receipt must be of paper the call owes now: a department that confirmed, an application that owes it. */
  private async assertOwed(
    repos: Repositories,
    call: CallView,
    body: Pick<RecordReceiptBody, 'kind' | 'applicationId' | 'departmentId'>,
  ): Promise<void> {
    const [applications, departments] = await Promise.all([
      repos.paper.applications(call.row.id),
      repos.paper.confirmedDepartments(call.row.id),
    ]);
    const owed: OwedPaper[] = owedPaper(call.parameters, {
      applications,
      confirmedDepartmentIds: departments.map((d) => d.id),
    });
    const probe = factOf({ id: '', ...rowOf({ ...body, copies: 1, receivedAt: new Date(0).toISOString() }) });
    if (owed.some((item) => receiptFor(item, probe))) return;
    throw body.kind === 'department-materials'
      ? AppError.invalidField('departmentId', '该主管部门尚未确认推荐名单，无需报送此项纸质材料')
      : AppError.invalidField('applicationId', '该申报书无需报送此项纸质材料');
  }
}

function assertNotFuture(receivedAt: string, now: Date): void {
  if (Date.parse(receivedAt) > now.getTime())
    throw AppError.invalidField('receivedAt', '收件时间不能晚于当前时间');
}

function rowOf(
  body: Pick<RecordReceiptBody, 'kind' | 'applicationId' | 'departmentId' | 'copies' | 'receivedAt'> & {
    receiver?: string;
    note?: string;
  },
) {
  return {
    kind: body.kind,
    applicationId: body.kind === 'department-materials' ? null : (body.applicationId ?? null),
    departmentId: body.kind === 'department-materials' ? (body.departmentId ?? null) : null,
    copies: body.copies,
    receivedAt: new Date(body.receivedAt),
    receiver: body.receiver ?? '',
    note: body.note ?? '',
  };
}

function factOf(row: {
  id: string;
  kind: PaperReceiptFact['kind'];
  applicationId: string | null;
  departmentId: string | null;
  copies: number;
  receivedAt: Date;
}): PaperReceiptFact {
  return {
    id: row.id,
    kind: row.kind,
    applicationId: row.applicationId,
    departmentId: row.departmentId,
    copies: row.copies,
    receivedAtMs: row.receivedAt.getTime(),
  };
}

function entityOf(row: { applicationId: string | null; departmentId: string | null }) {
  return row.applicationId
    ? { entityType: 'application', entityId: row.applicationId }
    : { entityType: 'department', entityId: row.departmentId! };
}

function auditedOf(row: ReturnType<typeof rowOf>) {
  return {
    kind: row.kind,
    copies: row.copies,
    receivedAt: row.receivedAt.toISOString(),
    receiver: row.receiver,
    note: row.note,
  };
}
