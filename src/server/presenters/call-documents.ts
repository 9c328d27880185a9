import { ruleTitle } from '../../core/rules/catalogue.js';
import type { Finding } from '../../core/rules/rule.js';
import { APPLICATION_STATUS_LABELS } from '../../contract/vocabulary.js';
import type { CallDocumentResponse, CallPreviewResponse } from '../../contract/call-documents.js';
import type { CallDocumentView, CallPreview } from '../services/call-documents.js';

export function presentCallDocument({
  row,
  document,
  inUse,
  rulesUsed,
}: CallDocumentView): CallDocumentResponse {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    readOnly: row.readOnly,
    version: row.version,
    inUse,
    // The same shape: the core's types are readonly, the schema's output is not.
    document: document as CallDocumentResponse['document'],
    rulesUsed: rulesUsed.map(({ id, title, clause, severity, reads }) => ({
      id,
      title,
      clause,
      severity,
      reads,
    })),
  };
}

const findingLine = (f: Finding) => ({
  ruleTitle: ruleTitle(f.rule),
  severity: f.severity,
  message: f.message,
});

export function presentCallPreview({ changes, effect, total }: CallPreview): CallPreviewResponse {
  return {
    changes,
    applications: effect.map(({ row, title, applicant, before, after, change }) => ({
      applicationId: row.id,
      title,
      applicantName: applicant,
      status: APPLICATION_STATUS_LABELS[row.status],
      before,
      after,
      added: change.added.map(findingLine),
      removed: change.removed.map(findingLine),
    })),
    changed: effect.length,
    total,
  };
}
