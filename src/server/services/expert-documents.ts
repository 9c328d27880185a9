import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { DocumentRecord } from '../repositories/documents.js';
import type { Repositories } from '../repositories/index.js';
import type { FileStore } from '../storage/file-store.js';
import type { CallService } from './calls.js';
import type { ExpertScoringService } from './experts-scoring.js';

// The attachments an expert may open beside the 申报书: the current documents of their own assignment's
// application whose kind the call lists in `content.expertDocuments`. Any other kind, another expert's
// assignment, or one that is gone (回避, 不予受理) is answered exactly as a missing record.

type ExpertUser = PrincipalOf<'expert'>;

export class ExpertDocumentService {
  constructor(
    private readonly repos: Repositories,
    private readonly store: FileStore,
    private readonly calls: CallService,
    private readonly scoring: ExpertScoringService,
  ) {}

  async list(actor: ExpertUser, assignmentId: string): Promise<DocumentRecord[]> {
    const { application } = await this.scoring.detail(actor, assignmentId);
    const call = await this.calls.require(application.callId);
    const kinds = new Set<string>(call.parameters.content.value.expertDocuments);
    const documents = await this.repos.documents.listByApplication(application.id, false);
    return documents.filter((d) => kinds.has(d.kind));
  }

  async file(
    actor: ExpertUser,
    assignmentId: string,
    documentId: string,
  ): Promise<{ document: DocumentRecord; open(): Readable }> {
    const document = (await this.list(actor, assignmentId)).find((d) => d.id === documentId);
    if (!document) throw new AppError('NOT_FOUND');
    return { document, open: () => this.store.get(document.fileSha256) };
  }
}
