import { z } from 'zod';
import { REGISTER_KINDS } from '../core/registers/kinds.js';
import { findingSchema } from './applications.js';

// 登记库导入 (issue 5 §2).

export const registerKindSchema = z.enum(REGISTER_KINDS).meta({ title: '登记库' });

export const kindParamsSchema = z.object({ kind: registerKindSchema });

export const importQuerySchema = z.object({
  /** Required for 同年度其他部门申报 (a call's register); ignored for the others. */
  callId: z.string().min(1).max(64).optional().meta({ title: '计划' }),
});

export const importFormSchema = z.object({});

const rowProblemSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

export const registerOutcomeSchema = z.object({
  kind: registerKindSchema,
  callId: z.string().nullable(),
  fileName: z.string(),
  sha256: z.string(),
  /** Problems of the whole file, e.g. a missing column. */
  fileProblems: z.array(rowProblemSchema),
  rows: z.array(
    z.object({
      row: z.number().int(),
      status: z.enum(['created', 'updated', 'unchanged', 'invalid']),
      /** The cells as the file has them, by record field. */
      cells: z.record(z.string(), z.string()),
      record: z.record(z.string(), z.unknown()).nullable(),
      problems: z.array(rowProblemSchema),
    }),
  ),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
  }),
  /** Applications whose findings change, judged before and after the import. */
  effect: z.array(
    z.object({
      application: z.uuid(),
      callId: z.string(),
      title: z.string(),
      applicant: z.string(),
      eligibleBefore: z.boolean(),
      eligibleAfter: z.boolean(),
      added: z.array(findingSchema),
      removed: z.array(findingSchema),
    }),
  ),
  /** Set once written; absent for a preview. */
  batchId: z.uuid().nullable(),
});
export type RegisterOutcomeView = z.infer<typeof registerOutcomeSchema>;

export const batchSchema = z.object({
  id: z.uuid(),
  kind: registerKindSchema,
  callId: z.string().nullable(),
  fileName: z.string(),
  sha256: z.string(),
  importedBy: z.string(),
  importedAt: z.iso.datetime({ offset: true }),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type RegisterBatchView = z.infer<typeof batchSchema>;

export const batchesResponseSchema = z.object({ batches: z.array(batchSchema) });
