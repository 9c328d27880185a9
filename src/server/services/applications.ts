import { createHash } from 'node:crypto';
import { type MissingField, missingFields, withoutUnfilled } from '../../core/application/form.js';
import { awaitingSeparateSlot } from '../../core/application/separate-slot.js';
import type { TopicNumber } from '../../core/bundle/schema.js';
import type { Finding } from '../../core/rules/rule.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import { formatBeijing, toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Principal } from '../principal.js';
import {
  applicantScope,
  canEdit,
  canRead,
  canReadWithin,
  isEditable,
  type Applicant,
} from './application-access.js';
import type { ApplicationRow, NamedApplication } from '../repositories/applications.js';
import type { Department } from '../repositories/departments.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { CreateApplicationBody, UpdateApplicationBody } from '../../contract/applications.js';
import { canonicalJson, type ReceiptSigner, verifyReceipt } from '../security/receipt-signing.js';
import { BundleService, judgementOf, type Judgement } from './bundles.js';
import { directedFor } from './entitlements.js';
import { type Finalization, finalizationFrom, finalizationOf } from './finalization.js';
import type { CallService } from './calls.js';
import { assertVerified } from './organization-verification.js';
import { lapseChangedConfirmation } from './partner-confirmations.js';

export interface ReceiptView {
  acceptanceNo: string;
  issuedAt: Date;
  payload: Record<string, unknown>;
  signature: string;
  publicKey: string;
}

export type SubmitOutcome =
  | { submitted: true; application: NamedApplication; receipt: ReceiptView }
  | { submitted: false; evaluation: ApplicationEvaluation };

/** The notice's rules on an application, and whether it can be submitted now. */
export interface ApplicationEvaluation {
  /** No error under the notice's rules. */
  eligible: boolean;
  findings: Finding[];
  /** Fields still to fill before submission. */
  missing: MissingField[];
  /** Eligible, complete, editable, before `submissionClosesAt` and its department's list not confirmed. */
  canSubmit: boolean;
  submissionClosesAt: Date;
  serverTime: Date;
}

export interface ApplicationView {
  application: NamedApplication;
  evaluation: ApplicationEvaluation;
  finalization: Finalization;
}

export class ApplicationService {
  private readonly bundles: BundleService;

  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
    private readonly signer: ReceiptSigner,
  ) {
    this.bundles = new BundleService(repos);
  }

  async create(actor: Applicant, input: CreateApplicationBody): Promise<ApplicationRow> {
    const call = await this.calls.require(input.callId);
    if (!call.open) throw new AppError('CALL_CLOSED');
    if (input.topic === 1 && input.direction === undefined) {
      throw AppError.invalidField('direction', '专题一须选择申报方向');
    }
    const organization = (await this.repos.organizations.findById(actor.organizationId))!;
    if (!organization.departmentId) throw new AppError('NO_DEPARTMENT');
    const piId = actor.role === 'pi' ? actor.personId : input.piId;
    if (!piId || !(await this.repos.people.findInOrganization(piId, actor.organizationId))) {
      throw AppError.invalidField('piId', '请选择本单位登记的项目负责人');
    }
    const direction = input.topic === 1 ? (input.direction ?? null) : null;
    const directed = await directedFor(this.repos, call.row, call.parameters, actor.organizationId, {
      topic: input.topic,
      direction,
    });
    return inTransaction(this.db, async (repos) => {
      const row = await repos.applications.insert({
        callId: call.row.id,
        organizationId: actor.organizationId,
        piId,
        departmentId: organization.departmentId!,
        topic: input.topic,
        direction,
        directed,
      });
      await repos.applications.addEvent(
        {
          applicationId: row.id,
          at: this.clock.now(),
          actorUserId: actor.userId,
          kind: 'created',
          detail: { topic: row.topic, direction: row.direction },
        },
        { from: null, to: 'draft' },
      );
      return row;
    });
  }

  /** Whether `signature` is this server's over `payload`, and the key it was checked with. */
  verifyReceipt(payload: unknown, signature: string): { valid: boolean; publicKey: string } {
    const publicKey = this.signer.publicKeyPem;
    return { valid: verifyReceipt(payload, signature, publicKey), publicKey };
  }

  async listNamed(actor: Applicant): Promise<NamedApplication[]> {
    const rows =
      actor.role === 'pi'
        ? await this.repos.applications.listByPi(actor.personId)
        : await this.repos.applications.listByOrganization(actor.organizationId);
    return this.repos.applications.withNames(rows.filter((r) => r.status !== 'withdrawn').map((r) => r.id));
  }

  async get(actor: Principal, id: string): Promise<ApplicationRow> {
    const row = await this.repos.applications.findById(id);
    if (!row || !canRead(actor, row)) throw new AppError('NOT_FOUND');
    return row;
  }

  /** The application with the names of its call, organization, PI and department. */
  async named(actor: Principal, id: string): Promise<NamedApplication> {
    await this.get(actor, id);
    return (await this.repos.applications.withNames([id]))[0]!;
  }

  /** The named application and the notice's rules on it as it stands. */
  async view(actor: Principal, id: string): Promise<ApplicationView> {
    return this.viewOf(await this.get(actor, id));
  }

  /**
   * An autosave, answered with the view of what it wrote (not read again). The common one, the form of an
   * application that stays where it is, is one statement, which also reads what the answer shows; anything
   * else takes `update`, which reads the row.
   */
  async save(actor: Principal, id: string, input: UpdateApplicationBody): Promise<ApplicationView> {
    const owner = applicantScope(actor);
    const saved = owner && (await this.repos.applications.autosave(id, input.version, owner, input));
    if (saved) {
      const { application: row, judgement } = saved;
      const call = this.calls.view(saved.call).parameters;
      const now = this.clock.now();
      return {
        application: row,
        evaluation: await this.evaluation(
          call,
          row,
          now,
          findingsOf(judgementOf(call, [row], judgement, now), row.id, call),
        ),
        finalization: finalizationFrom(row, saved.snapshots, judgement.rows.documents),
      };
    }
    return this.viewOf(await this.update(actor, id, input));
  }

  private async viewOf(row: ApplicationRow): Promise<ApplicationView> {
    const [application] = await this.repos.applications.withNames([row.id]);
    return {
      application: application!,
      evaluation: await this.evaluate(row),
      finalization: await finalizationOf(this.repos, row),
    };
  }

  /**
   * Named applications in the order of `ids`, in one query, each one `actor` may read (a city: its counties'
   * received ones too, as review lists them); any other is answered as missing.
   */
  async namedWithin(actor: Principal, ids: readonly string[]): Promise<NamedApplication[]> {
    const byId = new Map((await this.repos.applications.withNames([...ids])).map((a) => [a.id, a]));
    let jurisdiction: Promise<Department[]> | undefined;
    const jurisdictionOf = (departmentId: string) =>
      (jurisdiction ??= this.repos.review.jurisdiction(departmentId));
    const named: NamedApplication[] = [];
    for (const id of ids) {
      const application = byId.get(id);
      if (!application || !(await canReadWithin(actor, application, jurisdictionOf))) {
        throw new AppError('NOT_FOUND');
      }
      named.push(application);
    }
    return named;
  }

  /** An autosave: the whole form, written only over the version the client read. */
  async update(actor: Principal, id: string, input: UpdateApplicationBody): Promise<ApplicationRow> {
    const row = await this.get(actor, id);
    if (!canEdit(actor, row)) throw new AppError('NOT_FOUND');
    if (!isEditable(row)) throw new AppError('NOT_EDITABLE');
    const topic = input.topic ?? row.topic;
    const direction = topic === 1 ? (input.direction === undefined ? row.direction : input.direction) : null;
    let piId = row.piId;
    if (input.piId !== undefined && input.piId !== row.piId) {
      if (actor.role === 'pi') throw new AppError('FORBIDDEN');
      if (!(await this.repos.people.findInOrganization(input.piId, row.organizationId))) {
        throw AppError.invalidField('piId', '请选择本单位登记的项目负责人');
      }
      piId = input.piId;
    }
    const before = { topic: row.topic, direction: row.direction, piId: row.piId };
    const after = { topic, direction, piId };
    // Only a move to another stream is judged again: an autosave keeps working after an invitation is withdrawn.
    const moved = topic !== row.topic || direction !== row.direction;
    const directed = moved
      ? await directedFor(
          this.repos,
          { id: row.callId },
          (await this.calls.require(row.callId)).parameters,
          row.organizationId,
          { topic: topic as TopicNumber, direction },
          id,
        )
      : row.directed;
    const unmoved = (Object.keys(before) as (keyof typeof before)[]).every((k) => before[k] === after[k]);
    const edited = !unmoved || canonicalJson(input.form) !== canonicalJson(row.form);
    const save = async (repos: Repositories) => {
      const updated = await repos.applications.updateAtVersion(id, input.version, {
        ...after,
        directed,
        form: input.form,
        ...(edited ? { finalizedSnapshotId: null } : {}),
      });
      if (!updated) throw new AppError('VERSION_CONFLICT');
      return updated;
    };
    if (!edited) return save(this.repos);
    // Autosaves of the form are not audited (versioned, and too frequent for the log's lock); moving the
    // application to another topic, direction or PI is, and so is reopening a 定稿. The lock makes a 定稿
    // under way finish first, so that the edit sees (and reopens) it.
    return inTransaction(this.db, async (repos) => {
      const locked = await repos.applications.lock(id);
      const updated = await save(repos);
      await lapseChangedConfirmation(repos, updated, input.form, this.clock.now(), actor.userId);
      if (!unmoved) {
        await repos.audit.append({
          at: this.clock.now(),
          actorUserId: actor.userId,
          action: 'application.updated',
          entityType: 'application',
          entityId: id,
          before,
          after,
        });
      }
      const finalized =
        locked?.finalizedSnapshotId && (await repos.snapshots.findById(locked.finalizedSnapshotId));
      if (finalized) {
        await repos.applications.addEvent({
          applicationId: id,
          at: this.clock.now(),
          actorUserId: actor.userId,
          kind: 'reopened',
          detail: { snapshotId: finalized.id, sha256: finalized.sha256 },
        });
      }
      return updated;
    });
  }

  /** The notice's rules on the application as it stands, against everything it is compared with. */
  private async evaluate(row: ApplicationRow): Promise<ApplicationEvaluation> {
    const call = await this.calls.require(row.callId);
    const now = this.clock.now();
    return this.evaluation(
      call.parameters,
      row,
      now,
      await this.judge(call.parameters, row, now, row.submittedAt),
    );
  }

  async submit(actor: Principal, id: string, version: number): Promise<SubmitOutcome> {
    // Inside, every query goes through the transaction: PGlite has one connection, which it holds.
    return inTransaction(this.db, async (repos) => {
      const found = await repos.applications.lockWithCall(id);
      const locked = found?.application;
      if (!locked || !canEdit(actor, locked)) throw new AppError('NOT_FOUND');
      if (!isEditable(locked)) throw new AppError('NOT_EDITABLE');
      if (locked.version !== version) throw new AppError('VERSION_CONFLICT');
      const call = this.calls.view(found.call);
      const organization = found.organization;
      const now = this.clock.now();
      const resubmission = locked.status === 'returned';
      if (now.getTime() < Date.parse(call.parameters.deadlines.opens.value)) {
        throw new AppError('FILING_NOT_OPEN', {
          message: `网上填报于北京时间 ${formatBeijing(Date.parse(call.parameters.deadlines.opens.value))} 开放，开放后才能提交`,
        });
      }
      if (!call.accepting || now >= submissionClosesAt(call.parameters, locked)) {
        throw resubmission
          ? new AppError('DEADLINE_PASSED', { message: RESUBMISSION_CLOSED })
          : new AppError('DEADLINE_PASSED');
      }
      if (resubmission) {
        // A confirmation of the department's list, under way or done, ends resubmission (三、2).
        await repos.review.shareDepartment(locked.departmentId);
        if (await repos.review.confirmation(locked.departmentId, locked.callId)) {
          throw new AppError('LIST_CONFIRMED');
        }
      }
      // A returned application was accepted in time: the deadline rule judges its first submission.
      const submittedAt = resubmission ? locked.submittedAt! : now;

      // One application per enterprise and per PI across all organizations: submissions that could count
      // against each other take these locks in one order and wait for one another.
      await assertVerified(repos, organization);
      await repos.applications.lockKeys([`credit:${organization.creditCode}`, `pi:${locked.piId}`], {
        holding: actor.userId,
      });

      const bundles = new BundleService(repos);
      const judgement = await bundles.judge(call.parameters, [locked], now, (r) =>
        r.id === id ? submittedAt : r.submittedAt,
      );
      const findings = findingsOf(judgement, id, call.parameters);
      const evaluation = this.evaluationOf(call.parameters, locked, now, findings, false);
      if (!evaluation.canSubmit) return { submitted: false as const, evaluation };

      const files = judgement.rows.documents.filter((d) => d.applicationId === id);
      // The call's counter row, then the audit log's lock, stay held from here to commit, so every submission
      // of the call waits for this one: one statement writes what follows.
      let acceptanceNo = locked.acceptanceNo;
      if (acceptanceNo) await repos.audit.lock();
      else {
        const n = await repos.applications.nextAcceptanceNumber(call.row.id, { thenAudit: true });
        acceptanceNo = acceptanceNumber(call.row.id, n);
      }
      const payload = {
        format: 'shenbao.receipt/1',
        acceptanceNo,
        applicationId: id,
        call: { id: call.row.id, name: call.row.name },
        topic: locked.topic,
        title: locked.form.title ?? '',
        applicant: { name: organization.name, creditCode: organization.creditCode },
        piId: locked.piId,
        submittedAt: toBeijingIso(submittedAt.getTime()),
        ...(resubmission ? { resubmittedAt: toBeijingIso(now.getTime()) } : {}),
        formSha256: createHash('sha256').update(JSON.stringify(locked.form)).digest('hex'),
        documents: files.map((f) => ({
          kind: f.kind,
          fileName: f.fileName,
          sha256: f.fileSha256,
          signedOn: f.metadata.signedOn ?? null,
        })),
      };
      const signature = this.signer.sign(payload);
      const recorded = await repos.applications.recordSubmission({
        id,
        version,
        submittedAt,
        acceptanceNo,
        receipt: { payload, signature },
        snapshot: {
          form: locked.form,
          documents: files.map((f) => ({
            id: f.id,
            kind: f.kind,
            fileName: f.fileName,
            sha256: f.fileSha256,
            metadata: f.metadata,
          })),
        },
        event: {
          applicationId: id,
          at: now,
          actorUserId: actor.userId,
          kind: resubmission ? 'resubmitted' : 'submitted',
          detail: { acceptanceNo, documents: payload.documents.length },
        },
        transition: { from: locked.status, to: 'submitted' },
      });
      if (!recorded) throw new AppError('VERSION_CONFLICT');
      const receiptView = {
        acceptanceNo,
        issuedAt: now,
        payload,
        signature,
        publicKey: this.signer.publicKeyPem,
      };
      return { submitted: true as const, receipt: receiptView, application: recorded };
    });
  }

  async withdraw(actor: Principal, id: string, version: number): Promise<ApplicationRow> {
    const row = await this.get(actor, id);
    if (!canEdit(actor, row)) throw new AppError('NOT_FOUND');
    if (!isEditable(row)) throw new AppError('NOT_EDITABLE');
    return inTransaction(this.db, async (repos) => {
      const updated = await repos.applications.updateAtVersion(id, version, { status: 'withdrawn' });
      if (!updated) throw new AppError('VERSION_CONFLICT');
      await repos.applications.addEvent(
        {
          applicationId: id,
          at: this.clock.now(),
          actorUserId: actor.userId,
          kind: 'withdrawn',
          detail: {},
        },
        { from: row.status, to: 'withdrawn' },
      );
      return updated;
    });
  }

  async receipt(actor: Principal, id: string): Promise<ReceiptView> {
    await this.get(actor, id);
    const receipt = await this.repos.applications.latestReceipt(id);
    if (!receipt) throw new AppError('NOT_FOUND');
    return { ...receipt, publicKey: this.signer.publicKeyPem };
  }

  async timeline(actor: Principal, id: string) {
    await this.get(actor, id);
    return this.repos.applications.events(id);
  }

  private async judge(call: CallParameters, row: ApplicationRow, now: Date, submittedAt: Date | null) {
    const judgement = await this.bundles.judge(call, [row], now, (r) =>
      r.id === row.id ? submittedAt : r.submittedAt,
    );
    return findingsOf(judgement, row.id, call);
  }

  /** `findings` as the form shows them; a returned application cannot be resubmitted once its list is confirmed. */
  private async evaluation(
    call: CallParameters,
    row: ApplicationRow,
    now: Date,
    findings: Finding[],
  ): Promise<ApplicationEvaluation> {
    const confirmed =
      row.status === 'returned' &&
      (await this.repos.review.confirmation(row.departmentId, row.callId)) !== undefined;
    return this.evaluationOf(call, row, now, findings, confirmed);
  }

  private evaluationOf(
    call: CallParameters,
    row: ApplicationRow,
    now: Date,
    findings: Finding[],
    confirmed: boolean,
  ): ApplicationEvaluation {
    const missing = missingFields(call, row.topic as 1 | 2 | 3 | 4 | 5, row.direction ?? undefined, row.form);
    const eligible = !findings.some((f) => f.severity === 'error');
    const closes = submissionClosesAt(call, row);
    return {
      eligible,
      findings: withoutUnfilled(findings, missing),
      missing,
      canSubmit: eligible && missing.length === 0 && isEditable(row) && now < closes && !confirmed,
      submissionClosesAt: closes,
      serverTime: now,
    };
  }
}

/** The application's findings, with what a department's separate slot could still clear not blocking submission. */
function findingsOf(judgement: Judgement, id: string, call: CallParameters): Finding[] {
  const findings = judgement.report.applications.find((a) => a.id === id)!.findings;
  return awaitingSeparateSlot(judgement.bundle, id, findings, call);
}

const RESUBMISSION_CLOSED = '主管部门网上审核推荐已截止（北京时间），退回的申报书不能再提交';

/**
 * A first submission closes with online filing; a returned application may be resubmitted while its
 * department can still act on it, until the department's recommendation deadline (三、3).
 */
export function submissionClosesAt(call: CallParameters, row: ApplicationRow): Date {
  return new Date(
    row.status === 'returned' ? call.deadlines.recommendation.value : call.deadlines.submission.value,
  );
}

/** `JS-INTL-2026-00042`: the call and a dense sequence within it. */
export function acceptanceNumber(callId: string, n: number): string {
  return `${callId}-${String(n).padStart(5, '0')}`;
}
