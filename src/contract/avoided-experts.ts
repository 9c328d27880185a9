import { z } from 'zod';

// 回避专家 (issue 14 §2): experts an applicant asks not to be judged by, each with a reason. Up to the call's
// `review.avoidedExpertsMax`; editable while the application is. Experts never see them.

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}：请填写` })
    .trim()
    .min(1, `${label}：请填写`)
    .max(max, `${label}：不能超过 ${max} 字`)
    .meta({ title: label });

export const avoidedExpertBodySchema = z.object({
  name: text('回避专家姓名', 50),
  organization: text('回避专家所在单位', 200),
  reason: text('回避理由', 500),
});
export type AvoidedExpertBody = z.infer<typeof avoidedExpertBodySchema>;

export const avoidedExpertSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    organization: z.string(),
    reason: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'AvoidedExpert' });
export type AvoidedExpertView = z.infer<typeof avoidedExpertSchema>;

export const avoidedExpertListSchema = z.object({
  avoidedExperts: z.array(avoidedExpertSchema),
  /** How many the call allows. */
  max: z.number().int(),
  /** Whether the viewer may add and remove them now (the applicant, while the application is editable). */
  editable: z.boolean(),
});
export type AvoidedExpertList = z.infer<typeof avoidedExpertListSchema>;

export const avoidedExpertParamsSchema = z.object({
  id: z.uuid().meta({ title: '申报书编号' }),
  avoidedId: z.uuid().meta({ title: '回避专家编号' }),
});
