import { toBeijingIso } from '../../core/time.js';
import type { RegisterBatchView, RegisterOutcomeView } from '../../contract/registers.js';
import type { RegisterBatchRow } from '../repositories/registers.js';
import type { RegisterOutcome } from '../services/registers.js';

export function presentRegisterOutcome(outcome: RegisterOutcome): RegisterOutcomeView {
  return {
    kind: outcome.kind,
    callId: outcome.callId,
    fileName: outcome.fileName,
    sha256: outcome.sha256,
    fileProblems: outcome.fileProblems,
    rows: outcome.rows.map((r) => ({ ...r, record: r.record ?? null })),
    counts: outcome.counts,
    effect: outcome.effect,
    batchId: outcome.batch?.id ?? null,
  };
}

export function presentRegisterBatch(
  batch: RegisterBatchRow & { importedByName: string },
): RegisterBatchView {
  return {
    id: batch.id,
    kind: batch.kind,
    callId: batch.callId,
    fileName: batch.fileName,
    sha256: batch.fileSha256,
    importedBy: batch.importedByName,
    importedAt: toBeijingIso(batch.importedAt.getTime()),
    rows: batch.rows,
    created: batch.created,
    updated: batch.updated,
    unchanged: batch.unchanged,
  };
}
