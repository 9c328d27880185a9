import { z } from 'zod';
import { callDocumentSchema } from '../core/calls/schema.js';
import { CALL_STATUSES } from './vocabulary.js';

// The province's call editor (issue 15 §2): a call's parameters as a `shenbao.call/1` document, saved as numbered
// versions. The document is checked by the service with core/calls/schema.ts, so a bad value comes back as a
// VALIDATION_FAILED naming its path (`topics.4.terms.funding.value.share.base`), never as a route-level 400 on `document`.

/** The document as sent: any JSON object; the service reads it with parseCallDocument. */
const documentInput = z.record(z.string(), z.unknown()).meta({ title: '计划参数（shenbao.call/1）' });

export const callDocumentParamsSchema = z.object({
  id: z.string().min(1).max(64).meta({ title: '计划编号' }),
});

export const callDocumentVersionParamsSchema = callDocumentParamsSchema.extend({
  version: z.coerce.number().int().positive().meta({ title: '版本号' }),
});

/** A rule of the engine, as the editor lists those a call uses. */
export const ruleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  clause: z.string(),
  severity: z.enum(['error', 'warning']),
  /** The parameters it reads, as readable labels (e.g. 专题二 › 合作国别). */
  reads: z.array(z.string()),
});

export const callDocumentResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(CALL_STATUSES),
  readOnly: z.boolean(),
  /** The version this document is; a save names it as `baseVersion`. */
  version: z.number().int(),
  /** Applications exist under the call: it cannot be deleted, and a change is previewed before it is saved. */
  inUse: z.boolean(),
  document: callDocumentSchema,
  rulesUsed: z.array(ruleSummarySchema),
});
export type CallDocumentResponse = z.infer<typeof callDocumentResponseSchema>;

export const saveCallDocumentBodySchema = z.object({
  baseVersion: z.number().int().min(0).meta({ title: '所依据的版本号' }),
  document: documentInput,
  /** What the editor says about the change, kept with the version. */
  comment: z.string().trim().max(500).default('').meta({ title: '修改说明' }),
});
export type SaveCallDocumentBody = z.infer<typeof saveCallDocumentBodySchema>;

export const createCallBodySchema = z.object({ document: documentInput });
export type CreateCallBody = z.infer<typeof createCallBodySchema>;

export const previewCallDocumentBodySchema = z.object({ document: documentInput });

/** One change between two versions, for people: the field's Chinese label and both values as text. */
export const callChangeLineSchema = z.object({
  path: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  clause: z.string().nullable(),
});
export type CallChangeLine = z.infer<typeof callChangeLineSchema>;

export const callDiffResponseSchema = z.object({
  version: z.number().int(),
  previous: z.number().int().nullable(),
  changes: z.array(callChangeLineSchema),
});

const verdictCountsSchema = z.object({ errors: z.number().int(), warnings: z.number().int() });

export const findingLineSchema = z.object({
  ruleTitle: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const callPreviewResponseSchema = z.object({
  /** The document's changes against the saved version. */
  changes: z.array(callChangeLineSchema),
  applications: z.array(
    z.object({
      applicationId: z.string(),
      title: z.string(),
      applicantName: z.string(),
      status: z.string(),
      before: verdictCountsSchema,
      after: verdictCountsSchema,
      added: z.array(findingLineSchema),
      removed: z.array(findingLineSchema),
    }),
  ),
  /** How many applications' findings change. */
  changed: z.number().int(),
  total: z.number().int(),
});
export type CallPreviewResponse = z.infer<typeof callPreviewResponseSchema>;
