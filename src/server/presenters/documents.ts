import { COMPLETENESS_FLAGS } from '../../core/bundle/schema.js';
import { toBeijingIso } from '../../core/time.js';
import type { DocumentRecord } from '../repositories/documents.js';
import type { DocumentView } from '../../contract/documents.js';

export function presentDocument(document: DocumentRecord): DocumentView {
  const { metadata } = document;
  return {
    id: document.id,
    applicationId: document.applicationId,
    kind: document.kind,
    fileName: document.fileName,
    sha256: document.fileSha256,
    size: document.size,
    metadata: {
      parties: metadata.parties,
      signedOn: metadata.signedOn ?? null,
      validUntil: metadata.validUntil ?? null,
      language: metadata.language,
      chineseTranslation: metadata.chineseTranslation,
      caption: metadata.caption ?? null,
      printedFrom: metadata.printedFrom ?? null,
      complete: Object.fromEntries(
        COMPLETENESS_FLAGS.map((flag) => [flag, metadata.complete[flag] ?? false]),
      ) as DocumentView['metadata']['complete'],
    },
    uploadedBy: { id: document.uploadedBy, displayName: document.uploaderName },
    uploadedAt: toBeijingIso(document.uploadedAt.getTime()),
    supersededAt: document.supersededAt ? toBeijingIso(document.supersededAt.getTime()) : null,
    replacedBy: document.replacedBy,
  };
}
