import { z } from 'zod';
import { TOPICS } from '../core/bundle/schema.js';
import { findingSchema } from './applications.js';
import { searchTermSchema } from './common.js';

export const callQuerySchema = z.object({
  callId: z.string().min(1, '请选择申报计划').meta({ title: '申报计划' }),
});

const instantSchema = z.iso.datetime({ offset: true });

/** An application as the province lists it: enough to tell it apart, without contacts or ID numbers. */
export const provinceApplicationSchema = z.object({
  id: z.uuid(),
  acceptanceNo: z.string().nullable(),
  title: z.string(),
  topic: z.literal(TOPICS),
  direction: z.string().nullable(),
  organizationName: z.string(),
  piName: z.string(),
  departmentName: z.string(),
  /** 申请省资助经费, yuan. */
  requestedFunding: z.number(),
});

export const formalReviewReasonSchema = z.object({
  rule: z.string().trim().min(1).max(100).optional().meta({ title: '规则编号' }),
  clause: z.string().trim().min(1).max(50).optional().meta({ title: '条款' }),
  message: z.string().trim().min(1, '请填写理由').max(2000).meta({ title: '理由' }),
});
export type FormalReviewReasonView = z.infer<typeof formalReviewReasonSchema>;

export const formalReviewResultSchema = z.enum(['accepted', 'rejected'], { error: '请选择受理或不予受理' });

export const formalReviewBodySchema = z
  .object({
    result: formalReviewResultSchema.meta({ title: '审查结果' }),
    reasons: z.array(formalReviewReasonSchema).max(50).default([]).meta({ title: '理由' }),
  })
  .superRefine((body, ctx) => {
    if (body.result === 'rejected' && body.reasons.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: '不予受理须至少写明一条理由' });
    }
  });
export type FormalReviewBody = z.infer<typeof formalReviewBodySchema>;

export const formalReviewSchema = z.object({
  result: formalReviewResultSchema,
  reasons: z.array(formalReviewReasonSchema),
  reviewedAt: instantSchema,
  reviewerName: z.string().nullable(),
});

export const formalReviewItemSchema = z
  .object({
    application: provinceApplicationSchema,
    /** The core's errors as of now, offered as reasons for 不予受理 (e.g. credit, ongoing projects). */
    suggestedReasons: z.array(formalReviewReasonSchema),
    warnings: z.array(findingSchema),
    review: formalReviewSchema.nullable(),
    /** A 立项决定 exists: the result can no longer change until it is undone. */
    decided: z.boolean(),
  })
  .meta({ id: 'FormalReviewItem' });
export type FormalReviewItemView = z.infer<typeof formalReviewItemSchema>;

export const formalReviewListQuerySchema = callQuerySchema.extend({
  result: z
    .enum(['accepted', 'rejected', 'pending'], { error: '审查结果应为 accepted、rejected 或 pending' })
    .optional()
    .meta({ title: '审查结果（pending：未审查）' }),
  q: searchTermSchema,
});
export type FormalReviewListQuery = z.infer<typeof formalReviewListQuerySchema>;

export const formalReviewListResponseSchema = z.object({ items: z.array(formalReviewItemSchema) });
export const formalReviewItemResponseSchema = z.object({ item: formalReviewItemSchema });

/** What the applicant sees of the province's handling of its application. */
export const provinceResultSchema = z.object({
  formalReview: formalReviewSchema.omit({ reviewerName: true }).nullable(),
  /** Only once the 公示 that lists it is published (未立项项目不再另行通知). */
  announced: z
    .object({
      announcementId: z.uuid(),
      title: z.string(),
      startsOn: z.iso.date(),
      endsOn: z.iso.date(),
      funding: z.number(),
    })
    .nullable(),
  /** 申报时仅有合作意向书: the formal agreement is still to be uploaded before contract signing. */
  formalAgreementDue: z.boolean(),
  contractStageAt: instantSchema.nullable(),
});
export type ProvinceResultView = z.infer<typeof provinceResultSchema>;
