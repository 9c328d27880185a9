import { z } from 'zod';
import { applicationFormSchema } from '../core/application/form.js';
import { DIRECTIONS, TOPICS } from '../core/bundle/schema.js';
import { finalizationSchema } from './finalization.js';
import { APPLICATION_STATUSES } from './vocabulary.js';

const topicSchema = z.literal(TOPICS, { error: '请选择专题（1–5）' }).meta({ title: '专题' });
const directionSchema = z.enum(DIRECTIONS, { error: '请选择方向' }).meta({ title: '方向' });
const versionSchema = z.number().int().min(1).meta({ title: '所修改的版本号' });

export const createApplicationBodySchema = z.object({
  callId: z.string().min(1, '请选择申报计划'),
  topic: topicSchema,
  direction: directionSchema.optional(),
  /** A unit administrator names the PI; a PI applies as themselves. */
  piId: z.uuid('请选择项目负责人').optional(),
});
export type CreateApplicationBody = z.infer<typeof createApplicationBodySchema>;

export const updateApplicationBodySchema = z.object({
  version: versionSchema,
  topic: topicSchema.optional(),
  direction: directionSchema.nullable().optional(),
  piId: z.uuid('请选择项目负责人').optional(),
  form: applicationFormSchema,
});
export type UpdateApplicationBody = z.infer<typeof updateApplicationBodySchema>;

export const versionBodySchema = z.object({ version: versionSchema });

export const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  clause: z.string(),
  message: z.string(),
  field: z.string().optional(),
});

export const evaluationSchema = z.object({
  /** No error under the notice's rules. */
  eligible: z.boolean(),
  findings: z.array(findingSchema),
  /** Fields still to fill before submission. */
  missing: z.array(z.object({ field: z.string(), message: z.string() })),
  /** Eligible, complete, editable and before `submissionClosesAt`. */
  canSubmit: z.boolean(),
  /** Online filing closes; for a returned application, its department's recommendation deadline. */
  submissionClosesAt: z.iso.datetime({ offset: true }),
  serverTime: z.iso.datetime({ offset: true }),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** 退回修改: the department's reasons, each perhaps naming the field to change, and the resubmission deadline. */
export const returnedSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  reasons: z.array(z.object({ field: z.string().optional(), message: z.string() })),
  resubmitBy: z.iso.datetime({ offset: true }),
});

export const applicationSchema = z
  .object({
    id: z.uuid(),
    callId: z.string(),
    callName: z.string(),
    topic: topicSchema,
    direction: directionSchema.nullable(),
    directed: z.boolean(),
    status: z.enum(APPLICATION_STATUSES),
    editable: z.boolean(),
    version: z.number().int(),
    form: applicationFormSchema,
    organization: z.object({ id: z.uuid(), name: z.string() }),
    pi: z.object({ id: z.uuid(), name: z.string() }),
    department: z.object({ id: z.uuid(), name: z.string() }),
    acceptanceNo: z.string().nullable(),
    submittedAt: z.iso.datetime({ offset: true }).nullable(),
    /** When the department recommended it (or decided not to); null before a decision. */
    recommendationAt: z.iso.datetime({ offset: true }).nullable(),
    /** Set while the application is returned for revision. */
    returned: returnedSchema.nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Application' });
export type ApplicationDto = z.infer<typeof applicationSchema>;

export const applicationResponseSchema = z.object({
  application: applicationSchema,
  evaluation: evaluationSchema,
  finalization: finalizationSchema,
});
export const applicationListResponseSchema = z.object({ applications: z.array(applicationSchema) });

export const receiptSchema = z
  .object({
    acceptanceNo: z.string(),
    issuedAt: z.iso.datetime({ offset: true }),
    /** Exactly what was signed (canonical JSON of this object, keys sorted). */
    payload: z.record(z.string(), z.unknown()),
    /** Ed25519 signature, base64. */
    signature: z.string(),
    publicKey: z.string(),
  })
  .meta({ id: 'Receipt' });

export const submitResponseSchema = z.object({ application: applicationSchema, receipt: receiptSchema });
export const receiptResponseSchema = z.object({ receipt: receiptSchema });

export const blockedResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  evaluation: evaluationSchema,
});

export const timelineResponseSchema = z.object({
  events: z.array(
    z.object({
      at: z.iso.datetime({ offset: true }),
      kind: z.string(),
      actor: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const verifyReceiptBodySchema = z.object({
  payload: z.record(z.string(), z.unknown()),
  signature: z.string().min(1),
});
