import { maskIdNumber } from '../../core/masking.js';
import { toBeijingIso } from '../../core/time.js';
import type { RegisterBatchView, RegisterOutcomeView } from '../../contract/registers.js';
import type { RegisterBatchRow } from '../repositories/registers.js';
import type { RegisterOutcome } from '../services/registers.js';

const ID_NUMBER_FIELDS = ['idNumber', 'piIdNumber'];

/** A register's row as the preview lists it: identity-card numbers masked, like every list of people. */
function masked<T extends Record<string, unknown>>(values: T): T {
  const copy: Record<string, unknown> = { ...values };
  for (const field of ID_NUMBER_FIELDS) {
    const value = copy[field];
    if (typeof value === 'string' && value) copy[field] = maskIdNumber(value);
  }
  return copy as T;
}

export function presentRegisterOutcome(outcome: RegisterOutcome): RegisterOutcomeView {
  return {
    kind: outcome.kind,
    callId: outcome.callId,
    fileName: outcome.fileName,
    sha256: outcome.sha256,
    fileProblems: outcome.fileProblems,
    rows: outcome.rows.map((r) => ({
      ...r,
      cells: masked(r.cells),
      record: r.record ? masked(r.record as Record<string, unknown>) : null,
    })),
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
