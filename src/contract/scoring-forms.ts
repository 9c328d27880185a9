import { z } from 'zod';
import { TOPICS } from '../core/bundle/schema.js';
import { ROUND_KINDS } from '../core/experts/rounds.js';
import { DOCUMENT_PARTS, MAX_COMMENT_LENGTH, MAX_CRITERIA } from '../core/experts/scoring-forms.js';
import { criterionSchema } from './expert.js';

// 评分表 as the province configures it per review round and topic (项目管理中心): each save is a new version;
// once an expert saved a score in the round for the topic, the form is locked. Until a version is saved, the
// round uses the default of its kind, cited as the centre's configuration (中心配置).

const instantSchema = z.iso.datetime({ offset: true });

export const scoringFormParamsSchema = z.object({
  roundId: z.uuid().meta({ title: '评审轮次' }),
  topic: z.coerce
    .number()
    .pipe(z.literal(TOPICS, { error: '专题应为 1–5' }))
    .meta({ title: '专题' }),
});

const anchorBodySchema = z.object({
  from: z.number({ error: '分数段起点应为数字' }),
  to: z.number({ error: '分数段终点应为数字' }),
  text: z.string().trim().max(200, '各档说明不能超过 200 字'),
});

export const scoringFormBodySchema = z.object({
  criteria: z
    .array(
      z.object({
        id: z.string().trim().meta({ title: '编号' }),
        label: z.string().trim().max(50, '评分项名称不能超过 50 字').meta({ title: '评分项' }),
        weight: z.number({ error: '权重应为数字' }).meta({ title: '权重' }),
        max: z.number({ error: '满分应为数字' }).meta({ title: '满分' }),
        guidance: z.string().trim().default('').meta({ title: '评分指引' }),
        anchors: z.array(anchorBodySchema).max(20, '各档至多 20 档').meta({ title: '各档说明' }),
        section: z.enum(DOCUMENT_PARTS).optional().meta({ title: '对应申报书部分' }),
      }),
    )
    .max(MAX_CRITERIA, `评分项至多 ${MAX_CRITERIA} 项`)
    .meta({ title: '评分项' }),
  guidance: z.string().trim().default('').meta({ title: '评审说明' }),
  minCommentLength: z
    .number({ error: '评审意见最少字数应为数字' })
    .int('评审意见最少字数应为整数')
    .min(0)
    .max(MAX_COMMENT_LENGTH)
    .meta({ title: '评审意见最少字数' }),
});
export type ScoringFormBody = z.infer<typeof scoringFormBodySchema>;

export const scoringFormVersionSchema = z.object({
  version: z.number().int(),
  createdAt: instantSchema,
  /** Who saved it; null: the default, adopted when the first score was saved. */
  createdBy: z.string().nullable(),
  /** What changed from the version before (the default for version 1), in Chinese. */
  changes: z.array(z.string()),
  /** Assignments scored on this version. */
  scored: z.number().int(),
});

export const roundSummarySchema = z.object({
  id: z.uuid(),
  callId: z.string(),
  name: z.string(),
  kind: z.enum(ROUND_KINDS),
  kindLabel: z.string(),
});

export const scoringFormSchema = z
  .object({
    round: roundSummarySchema,
    topic: z.literal(TOPICS),
    topicLabel: z.string(),
    /** The current version; null while the round uses the default. */
    version: z.number().int().nullable(),
    /** `中心配置` for a default (the notice names no criteria); null for a version the province saved. */
    clause: z.string().nullable(),
    guidance: z.string(),
    criteria: z.array(criterionSchema),
    minCommentLength: z.number().int(),
    /** An expert saved a score in this round for this topic: no further version. */
    locked: z.boolean(),
    /** 专家论证: experts also recommend an amount (万元). */
    recommendsFunding: z.boolean(),
    versions: z.array(scoringFormVersionSchema),
  })
  .meta({ id: 'ScoringForm' });
export type ScoringFormView = z.infer<typeof scoringFormSchema>;
export const scoringFormResponseSchema = z.object({ form: scoringFormSchema });

export const roundFormsSchema = roundSummarySchema.extend({
  topics: z.array(
    z.object({
      topic: z.literal(TOPICS),
      topicLabel: z.string(),
      version: z.number().int().nullable(),
      locked: z.boolean(),
    }),
  ),
});
export const roundFormsResponseSchema = z.object({ rounds: z.array(roundFormsSchema) });
export type RoundFormsView = z.infer<typeof roundFormsSchema>;

/** 专家论证 of one application: how many submitted, their mean total, the amounts (yuan) and their median. */
export const feasibilityAggregateSchema = z
  .object({
    experts: z.number().int(),
    meanTotal: z.number(),
    amounts: z.array(z.number()),
    medianAmount: z.number(),
  })
  .meta({ id: 'FeasibilityAggregate' });
export type FeasibilityAggregateView = z.infer<typeof feasibilityAggregateSchema>;
