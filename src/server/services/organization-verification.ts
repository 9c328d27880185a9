import type { Readable } from 'node:stream';
import { beijingDate, formatBeijing } from '../../core/time.js';
import { ORGANIZATION_KIND_LABELS } from '../../core/labels.js';
import { coverageRefusal } from '../../core/organizations/coverage.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { Organization } from '../repositories/organizations.js';
import type {
  ClaimRecord,
  VerificationRequest,
  VerificationRequestRecord,
} from '../repositories/organization-verification.js';
import type { Department } from '../repositories/departments.js';
import type { FileStore } from '../storage/file-store.js';
import { FILE_FIELD, PDF_MIME } from '../../contract/documents.js';
import {
  type ClaimBody,
  type OrganizationProfileBody,
  RULE_FACT_FIELDS,
  RULE_FACT_LABELS,
  type RuleFacts,
} from '../../contract/organizations.js';
import { notify, notifyAddress } from './notifications/notify.js';
import { writeInvitation } from './invitations.js';
import type { StagedUpload } from './documents.js';

type UnitAdmin = PrincipalOf<'unit-admin'>;
type DepartmentUser = PrincipalOf<'department'>;

/** An organization as the department and its administrator see it: its facts, standing and history. */
export interface OrganizationDossier {
  organization: Organization;
  department: Department | undefined;
  pending: VerificationRequestRecord | undefined;
  history: VerificationRequestRecord[];
  /** Department names by id, for the facts of every request in the history. */
  departmentNames: Map<string, string>;
}

export function ruleFactsOf(o: Organization): RuleFacts {
  return {
    kind: o.kind,
    registeredOn: o.registeredOn,
    inJiangsu: o.inJiangsu,
    independentLegalEntity: o.independentLegalEntity,
    ministryOrProvincialUniversity: o.ministryOrProvincialUniversity,
    departmentId: o.departmentId!,
  };
}

const sameFacts = (a: RuleFacts, b: RuleFacts) => RULE_FACT_FIELDS.every((field) => a[field] === b[field]);

/** Each fact that differs, by its label, old → new, as people read them. */
export function factChanges(
  before: RuleFacts | null,
  after: RuleFacts,
  departmentName: (id: string) => string,
): { label: string; before: string; after: string }[] {
  if (!before) return [];
  const show = (field: (typeof RULE_FACT_FIELDS)[number], facts: RuleFacts): string => {
    const value = facts[field];
    if (field === 'departmentId') return departmentName(value as string);
    if (field === 'kind') return ORGANIZATION_KIND_LABELS[facts.kind];
    if (typeof value === 'boolean') return value ? '是' : '否';
    return String(value);
  };
  return RULE_FACT_FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({
    label: RULE_FACT_LABELS[field],
    before: show(field, before),
    after: show(field, after),
  }));
}

/**
 * Refuses a 主管部门 that does not exist or does not cover the organization (an enterprise under a university),
 * naming the field.
 */
export async function coveringDepartment(
  repos: Repositories,
  departmentId: string,
  organization: { kind: Organization['kind']; name: string },
  path: string,
): Promise<Department> {
  const department = await repos.departments.findById(departmentId);
  if (!department?.active) {
    throw AppError.invalidField(path, '项目主管部门：所选部门不存在或已停用，请从列表中选择');
  }
  const refusal = coverageRefusal(department, organization);
  if (refusal) throw AppError.invalidField(path, `项目主管部门：${refusal}`);
  return department;
}

/** Puts a registration before its department: the request it decides on, and a notice to its accounts. */
export async function requestRegistrationVerification(
  repos: Repositories,
  organization: Organization,
  requestedBy: string,
  at: Date,
): Promise<void> {
  const request = await repos.organizationVerification.insertRequest({
    organizationId: organization.id,
    kind: 'registration',
    departmentId: organization.departmentId!,
    facts: ruleFactsOf(organization),
    requestedBy,
    requestedAt: at,
  });
  await tellDepartment(repos, request, organization);
}

async function tellDepartment(repos: Repositories, request: VerificationRequest, organization: Organization) {
  const what = request.kind === 'registration' ? '注册' : '信息变更';
  await notify(
    repos,
    { departmentIds: [request.departmentId] },
    {
      kind: 'organization.verification-requested',
      subject: `单位${what}待审核：${organization.name}`,
      body: `${organization.name}（统一社会信用代码 ${organization.creditCode}）提交了${what}，请在“单位审核”中核实其申报的信息后审核。`,
      key: `verification-requested:${request.id}`,
    },
  );
}

/**
 * Only an approved organization submits: under its approved facts, even while a change waits (the change
 * applies from its approval on). Drafts are written whatever the standing.
 */
export async function assertVerified(repos: Repositories, organization: Organization): Promise<void> {
  if (organization.verification === 'approved') return;
  const department = organization.departmentId
    ? await repos.departments.findById(organization.departmentId)
    : undefined;
  const who = department?.name ?? '项目主管部门';
  throw new AppError('ORGANIZATION_NOT_APPROVED', {
    message:
      organization.verification === 'rejected'
        ? `本单位注册未通过${who}审核（理由：${organization.rejectionReason ?? '未说明'}），暂不能提交申报书；请在“单位信息”中修改后重新提交审核，草稿可以继续填写`
        : `本单位注册尚待${who}审核，审核通过后才能提交申报书；草稿可以继续填写`,
  });
}

/**
 * Approves without a department's review: the demo seed's organizations, and those the tests register, are
 * approved as a department's bundle import is.
 */
export async function approveWithoutReview(repos: Repositories, organizationId: string, at: Date) {
  const pending = await repos.organizationVerification.lockPending(organizationId);
  if (pending) {
    await repos.organizationVerification.close(pending.id, {
      status: 'approved',
      reason: null,
      decidedBy: null,
      decidedAt: at,
    });
  }
  await repos.organizationVerification.updateOrganization(organizationId, {
    ...(pending && pending.kind === 'change' ? pending.facts : {}),
    verification: 'approved',
    rejectionReason: null,
  });
}

/**
 * 属地审核: a self-registered organization is pending until its 主管部门 approves it; a change of the facts the
 * rules read is put to the department again, while the approved facts stand.
 */
export class OrganizationVerificationService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly store: FileStore,
    private readonly config: { sessionSecret: string; publicUrl: string },
  ) {}

  /** The administrator's own organization. */
  async own(actor: UnitAdmin): Promise<OrganizationDossier> {
    return this.dossier(actor.organizationId);
  }

  /**
   * Saves the administrator's edit. Contacts and name are saved at once. A pending or rejected organization is
   * saved whole and (re)submitted; an approved one keeps its approved facts, and a change of them waits for the
   * department the new facts name.
   */
  async updateProfile(actor: UnitAdmin, body: OrganizationProfileBody): Promise<OrganizationDossier> {
    if (body.registeredOn > beijingDate(this.clock.now().getTime())) {
      throw AppError.invalidField('registeredOn', '注册日期：不能晚于今天');
    }
    await coveringDepartment(this.repos, body.departmentId, body, 'departmentId');
    const { name, address, contactName, contactMobile, contactEmail, ...rest } = body;
    const proposed: RuleFacts = {
      kind: rest.kind,
      registeredOn: rest.registeredOn,
      inJiangsu: rest.inJiangsu,
      independentLegalEntity: rest.independentLegalEntity,
      ministryOrProvincialUniversity: rest.kind === 'university' && rest.ministryOrProvincialUniversity,
      departmentId: rest.departmentId,
    };
    await inTransaction(this.db, async (repos) => {
      const verification = repos.organizationVerification;
      const organization = (await verification.lockOrganization(actor.organizationId))!;
      const pending = await verification.lockPending(organization.id);
      const now = this.clock.now();
      const contacts = { name, address, contactName, contactMobile, contactEmail };
      const approved = organization.verification === 'approved';
      const current = ruleFactsOf(organization);
      const factsChanged = !sameFacts(current, proposed);
      await verification.updateOrganization(organization.id, {
        ...contacts,
        ...(approved ? {} : { ...proposed, verification: 'pending', rejectionReason: null }),
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'organization.profile-updated',
        entityType: 'organization',
        entityId: organization.id,
        before: { name: organization.name, ...(approved ? {} : current) },
        after: { name, ...(approved ? {} : proposed) },
      });
      // A rejected organization resubmits with any save; a pending one only when its facts change.
      const resubmits = !approved && (organization.verification === 'rejected' || factsChanged);
      const changeRequested = approved && factsChanged;
      const withdrawn = approved && !factsChanged && pending !== undefined;
      if (pending && (resubmits || changeRequested || withdrawn)) {
        await verification.close(pending.id, {
          status: 'superseded',
          reason: null,
          decidedBy: null,
          decidedAt: now,
        });
      }
      if (!resubmits && !changeRequested) return;
      const request = await verification.insertRequest({
        organizationId: organization.id,
        kind: approved ? 'change' : 'registration',
        departmentId: proposed.departmentId,
        facts: proposed,
        previous: approved ? current : null,
        requestedBy: actor.userId,
        requestedAt: now,
      });
      if (changeRequested) {
        await repos.audit.append({
          at: now,
          actorUserId: actor.userId,
          action: 'organization.change-requested',
          entityType: 'organization',
          entityId: organization.id,
          before: { ...current },
          after: { ...proposed },
        });
      }
      await tellDepartment(repos, request, { ...organization, name });
    });
    return this.dossier(actor.organizationId);
  }

  /** Stores the business licence the department asked for (a checked PDF), replacing an earlier one. */
  async uploadLicence(actor: UnitAdmin, file: StagedUpload | undefined): Promise<OrganizationDossier> {
    if (!file) throw AppError.invalidField(FILE_FIELD, '请选择营业执照（或法人证书）的 PDF 文件');
    try {
      await inTransaction(this.db, async (repos) => {
        const now = this.clock.now();
        await repos.documents.addFile({ sha256: file.sha256, size: file.size, mime: PDF_MIME });
        const organization = await repos.organizationVerification.updateOrganization(actor.organizationId, {
          licenceSha256: file.sha256,
          licenceFileName: file.fileName || '营业执照.pdf',
          licenceUploadedAt: now,
        });
        await repos.audit.append({
          at: now,
          actorUserId: actor.userId,
          action: 'organization.licence-uploaded',
          entityType: 'organization',
          entityId: organization.id,
          after: { sha256: file.sha256, fileName: organization.licenceFileName },
        });
        await file.commit();
      });
    } finally {
      await file.discard();
    }
    return this.dossier(actor.organizationId);
  }

  /** The licence, for the organization's administrator or a department that answers for it. */
  async licence(
    actor: UnitAdmin | DepartmentUser,
    organizationId: string,
  ): Promise<{ file: { fileSha256: string; size: number; fileName: string }; open(): Readable }> {
    if (actor.role === 'unit-admin' && actor.organizationId !== organizationId)
      throw new AppError('NOT_FOUND');
    if (actor.role === 'department') await this.assertAnswersFor(actor, organizationId);
    const organization = await this.repos.organizations.findById(organizationId);
    const sha256 = organization?.licenceSha256;
    if (!organization || !sha256) throw new AppError('NOT_FOUND');
    const stored = await this.store.stat(sha256);
    if (!stored) throw new AppError('NOT_FOUND');
    return {
      file: {
        fileSha256: sha256,
        size: stored.size,
        fileName: organization.licenceFileName ?? '营业执照.pdf',
      },
      open: () => this.store.get(sha256),
    };
  }

  /** The organizations the department answers for: its own, and those whose pending request it decides. */
  async list(actor: DepartmentUser) {
    return this.repos.organizationVerification.ofDepartment(actor.departmentId);
  }

  async get(actor: DepartmentUser, organizationId: string): Promise<OrganizationDossier> {
    await this.assertAnswersFor(actor, organizationId);
    return this.dossier(organizationId);
  }

  async approve(actor: DepartmentUser, organizationId: string): Promise<OrganizationDossier> {
    await this.assertAnswersFor(actor, organizationId);
    await inTransaction(this.db, async (repos) => {
      const { organization, request } = await this.pendingFor(repos, actor, organizationId);
      const now = this.clock.now();
      await repos.organizationVerification.close(request.id, {
        status: 'approved',
        reason: null,
        decidedBy: actor.userId,
        decidedAt: now,
      });
      await repos.organizationVerification.updateOrganization(organizationId, {
        ...request.facts,
        verification: 'approved',
        rejectionReason: null,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'organization.approved',
        entityType: 'organization',
        entityId: organizationId,
        before: { verification: organization.verification, ...ruleFactsOf(organization) },
        after: { verification: 'approved', ...request.facts, requestId: request.id },
      });
      const department = (await repos.departments.findById(actor.departmentId))!;
      const what = request.kind === 'registration' ? '注册' : '信息变更';
      await notify(
        repos,
        { organizationIds: [organizationId] },
        {
          kind: 'organization.approved',
          subject: `单位${what}已通过审核`,
          body:
            request.kind === 'registration'
              ? `${organization.name}的注册已由${department.name}审核通过，现在可以提交申报书。`
              : `${organization.name}的信息变更已由${department.name}审核通过，此后的申报按变更后的信息办理。`,
          key: `organization.approved:${request.id}`,
        },
      );
    });
    return this.dossier(organizationId);
  }

  /**
   * Rejects with a reason. A registration leaves the organization rejected until it corrects and resubmits; a
   * change leaves the approved facts as they were.
   */
  async reject(actor: DepartmentUser, organizationId: string, reason: string): Promise<OrganizationDossier> {
    await this.assertAnswersFor(actor, organizationId);
    await inTransaction(this.db, async (repos) => {
      const { organization, request } = await this.pendingFor(repos, actor, organizationId);
      const now = this.clock.now();
      await repos.organizationVerification.close(request.id, {
        status: 'rejected',
        reason,
        decidedBy: actor.userId,
        decidedAt: now,
      });
      if (request.kind === 'registration') {
        await repos.organizationVerification.updateOrganization(organizationId, {
          verification: 'rejected',
          rejectionReason: reason,
        });
      }
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'organization.rejected',
        entityType: 'organization',
        entityId: organizationId,
        before: { verification: organization.verification },
        after: {
          verification: request.kind === 'registration' ? 'rejected' : organization.verification,
          reason,
          requestId: request.id,
        },
      });
      const department = (await repos.departments.findById(actor.departmentId))!;
      const registration = request.kind === 'registration';
      await notify(
        repos,
        { organizationIds: [organizationId] },
        {
          kind: 'organization.rejected',
          subject: registration ? '单位注册未通过审核' : '单位信息变更未通过审核',
          body:
            `${department.name}未通过${organization.name}的${registration ? '注册' : '信息变更'}，理由：${reason}\n` +
            (registration
              ? '请在“单位信息”中按理由修改后重新提交审核；审核通过前可以填写申报书草稿，但不能提交。'
              : '单位信息仍按原已审核的信息办理；如需变更，请按理由修改后重新提交。'),
          key: `organization.rejected:${request.id}`,
        },
      );
    });
    return this.dossier(organizationId);
  }

  /** Asks the organization for its business licence (营业执照 or 法人证书) as a PDF. */
  async requestLicence(
    actor: DepartmentUser,
    organizationId: string,
    note: string | undefined,
  ): Promise<OrganizationDossier> {
    await this.assertAnswersFor(actor, organizationId);
    await inTransaction(this.db, async (repos) => {
      const now = this.clock.now();
      const organization = await repos.organizationVerification.updateOrganization(organizationId, {
        licenceRequestedAt: now,
        licenceRequestNote: note ?? null,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'organization.licence-requested',
        entityType: 'organization',
        entityId: organizationId,
        after: { note: note ?? null },
      });
      const department = (await repos.departments.findById(actor.departmentId))!;
      await notify(
        repos,
        { organizationIds: [organizationId] },
        {
          kind: 'organization.licence-requested',
          subject: '请上传营业执照（或法人证书）',
          body:
            `${department.name}审核${organization.name}的信息时，请您上传营业执照（或事业单位法人证书）的 PDF 扫描件。` +
            `${note ? `说明：${note}` : ''}\n请登录后在“单位信息”中上传。`,
          key: `organization.licence-requested:${organizationId}:${now.getTime()}`,
        },
      );
    });
    return this.dossier(organizationId);
  }

  /**
   * Anyone who finds a credit code already registered asks its department for an administrator account. The
   * answer names only the department, which the 409 of the registration already implied.
   */
  async claim(body: ClaimBody): Promise<{ departmentName: string }> {
    const organization = await this.repos.organizationVerification.findByCreditCode(body.creditCode);
    const department = organization?.departmentId
      ? await this.repos.departments.findById(organization.departmentId)
      : undefined;
    if (!organization || !department) {
      throw AppError.invalidField(
        'creditCode',
        '统一社会信用代码：该代码尚未在本系统注册申报单位，请直接注册；如由主管部门批量导入，请联系该部门',
      );
    }
    await inTransaction(this.db, async (repos) => {
      const claim = await repos.organizationVerification.insertClaim({
        organizationId: organization.id,
        departmentId: department.id,
        ...body,
      });
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: null,
        action: 'organization.claim-requested',
        entityType: 'organization',
        entityId: organization.id,
        after: { claimId: claim.id, name: body.name },
      });
      await notify(
        repos,
        { departmentIds: [department.id] },
        {
          kind: 'organization.verification-requested',
          subject: `单位认领申请待处理：${organization.name}`,
          body: `${body.name}申请认领${organization.name}（统一社会信用代码 ${organization.creditCode}）的管理员账号，请在“单位审核”的认领申请中核实后处理。`,
          key: `claim-requested:${claim.id}`,
        },
      );
    });
    return { departmentName: department.name };
  }

  async claims(actor: DepartmentUser): Promise<ClaimRecord[]> {
    return this.repos.organizationVerification.claims(actor.departmentId);
  }

  /**
   * Grants a claim: an invitation to become the organization's administrator, e-mailed to the claimant with
   * its single-use link; accepting it is the invitation's own flow (account_tokens, purpose `invitation`).
   */
  async grantClaim(actor: DepartmentUser, claimId: string): Promise<ClaimRecord> {
    await inTransaction(this.db, async (repos) => {
      const claim = await this.pendingClaim(repos, actor, claimId);
      const organization = (await repos.organizations.findById(claim.organizationId))!;
      const now = this.clock.now();
      const { link, expiresAt } = await writeInvitation(repos, this.config, now, claim.email, {
        organizationId: claim.organizationId,
        role: 'unit-admin',
        personId: null,
        invitedBy: actor.userId,
        displayName: claim.name,
        mobile: claim.mobile,
        claimId: claim.id,
      });
      await repos.organizationVerification.decideClaim(claim.id, {
        status: 'granted',
        reason: null,
        decidedBy: actor.userId,
        decidedAt: now,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'organization.claim-granted',
        entityType: 'organization',
        entityId: claim.organizationId,
        after: { claimId: claim.id, name: claim.name },
      });
      const expires = formatBeijing(expiresAt.getTime());
      await notifyAddress(repos, claim.email, {
        kind: 'account.invited',
        subject: `邀请您成为${organization.name}的单位管理员`,
        body:
          `${claim.name}：您认领${organization.name}的申请已获项目主管部门同意。` +
          `请打开以下链接设置登录名和密码（${expires}前有效，只能使用一次）：\n` +
          link,
        key: `claim-granted:${claim.id}`,
      });
      await notify(
        repos,
        { organizationIds: [claim.organizationId] },
        {
          kind: 'account.invited',
          subject: `项目主管部门为${organization.name}邀请了新的单位管理员`,
          body: `项目主管部门核实了${claim.name}的认领申请，已邀请其成为${organization.name}的单位管理员。如有疑问，请联系项目主管部门。`,
          key: `claim-granted-told:${claim.id}`,
        },
      );
    });
    return (await this.repos.organizationVerification.findClaim(claimId))!;
  }

  async declineClaim(actor: DepartmentUser, claimId: string, reason: string): Promise<ClaimRecord> {
    await inTransaction(this.db, async (repos) => {
      const claim = await this.pendingClaim(repos, actor, claimId);
      const now = this.clock.now();
      await repos.organizationVerification.decideClaim(claim.id, {
        status: 'declined',
        reason,
        decidedBy: actor.userId,
        decidedAt: now,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'organization.claim-declined',
        entityType: 'organization',
        entityId: claim.organizationId,
        after: { claimId: claim.id, reason },
      });
      const department = (await repos.departments.findById(actor.departmentId))!;
      await notifyAddress(repos, claim.email, {
        kind: 'organization.claim-declined',
        subject: '您的单位认领申请未获同意',
        body: `${claim.name}：${department.name}未同意您的单位认领申请，理由：${reason}`,
        key: `claim-declined:${claim.id}`,
      });
    });
    return (await this.repos.organizationVerification.findClaim(claimId))!;
  }

  private async pendingClaim(repos: Repositories, actor: DepartmentUser, claimId: string) {
    const claim = await repos.organizationVerification.lockClaim(claimId);
    if (!claim || claim.departmentId !== actor.departmentId) throw new AppError('NOT_FOUND');
    if (claim.status !== 'pending') throw new AppError('CLAIM_DECIDED');
    return claim;
  }

  /** Another department's organization is answered exactly as a missing one. */
  private async assertAnswersFor(actor: DepartmentUser, organizationId: string): Promise<void> {
    if (!(await this.repos.organizationVerification.answersFor(actor.departmentId, organizationId))) {
      throw new AppError('NOT_FOUND');
    }
  }

  private async pendingFor(repos: Repositories, actor: DepartmentUser, organizationId: string) {
    const organization = (await repos.organizationVerification.lockOrganization(organizationId))!;
    const request = await repos.organizationVerification.lockPending(organizationId);
    if (!request || request.departmentId !== actor.departmentId) throw new AppError('NOTHING_TO_VERIFY');
    return { organization, request };
  }

  private async dossier(organizationId: string): Promise<OrganizationDossier> {
    const organization = await this.repos.organizations.findById(organizationId);
    if (!organization) throw new AppError('NOT_FOUND');
    const history = await this.repos.organizationVerification.history(organizationId);
    const ids = new Set(
      history.flatMap((r) => [r.facts.departmentId, r.previous?.departmentId, r.departmentId]),
    );
    if (organization.departmentId) ids.add(organization.departmentId);
    const departments = await this.repos.departments.list();
    const departmentNames = new Map(departments.filter((d) => ids.has(d.id)).map((d) => [d.id, d.name]));
    return {
      organization,
      department: departments.find((d) => d.id === organization.departmentId),
      pending: history.find((r) => r.status === 'pending'),
      history,
      departmentNames,
    };
  }
}
