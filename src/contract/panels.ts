import { z } from 'zod';
import { TOPICS } from '../core/bundle/schema.js';
import { PANEL_RECOMMENDATIONS, PANEL_VOTES } from '../core/panels/record.js';
import { callQuerySchema } from './formal-review.js';

// 会评 (issue 14 §5): panel meetings, the record of each agenda item (versioned), the members' votes, the
// chair's sign-off, and the 函评's score normalisation.

const instantSchema = z.iso.datetime({ offset: true });
const uuidList = (title: string, empty: string) =>
  z
    .array(z.uuid())
    .min(1, empty)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, '不能重复选择')
    .meta({ title });

export const panelListQuerySchema = callQuerySchema;

export const createPanelBodySchema = z
  .object({
    callId: z.string().min(1, '请选择申报计划').meta({ title: '申报计划' }),
    title: z.string().trim().min(1, '请填写会议名称').max(100).meta({ title: '会议名称' }),
    startsAt: z.iso
      .datetime({ offset: true, error: '请填写会议时间（北京时间）' })
      .meta({ title: '会议时间' }),
    place: z.string().trim().max(200).default('').meta({ title: '会议地点' }),
    onlineLink: z
      .url({ protocol: /^https?$/, error: '线上会议链接应以 http:// 或 https:// 开头' })
      .max(500)
      .nullable()
      .default(null)
      .meta({ title: '线上会议链接' }),
    memberIds: uuidList('参会专家', '请选择参会专家'),
    chairExpertId: z.uuid({ error: '请选择会议主持人' }).meta({ title: '会议主持人' }),
    applicationIds: uuidList('议程项目', '请选择列入议程的项目'),
  })
  .superRefine((body, ctx) => {
    if (body.place === '' && body.onlineLink === null) {
      ctx.addIssue({ code: 'custom', path: ['place'], message: '请填写会议地点或线上会议链接' });
    }
  });
export type CreatePanelBody = z.infer<typeof createPanelBodySchema>;

export const panelRecordBodySchema = z.object({
  /** The version the writer read; a stale one is refused. */
  version: z.number().int().min(1).meta({ title: '版本' }),
  notes: z.string().max(10000, '讨论记录不超过 10000 字').default('').meta({ title: '讨论记录' }),
  consensusScore: z
    .number({ error: '一致评分应为数字' })
    .min(0, '一致评分应在 0–100 之间')
    .max(100, '一致评分应在 0–100 之间')
    .nullable()
    .default(null)
    .meta({ title: '一致评分' }),
  recommendation: z
    .enum(PANEL_RECOMMENDATIONS, { error: '请选择会评建议' })
    .nullable()
    .default(null)
    .meta({ title: '会评建议' }),
  /** Yuan. */
  proposedFunding: z
    .number({ error: '建议资助经费应为数字（元）' })
    .int('建议资助经费应为整数（元）')
    .positive('建议资助经费应大于 0')
    .nullable()
    .default(null)
    .meta({ title: '建议资助经费（元）' }),
});
export type PanelRecordBody = z.infer<typeof panelRecordBodySchema>;

export const panelVoteBodySchema = z.object({
  /** The version of this member's vote the writer read; 0 when the member had not voted. */
  version: z.number().int().min(0).meta({ title: '版本' }),
  vote: z.enum(PANEL_VOTES, { error: '请选择支持、不支持或弃权' }).meta({ title: '表决' }),
});
export type PanelVoteBody = z.infer<typeof panelVoteBodySchema>;

export const panelItemParamsSchema = z.object({
  id: z.uuid().meta({ title: '会议' }),
  itemId: z.uuid().meta({ title: '议程项目' }),
});
export const panelVoteParamsSchema = panelItemParamsSchema.extend({
  expertId: z.uuid().meta({ title: '专家' }),
});

const tallySchema = z.object({
  support: z.number(),
  oppose: z.number(),
  abstain: z.number(),
  notVoted: z.number(),
});

/** The 函评's aggregate of an application: submitted totals. */
export const letterAggregateSchema = z.object({
  count: z.number(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  spread: z.number().nullable(),
  wideSpread: z.boolean(),
});

export const panelSummarySchema = z
  .object({
    id: z.uuid(),
    callId: z.string(),
    title: z.string(),
    startsAt: instantSchema,
    place: z.string(),
    onlineLink: z.string().nullable(),
    chairName: z.string(),
    members: z.number(),
    items: z.number(),
    signedOffAt: instantSchema.nullable(),
  })
  .meta({ id: 'PanelSummary' });

export const panelListResponseSchema = z.object({ meetings: z.array(panelSummarySchema) });

export const panelItemSchema = z
  .object({
    id: z.uuid(),
    version: z.number(),
    application: z.object({
      id: z.uuid(),
      acceptanceNo: z.string().nullable(),
      title: z.string(),
      topic: z.literal(TOPICS),
      direction: z.string().nullable(),
      organizationName: z.string(),
      /** 申请省资助经费, yuan. */
      requestedFunding: z.number(),
    }),
    /** What binds the proposed amount: the stream's cap or the amount requested, the smaller. */
    limit: z.object({ amount: z.number(), reason: z.string() }).nullable(),
    letter: letterAggregateSchema,
    votes: z.array(z.object({ expertId: z.uuid(), vote: z.enum(PANEL_VOTES), version: z.number() })),
    tally: tallySchema,
    notes: z.string(),
    consensusScore: z.number().nullable(),
    recommendation: z.enum(PANEL_RECOMMENDATIONS).nullable(),
    proposedFunding: z.number().nullable(),
    updatedAt: instantSchema.nullable(),
  })
  .meta({ id: 'PanelItem' });
export type PanelItemView = z.infer<typeof panelItemSchema>;

export const panelDetailSchema = z
  .object({
    meeting: panelSummarySchema.extend({
      callName: z.string(),
      chairExpertId: z.uuid(),
      signedOffBy: z.string().nullable(),
    }),
    members: z.array(
      z.object({
        expertId: z.uuid(),
        name: z.string(),
        organizationName: z.string(),
        title: z.string(),
        chair: z.boolean(),
      }),
    ),
    items: z.array(panelItemSchema),
  })
  .meta({ id: 'PanelDetail' });
export type PanelDetailView = z.infer<typeof panelDetailSchema>;

export const panelDetailResponseSchema = z.object({ panel: panelDetailSchema });
export const panelItemResponseSchema = z.object({ item: panelItemSchema });

/** What a new meeting may hold: experts who accepted an invitation of the call, and its applications 受理. */
export const panelCandidatesResponseSchema = z.object({
  experts: z.array(
    z.object({ id: z.uuid(), name: z.string(), organizationName: z.string(), title: z.string() }),
  ),
  applications: z.array(
    z.object({
      id: z.uuid(),
      acceptanceNo: z.string().nullable(),
      title: z.string(),
      organizationName: z.string(),
      letter: letterAggregateSchema,
    }),
  ),
});

export const normalisationResponseSchema = z
  .object({
    /** `call.parameters.review.strictLenientZ`. */
    thresholdZ: z.number(),
    expertsMean: z.number().nullable(),
    expertsSd: z.number().nullable(),
    leaningNote: z.string().nullable(),
    experts: z.array(
      z.object({
        expertId: z.uuid(),
        name: z.string(),
        organizationName: z.string(),
        count: z.number(),
        mean: z.number(),
        sd: z.number(),
        /** Why the totals could not be standardised, in Chinese; null when they were. */
        note: z.string().nullable(),
        leaning: z.enum(['strict', 'lenient']).nullable(),
        meanZ: z.number().nullable(),
        scores: z.array(
          z.object({
            applicationId: z.uuid(),
            acceptanceNo: z.string().nullable(),
            title: z.string(),
            total: z.number(),
            z: z.number().nullable(),
          }),
        ),
      }),
    ),
    applications: z.array(
      z.object({
        applicationId: z.uuid(),
        acceptanceNo: z.string().nullable(),
        title: z.string(),
        count: z.number(),
        rawMean: z.number(),
        meanZ: z.number().nullable(),
        rawRank: z.number(),
        normalisedRank: z.number().nullable(),
        rankChange: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'Normalisation' });
export type NormalisationView = z.infer<typeof normalisationResponseSchema>;

/** 函评 and 会评 side by side on the decision page (`panel` of a decision item). */
export const panelComparisonSchema = z
  .object({
    letter: z
      .object({
        count: z.number(),
        mean: z.number().nullable(),
        rawRank: z.number().nullable(),
        meanZ: z.number().nullable(),
        normalisedRank: z.number().nullable(),
        /** How many applications the ranks are among. */
        ranked: z.number(),
      })
      .nullable(),
    meeting: z
      .object({
        id: z.uuid(),
        title: z.string(),
        startsAt: instantSchema,
        signedOffAt: instantSchema.nullable(),
        recommendation: z.enum(PANEL_RECOMMENDATIONS).nullable(),
        consensusScore: z.number().nullable(),
        proposedFunding: z.number().nullable(),
        tally: tallySchema,
      })
      .nullable(),
  })
  .meta({ id: 'PanelComparison' });
export type PanelComparisonView = z.infer<typeof panelComparisonSchema>;
