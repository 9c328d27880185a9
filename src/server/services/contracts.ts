import { createHash } from 'node:crypto';
import type { ApplicationForm } from '../../core/application/form.js';
import {
  basicsFromForm,
  basicsLines,
  basicsProblems,
  type BasicsLine,
  type TaskBasics,
} from '../../core/contracts/basics.js';
import {
  contractSteps,
  missingOf,
  monthEnd,
  projectNumber,
  startDateProblem,
  CONTRACT_STATUS_LABELS,
  type ContractStatus,
  type StepState,
} from '../../core/contracts/steps.js';
import type { TopicNumber } from '../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../core/labels.js';
import { owedPaper, paperState } from '../../core/paper/register.js';
import type { OngoingProjectRecord } from '../../core/registers/ongoing-projects.js';
import { beijingDate } from '../../core/time.js';
import type { ContractBasicsBody, ContractConfirmBody, ContractSignBody } from '../../contract/contracts.js';
import { APPLICANT_ROLES } from '../../contract/vocabulary.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { approvedListXlsx } from '../io/approved-list-xlsx.js';
import { renderAwardNotice } from '../io/print/award-notice.js';
import { assertDuty, type Principal } from '../principal.js';
import type { ApprovedProject } from '../repositories/contracts.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import { canRead } from './application-access.js';
import { BundleService } from './bundles.js';
import type { CallService, CallView } from './calls.js';
import { loiFindings, type ProvinceUser } from './formal-review.js';
import { notify } from './notifications/notify.js';
import { contractMessage } from './notifications/messages.js';

// After the 立项决定 (issue 14 §9): the 立项通知书 with its 项目编号, the contract stage (任务书 basics confirmed by
// the applicant, the formal agreement, the bound paper copy), 已签约 with its start date feeding the 在研项目
// register, and the approved list for finance.

/** A project of the contract stage as the province and the applicant read it. */
export interface ContractState {
  project: ApprovedProject;
  projectNo: string | null;
  status: ContractStatus;
  /** The steps, once in the contract stage. */
  steps: StepState[] | null;
  /** 申报书 vs 任务书, heading by heading, once in the contract stage. */
  lines: BasicsLine[] | null;
  agreementMissing: string[];
  paper: { copies: number; received: number };
}

/** 签约 writes the project into the 在研项目 register as a batch of this name: the platform is its source. */
export const PLATFORM_BATCH_NAME = '本平台合同签订';

const form = (p: ApprovedProject) => p.application.form as ApplicationForm;

function statusOf(p: ApprovedProject, steps: StepState[] | null): ContractStatus {
  if (p.contract?.signedAt) return 'signed';
  if (!p.contract || !steps) return 'not-started';
  return steps.every((s) => s.done) ? 'ready' : 'in-progress';
}

/**
 * Assigns the project its 项目编号 once: the call's prefix and the next serial of that prefix, under the
 * prefix's lock (so two projects never take one serial) and the application's row lock (so one project never
 * takes two).
 */
export async function assignProjectNumber(
  repos: Repositories,
  call: CallView,
  applicationId: string,
  now: Date,
  actorUserId: string | null = null,
): Promise<string> {
  await repos.applications.lock(applicationId);
  const held = await repos.contracts.number(applicationId);
  if (held) return held.projectNo;
  const prefix = call.parameters.award.value.projectNoPrefix;
  await repos.contracts.lockPrefix(prefix);
  const serial = (await repos.contracts.lastSerial(prefix)) + 1;
  const projectNo = projectNumber(prefix, serial);
  await repos.contracts.insertNumber({
    applicationId,
    callId: call.row.id,
    prefix,
    serial,
    projectNo,
    assignedAt: now,
  });
  await repos.audit.append({
    at: now,
    actorUserId,
    action: 'contract.number-assigned',
    entityType: 'application',
    entityId: applicationId,
    before: null,
    after: { projectNo },
  });
  return projectNo;
}

/**
 * The contract of a project entering the contract stage (called by `DecisionService.enterContractStage` in its
 * transaction): the 任务书 basics from the 申报书, unconfirmed, and the project's number.
 */
export async function openContract(
  repos: Repositories,
  call: CallView,
  input: {
    applicationId: string;
    form: ApplicationForm;
    organizationId: string;
    piId: string;
    title: string;
  },
  actorUserId: string,
  now: Date,
): Promise<void> {
  const projectNo = await assignProjectNumber(repos, call, input.applicationId, now, actorUserId);
  const basics = basicsFromForm(input.form);
  await repos.contracts.insertContract({
    applicationId: input.applicationId,
    callId: call.row.id,
    basicsApplied: basics,
    basics,
    basicsVersion: 1,
    createdAt: now,
    createdBy: actorUserId,
  });
  await repos.audit.append({
    at: now,
    actorUserId,
    action: 'contract.opened',
    entityType: 'application',
    entityId: input.applicationId,
    before: null,
    after: { projectNo, basics },
  });
  await notify(
    repos,
    { organizationAdminIds: [input.organizationId], personIds: [input.piId] },
    contractMessage('opened', {
      applicationId: input.applicationId,
      title: input.title,
      projectNo,
      version: 1,
    }),
  );
}

export class ContractService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /** The call's approved projects of published 公示, with their contract stage. */
  async list(_actor: ProvinceUser, callId: string): Promise<{ call: CallView; items: ContractState[] }> {
    const call = await this.calls.require(callId);
    const projects = await this.repos.contracts.approved(call.row.id);
    return { call, items: await this.states(this.repos, call, projects) };
  }

  async get(_actor: ProvinceUser, id: string): Promise<ContractState> {
    return this.one(this.repos, id, () => true);
  }

  /** The applicant's view: its unit's administrators and contacts, and its PI; anyone else 404. */
  async forApplicant(actor: Principal, id: string): Promise<ContractState> {
    return this.one(this.repos, id, (p) => isApplicant(actor) && canRead(actor, p.application));
  }

  /** The 立项通知书: the province, and the applicant's organisation (its PI too); anyone else 404. */
  async notice(actor: Principal, id: string): Promise<{ fileName: string; bytes: Uint8Array }> {
    const [project] = await this.repos.contracts.approved(null, id);
    const allowed =
      project && (actor.role === 'province' || (isApplicant(actor) && canRead(actor, project.application)));
    if (!project || !allowed) throw new AppError('NOT_FOUND');
    const call = await this.calls.require(project.application.callId);
    const now = this.clock.now();
    const projectNo =
      project.number?.projectNo ??
      (await inTransaction(this.db, (repos) => assignProjectNumber(repos, call, id, now, actor.userId)));
    const f = form(project);
    const bytes = await renderAwardNotice({
      award: call.parameters.award.value,
      callName: call.row.name,
      projectNo,
      title: f.title ?? '',
      organizationName: project.organizationName,
      piName: project.piName,
      funding: project.decision.funding!,
      period: { start: f.period?.start, end: f.period?.end },
      issuedOn: beijingDate((project.announcement.publishedAt ?? now).getTime()),
      announcementTitle: project.announcement.title,
    });
    return { fileName: `立项通知书-${projectNo}.pdf`, bytes };
  }

  /** The approved list for finance: every approved project of the call's published 公示. */
  async approvedList(actor: ProvinceUser, callId: string): Promise<{ fileName: string; body: Buffer }> {
    const { call, items } = await this.list(actor, callId);
    const rows = items.map((state) => {
      const f = form(state.project);
      const contract = state.project.contract;
      return {
        projectNo: state.projectNo ?? '（未编号）',
        title: f.title ?? '',
        organizationName: state.project.organizationName,
        creditCode: state.project.creditCode,
        piName: state.project.piName,
        topic: TOPIC_LABELS[state.project.application.topic as TopicNumber] ?? '',
        funding: state.project.decision.funding!,
        period: `${f.period?.start ?? ''} 至 ${f.period?.end ?? ''}`,
        contractStatus: CONTRACT_STATUS_LABELS[state.status],
        signedOn: contract?.startsOn ?? '',
      };
    });
    const date = beijingDate(this.clock.now().getTime());
    return {
      fileName: `立项项目清单-${call.row.name}-${date}.xlsx`,
      body: await approvedListXlsx(`${call.row.name}立项项目清单（${date}）`, rows),
    };
  }

  /** 对外合作处 adjusts the 任务书 basics; a change after the applicant confirmed asks it to confirm again. */
  async adjust(actor: ProvinceUser, id: string, body: ContractBasicsBody): Promise<ContractState> {
    assertDuty(actor, 'cooperation');
    const call = await this.callOf(id);
    await inTransaction(this.db, async (repos) => {
      const { project, contract } = await this.openForWrite(repos, id, call);
      if (body.version !== contract.basicsVersion) {
        throw new AppError('STATUS_CONFLICT', {
          message: '任务书已被他人调整，请刷新后在最新内容上修改',
        });
      }
      const basics: TaskBasics = body.basics;
      const problems = basicsProblems(basics, project.decision.funding!);
      if (problems.length > 0) {
        throw new AppError('VALIDATION_FAILED', {
          message: problems.map(([, m]) => m).join('；'),
          fields: problems.map(([path, message]) => ({ path: `basics.${path}`, message })),
        });
      }
      if (JSON.stringify(basics) === JSON.stringify(contract.basics)) return;
      const now = this.clock.now();
      const version = contract.basicsVersion + 1;
      await repos.contracts.updateContract(id, {
        basics,
        basicsVersion: version,
        basicsChangedAt: now,
        basicsChangedBy: actor.userId,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'contract.basics-adjusted',
        entityType: 'application',
        entityId: id,
        before: { basics: contract.basics, version: contract.basicsVersion },
        after: { basics, version },
      });
      await notify(
        repos,
        { organizationAdminIds: [project.application.organizationId], personIds: [project.application.piId] },
        contractMessage('adjusted', {
          applicationId: id,
          title: form(project).title ?? '',
          projectNo: project.number?.projectNo ?? '',
          version,
        }),
      );
    });
    return this.get(actor, id);
  }

  /** The applicant's unit administrator confirms the basics as it saw them (their version). */
  async confirm(actor: Principal, id: string, body: ContractConfirmBody): Promise<ContractState> {
    const call = await this.callOf(id);
    await inTransaction(this.db, async (repos) => {
      const [project] = await repos.contracts.approved(null, id);
      if (!project || actor.role !== 'unit-admin' || !canRead(actor, project.application)) {
        throw new AppError('NOT_FOUND');
      }
      const { contract } = await this.openForWrite(repos, id, call);
      if (body.version !== contract.basicsVersion) {
        throw new AppError('STATUS_CONFLICT', {
          message: '任务书在您查看后已被调整，请刷新后查看差异再确认',
        });
      }
      if (contract.confirmedVersion === contract.basicsVersion) return;
      const now = this.clock.now();
      await repos.contracts.updateContract(id, {
        confirmedVersion: contract.basicsVersion,
        confirmedAt: now,
        confirmedBy: actor.userId,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'contract.basics-confirmed',
        entityType: 'application',
        entityId: id,
        before: { confirmedVersion: contract.confirmedVersion },
        after: { confirmedVersion: contract.basicsVersion },
      });
      await notify(
        repos,
        { userIds: [project.decision.contractStageBy!] },
        contractMessage('confirmed', {
          applicationId: id,
          title: form(project).title ?? '',
          projectNo: project.number?.projectNo ?? '',
          version: contract.basicsVersion,
        }),
      );
    });
    return this.forApplicant(actor, id);
  }

  /**
   * 已签约 with its start date, once every step is done (refused, listing what is missing); the project joins
   * the 在研项目 register in the same transaction.
   */
  async sign(actor: ProvinceUser, id: string, body: ContractSignBody): Promise<ContractState> {
    assertDuty(actor, 'cooperation');
    const call = await this.callOf(id);
    await inTransaction(this.db, async (repos) => {
      const { project, contract } = await this.openForWrite(repos, id, call);
      const [state] = await this.states(repos, call, [project]);
      const missing = missingOf(state!.steps!);
      if (missing.length > 0) {
        throw new AppError('CONTRACT_INCOMPLETE', {
          message: `尚不能签约，还缺：${missing.map((m, i) => `${i + 1}. ${m}`).join('；')}`,
        });
      }
      const f = form(project);
      const approvedOn = beijingDate(project.decision.decidedAt.getTime());
      const problem = startDateProblem(body.startsOn, approvedOn, f.period?.end);
      if (problem) throw AppError.invalidField('startsOn', problem);
      const now = this.clock.now();
      const endsOn = monthEnd(f.period!.end!);
      await repos.contracts.updateContract(id, {
        signedAt: now,
        signedBy: actor.userId,
        startsOn: body.startsOn,
        endsOn,
      });
      const projectNo = project.number!.projectNo;
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'contract.signed',
        entityType: 'application',
        entityId: id,
        before: { signedAt: null },
        after: { projectNo, startsOn: body.startsOn, endsOn, confirmedVersion: contract.confirmedVersion },
      });
      await this.register(repos, actor, project, { projectNo, startsOn: body.startsOn, endsOn }, now);
      await repos.applications.addEvent({
        applicationId: id,
        at: now,
        actorUserId: actor.userId,
        kind: 'contract-signed',
        detail: { projectNo, startsOn: body.startsOn },
      });
      await notify(
        repos,
        { organizationAdminIds: [project.application.organizationId], personIds: [project.application.piId] },
        contractMessage('signed', {
          applicationId: id,
          title: f.title ?? '',
          projectNo,
          version: contract.basicsVersion,
          startsOn: body.startsOn,
        }),
      );
    });
    return this.get(actor, id);
  }

  /**
   * The signed project as a record of the 在研项目 register (二、3), under its 项目编号, in a batch named for the
   * platform: next year's limits read it as they read an imported one, and a later import of the province's
   * file under the same number updates it.
   */
  private async register(
    repos: Repositories,
    actor: ProvinceUser,
    project: ApprovedProject,
    signed: { projectNo: string; startsOn: string; endsOn: string },
    now: Date,
  ): Promise<void> {
    await repos.registers.lock('ongoing-projects');
    const record: OngoingProjectRecord = {
      projectNo: signed.projectNo,
      program: 'intl-coop',
      organizationName: project.organizationName,
      creditCode: project.creditCode,
      title: form(project).title ?? '',
      piName: project.piName,
      piIdNumber: project.piIdNumber,
      startsOn: signed.startsOn,
      endsOn: signed.endsOn,
    };
    const held = (await repos.registers.held('ongoing-projects', null, [signed.projectNo])).get(
      signed.projectNo,
    );
    const batch = await repos.registers.insertBatch({
      kind: 'ongoing-projects',
      fileName: `${PLATFORM_BATCH_NAME}：${signed.projectNo}`,
      fileSha256: createHash('sha256').update(`shenbao:contract:${project.application.id}`).digest('hex'),
      importedBy: actor.userId,
      importedAt: now,
      rows: 1,
      created: held ? 0 : 1,
      updated: held ? 1 : 0,
      unchanged: 0,
    });
    const created = await repos.registers.write(
      'ongoing-projects',
      null,
      batch.id,
      [{ ...(held ? { id: held.id } : {}), key: signed.projectNo, record }],
      now,
    );
    const { piIdNumber: _id, ...audited } = record;
    await repos.audit.append({
      at: now,
      actorUserId: actor.userId,
      action: held ? 'register.record-updated' : 'register.record-created',
      entityType: 'register:ongoing-projects',
      entityId: held?.id ?? created.get(signed.projectNo)!,
      before: held
        ? { projectNo: held.record.projectNo, startsOn: held.record.startsOn, endsOn: held.record.endsOn }
        : null,
      after: { ...audited, source: PLATFORM_BATCH_NAME, batchId: batch.id },
    });
  }

  private async one(
    repos: Repositories,
    id: string,
    allowed: (p: ApprovedProject) => boolean,
  ): Promise<ContractState> {
    const [project] = await repos.contracts.approved(null, id);
    if (!project || !allowed(project)) throw new AppError('NOT_FOUND');
    const call = await this.calls.require(project.application.callId);
    const [state] = await this.states(repos, call, [project]);
    return state!;
  }

  /** The call of an application, read before a transaction (which then reads nothing outside itself). */
  private async callOf(id: string): Promise<CallView> {
    const application = await this.repos.applications.findById(id);
    if (!application) throw new AppError('NOT_FOUND');
    return this.calls.require(application.callId);
  }

  /** The project and its contract, locked; refused unless in the contract stage and not yet signed. */
  private async openForWrite(repos: Repositories, id: string, call: CallView) {
    await repos.applications.lock(id);
    const [project] = await repos.contracts.approved(null, id);
    if (!project) throw new AppError('NOT_FOUND');
    const contract = await repos.contracts.lockContract(id);
    if (!contract) {
      throw new AppError('STATUS_CONFLICT', { message: '该项目尚未进入合同签订' });
    }
    if (contract.signedAt) throw new AppError('STATUS_CONFLICT', { message: '该项目已签约，不能再修改' });
    return { project, contract, call };
  }

  /** Steps and differences of each project: the core's letter-of-intent findings, the paper register's bound copy. */
  private async states(
    repos: Repositories,
    call: CallView,
    projects: ApprovedProject[],
  ): Promise<ContractState[]> {
    if (projects.length === 0) return [];
    const open = projects.filter((p) => p.contract && !p.contract.signedAt).map((p) => p.application);
    const findings = new Map<string, string[]>();
    if (open.length > 0) {
      const { report } = await new BundleService(repos).judge(call.parameters, open, this.clock.now());
      for (const a of report.applications)
        findings.set(
          a.id,
          loiFindings(a.findings).map((f) => f.message),
        );
    }
    const receipts = (await repos.paper.receipts(call.row.id))
      .filter((r) => r.supersededAt === null)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        applicationId: r.applicationId,
        departmentId: r.departmentId,
        copies: r.copies,
        receivedAtMs: r.receivedAt.getTime(),
      }));
    const owed = owedPaper(call.parameters, {
      applications: projects.map((p) => ({
        id: p.application.id,
        topic: p.application.topic ?? 0,
        departmentId: p.application.departmentId,
        organizationId: p.application.organizationId,
        funded: true,
      })),
      confirmedDepartmentIds: [],
    }).filter((item) => item.kind === 'funded-copy');
    const now = this.clock.now().getTime();
    return projects.map((project) => {
      const item = owed.find((o) => o.applicationId === project.application.id)!;
      const state = paperState(item, receipts, now);
      const paper = { copies: item.copies, received: state.receivedCopies };
      const agreementMissing = findings.get(project.application.id) ?? [];
      const contract = project.contract;
      const steps = contract
        ? contractSteps({
            funding: project.decision.funding!,
            basics: contract.basics,
            basicsVersion: contract.basicsVersion,
            confirmedVersion: contract.confirmedVersion,
            agreementMissing,
            paper,
          })
        : null;
      return {
        project,
        projectNo: project.number?.projectNo ?? null,
        status: statusOf(project, steps),
        steps,
        lines: contract ? basicsLines(contract.basicsApplied, contract.basics) : null,
        agreementMissing,
        paper,
      };
    });
  }
}

function isApplicant(
  actor: Principal,
): actor is Extract<Principal, { role: (typeof APPLICANT_ROLES)[number] }> {
  return (APPLICANT_ROLES as readonly string[]).includes(actor.role);
}
