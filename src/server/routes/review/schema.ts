import { z } from 'zod';
import { DEPARTMENT_KINDS, DOCUMENT_KINDS, TOPICS } from '../../../core/bundle/schema.js';
import { APPLICATION_STATUSES } from '../../vocabulary.js';
import { applicationSchema, findingSchema, timelineResponseSchema } from '../applications/schema.js';
import { errorBodySchema } from '../common/schema.js';
import { documentSchema } from '../documents/schema.js';

// Like every schema.ts, importable by the web app: zod and pure code only.

export const reviewListQuerySchema = z.object({
  callId: z.string().min(1).optional().meta({ title: '申报计划' }),
  topic: z.coerce
    .number()
    .pipe(z.literal(TOPICS, { error: '专题应为 1–5' }))
    .optional()
    .meta({ title: '专题' }),
  status: z.enum(APPLICATION_STATUSES, { error: '状态无效' }).optional().meta({ title: '状态' }),
  hasErrors: z.stringbool().optional().meta({ title: '有无错误' }),
  rule: z.string().min(1).optional().meta({ title: '规则编号' }),
});
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;

const departmentRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const reviewItemSchema = z
  .object({
    application: applicationSchema,
    eligible: z.boolean(),
    findings: z.array(findingSchema),
    /** A city sees its counties' applications; only their own department acts on them. */
    readOnly: z.boolean(),
    /** The department whose 专题四、五 quota a recommendation of it uses, if it counts against one. */
    countsAgainstQuotaOf: departmentRefSchema.nullable(),
    separateSlot: z.boolean(),
    recommendationAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'ReviewItem' });

export const reviewListResponseSchema = z.object({ applications: z.array(reviewItemSchema) });

export const reviewDetailResponseSchema = z.object({
  item: reviewItemSchema,
  documents: z.array(documentSchema),
  events: timelineResponseSchema.shape.events,
  /** The department's recommendation deadline (北京时间): returns and decisions close then. */
  reviewClosesAt: z.iso.datetime({ offset: true }),
  confirmed: z.boolean(),
});

export const returnBodySchema = z.object({
  reasons: z
    .array(
      z.object({
        field: z.string().trim().min(1).max(200).optional().meta({ title: '字段' }),
        message: z.string().trim().min(1, '请填写退回理由').max(2000).meta({ title: '退回理由' }),
      }),
    )
    .min(1, '请至少填写一条退回理由')
    .max(50),
});
export type ReturnBody = z.infer<typeof returnBodySchema>;

export const decisionBodySchema = z.object({
  decision: z.enum(['recommended', 'not-recommended'], { error: '请选择推荐或不推荐' }),
  reason: z.string().trim().min(1, '请填写推荐意见').max(2000).meta({ title: '推荐意见' }),
  separateSlot: z.boolean().default(false).meta({ title: '使用单独推荐名额' }),
});
export type DecisionBody = z.infer<typeof decisionBodySchema>;

/** A refusal: the findings that refuse a recommendation, if the rules refused it. */
export const decisionRefusedSchema = errorBodySchema.extend({ findings: z.array(findingSchema).optional() });

const fieldChangeSchema = z.object({
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

const snapshotDocumentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  fileName: z.string(),
  sha256: z.string(),
});

export const changesResponseSchema = z.object({
  /** Submission times of the two submissions compared, newest last; `null` before a second submission. */
  previous: z.iso.datetime({ offset: true }).nullable(),
  current: z.iso.datetime({ offset: true }).nullable(),
  form: z.array(fieldChangeSchema),
  documents: z.object({
    added: z.array(snapshotDocumentSchema),
    removed: z.array(snapshotDocumentSchema),
    /** `fileChanged` false: the same file with other details (parties, dates, completeness). */
    replaced: z.array(
      z.object({ before: snapshotDocumentSchema, after: snapshotDocumentSchema, fileChanged: z.boolean() }),
    ),
  }),
});
export type ChangesView = z.infer<typeof changesResponseSchema>;

export const callQuerySchema = z.object({
  callId: z.string().min(1, '请选择申报计划').meta({ title: '申报计划' }),
});

export const quotaResponseSchema = z.object({
  callId: z.string(),
  holder: departmentRefSchema.extend({ kind: z.enum(DEPARTMENT_KINDS) }),
  /** 专题四、五 recommended outside separate slots, the holder's and (a city's) its counties'. */
  used: z.number().int(),
  /** `null`: no numeric quota (省有关部门). */
  limit: z.number().int().nullable(),
  byDepartment: z.array(departmentRefSchema.extend({ used: z.number().int() })),
  separateSlotsUsed: z.number().int(),
  /** 专题二 applications per university or institute received here (每家限报 3 项, plus a joint-lab slot). */
  beltRoad: z.array(
    z.object({
      organization: z.object({ id: z.uuid(), name: z.string() }),
      applications: z.number().int(),
      recommended: z.number().int(),
      separateSlot: z.boolean(),
      limit: z.number().int(),
    }),
  ),
});

export const confirmBodySchema = callQuerySchema;

export const confirmationSchema = z.object({
  department: departmentRefSchema.extend({ kind: z.enum(DEPARTMENT_KINDS) }),
  callId: z.string(),
  confirmedAt: z.iso.datetime({ offset: true }),
  confirmedBy: z.string(),
  summary: z.record(z.string(), z.unknown()),
});
export const confirmResponseSchema = z.object({ confirmation: confirmationSchema });
export const confirmationsQuerySchema = callQuerySchema.partial();
export const confirmationsResponseSchema = z.object({ confirmations: z.array(confirmationSchema) });
