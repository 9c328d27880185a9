import { z } from 'zod';
import { searchTermSchema } from './common.js';
import { callQuerySchema, provinceApplicationSchema } from './formal-review.js';
import { feasibilityAggregateSchema } from './scoring-forms.js';
import { panelComparisonSchema } from './panels.js';

export const decisionListQuerySchema = callQuerySchema.extend({ q: searchTermSchema });

const instantSchema = z.iso.datetime({ offset: true });

export const decisionBodySchema = z
  .object({
    outcome: z.enum(['approved', 'rejected'], { error: '请选择立项或不予立项' }).meta({ title: '立项决定' }),
    /** 省资助经费, yuan; only when approved. */
    funding: z
      .number({ error: '资助经费应为数字（元）' })
      .int('资助经费应为整数（元）')
      .positive('资助经费应大于 0')
      .optional()
      .meta({ title: '资助经费（元）' }),
    reason: z.string().trim().min(1, '请填写决定理由').max(2000).meta({ title: '理由' }),
  })
  .superRefine((body, ctx) => {
    if (body.outcome === 'approved' && body.funding === undefined) {
      ctx.addIssue({ code: 'custom', path: ['funding'], message: '立项须填写资助经费（元）' });
    }
    if (body.outcome === 'rejected' && body.funding !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['funding'], message: '不予立项的项目不填写资助经费' });
    }
  });
export type DecisionBody = z.infer<typeof decisionBodySchema>;

export const decisionSchema = z.object({
  outcome: z.enum(['approved', 'rejected']),
  funding: z.number().nullable(),
  reason: z.string(),
  decidedAt: instantSchema,
  /** Locked by a published 公示. */
  locked: z.boolean(),
});

export const decisionItemSchema = z
  .object({
    application: provinceApplicationSchema,
    /** The topic's (or direction's) cap from the call's parameters, with its clause. */
    cap: z.object({ amount: z.number(), clause: z.string(), label: z.string() }).nullable(),
    /** What binds the funding: the smaller of the cap and the amount requested, and why. */
    limit: z.object({ amount: z.number(), reason: z.string() }).nullable(),
    decision: decisionSchema.nullable(),
    /** 专家论证 of a directed stream: the panel's recommendation, which pre-fills the funding; null when none. */
    feasibility: feasibilityAggregateSchema.nullable(),
    /** 函评 (raw and normalised rank) and the latest 会评 record, side by side; null when neither exists. */
    panel: panelComparisonSchema.nullable(),
  })
  .meta({ id: 'DecisionItem' });
export type DecisionItemView = z.infer<typeof decisionItemSchema>;

export const decisionListResponseSchema = z.object({ items: z.array(decisionItemSchema) });
export const decisionItemResponseSchema = z.object({ item: decisionItemSchema });

export const contractItemSchema = z
  .object({
    application: provinceApplicationSchema,
    funding: z.number(),
    announcement: z.object({ id: z.uuid(), title: z.string(), startsOn: z.iso.date(), endsOn: z.iso.date() }),
    /** What the core's letter-of-intent rule still says: non-empty while a formal agreement is owed. */
    formalAgreementMissing: z.array(z.string()),
    contractStageAt: instantSchema.nullable(),
  })
  .meta({ id: 'ContractItem' });
export type ContractItemView = z.infer<typeof contractItemSchema>;

export const contractListResponseSchema = z.object({ items: z.array(contractItemSchema) });
