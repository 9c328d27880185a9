import { z } from 'zod';
import { PAPER_KINDS, PAPER_STATUSES } from '../core/paper/register.js';
import { callQuerySchema } from './formal-review.js';

// 纸质材料登记: what paper is owed for a call, what the province received, and when.

const instant = z.iso.datetime({ offset: true });
const kindSchema = z.enum(PAPER_KINDS, { error: '请选择材料种类' }).meta({ title: '材料种类' });

export { callQuerySchema as paperCallQuerySchema };

export const paperRegisterQuerySchema = callQuerySchema.extend({
  kind: kindSchema.optional(),
  status: z.enum(PAPER_STATUSES).optional().meta({ title: '状态' }),
  departmentId: z.uuid().optional().meta({ title: '主管部门' }),
});
export type PaperRegisterQuery = z.infer<typeof paperRegisterQuerySchema>;

const receiptFields = {
  kind: kindSchema,
  /** The application, for 专题一's copies and a funded project's bound copy. */
  applicationId: z.uuid().optional().meta({ title: '申报书' }),
  /** The department, for its 汇总表 and 诚信承诺书. */
  departmentId: z.uuid().optional().meta({ title: '主管部门' }),
  copies: z
    .number({ error: '份数应为数字' })
    .int('份数应为整数')
    .min(1, '份数至少为 1')
    .max(100, '份数不能超过 100')
    .meta({ title: '份数' }),
  receivedAt: z.iso.datetime({ offset: true, error: '请填写收件时间（含时区）' }).meta({ title: '收件时间' }),
  receiver: z
    .string()
    .trim()
    .min(1, '请填写收件人')
    .max(50, '收件人不能超过 50 字')
    .meta({ title: '收件人' }),
  note: z.string().trim().max(500, '备注不能超过 500 字').default('').meta({ title: '备注' }),
};

function subjectNamed(
  body: {
    kind: (typeof PAPER_KINDS)[number];
    applicationId?: string | undefined;
    departmentId?: string | undefined;
  },
  ctx: z.RefinementCtx,
) {
  if (body.kind === 'department-materials') {
    if (!body.departmentId)
      ctx.addIssue({ code: 'custom', path: ['departmentId'], message: '请选择主管部门' });
    if (body.applicationId)
      ctx.addIssue({ code: 'custom', path: ['applicationId'], message: '主管部门材料不对应申报书' });
  } else {
    if (!body.applicationId)
      ctx.addIssue({ code: 'custom', path: ['applicationId'], message: '请选择申报书' });
    if (body.departmentId)
      ctx.addIssue({ code: 'custom', path: ['departmentId'], message: '申报书材料不另选主管部门' });
  }
}

export const recordReceiptBodySchema = z
  .object({ callId: callQuerySchema.shape.callId, ...receiptFields })
  .superRefine(subjectNamed);
export type RecordReceiptBody = z.infer<typeof recordReceiptBodySchema>;

export const correctReceiptBodySchema = z
  .object({
    ...receiptFields,
    reason: z
      .string()
      .trim()
      .min(1, '请填写更正原因')
      .max(500, '更正原因不能超过 500 字')
      .meta({ title: '更正原因' }),
  })
  .superRefine(subjectNamed);
export type CorrectReceiptBody = z.infer<typeof correctReceiptBodySchema>;

export const paperReceiptSchema = z.object({
  id: z.uuid(),
  kind: kindSchema,
  kindLabel: z.string(),
  applicationId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  copies: z.number().int(),
  receivedAt: instant,
  /** Beijing time, for people. */
  receivedAtText: z.string(),
  late: z.boolean(),
  receiver: z.string(),
  note: z.string(),
  recordedBy: z.string(),
  recordedAtText: z.string(),
  /** The receipt this one corrects, and why. */
  supersedes: z.uuid().nullable(),
  correctionReason: z.string().nullable(),
  supersededAtText: z.string().nullable(),
});
export type PaperReceipt = z.infer<typeof paperReceiptSchema>;

export const paperItemSchema = z.object({
  kind: kindSchema,
  kindLabel: z.string(),
  applicationId: z.uuid().nullable(),
  acceptanceNo: z.string().nullable(),
  title: z.string().nullable(),
  topic: z.number().int().nullable(),
  organizationName: z.string().nullable(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  /** What is owed, in words. */
  what: z.string(),
  copies: z.number().int(),
  receivedCopies: z.number().int(),
  status: z.enum(PAPER_STATUSES),
  statusLabel: z.string(),
  due: instant.nullable(),
  /** The deadline in Beijing time, or who sets it. */
  dueText: z.string(),
  clause: z.string(),
  quote: z.string(),
  deadlineClause: z.string().nullable(),
  deadlineQuote: z.string().nullable(),
  /** 逾期不予受理（三、3）, when late or overdue. */
  lateNotice: z.string().nullable(),
  receipts: z.array(paperReceiptSchema),
});
export type PaperItem = z.infer<typeof paperItemSchema>;

/** Where paper is sent, as the notice says. */
export const paperAddressSchema = z.object({
  unit: z.string(),
  address: z.string(),
  phones: z.array(z.string()),
  clause: z.string(),
  quote: z.string(),
});

export const paperCountsSchema = z.object({
  owed: z.number().int(),
  overdue: z.number().int(),
  received: z.number().int(),
  late: z.number().int(),
});

export const paperRegisterResponseSchema = z.object({
  items: z.array(paperItemSchema),
  counts: paperCountsSchema,
  /** Every receipt of the call, superseded ones too, oldest first. */
  history: z.array(paperReceiptSchema),
  address: paperAddressSchema.nullable(),
});
export type PaperRegisterResponse = z.infer<typeof paperRegisterResponseSchema>;

export const paperOwedResponseSchema = z.object({
  items: z.array(paperItemSchema),
  counts: paperCountsSchema,
  address: paperAddressSchema.nullable(),
});
export type PaperOwedResponse = z.infer<typeof paperOwedResponseSchema>;

export const paperReceiptResponseSchema = z.object({ receipt: paperReceiptSchema });
