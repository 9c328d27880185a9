import { z } from 'zod';
import { DIRECTIONS, TOPICS } from '../core/bundle/schema.js';
import { CALL_CHANGES, CALL_STATUSES } from './vocabulary.js';

const instantSchema = z.iso.datetime({ offset: true });

export const callIdParamsSchema = z.object({ id: z.string().min(1).max(64).meta({ title: '计划编号' }) });

const deadlineFields = {
  submissionClosesAt: instantSchema.meta({ title: '网上填报截止时间' }),
  recommendationClosesAt: instantSchema.meta({ title: '主管部门审核推荐截止时间' }),
  paperClosesAt: instantSchema.meta({ title: '纸质材料受理截止时间' }),
};

type Deadlines = { [K in keyof typeof deadlineFields]: string };

/** The three windows close in the notice's order: online submission, then recommendation, then paper. */
function inOrder(value: Deadlines, ctx: z.core.$RefinementCtx<Deadlines>) {
  if (Date.parse(value.recommendationClosesAt) <= Date.parse(value.submissionClosesAt)) {
    ctx.addIssue({
      code: 'custom',
      path: ['recommendationClosesAt'],
      message: '主管部门审核推荐截止时间应晚于网上填报截止时间',
    });
  }
  if (Date.parse(value.paperClosesAt) <= Date.parse(value.recommendationClosesAt)) {
    ctx.addIssue({
      code: 'custom',
      path: ['paperClosesAt'],
      message: '纸质材料受理截止时间应晚于主管部门审核推荐截止时间',
    });
  }
}

export const deadlinesBodySchema = z.object(deadlineFields).superRefine(inOrder);
export type DeadlinesBody = z.infer<typeof deadlinesBodySchema>;

export const cloneBodySchema = z
  .object({
    id: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, '计划编号应为 3–40 位大写字母、数字或连字符，例如 JS-INTL-2027')
      .meta({ title: '新计划编号' }),
    name: z.string().trim().min(1).max(100).meta({ title: '新计划名称' }),
    ...deadlineFields,
  })
  .superRefine(inOrder);
export type CloneBody = z.infer<typeof cloneBodySchema>;

export const callSnapshotSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseCallId: z.string(),
  isPractice: z.boolean(),
  readOnly: z.boolean(),
  status: z.enum(CALL_STATUSES),
  submissionClosesAt: instantSchema,
  recommendationClosesAt: instantSchema,
  paperClosesAt: instantSchema,
});

export const adminCallSchema = callSnapshotSchema
  .extend({
    noticeNumber: z.string(),
    /** Online submission is open now. */
    open: z.boolean(),
    /** The newest version number; 0 while the call has never been changed. */
    version: z.number().int(),
  })
  .meta({ id: 'AdminCall' });
export type AdminCallDto = z.infer<typeof adminCallSchema>;

export const adminCallListSchema = z.object({ calls: z.array(adminCallSchema) });

export const citedItemSchema = z.object({
  label: z.string(),
  value: z.string(),
  clause: z.string(),
  /** The notice's words. */
  quote: z.string(),
  countries: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
});
export type CitedItemDto = z.infer<typeof citedItemSchema>;

export const callParametersSchema = z.object({
  notice: z.object({ number: z.string(), title: z.string(), publishedOn: z.string() }),
  deadlines: z.array(citedItemSchema),
  general: z.array(citedItemSchema),
  topics: z.array(
    z.object({
      number: z.literal(TOPICS),
      name: z.string(),
      clause: z.string(),
      /** Terms of the whole topic: limits, quotas, separate slots. */
      items: z.array(citedItemSchema),
      streams: z.array(
        z.object({
          direction: z.enum(DIRECTIONS).nullable(),
          label: z.string(),
          items: z.array(citedItemSchema),
        }),
      ),
    }),
  ),
});
export type CallParametersDto = z.infer<typeof callParametersSchema>;

export const callDetailSchema = z.object({ call: adminCallSchema, parameters: callParametersSchema });
export type CallDetailDto = z.infer<typeof callDetailSchema>;

export const callVersionSchema = z.object({
  version: z.number().int(),
  change: z.enum(CALL_CHANGES),
  snapshot: callSnapshotSchema,
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  at: instantSchema,
});
export type CallVersionDto = z.infer<typeof callVersionSchema>;

export const callVersionsSchema = z.object({ versions: z.array(callVersionSchema) });
