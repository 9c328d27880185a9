import { z } from 'zod';
import {
  OBJECTION_EVIDENCE_MAX,
  OBJECTION_FINDINGS,
  OBJECTION_GROUNDS_MAX,
  OBJECTION_GROUNDS_MIN,
  OBJECTION_STATUSES,
} from '../core/objections/objections.js';
import { emailSchema, mobileSchema } from './common.js';

// 公示异议 (issue 14 §7): what the public files, and what the province reads and decides.

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * An objection, as the multipart form's text fields (the evidence PDF is its file part). Anonymous ones are
 * refused: a real name and a way to reach the objector (mobile or e-mail) are required.
 */
export const objectionFormSchema = z
  .object({
    name: z
      .string({ error: '请填写真实姓名：不受理匿名异议' })
      .trim()
      .min(1, '请填写真实姓名：不受理匿名异议')
      .max(50, '姓名不能超过 50 个字符')
      .meta({ title: '姓名' }),
    mobile: z.preprocess(blankToUndefined, mobileSchema.optional()),
    email: z.preprocess(blankToUndefined, emailSchema.optional()),
    organization: z
      .string({ error: '请填写工作单位' })
      .trim()
      .min(1, '请填写工作单位')
      .max(200, '工作单位不能超过 200 个字符')
      .meta({ title: '工作单位' }),
    acceptanceNo: z
      .string({ error: '请选择异议涉及的项目' })
      .trim()
      .min(1, '请选择异议涉及的项目')
      .max(50)
      .meta({ title: '异议项目' }),
    grounds: z
      .string({ error: '请填写异议的事实和理由' })
      .trim()
      .min(OBJECTION_GROUNDS_MIN, `异议的事实和理由不少于 ${OBJECTION_GROUNDS_MIN} 个字`)
      .max(OBJECTION_GROUNDS_MAX, `异议的事实和理由不能超过 ${OBJECTION_GROUNDS_MAX} 个字`)
      .meta({ title: '异议事实和理由' }),
  })
  .superRefine((form, ctx) => {
    if (!form.mobile && !form.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['mobile'],
        message: '请至少填写手机号码或电子邮箱之一，以便告知处理结果：不受理匿名异议',
      });
    }
  });
export type ObjectionForm = z.infer<typeof objectionFormSchema>;

/** A further evidence PDF, sent with the key given at filing. */
export const objectionEvidenceFormSchema = z.object({
  key: z.string({ error: '缺少补充材料凭证' }).min(16).max(200).meta({ title: '补充材料凭证' }),
});

export const objectionReferenceParamsSchema = z.object({
  reference: z
    .string()
    .regex(/^YY\d{4}-\d{4,}$/, '异议编号格式应为 YY2026-0001')
    .meta({ title: '异议编号' }),
});

export const objectionReceiptSchema = z
  .object({
    reference: z.string(),
    receivedAt: z.iso.datetime({ offset: true }),
    /** Lets the objector add further evidence PDFs (up to the limit) during the 公示 period. */
    evidenceKey: z.string(),
    evidenceCount: z.number(),
    evidenceMax: z.literal(OBJECTION_EVIDENCE_MAX),
    emailed: z.boolean(),
  })
  .meta({ id: 'ObjectionReceipt' });
export type ObjectionReceiptView = z.infer<typeof objectionReceiptSchema>;

export const objectionEvidenceAddedSchema = z.object({ evidenceCount: z.number() });

export const objectionSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    acceptanceNo: z.string(),
    projectTitle: z.string(),
    organizationName: z.string(),
    status: z.enum(OBJECTION_STATUSES),
    statusLabel: z.string(),
    finding: z.enum(OBJECTION_FINDINGS).nullable(),
    findingLabel: z.string().nullable(),
    revokedApproval: z.boolean(),
    receivedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ObjectionSummary' });
export type ObjectionSummaryView = z.infer<typeof objectionSummarySchema>;

export const objectionListResponseSchema = z.object({ objections: z.array(objectionSummarySchema) });
export type ObjectionListView = z.infer<typeof objectionListResponseSchema>;

export const objectionDetailSchema = z
  .object({
    objection: objectionSummarySchema,
    announcement: z.object({ id: z.uuid(), title: z.string(), startsOn: z.iso.date(), endsOn: z.iso.date() }),
    objector: z.object({
      name: z.string(),
      mobile: z.string().nullable(),
      email: z.string().nullable(),
      organization: z.string(),
    }),
    grounds: z.string(),
    evidence: z.array(z.object({ sha256: z.string(), fileName: z.string(), size: z.number() })),
    notes: z.array(z.object({ text: z.string(), at: z.iso.datetime({ offset: true }), byName: z.string() })),
    findingText: z.string().nullable(),
    registeredAt: z.iso.datetime({ offset: true }).nullable(),
    closedAt: z.iso.datetime({ offset: true }).nullable(),
    /** The project's decision as it stands now (revoked: 'rejected' with the revocation). */
    decision: z
      .object({
        outcome: z.enum(['approved', 'rejected']),
        outcomeLabel: z.string(),
        funding: z.number().nullable(),
        revokedAt: z.iso.datetime({ offset: true }).nullable(),
        revokedReason: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'ObjectionDetail' });
export type ObjectionDetailView = z.infer<typeof objectionDetailSchema>;

export const objectionEvidenceParamsSchema = z.object({
  id: z.uuid(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件编号格式不正确'),
});

export const objectionNoteBodySchema = z.object({
  note: z
    .string()
    .trim()
    .min(1, '请填写调查情况')
    .max(5000, '调查情况不能超过 5000 个字')
    .meta({ title: '调查情况' }),
});

export const objectionCloseBodySchema = z
  .object({
    finding: z
      .enum(OBJECTION_FINDINGS, { error: '请选择处理结论：异议成立或不成立' })
      .meta({ title: '处理结论' }),
    findingText: z
      .string()
      .trim()
      .min(1, '请填写处理意见')
      .max(5000, '处理意见不能超过 5000 个字')
      .meta({ title: '处理意见' }),
    revoke: z.boolean().default(false).meta({ title: '撤销该项目的立项' }),
    revokeReason: z.string().trim().max(2000).optional().meta({ title: '撤销立项的理由' }),
  })
  .superRefine((body, ctx) => {
    if (body.revoke && body.finding !== 'upheld') {
      ctx.addIssue({ code: 'custom', path: ['revoke'], message: '只有异议成立时才能撤销立项' });
    }
    if (body.revoke && !body.revokeReason) {
      ctx.addIssue({ code: 'custom', path: ['revokeReason'], message: '撤销立项须填写理由' });
    }
  });
export type ObjectionCloseBody = z.infer<typeof objectionCloseBodySchema>;

export const objectionListQuerySchema = z.object({
  callId: z.string().min(1, '请选择申报计划').meta({ title: '申报计划' }),
});
