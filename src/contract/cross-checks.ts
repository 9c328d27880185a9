import { z } from 'zod';
import { TOPICS } from '../core/bundle/schema.js';

// 全省交叉核查.

const instant = z.iso.datetime({ offset: true });
const callIdSchema = z.string().min(1, '请选择申报计划').meta({ title: '申报计划' });
const pageSchema = {
  limit: z.coerce.number().int().min(1).max(500).default(50).meta({ title: '每页条数' }),
  offset: z.coerce.number().int().min(0).default(0).meta({ title: '起始位置' }),
};

export const startRunBodySchema = z.object({ callId: callIdSchema });
export type StartRunBody = z.infer<typeof startRunBodySchema>;

export const callQuerySchema = z.object({ callId: callIdSchema });

export const runSchema = z
  .object({
    id: z.uuid(),
    callId: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    /** What a running run is doing: judging every application, or comparing texts. */
    phase: z.enum(['rules', 'similarity']).nullable(),
    requestedAt: instant,
    requestedBy: z.string().nullable(),
    startedAt: instant.nullable(),
    finishedAt: instant.nullable(),
    attempts: z.number().int(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    error: z.string().nullable(),
    summary: z
      .object({
        applications: z.number().int(),
        externalSubmissions: z.number().int(),
        errors: z.number().int(),
        warnings: z.number().int(),
        ineligible: z.number().int(),
        pairs: z.number().int(),
      })
      .nullable(),
    /** A later run of the call finished: this one's findings and pairs are gone. */
    superseded: z.boolean(),
  })
  .meta({ id: 'CrossCheckRun' });
export type CrossCheckRunDto = z.infer<typeof runSchema>;

export const runResponseSchema = z.object({ run: runSchema });

export const runsResponseSchema = z.object({
  runs: z.array(runSchema),
  /** The run whose results the findings and the similarity report show. */
  currentRunId: z.uuid().nullable(),
  /** The report threshold and the hard-error threshold (READING.md 二、3). */
  thresholds: z.object({ reportAt: z.number(), errorAt: z.number(), clause: z.string(), quote: z.string() }),
});

export const findingsQuerySchema = z.object({
  callId: callIdSchema,
  rule: z.string().min(1).optional().meta({ title: '规则编号' }),
  severity: z
    .enum(['error', 'warning'], { error: '级别应为 error 或 warning' })
    .optional()
    .meta({ title: '级别' }),
  departmentId: z.uuid({ error: '主管部门编号无效' }).optional().meta({ title: '主管部门' }),
  topic: z.coerce
    .number()
    .pipe(z.literal(TOPICS, { error: '专题应为 1–5' }))
    .optional()
    .meta({ title: '专题' }),
  ...pageSchema,
});
export type FindingsQuery = Pick<z.infer<typeof findingsQuerySchema>, 'callId'> &
  Partial<z.infer<typeof findingsQuerySchema>>;

export const crossFindingSchema = z
  .object({
    id: z.uuid(),
    /** Absent for a finding on a department (its quota). */
    application: z
      .object({ id: z.uuid(), acceptanceNo: z.string().nullable(), title: z.string(), applicant: z.string() })
      .nullable(),
    department: z.object({ id: z.uuid(), name: z.string() }),
    topic: z.number().int().nullable(),
    rule: z.string(),
    severity: z.enum(['error', 'warning']),
    clause: z.string(),
    message: z.string(),
    field: z.string().nullable(),
  })
  .meta({ id: 'CrossCheckFinding' });
export type CrossFinding = z.infer<typeof crossFindingSchema>;

export const findingsResponseSchema = z.object({
  run: runSchema.nullable(),
  total: z.number().int(),
  findings: z.array(crossFindingSchema),
  /** Every rule that spoke in the run, with its title and how often: what the filter offers. */
  rules: z.array(
    z.object({
      rule: z.string(),
      title: z.string(),
      severity: z.enum(['error', 'warning']),
      count: z.number().int(),
    }),
  ),
});

export const pairsQuerySchema = z.object({
  callId: callIdSchema,
  minShare: z.coerce.number().min(0).max(1).optional().meta({ title: '最低重合度' }),
  /** A rule id, or `none` for the pairs no rule judged (different applicants and PIs, or two applications). */
  rule: z.string().min(1).optional().meta({ title: '规则编号' }),
  departmentId: z.uuid({ error: '主管部门编号无效' }).optional().meta({ title: '主管部门' }),
  ...pageSchema,
});
export type PairsQuery = Pick<z.infer<typeof pairsQuerySchema>, 'callId'> &
  Partial<z.infer<typeof pairsQuerySchema>>;

const sideSchema = z.object({
  kind: z.enum(['application', 'external']),
  applicationId: z.uuid().nullable(),
  acceptanceNo: z.string().nullable(),
  program: z.string().nullable(),
  department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  applicant: z.string(),
  creditCode: z.string(),
  piName: z.string(),
  title: z.string(),
});

export const pairSchema = z
  .object({
    id: z.uuid(),
    share: z.number(),
    titleShare: z.number(),
    summaryShare: z.number(),
    rule: z.string().nullable(),
    a: sideSchema,
    b: sideSchema,
  })
  .meta({ id: 'SimilarPair' });
export type SimilarPairDto = z.infer<typeof pairSchema>;

export const pairsResponseSchema = z.object({
  run: runSchema.nullable(),
  total: z.number().int(),
  pairs: z.array(pairSchema),
});

const spansSchema = z.array(z.object({ start: z.number().int(), end: z.number().int() }));
const highlightedSchema = z.object({
  a: z.string(),
  b: z.string(),
  /** Code-point offsets of the overlapping text in each, `end` exclusive. */
  spansA: spansSchema,
  spansB: spansSchema,
});

export const pairDetailResponseSchema = z.object({
  pair: pairSchema,
  title: highlightedSchema,
  summary: highlightedSchema,
});
export type PairDetail = z.infer<typeof pairDetailResponseSchema>;
