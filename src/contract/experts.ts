import { z } from 'zod';
import { ROUND_KINDS } from '../core/experts/rounds.js';
import { feasibilityAggregateSchema } from './scoring-forms.js';
import { DIRECTIONS, TOPICS } from '../core/bundle/schema.js';
import { DEFAULT_EXPERTS_PER_APPLICATION } from '../core/experts/assignment.js';
import { CONFLICT_KINDS } from '../core/experts/conflicts.js';
import { INVITATION_STATUSES } from '../core/experts/rounds.js';
import { criterionSchema } from './expert.js';
import { reviewerContentSchema } from './reviewer-content.js';
import { newPasswordSchema } from './auth.js';
import {
  creditCodeSchema,
  errorBodySchema,
  newLoginSchema,
  personNameSchema,
  searchTermSchema,
} from './common.js';

// 专家评审, the province's side: the pool, declared conflicts, assignments and the aggregated scores.

const instantSchema = z.iso.datetime({ offset: true });

export const conflictSchema = z.object({ kind: z.enum(CONFLICT_KINDS), message: z.string() });

export const expertProfileBodySchema = z.object({
  name: personNameSchema,
  organizationName: z
    .string()
    .trim()
    .min(1, '所在单位：请填写')
    .max(200, '所在单位：不能超过 200 字')
    .meta({ title: '所在单位' }),
  organizationCreditCode: creditCodeSchema.nullable().meta({ title: '所在单位统一社会信用代码' }),
  fields: z
    .array(z.string().trim().min(1, '学科/领域：不能为空').max(50, '学科/领域：每项不能超过 50 字'))
    .min(1, '学科/领域：请至少填写一项')
    .max(10, '学科/领域：不能超过 10 项')
    .meta({ title: '学科/领域' }),
  title: z.string().trim().max(50, '职称：不能超过 50 字').meta({ title: '职称' }),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,30}$/, '联系电话：只能包含数字、空格和 + - ( )')
    .meta({ title: '联系电话' }),
  email: z.union([z.literal(''), z.email('电子邮箱：格式不正确')]).meta({ title: '电子邮箱' }),
});
export type ExpertProfileBody = z.infer<typeof expertProfileBodySchema>;

export const createExpertBodySchema = expertProfileBodySchema.extend({
  account: z.object({ login: newLoginSchema, password: newPasswordSchema }).meta({ title: '专家登录账号' }),
});
export type CreateExpertBody = z.infer<typeof createExpertBodySchema>;

export const updateExpertBodySchema = expertProfileBodySchema.extend({
  active: z.boolean().meta({ title: '启用' }),
});
export type UpdateExpertBody = z.infer<typeof updateExpertBodySchema>;

export const expertSchema = expertProfileBodySchema
  .extend({
    id: z.uuid(),
    login: z.string(),
    /** Masked in lists (`138****5678`), whole in one expert's record. */
    phone: z.string(),
    active: z.boolean(),
    /** Assignments held, and those not yet submitted. */
    assignments: z.number().int(),
    pending: z.number().int(),
  })
  .meta({ id: 'Expert' });
export type ExpertView = z.infer<typeof expertSchema>;

export const declaredConflictSchema = z.object({
  id: z.uuid(),
  creditCode: z.string().nullable(),
  applicationId: z.uuid().nullable(),
  reason: z.string(),
  createdAt: instantSchema,
});
export type DeclaredConflictView = z.infer<typeof declaredConflictSchema>;

export const expertListQuerySchema = z.object({ q: searchTermSchema });
export const expertListResponseSchema = z.object({ experts: z.array(expertSchema) });
export const expertResponseSchema = z.object({
  expert: expertSchema,
  conflicts: z.array(declaredConflictSchema),
});
export type ExpertDetail = z.infer<typeof expertResponseSchema>;

export const declareConflictBodySchema = z
  .object({
    creditCode: creditCodeSchema.optional(),
    applicationId: z.uuid('回避的申报书：编号无效').optional().meta({ title: '回避的申报书' }),
    reason: z
      .string()
      .trim()
      .min(1, '回避理由：请填写')
      .max(500, '回避理由：不能超过 500 字')
      .meta({ title: '回避理由' }),
  })
  .refine((b) => (b.creditCode === undefined) !== (b.applicationId === undefined), {
    message: '请填写回避单位的统一社会信用代码，或选择回避的申报书（二者选一）',
    path: ['creditCode'],
  });
export type DeclareConflictBody = z.infer<typeof declareConflictBodySchema>;

export const conflictParamsSchema = z.object({ id: z.uuid(), conflictId: z.uuid() });

export const aggregateSchema = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  spread: z.number().nullable(),
  wideSpread: z.boolean(),
});

export const provinceAssignmentSchema = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    expert: z.object({ id: z.uuid(), name: z.string(), organizationName: z.string() }),
    roundId: z.uuid(),
    /** The expert's answer to the round's invitation: scoring waits for `accepted`. */
    invitationStatus: z.enum(INVITATION_STATUSES).nullable(),
    dueAt: instantSchema,
    assignedAt: instantSchema,
    submittedAt: instantSchema.nullable(),
    overrideReason: z.string().nullable(),
    conflicts: z.array(conflictSchema),
    /** Once submitted: the scores per criterion, the weighted total and the comment. */
    scores: z.record(z.string(), z.number()).nullable(),
    total: z.number().nullable(),
    comment: z.string().nullable(),
    /** 专家论证, once submitted: the amount recommended, yuan. */
    recommendedFunding: z.number().nullable(),
    /** The round's kind (函评 or 专家论证) and the version of its form scored on (null: the default). */
    roundKind: z.enum(ROUND_KINDS),
    formVersion: z.number().int().nullable(),
  })
  .meta({ id: 'ExpertAssignment' });
export type ProvinceAssignmentView = z.infer<typeof provinceAssignmentSchema>;

export const reviewedApplicationSchema = z
  .object({
    id: z.uuid(),
    callId: z.string(),
    acceptanceNo: z.string().nullable(),
    topic: z.literal(TOPICS),
    direction: z.enum(DIRECTIONS).nullable(),
    title: z.string(),
    field: z.string(),
    organization: z.object({ name: z.string(), creditCode: z.string() }),
    department: z.object({ id: z.uuid(), name: z.string() }),
    assignments: z.array(provinceAssignmentSchema),
    /** Over the submitted 函评 totals. */
    aggregate: aggregateSchema,
    /** 专家论证: the panel's recommendation; null when no 论证 was submitted. */
    feasibility: feasibilityAggregateSchema.nullable(),
  })
  .meta({ id: 'ExpertReviewedApplication' });
export type ReviewedApplicationView = z.infer<typeof reviewedApplicationSchema>;

export const reviewedListQuerySchema = z.object({
  callId: z.string().min(1).optional().meta({ title: '申报计划' }),
  q: searchTermSchema,
});
export const reviewedListResponseSchema = z.object({
  applications: z.array(reviewedApplicationSchema),
  /** Spreads of this many points or more are flagged. */
  wideSpreadPoints: z.number(),
});

export const candidateSchema = z.object({
  expert: expertSchema,
  fieldMatch: z.boolean(),
  conflicts: z.array(conflictSchema),
  assigned: z.boolean(),
});
export type CandidateView = z.infer<typeof candidateSchema>;

export const reviewedDetailResponseSchema = z.object({
  application: reviewedApplicationSchema,
  /** The 申报书 as a reviewer reads it: names kept, no ID numbers. */
  content: reviewerContentSchema,
  /** The foreign partner named in the form (its institution's details are in `content`). */
  partner: z.object({ name: z.string(), country: z.string() }).nullable(),
  candidates: z.array(candidateSchema),
  criteria: z.array(criterionSchema),
});
export type ReviewedDetail = z.infer<typeof reviewedDetailResponseSchema>;

const dueAtSchema = instantSchema.meta({ title: '评审截止时间' });

const roundIdSchema = z.uuid('评审轮次：请选择').meta({ title: '评审轮次' });

export const assignBodySchema = z.object({
  roundId: roundIdSchema,
  expertId: z.uuid('专家：编号无效').meta({ title: '专家' }),
  /** Absent: the round's scoring due date. */
  dueAt: dueAtSchema.optional(),
  overrideReason: z
    .string()
    .trim()
    .min(1, '回避例外理由：不能为空')
    .max(500, '回避例外理由：不能超过 500 字')
    .optional()
    .meta({ title: '回避例外理由' }),
});
export type AssignBody = z.infer<typeof assignBodySchema>;

export const assignmentResponseSchema = z.object({ assignment: provinceAssignmentSchema });

/** A refusal; for a conflict of interest, with the conflicts found. */
export const conflictRefusedSchema = errorBodySchema.extend({
  conflicts: z.array(conflictSchema).optional(),
});

export const updateAssignmentBodySchema = z.object({ dueAt: dueAtSchema });

export const autoAssignBodySchema = z.object({
  roundId: roundIdSchema,
  perApplication: z
    .number()
    .int('每项专家人数：应为整数')
    .min(1, '每项专家人数：至少 1 人')
    .max(15, '每项专家人数：不超过 15 人')
    .default(DEFAULT_EXPERTS_PER_APPLICATION)
    .meta({ title: '每项专家人数' }),
  /** Absent: the round's scoring due date. */
  dueAt: dueAtSchema.optional(),
});
export type AutoAssignBody = z.infer<typeof autoAssignBodySchema>;

export const autoAssignResponseSchema = z.object({
  assigned: z.array(z.object({ applicationId: z.uuid(), expertId: z.uuid(), assignmentId: z.uuid() })),
  shortfalls: z.array(
    z.object({
      applicationId: z.uuid(),
      acceptanceNo: z.string().nullable(),
      title: z.string(),
      missing: z.number().int(),
    }),
  ),
});
export type AutoAssignResult = z.infer<typeof autoAssignResponseSchema>;

export const remindersResponseSchema = z.object({ sent: z.number().int() });
