import { z } from 'zod';
import { DIRECTIONS, DOCUMENT_KINDS, TOPICS } from '../core/bundle/schema.js';
import { ROUND_KINDS } from '../core/experts/rounds.js';
import { DOCUMENT_PARTS } from '../core/experts/scoring-forms.js';
import { reviewerContentSchema } from './reviewer-content.js';

// 专家评审, the expert's side. An expert sees only what is assigned to them and of each application only what
// judging it needs: the 申报书 without any person's name, ID number or contact, and only the documents the call
// lets experts open (`content.expertDocuments`: agreements and proofs, not the signed forms and commitments).

const instantSchema = z.iso.datetime({ offset: true });

export const criterionSchema = z.object({
  id: z.string(),
  label: z.string(),
  weight: z.number(),
  max: z.number(),
  guidance: z.string(),
  /** The bands of the scale with what each means (9–10 优秀：…). */
  anchors: z.array(z.object({ from: z.number(), to: z.number(), text: z.string() })),
  /** The part of the 申报书 it judges: the scoring page links to its anchor. */
  section: z.enum(DOCUMENT_PARTS).optional(),
});

export const expertApplicationSchema = z
  .object({
    id: z.uuid(),
    acceptanceNo: z.string().nullable(),
    topic: z.literal(TOPICS),
    direction: z.enum(DIRECTIONS).nullable(),
    title: z.string(),
    summary: z.string(),
    field: z.string(),
    applicant: z.object({ name: z.string() }),
    partner: z.object({ name: z.string(), country: z.string() }).nullable(),
    domesticPartners: z.array(z.object({ name: z.string() })),
    budget: z.object({
      total: z.number().nullable(),
      jiangsuTotal: z.number().nullable(),
      provincialFunding: z.number().nullable(),
    }),
    content: reviewerContentSchema,
  })
  .meta({ id: 'ExpertApplication' });
export type ExpertApplicationView = z.infer<typeof expertApplicationSchema>;

export const myAssignmentSchema = z
  .object({
    id: z.uuid(),
    dueAt: instantSchema,
    savedAt: instantSchema.nullable(),
    submittedAt: instantSchema.nullable(),
    /** Past its due date without a submission. */
    overdue: z.boolean(),
    scores: z.record(z.string(), z.number()),
    comment: z.string(),
    total: z.number(),
    /** 专家论证: the amount recommended, yuan; null elsewhere or not yet given. */
    recommendedFunding: z.number().nullable(),
    /** The round's kind: 函评, or 专家论证 which asks for a recommended amount. */
    roundKind: z.enum(ROUND_KINDS),
    application: expertApplicationSchema.pick({
      id: true,
      acceptanceNo: true,
      topic: true,
      title: true,
      field: true,
    }),
  })
  .meta({ id: 'MyAssignment' });
export type MyAssignmentView = z.infer<typeof myAssignmentSchema>;

export const myAssignmentsResponseSchema = z.object({ assignments: z.array(myAssignmentSchema) });

export const myAssignmentResponseSchema = z.object({
  assignment: myAssignmentSchema,
  application: expertApplicationSchema,
  criteria: z.array(criterionSchema),
  /** The form the assignment is scored on: its version (null: the default not yet used) and comment minimum. */
  form: z.object({
    version: z.number().int().nullable(),
    guidance: z.string(),
    minCommentLength: z.number().int(),
  }),
  /** 专家论证: the most the expert may recommend (yuan) and why; null for 函评. */
  recommendationLimit: z.object({ amount: z.number(), reason: z.string() }).nullable(),
});
export type MyAssignmentDetail = z.infer<typeof myAssignmentResponseSchema>;

export const scoresBodySchema = z.object({
  scores: z.record(z.string(), z.number({ error: '分数应为数字' })).meta({ title: '评分' }),
  comment: z.string().trim().max(3000, '评审意见：不能超过 3000 字').default('').meta({ title: '评审意见' }),
  /** 专家论证 only: the recommended funding, yuan (the page asks in 万元). */
  recommendedFunding: z
    .number({ error: '建议资助经费应为数字（元）' })
    .nullable()
    .optional()
    .meta({ title: '建议资助经费（元）' }),
});
export type ScoresBody = z.infer<typeof scoresBodySchema>;

export const recusalBodySchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, '回避理由：请填写')
    .max(500, '回避理由：不能超过 500 字')
    .meta({ title: '回避理由', description: '如与申报单位、项目负责人或合作方的关系' }),
});
export type RecusalBody = z.infer<typeof recusalBodySchema>;

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    text: z.string(),
    createdAt: instantSchema,
    readAt: instantSchema.nullable(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationsResponseSchema = z.object({ notifications: z.array(notificationSchema) });

/**
 * An attachment an expert may open: its kind and caption, never the uploader or the file's own name (either may
 * name a person).
 */
export const expertDocumentSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(DOCUMENT_KINDS),
    caption: z.string().nullable(),
    size: z.number().int(),
    uploadedAt: instantSchema,
  })
  .meta({ id: 'ExpertDocument' });
export type ExpertDocumentView = z.infer<typeof expertDocumentSchema>;

export const expertDocumentsResponseSchema = z.object({ documents: z.array(expertDocumentSchema) });
