import { z } from 'zod';
import { APPEAL_STATUSES } from '../core/appeals/statuses.js';

// 复核 of 不予受理 (issue 14 §8): the applicant's request within the call's working days, with reasons and
// evidence PDFs; the province (项目管理中心) upholds it (受理) or dismisses it with a reason.

const instantSchema = z.iso.datetime({ offset: true });

/** The multipart form's text field; the evidence PDF goes in `file`. */
export const appealFormSchema = z.object({
  reasons: z
    .string({ error: '复核理由：请填写' })
    .trim()
    .min(1, '复核理由：请填写')
    .max(5000, '复核理由：不能超过 5000 字')
    .meta({ title: '复核理由' }),
});
export type AppealForm = z.infer<typeof appealFormSchema>;

export const APPEAL_FILE_FIELD = 'file';

export const appealDecisionBodySchema = z
  .object({
    outcome: z.enum(['upheld', 'dismissed'], { error: '复核结论：请选择予以受理或维持不予受理' }).meta({
      title: '复核结论',
    }),
    reason: z.string().trim().max(2000, '复核意见：不能超过 2000 字').optional().meta({ title: '复核意见' }),
  })
  .superRefine((body, ctx) => {
    if (body.outcome === 'dismissed' && !body.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '复核意见：维持不予受理须写明理由' });
    }
  });
export type AppealDecisionBody = z.infer<typeof appealDecisionBodySchema>;

export const appealEvidenceSchema = z.object({
  index: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  uploadedAt: instantSchema,
});

export const appealSchema = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    status: z.enum(APPEAL_STATUSES),
    statusLabel: z.string(),
    reasons: z.string(),
    evidence: z.array(appealEvidenceSchema),
    filedAt: instantSchema,
    /** The window's last day (Beijing) and its text, e.g. “2026年6月8日24时”. */
    deadline: z.iso.date(),
    deadlineText: z.string(),
    decidedAt: instantSchema.nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: 'Appeal' });
export type AppealView = z.infer<typeof appealSchema>;

/** What the applicant sees: whether it may appeal now, until when, and its appeals. */
export const applicantAppealsSchema = z.object({
  /** Only after 不予受理: the window of the current refusal. */
  window: z
    .object({ deadline: z.iso.date(), deadlineText: z.string(), open: z.boolean(), workingDays: z.number() })
    .nullable(),
  /** May file one now: refused, in the window, no open appeal. */
  canAppeal: z.boolean(),
  evidenceMax: z.number().int(),
  appeals: z.array(appealSchema),
});
export type ApplicantAppealsView = z.infer<typeof applicantAppealsSchema>;

export const appealResponseSchema = z.object({ appeal: appealSchema });

export const provinceAppealSchema = appealSchema
  .extend({
    acceptanceNo: z.string().nullable(),
    title: z.string(),
    organizationName: z.string(),
  })
  .meta({ id: 'ProvinceAppeal' });
export type ProvinceAppealView = z.infer<typeof provinceAppealSchema>;

export const provinceAppealListQuerySchema = z.object({
  callId: z.string().min(1, '请选择申报计划').meta({ title: '申报计划' }),
  status: z.enum(APPEAL_STATUSES, { error: '状态应为 open、upheld 或 dismissed' }).optional().meta({
    title: '状态',
  }),
});
export type ProvinceAppealListQuery = z.infer<typeof provinceAppealListQuerySchema>;

export const provinceAppealListSchema = z.object({ appeals: z.array(provinceAppealSchema) });
export const provinceAppealResponseSchema = z.object({ appeal: provinceAppealSchema });

export const appealParamsSchema = z.object({ id: z.uuid().meta({ title: '复核申请编号' }) });
export const appealEvidenceParamsSchema = z.object({
  id: z.uuid().meta({ title: '复核申请编号' }),
  index: z.coerce.number().int().min(0).meta({ title: '证明材料序号' }),
});
