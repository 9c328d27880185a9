import type { Readable } from 'node:stream';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { CommitmentRecord } from '../repositories/commitments.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import { FILE_FIELD, PDF_MIME } from '../../contract/documents.js';
import type { FileStore } from '../storage/file-store.js';
import type { CallService, CallView } from './calls.js';
import type { StagedUpload } from './documents.js';
import { assertReviewOpen, type DepartmentUser } from './review.js';

// 项目主管部门诚信承诺书: a department uploads it (a PDF, checked like every upload) before confirming its list;
// a new upload replaces the current one and keeps it as history.

export class CommitmentService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly store: FileStore,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /** Refuses before a byte of the upload is read. */
  async assertUploadable(actor: DepartmentUser, callId: string): Promise<void> {
    const call = await this.call(callId);
    if (await this.repos.review.confirmation(actor.departmentId, callId))
      throw new AppError('LIST_CONFIRMED');
    assertReviewOpen(call, this.clock.now());
  }

  async upload(
    actor: DepartmentUser,
    callId: string,
    file: StagedUpload | undefined,
  ): Promise<CommitmentRecord> {
    if (!file) throw AppError.invalidField(FILE_FIELD, '请选择要上传的诚信承诺书 PDF 文件');
    const call = await this.call(callId);
    try {
      const id = await inTransaction(this.db, async (repos) => {
        // Confirmation takes this lock: the commitment it sees is the one uploaded last.
        await repos.review.lockDepartment(actor.departmentId);
        if (await repos.review.confirmation(actor.departmentId, callId)) throw new AppError('LIST_CONFIRMED');
        const now = this.clock.now();
        assertReviewOpen(call, now);
        await repos.documents.addFile({ sha256: file.sha256, size: file.size, mime: PDF_MIME });
        const inserted = await repos.commitments.replaceCurrent({
          departmentId: actor.departmentId,
          callId,
          fileSha256: file.sha256,
          fileName: file.fileName || '诚信承诺书.pdf',
          uploadedBy: actor.userId,
          uploadedAt: now,
        });
        await repos.audit.append({
          at: now,
          actorUserId: actor.userId,
          action: 'department.commitment-uploaded',
          entityType: 'department',
          entityId: actor.departmentId,
          after: { callId, sha256: file.sha256, fileName: file.fileName },
        });
        await file.commit();
        return inserted;
      });
      return (await this.repos.commitments.findById(id))!;
    } finally {
      await file.discard();
    }
  }

  /** The current commitment (`undefined`: none yet) and every upload, newest first. */
  async list(actor: DepartmentUser, callId: string) {
    await this.call(callId);
    const history = await this.repos.commitments.history(actor.departmentId, callId);
    return { current: history.find((c) => c.supersededAt === null), history };
  }

  /** Any version the department uploaded, or any for the province; another department's is answered as missing. */
  async file(
    actor: DepartmentUser | PrincipalOf<'province'>,
    id: string,
  ): Promise<{ commitment: CommitmentRecord; open(): Readable }> {
    const commitment = await this.repos.commitments.findById(id);
    if (!commitment || (actor.role === 'department' && commitment.departmentId !== actor.departmentId)) {
      throw new AppError('NOT_FOUND');
    }
    return { commitment, open: () => this.store.get(commitment.fileSha256) };
  }

  /** For the province: every department, with its confirmation of the call's list and its current commitment. */
  async overview(_actor: PrincipalOf<'province'>, callId: string) {
    await this.call(callId);
    const [departments, confirmations, current] = await Promise.all([
      this.repos.departments.list(),
      this.repos.review.confirmations(callId),
      this.repos.commitments.currentForCall(callId),
    ]);
    return departments.map((department) => ({
      department,
      confirmation: confirmations.find((c) => c.departmentId === department.id),
      commitment: current.find((c) => c.departmentId === department.id),
    }));
  }

  private call(callId: string): Promise<CallView> {
    return this.calls.require(callId);
  }
}
