import { z } from 'zod';

// 评审意见反馈 (issue 14 §6): the province's choice per call, what it releases per application, and what
// applicants read — never a name, an organisation or which expert.

export const feedbackSettingBodySchema = z.object({
  enabled: z.boolean({ error: '请选择是否向申报人反馈评审意见' }).meta({ title: '向申报人反馈评审意见' }),
});
export const feedbackSettingSchema = z.object({ enabled: z.boolean() });

export const releasedOpinionSchema = z
  .object({
    /** 专家意见一、二 … or 会评意见. */
    label: z.string(),
    text: z.string(),
    releasedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ReleasedOpinion' });
export type ReleasedOpinionView = z.infer<typeof releasedOpinionSchema>;

export const releasedOpinionsResponseSchema = z.object({ opinions: z.array(releasedOpinionSchema) });
export type ReleasedOpinionsView = z.infer<typeof releasedOpinionsResponseSchema>;

export const feedbackCandidateSchema = z
  .object({
    applicationId: z.uuid(),
    acceptanceNo: z.string().nullable(),
    title: z.string(),
    organizationName: z.string(),
    outcome: z.enum(['approved', 'rejected']),
    outcomeLabel: z.string(),
    /** Submitted 函评 comments, without who wrote them; `releasedAs` once released. */
    comments: z.array(
      z.object({ assignmentId: z.uuid(), text: z.string(), releasedAs: z.string().nullable() }),
    ),
    released: z.array(releasedOpinionSchema),
  })
  .meta({ id: 'FeedbackCandidate' });
export type FeedbackCandidateView = z.infer<typeof feedbackCandidateSchema>;

export const feedbackOverviewSchema = z.object({
  enabled: z.boolean(),
  candidates: z.array(feedbackCandidateSchema),
});
export type FeedbackOverviewView = z.infer<typeof feedbackOverviewSchema>;

export const feedbackReleaseBodySchema = z.object({
  assignmentIds: z.array(z.uuid()).max(50).default([]).meta({ title: '反馈的专家意见' }),
  panelSummary: z
    .string()
    .trim()
    .max(5000, '会评意见不能超过 5000 个字')
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .meta({ title: '会评意见' }),
});
export type FeedbackReleaseBody = z.input<typeof feedbackReleaseBodySchema>;
