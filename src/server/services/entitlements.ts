import type { Readable } from 'node:stream';
import type { Direction, Platform, TopicNumber } from '../../core/bundle/schema.js';
import { directedStreams, isDirectedOnly, type DirectedStream } from '../../core/calls/directed.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import { FILE_FIELD, PDF_MIME } from '../../contract/documents.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Principal, PrincipalOf } from '../principal.js';
import type {
  DirectedInvitationRow,
  DirectedMarkRow,
  OrganizationPlatformRow,
  OrganizationSummary,
  TopicTwoApplication,
} from '../repositories/entitlements.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { FileStore } from '../storage/file-store.js';
import type { Applicant } from './application-access.js';
import type { CallService } from './calls.js';
import type { StagedUpload } from './documents.js';

// What the province grants an organization: its qualifying platforms (二、3), each proven by a PDF and valid over
// a period; invitations to the directed-only streams; and 定向 marks on 专题二 applications of joint labs
// 科技部 approved in 2026. The province alone writes them; applicants and their departments read theirs.

type Province = PrincipalOf<'province'>;

/** The topic whose applications the province may mark 定向 one by one (一、专题二). */
const MARKED_TOPIC = 2;

export interface PlatformInput {
  platform: Platform;
  validFrom: string;
  validTo: string;
  note: string;
}

export interface InvitationInput {
  topic: TopicNumber;
  direction: Direction | null;
  organizationId: string;
  note: string;
}

export interface DirectedOverview {
  streams: DirectedStream[];
  invitations: (DirectedInvitationRow & { organization: OrganizationSummary })[];
  marked: { topic: number; applications: TopicTwoApplication[] };
}

const missing = () => new AppError('NOT_FOUND');

export class EntitlementService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly store: FileStore,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  searchOrganizations(_actor: Province, q: string | undefined): Promise<OrganizationSummary[]> {
    return this.repos.entitlements.searchOrganizations(q, 50);
  }

  /**
   * The organization and every platform recorded for it: the province's for any, an applicant's for its own,
   * a department's for those applying through it or its counties; any other answered as missing.
   */
  async platforms(
    actor: Principal,
    organizationId: string,
  ): Promise<{ organization: OrganizationSummary; platforms: OrganizationPlatformRow[] }> {
    const organization = await this.repos.entitlements.organization(organizationId);
    if (!organization || !(await this.mayRead(actor, organization))) throw missing();
    return { organization, platforms: await this.repos.entitlements.platformsOf(organizationId) };
  }

  /** What the applicant's organization holds: its platforms and its invitations to directed streams. */
  async mine(actor: Applicant) {
    const { organization, platforms } = await this.platforms(actor, actor.organizationId);
    return {
      organization,
      platforms,
      invitations: await this.repos.entitlements.invitationsOf(organization.id),
    };
  }

  /** Records a platform with its evidence; refused before the upload is read when the organization is unknown. */
  async assertOrganization(_actor: Province, organizationId: string): Promise<OrganizationSummary> {
    const organization = await this.repos.entitlements.organization(organizationId);
    if (!organization) throw missing();
    return organization;
  }

  async addPlatform(
    actor: Province,
    organizationId: string,
    input: PlatformInput,
    file: StagedUpload | undefined,
  ): Promise<OrganizationPlatformRow> {
    try {
      await this.assertOrganization(actor, organizationId);
      if (input.validTo < input.validFrom) {
        throw AppError.invalidField('validTo', '有效期截止日期不能早于起始日期');
      }
      if (!file) throw AppError.invalidField(FILE_FIELD, '请上传平台认定或批复的证明文件（PDF）');
      return await inTransaction(this.db, async (repos) => {
        const now = this.clock.now();
        await repos.documents.addFile({ sha256: file.sha256, size: file.size, mime: PDF_MIME });
        const row = await repos.entitlements.insertPlatform({
          organizationId,
          ...input,
          evidenceSha256: file.sha256,
          evidenceName: file.fileName || '平台证明文件.pdf',
          createdBy: actor.userId,
          createdAt: now,
        });
        await repos.audit.append({
          at: now,
          actorUserId: actor.userId,
          action: 'organization.platform-added',
          entityType: 'organization',
          entityId: organizationId,
          after: { ...input, evidenceSha256: file.sha256, evidenceName: row.evidenceName },
        });
        await file.commit();
        return row;
      });
    } finally {
      await file?.discard();
    }
  }

  async removePlatform(actor: Province, id: string): Promise<void> {
    await inTransaction(this.db, async (repos) => {
      const row = await repos.entitlements.findPlatform(id);
      if (!row) throw missing();
      await repos.entitlements.deletePlatform(id);
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'organization.platform-removed',
        entityType: 'organization',
        entityId: row.organizationId,
        before: {
          platform: row.platform,
          validFrom: row.validFrom,
          validTo: row.validTo,
          note: row.note,
          evidenceSha256: row.evidenceSha256,
        },
      });
    });
  }

  async platformEvidence(_actor: Province, id: string) {
    const row = await this.repos.entitlements.findPlatform(id);
    if (!row) throw missing();
    return this.evidence(row);
  }

  /** The call's directed streams, its invitations, and its 专题二 applications with their marks. */
  async overview(_actor: Province, callId: string): Promise<DirectedOverview> {
    const call = await this.calls.require(callId);
    return {
      streams: directedStreams(call.parameters),
      invitations: await this.repos.entitlements.invitations(callId),
      marked: {
        topic: MARKED_TOPIC,
        applications: await this.repos.entitlements.topicApplications(callId, MARKED_TOPIC),
      },
    };
  }

  /** Invites the organization to a directed stream; its applications already in the stream become 定向. */
  async invite(actor: Province, callId: string, input: InvitationInput): Promise<DirectedInvitationRow> {
    const call = await this.calls.require(callId);
    const direction = 'byDirection' in call.parameters.topics[input.topic].terms ? input.direction : null;
    if (!isDirectedOnly(call.parameters, input.topic, direction)) {
      throw AppError.invalidField(
        direction ? 'direction' : 'topic',
        '该专题或方向不是定向组织申报，无需邀请',
      );
    }
    if (!(await this.repos.entitlements.organization(input.organizationId))) {
      throw AppError.invalidField('organizationId', '找不到该申报单位');
    }
    return inTransaction(this.db, async (repos) => {
      const now = this.clock.now();
      const row = await repos.entitlements.insertInvitation({
        callId,
        topic: input.topic,
        direction,
        organizationId: input.organizationId,
        note: input.note,
        createdBy: actor.userId,
        createdAt: now,
      });
      if (!row) throw AppError.invalidField('organizationId', '该单位已受邀申报这一方向');
      const applications = await repos.entitlements.setStreamDirected(row, true);
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'directed.invited',
        entityType: 'organization',
        entityId: input.organizationId,
        after: { callId, topic: input.topic, direction, note: input.note, applications },
      });
      return row;
    });
  }

  /** Withdraws the invitation; the organization's applications in the stream are no longer 定向 (the rules then refuse them). */
  async revoke(actor: Province, invitationId: string): Promise<void> {
    await inTransaction(this.db, async (repos) => {
      const row = await repos.entitlements.findInvitation(invitationId);
      if (!row) throw missing();
      await repos.entitlements.deleteInvitation(invitationId);
      const applications = await repos.entitlements.setStreamDirected(row, false);
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'directed.revoked',
        entityType: 'organization',
        entityId: row.organizationId,
        before: { callId: row.callId, topic: row.topic, direction: row.direction, note: row.note },
        after: { applications },
      });
    });
  }

  /** A 专题二 application, refused as missing when it is not one (or withdrawn); before any upload is read. */
  async assertMarkable(_actor: Province, applicationId: string): Promise<void> {
    const row = await this.repos.applications.findById(applicationId);
    if (!row || row.topic !== MARKED_TOPIC || row.status === 'withdrawn') throw missing();
  }

  async mark(
    actor: Province,
    applicationId: string,
    note: string,
    file: StagedUpload | undefined,
  ): Promise<DirectedMarkRow> {
    try {
      await this.assertMarkable(actor, applicationId);
      if (!file) throw AppError.invalidField(FILE_FIELD, '请上传科技部批复建设联合实验室的证明文件（PDF）');
      return await inTransaction(this.db, async (repos) => {
        const now = this.clock.now();
        await repos.documents.addFile({ sha256: file.sha256, size: file.size, mime: PDF_MIME });
        const before = await repos.entitlements.findMark(applicationId);
        const row = await repos.entitlements.upsertMark({
          applicationId,
          note,
          evidenceSha256: file.sha256,
          evidenceName: file.fileName || '联合实验室批复文件.pdf',
          createdBy: actor.userId,
          createdAt: now,
        });
        await repos.entitlements.setDirected(applicationId, true);
        await repos.audit.append({
          at: now,
          actorUserId: actor.userId,
          action: 'directed.marked',
          entityType: 'application',
          entityId: applicationId,
          before: before ? { note: before.note, evidenceSha256: before.evidenceSha256 } : null,
          after: { directed: true, note, evidenceSha256: file.sha256, evidenceName: row.evidenceName },
        });
        await file.commit();
        return row;
      });
    } finally {
      await file?.discard();
    }
  }

  async unmark(actor: Province, applicationId: string): Promise<void> {
    await inTransaction(this.db, async (repos) => {
      const mark = await repos.entitlements.findMark(applicationId);
      if (!mark) throw missing();
      await repos.entitlements.deleteMark(applicationId);
      await repos.entitlements.setDirected(applicationId, false);
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'directed.unmarked',
        entityType: 'application',
        entityId: applicationId,
        before: { directed: true, note: mark.note, evidenceSha256: mark.evidenceSha256 },
        after: { directed: false },
      });
    });
  }

  async markEvidence(_actor: Province, applicationId: string) {
    const mark = await this.repos.entitlements.findMark(applicationId);
    if (!mark) throw missing();
    return this.evidence(mark);
  }

  private async evidence(row: { evidenceSha256: string; evidenceName: string }) {
    const stored = await this.store.stat(row.evidenceSha256);
    if (!stored) throw missing();
    return {
      file: { fileSha256: row.evidenceSha256, size: stored.size, fileName: row.evidenceName },
      open: (): Readable => this.store.get(row.evidenceSha256),
    };
  }

  private async mayRead(actor: Principal, organization: OrganizationSummary): Promise<boolean> {
    switch (actor.role) {
      case 'province':
        return true;
      case 'unit-admin':
      case 'unit-contact':
      case 'pi':
        return actor.organizationId === organization.id;
      case 'department':
        return (
          organization.departmentId !== null &&
          (await this.repos.review.jurisdiction(actor.departmentId)).some(
            (d) => d.id === organization.departmentId,
          )
        );
      case 'expert':
        return false;
    }
  }
}

/**
 * Whether an application of the stream is 定向: in a directed-only stream, only when the organization is invited
 * (otherwise refused, naming `direction` or `topic`); elsewhere, only when the province marked it.
 */
export async function directedFor(
  repos: Repositories,
  call: { id: string },
  parameters: CallParameters,
  organizationId: string,
  stream: { topic: TopicNumber; direction: Direction | null },
  applicationId?: string,
): Promise<boolean> {
  if (isDirectedOnly(parameters, stream.topic, stream.direction)) {
    const invited = await repos.entitlements.invitationTo(
      call.id,
      stream.topic,
      stream.direction,
      organizationId,
    );
    if (!invited) {
      const contacts = parameters.contacts
        .map(({ value: c }) => `${c.unit} ${c.people.join(' ')}（${c.phones.join('、')}）`)
        .join('；');
      throw AppError.invalidField(
        stream.direction ? 'direction' : 'topic',
        `本方向为定向组织申报，仅受省科技厅邀请的单位可申报；如需申报请联系${contacts}`,
      );
    }
    return true;
  }
  if (!applicationId || stream.topic !== MARKED_TOPIC) return false;
  return (await repos.entitlements.findMark(applicationId)) !== undefined;
}
