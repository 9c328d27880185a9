import { pipeline, type Readable } from 'node:stream';
import { COMPLETENESS_FLAGS, type DocumentKind } from '../../core/bundle/schema.js';
import { DOCUMENT_KIND_LABELS } from '../../core/labels.js';
import type { Clock } from '../clock.js';
import type { UploadLimits } from '../config.js';
import type { Database } from '../db/database.js';
import type { DocumentMetadata } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Principal } from '../principal.js';
import type { ApplicationRow } from '../repositories/applications.js';
import type { DocumentRepository } from '../repositories/documents.js';
import { type DocumentRecord, type DocumentRow } from '../repositories/documents.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import {
  type DocumentChanges,
  documentMetadataSchema,
  FILE_FIELD,
  PDF_MIME,
  type UploadDocumentForm,
} from '../../contract/documents.js';
import type { FileStore, StagedFile } from '../storage/file-store.js';
import { checkPdfStructure, PdfUploadGate } from '../uploads/pdf-checks.js';
import { formatMb } from '../../core/file-size.js';
import { APPLICATION_STATUS_LABELS } from '../../contract/vocabulary.js';
import { type Applicant, canEdit, canReadWithin, isEditable } from './application-access.js';
import { assertPrintedFrom } from './finalization.js';

/** A checked PDF, staged in the file store, with the name it was uploaded under. */
export type StagedUpload = StagedFile & { fileName: string };

const DEFAULT_METADATA: DocumentMetadata = documentMetadataSchema.parse({});

/** 申报时仅有合作意向书的项目，获得立项后须在签订项目合同时提供正式的合作协议文本 (二、2): the one upload after submission. */
const FORMAL_AGREEMENTS = new Set<DocumentKind>(['cooperation-agreement', 'domestic-agreement']);

function assertEditable(actor: Applicant, application: ApplicationRow | undefined): void {
  if (!application || !canEdit(actor, application)) throw new AppError('NOT_FOUND');
  if (!isEditable(application)) {
    const hint = application.status === 'submitted' ? '；如需修改请联系项目主管部门退回' : '';
    throw new AppError('NOT_EDITABLE', {
      message: `申报书${APPLICATION_STATUS_LABELS[application.status]}，不能再上传、替换或删除附件${hint}`,
    });
  }
}

/** An approved project whose 公示 is published may add the formal agreement it owes, until contract signing. */
async function agreementOwed(repos: Repositories, actor: Applicant, application: ApplicationRow | undefined) {
  return (
    application !== undefined &&
    canEdit(actor, application) &&
    (await repos.decisions.awaitsFormalAgreement(application.id))
  );
}

function hasMetadataChanges({ kind: _kind, ...changes }: DocumentChanges): boolean {
  return Object.values(changes).some((value) => value !== undefined);
}

function applyChanges(base: DocumentMetadata, changes: DocumentChanges): DocumentMetadata {
  const date = (change: string | null | undefined, current: string | undefined) =>
    change === undefined ? current : (change ?? undefined);
  return {
    parties: changes.parties ?? base.parties,
    signedOn: date(changes.signedOn, base.signedOn),
    validUntil: date(changes.validUntil, base.validUntil),
    language: changes.language ?? base.language,
    chineseTranslation: changes.chineseTranslation ?? base.chineseTranslation,
    complete: Object.fromEntries(
      COMPLETENESS_FLAGS.map((flag) => [flag, changes.complete?.[flag] ?? base.complete[flag] ?? false]),
    ),
    ...((changes.caption ?? base.caption) ? { caption: changes.caption ?? base.caption } : {}),
    ...((changes.printedFrom ?? base.printedFrom)
      ? { printedFrom: changes.printedFrom ?? base.printedFrom }
      : {}),
  };
}

function limitReached(field: string, message: string): AppError {
  return new AppError('UPLOAD_LIMIT_REACHED', { message, fields: [{ path: field, message }] });
}

/** A version as the audit log keeps it before a change: the timeline names only the new one. */
const auditedDocument = (d: DocumentRow) => ({
  documentId: d.id,
  kind: d.kind,
  sha256: d.fileSha256,
  fileName: d.fileName,
  metadata: d.metadata,
});

interface EditContext {
  repos: Repositories;
  documents: DocumentRepository;
  now: Date;
}

/** An application's attachments: PDFs checked on the way in, stored by content hash, every version kept. */
export class DocumentService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly store: FileStore,
    private readonly clock: Clock,
    readonly maxBytes: number,
    private readonly limits: UploadLimits,
  ) {}

  private get documents(): DocumentRepository {
    return this.repos.documents;
  }

  /** Refuses before a byte of the upload is read, so that a refused user cannot fill the disk. */
  async assertEditable(actor: Applicant, applicationId: string): Promise<void> {
    const application = await this.repos.applications.findById(applicationId);
    if (!(await agreementOwed(this.repos, actor, application))) assertEditable(actor, application);
  }

  /** Streams an upload into the store, refusing it (and keeping nothing) unless it is a well-formed PDF. */
  async stage(source: Readable): Promise<StagedFile> {
    const checked = pipeline(source, new PdfUploadGate(this.maxBytes), () => undefined);
    const staged = await this.store.stage(checked);
    try {
      await checkPdfStructure(staged);
      return staged;
    } catch (error) {
      await staged.discard();
      throw error;
    }
  }

  async list(actor: Principal, applicationId: string, history: boolean): Promise<DocumentRecord[]> {
    await this.assertReadable(actor, await this.repos.applications.findById(applicationId));
    return this.documents.listByApplication(applicationId, history);
  }

  /** The document and a way to read its bytes; any version, current or superseded. */
  async file(actor: Principal, documentId: string): Promise<{ document: DocumentRecord; open(): Readable }> {
    const document = await this.documents.findById(documentId);
    if (!document) throw new AppError('NOT_FOUND');
    await this.assertReadable(actor, await this.repos.applications.findById(document.applicationId));
    return { document, open: () => this.store.get(document.fileSha256) };
  }

  /** Who reads the application reads its documents; a city its counties' too, as review shows them. */
  private async assertReadable(actor: Principal, application: ApplicationRow | undefined): Promise<void> {
    const readable =
      application && (await canReadWithin(actor, application, (id) => this.repos.review.jurisdiction(id)));
    if (!readable) throw new AppError('NOT_FOUND');
  }

  async upload(
    actor: Applicant,
    applicationId: string,
    { kind, ...metadata }: UploadDocumentForm,
    file: StagedUpload | undefined,
  ): Promise<DocumentRecord> {
    if (!file) throw AppError.invalidField(FILE_FIELD, '请选择要上传的 PDF 文件');
    const id = await this.edit(actor, applicationId, file, kind, async ({ repos, documents, now }) => {
      await this.assertRoomForKind(documents, applicationId, kind);
      await assertPrintedFrom(repos, applicationId, kind, metadata.printedFrom);
      const document = await documents.insert({
        applicationId,
        kind,
        fileSha256: file.sha256,
        fileName: file.fileName || `${DOCUMENT_KIND_LABELS[kind]}.pdf`,
        metadata,
        uploadedBy: actor.userId,
        uploadedAt: now,
      });
      await repos.applications.addEvent(
        {
          applicationId,
          at: now,
          actorUserId: actor.userId,
          kind: 'document.uploaded',
          detail: { documentId: document.id, kind, sha256: file.sha256, fileName: document.fileName },
        },
        undefined,
        { after: { metadata: document.metadata } },
      );
      return document.id;
    });
    return this.record(id);
  }

  /** A new version with a new file and/or new metadata (replacing the old metadata as a whole). */
  async replace(
    actor: Applicant,
    applicationId: string,
    documentId: string,
    changes: DocumentChanges,
    file: StagedUpload | undefined,
  ): Promise<DocumentRecord> {
    if (!file && !changes.kind && !hasMetadataChanges(changes)) {
      throw AppError.invalidField(FILE_FIELD, '请上传新文件或修改至少一项信息');
    }
    return this.newVersion(actor, applicationId, documentId, file, (old) => ({
      kind: changes.kind ?? old.kind,
      metadata: hasMetadataChanges(changes) ? applyChanges(DEFAULT_METADATA, changes) : old.metadata,
    }));
  }

  /** A new version pointing at the same file, with `changes` applied to the metadata. */
  update(
    actor: Applicant,
    applicationId: string,
    documentId: string,
    changes: DocumentChanges,
  ): Promise<DocumentRecord> {
    return this.newVersion(actor, applicationId, documentId, undefined, (old) => ({
      kind: changes.kind ?? old.kind,
      metadata: applyChanges(old.metadata, changes),
    }));
  }

  async remove(actor: Applicant, applicationId: string, documentId: string): Promise<void> {
    await this.edit(actor, applicationId, undefined, undefined, async ({ repos, documents, now }) => {
      const old = await documents.lockCurrent(documentId, applicationId);
      if (!old) throw new AppError('NOT_FOUND');
      await documents.supersede(old.id, now, null);
      await repos.applications.addEvent(
        {
          applicationId,
          at: now,
          actorUserId: actor.userId,
          kind: 'document.deleted',
          detail: { documentId: old.id, kind: old.kind, sha256: old.fileSha256, fileName: old.fileName },
        },
        undefined,
        { before: auditedDocument(old) },
      );
    });
  }

  private async newVersion(
    actor: Applicant,
    applicationId: string,
    documentId: string,
    file: StagedUpload | undefined,
    next: (old: DocumentRow) => Pick<DocumentRow, 'kind' | 'metadata'>,
  ): Promise<DocumentRecord> {
    const id = await this.edit(actor, applicationId, file, undefined, async ({ repos, documents, now }) => {
      const old = await documents.lockCurrent(documentId, applicationId);
      if (!old) throw new AppError('NOT_FOUND');
      const version = next(old);
      if (version.kind !== old.kind) await this.assertRoomForKind(documents, applicationId, version.kind);
      await assertPrintedFrom(repos, applicationId, version.kind, version.metadata.printedFrom);
      const document = await documents.insert({
        applicationId,
        ...version,
        fileSha256: file?.sha256 ?? old.fileSha256,
        fileName: file?.fileName || old.fileName,
        uploadedBy: actor.userId,
        uploadedAt: now,
      });
      await documents.supersede(old.id, now, document.id);
      await repos.applications.addEvent(
        {
          applicationId,
          at: now,
          actorUserId: actor.userId,
          kind: file ? 'document.replaced' : 'document.updated',
          detail: {
            documentId: document.id,
            previousDocumentId: old.id,
            kind: document.kind,
            sha256: document.fileSha256,
            fileName: document.fileName,
          },
        },
        undefined,
        { before: auditedDocument(old), after: { metadata: document.metadata } },
      );
      return document.id;
    });
    return this.record(id);
  }

  /**
   * Runs `work` in a transaction holding the application's row lock (so that a submission cannot slip in
   * between the check and the write); the staged file is published last and discarded if anything fails.
   * `uploading`: the kind of a new document, which may be a formal agreement owed after 立项.
   */
  private async edit<T>(
    actor: Applicant,
    applicationId: string,
    file: StagedUpload | undefined,
    uploading: DocumentKind | undefined,
    work: (context: EditContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await inTransaction(this.db, async (repos) => {
        const documents = repos.documents;
        const application = await repos.applications.lock(applicationId);
        const owed = uploading !== undefined && FORMAL_AGREEMENTS.has(uploading);
        if (!(owed && (await agreementOwed(repos, actor, application)))) assertEditable(actor, application);
        if (file) {
          // Counted under the locks (the application's row, then its organisation's uploads), so that
          // uploads at the same moment cannot each see room for themselves. The lock comes before the
          // file's row, which a concurrent upload of the same bytes would otherwise wait on.
          await documents.lockOrganizationUploads(application!.organizationId);
          await this.assertRoomForFile(documents, application!, file);
          await documents.addFile({ sha256: file.sha256, size: file.size, mime: PDF_MIME });
        }
        const result = await work({ repos, documents, now: this.clock.now() });
        await file?.commit();
        return result;
      });
    } finally {
      await file?.discard();
    }
  }

  private async assertRoomForKind(documents: DocumentRepository, applicationId: string, kind: DocumentKind) {
    const limit = this.limits.documentsPerKind;
    const current = await documents.countCurrentOfKind(applicationId, kind);
    if (current >= limit) {
      throw limitReached(
        'kind',
        `本申报书的“${DOCUMENT_KIND_LABELS[kind]}”已有 ${current} 份，达到每类附件 ${limit} 份的上限；请替换或删除不需要的文件后再上传`,
      );
    }
  }

  /** A file already among those counted adds nothing: equal bytes are stored once. */
  private async assertRoomForFile(
    documents: DocumentRepository,
    application: ApplicationRow,
    file: StagedUpload,
  ) {
    const scopes = [
      {
        used: await documents.applicationBytes(application.id, file.sha256),
        limit: this.limits.applicationBytes,
        what: '本申报书的附件',
        upTo: '每份申报书',
      },
      {
        used: await documents.organizationBytes(application.organizationId, file.sha256),
        limit: this.limits.organizationBytes,
        what: '本单位全部申报书的附件',
        upTo: '每个单位',
      },
    ];
    for (const { used, limit, what, upTo } of scopes) {
      const total = used.bytes + (used.holds ? 0 : file.size);
      if (total > limit) {
        throw limitReached(
          FILE_FIELD,
          `${what}（含被替换或删除后保留的历史版本）已占用 ${formatMb(used.bytes)}，加上本文件 ${formatMb(file.size)}将超过${upTo} ${formatMb(limit)}的上限；请联系系统管理员`,
        );
      }
    }
  }

  private async record(id: string): Promise<DocumentRecord> {
    return (await this.documents.findById(id))!;
  }
}
