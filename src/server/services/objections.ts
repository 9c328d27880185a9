import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  OBJECTION_EVIDENCE_MAX,
  objectionPeriodRefusal,
  objectionReference,
  objectionStepRefusal,
  type ObjectionStep,
} from '../../core/objections/objections.js';
import { beijingDate, formatChineseDate } from '../../core/time.js';
import { FILE_FIELD, PDF_MIME } from '../../contract/documents.js';
import type { ObjectionCloseBody, ObjectionForm } from '../../contract/objections.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { AnnouncementEntry } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { AnnouncementRow, DecisionRow } from '../repositories/decisions.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { ObjectionEvidenceRow, ObjectionNoteRow, ObjectionRow } from '../repositories/objections.js';
import type { FileStore } from '../storage/file-store.js';
import type { CallService } from './calls.js';
import { revokeApproval } from './decisions.js';
import type { StagedUpload } from './documents.js';
import type { ProvinceUser } from './formal-review.js';
import { notifyAddress } from './notifications/notify.js';
import { objectionClosedMessage, objectionReceivedMessage } from './notifications/objection-messages.js';

// 公示异议 (issue 14 §7): anyone may object, under their real name and with a way to reach them, to a project of a
// published 公示 during its period; the province (对外合作处) registers, investigates and closes each with a
// finding, and an upheld one may revoke the project's approval — the one path that reopens a locked decision.

/** An objection with what the province reads beside it: the 公示 and the frozen entry it is about. */
export interface ObjectionItem {
  row: ObjectionRow;
  announcement: AnnouncementRow;
  entry: AnnouncementEntry | undefined;
}

export interface ObjectionDetail extends ObjectionItem {
  evidence: ObjectionEvidenceRow[];
  notes: ObjectionNoteRow[];
  decision: DecisionRow | undefined;
}

export interface ObjectionReceipt {
  row: ObjectionRow;
  evidenceKey: string;
  evidenceCount: number;
  emailed: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function sameKey(key: string, hash: string): boolean {
  const a = Buffer.from(sha256(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function assertInPeriod(announcement: AnnouncementRow, now: Date): void {
  const refusal = objectionPeriodRefusal(
    beijingDate(now.getTime()),
    { startsOn: announcement.startsOn!, endsOn: announcement.endsOn! },
    formatChineseDate,
  );
  if (refusal) throw new AppError('OBJECTION_PERIOD_CLOSED', { message: refusal });
}

export class ObjectionService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
    private readonly store: FileStore,
  ) {}

  /** Files an objection to an entry of a published 公示, during its period; the PDF, if any, is its first evidence. */
  async file(
    announcementId: string,
    form: ObjectionForm,
    file: StagedUpload | undefined,
    source: string,
  ): Promise<ObjectionReceipt> {
    try {
      const announcement = await this.repos.decisions.announcement(announcementId);
      if (!announcement?.publishedAt) throw new AppError('NOT_FOUND');
      assertInPeriod(announcement, this.clock.now());
      const entry = announcement.entries!.find((e) => e.acceptanceNo === form.acceptanceNo);
      const application =
        entry && (await this.repos.objections.applicationOf(announcement.callId, entry.acceptanceNo));
      if (!entry || !application) {
        throw AppError.invalidField('acceptanceNo', '请从本公示名单中选择异议涉及的项目');
      }
      const evidenceKey = randomBytes(24).toString('base64url');
      return await inTransaction(this.db, async (repos) => {
        const now = this.clock.now();
        const sequence = await repos.objections.nextSequence(announcement.callId);
        const row = await repos.objections.insert({
          reference: objectionReference(Number(announcement.startsOn!.slice(0, 4)), sequence),
          callId: announcement.callId,
          announcementId,
          acceptanceNo: entry.acceptanceNo,
          applicationId: application.id,
          name: form.name,
          mobile: form.mobile ?? null,
          email: form.email ?? null,
          organization: form.organization,
          grounds: form.grounds,
          receivedAt: now,
          sourceHash: sha256(source),
          evidenceKeyHash: sha256(evidenceKey),
        });
        if (file) await this.attach(repos, row.id, file, now);
        await repos.audit.append({
          at: now,
          actorUserId: null,
          action: 'objection.filed',
          entityType: 'objection',
          entityId: row.id,
          before: null,
          after: {
            reference: row.reference,
            announcementId,
            acceptanceNo: row.acceptanceNo,
            name: row.name,
            organization: row.organization,
            evidence: file ? [{ sha256: file.sha256, fileName: file.fileName }] : [],
          },
        });
        if (row.email) {
          await notifyAddress(repos, row.email, {
            kind: 'objection.received',
            ...objectionReceivedMessage({
              reference: row.reference,
              announcementTitle: announcement.title,
              projectTitle: entry.title,
              receivedAt: now,
              endsOn: announcement.endsOn!,
            }),
            key: `objection-received:${row.id}`,
          });
        }
        await file?.commit();
        return { row, evidenceKey, evidenceCount: file ? 1 : 0, emailed: row.email !== null };
      });
    } finally {
      await file?.discard();
    }
  }

  /** A further evidence PDF, with the key given at filing, during the 公示 period and up to the limit. */
  async addEvidence(reference: string, key: string, file: StagedUpload | undefined): Promise<number> {
    try {
      const found = (await this.repos.objections.findByReference(reference)).find((o) =>
        sameKey(key, o.evidenceKeyHash),
      );
      if (!found) throw new AppError('NOT_FOUND');
      if (!file) throw AppError.invalidField(FILE_FIELD, '请选择要补充的证明材料（PDF）');
      const announcement = (await this.repos.decisions.announcement(found.announcementId))!;
      assertInPeriod(announcement, this.clock.now());
      return await inTransaction(this.db, async (repos) => {
        const row = (await repos.objections.lock(found.id))!;
        const evidence = await repos.objections.evidence(row.id);
        if (evidence.some((e) => e.sha256 === file.sha256)) {
          throw AppError.invalidField(FILE_FIELD, '该文件已经上传过');
        }
        if (evidence.length >= OBJECTION_EVIDENCE_MAX) {
          throw AppError.invalidField(FILE_FIELD, `每件异议最多上传 ${OBJECTION_EVIDENCE_MAX} 份证明材料`);
        }
        const now = this.clock.now();
        await this.attach(repos, row.id, file, now);
        await repos.audit.append({
          at: now,
          actorUserId: null,
          action: 'objection.evidence-added',
          entityType: 'objection',
          entityId: row.id,
          before: null,
          after: { sha256: file.sha256, fileName: file.fileName },
        });
        await file.commit();
        return evidence.length + 1;
      });
    } finally {
      await file?.discard();
    }
  }

  async list(_actor: ProvinceUser, callId: string): Promise<ObjectionItem[]> {
    await this.calls.require(callId);
    const rows = await this.repos.objections.list(callId);
    const announcements = new Map(
      (await this.repos.decisions.announcements(callId)).map((a) => [a.id, a] as const),
    );
    return rows.map((row) => itemOf(row, announcements.get(row.announcementId)!));
  }

  async get(_actor: ProvinceUser, id: string): Promise<ObjectionDetail> {
    return this.detailOf(this.repos, id);
  }

  async evidenceFile(_actor: ProvinceUser, id: string, sha: string) {
    const evidence = (await this.repos.objections.evidence(id)).find((e) => e.sha256 === sha);
    const stored = evidence && (await this.store.stat(evidence.sha256));
    if (!evidence || !stored) throw new AppError('NOT_FOUND');
    return {
      file: { fileSha256: evidence.sha256, size: stored.size, fileName: evidence.fileName },
      open: (): Readable => this.store.get(evidence.sha256),
    };
  }

  /** 受理. */
  register(actor: ProvinceUser, id: string): Promise<ObjectionDetail> {
    return this.step(actor, id, 'register', async (repos, row, now) => {
      await repos.objections.update(row.id, {
        status: 'registered',
        registeredAt: now,
        registeredBy: actor.userId,
      });
      return { before: { status: row.status }, after: { status: 'registered' } };
    });
  }

  /** 调查: a note, in order; the objection is then 调查中. */
  investigate(actor: ProvinceUser, id: string, note: string): Promise<ObjectionDetail> {
    return this.step(actor, id, 'investigate', async (repos, row, now) => {
      await repos.objections.addNote({ objectionId: row.id, text: note, at: now, by: actor.userId });
      await repos.objections.update(row.id, { status: 'investigating' });
      return { before: { status: row.status }, after: { status: 'investigating', note } };
    });
  }

  /** 办结 with a finding; upheld, it may revoke the project's approval. The objector is told by e-mail. */
  async close(actor: ProvinceUser, id: string, body: ObjectionCloseBody): Promise<ObjectionDetail> {
    const found = await this.repos.objections.find(id);
    if (!found) throw new AppError('NOT_FOUND');
    // Read before the transaction: the call's terms do not change with the objection.
    const call = await this.calls.require(found.callId);
    return this.step(actor, id, 'close', async (repos, row, now) => {
      const revoke = body.finding === 'upheld' && body.revoke;
      if (revoke) {
        await revokeApproval(repos, call, {
          applicationId: row.applicationId,
          at: now,
          actorUserId: actor.userId,
          reason: body.revokeReason!,
          objection: { id: row.id, reference: row.reference },
        });
      }
      const closed = await repos.objections.update(row.id, {
        status: 'closed',
        finding: body.finding,
        findingText: body.findingText,
        closedAt: now,
        closedBy: actor.userId,
        revokedApproval: revoke,
      });
      if (closed.email) {
        const announcement = (await repos.decisions.announcement(row.announcementId))!;
        const entry = announcement.entries?.find((e) => e.acceptanceNo === row.acceptanceNo);
        await notifyAddress(repos, closed.email, {
          kind: 'objection.closed',
          ...objectionClosedMessage({
            reference: row.reference,
            projectTitle: entry?.title ?? row.acceptanceNo,
            finding: body.finding,
            findingText: body.findingText,
            revoked: revoke,
          }),
          key: `objection-closed:${row.id}`,
        });
      }
      return {
        before: { status: row.status },
        after: {
          status: 'closed',
          finding: body.finding,
          findingText: body.findingText,
          revokedApproval: revoke,
        },
      };
    });
  }

  private async step(
    actor: ProvinceUser,
    id: string,
    step: ObjectionStep,
    work: (
      repos: Repositories,
      row: ObjectionRow,
      now: Date,
    ) => Promise<{ before: Record<string, unknown>; after: Record<string, unknown> }>,
  ): Promise<ObjectionDetail> {
    await inTransaction(this.db, async (repos) => {
      const row = await repos.objections.lock(id);
      if (!row) throw new AppError('NOT_FOUND');
      const refusal = objectionStepRefusal(row.status, step);
      if (refusal) throw new AppError('STATUS_CONFLICT', { message: refusal });
      const now = this.clock.now();
      const { before, after } = await work(repos, row, now);
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: `objection.${step === 'register' ? 'registered' : step === 'investigate' ? 'investigated' : 'closed'}`,
        entityType: 'objection',
        entityId: row.id,
        before,
        after: { reference: row.reference, ...after },
      });
    });
    return this.detailOf(this.repos, id);
  }

  private async detailOf(repos: Repositories, id: string): Promise<ObjectionDetail> {
    const row = await repos.objections.find(id);
    if (!row) throw new AppError('NOT_FOUND');
    const announcement = (await repos.decisions.announcement(row.announcementId))!;
    return {
      ...itemOf(row, announcement),
      evidence: await repos.objections.evidence(id),
      notes: await repos.objections.notes(id),
      decision: await repos.decisions.decision(row.applicationId),
    };
  }

  private async attach(repos: Repositories, objectionId: string, file: StagedUpload, at: Date) {
    await repos.documents.addFile({ sha256: file.sha256, size: file.size, mime: PDF_MIME });
    await repos.objections.addEvidence({
      objectionId,
      sha256: file.sha256,
      fileName: file.fileName || '证明材料.pdf',
      size: file.size,
      addedAt: at,
    });
  }
}

function itemOf(row: ObjectionRow, announcement: AnnouncementRow): ObjectionItem {
  return { row, announcement, entry: announcement.entries?.find((e) => e.acceptanceNo === row.acceptanceNo) };
}
