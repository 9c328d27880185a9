import { z } from 'zod';
import {
  EXPENDITURE_KEYS,
  INDICATOR_KEYS,
  SOURCE_KEYS,
  wanAmountSchema,
} from '../core/application/content.js';
import { CONTRACT_STATUSES, CONTRACT_STEPS } from '../core/contracts/steps.js';

// 立项通知书, 合同签订 and 已签约 (issue 14 §9): what the province and the applicant send and read.

const count = z
  .number({ error: '请输入数量' })
  .int('应为非负整数')
  .min(0, '应为非负整数')
  .max(1_000_000, '数量过大');

const record = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  z.object(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>);

/** 任务书 basics: indicators (counts; 新增销售收入 in yuan) and 江苏方's budget, yuan (multiples of 100). */
export const taskBasicsSchema = z.object({
  indicators: z.object({
    ...(Object.fromEntries(
      INDICATOR_KEYS.filter((k) => k !== 'salesRevenue').map((k) => [k, count]),
    ) as Record<Exclude<(typeof INDICATOR_KEYS)[number], 'salesRevenue'>, typeof count>),
    salesRevenue: wanAmountSchema,
  }),
  budget: z.object({
    sources: record(SOURCE_KEYS, wanAmountSchema),
    expenditures: record(EXPENDITURE_KEYS, wanAmountSchema),
  }),
});

export const contractBasicsBodySchema = z.object({
  basics: taskBasicsSchema,
  /** The version the change was made on: a change on an older one is refused. */
  version: z.number().int().positive().meta({ title: '任务书版本' }),
});
export type ContractBasicsBody = z.infer<typeof contractBasicsBodySchema>;

export const contractConfirmBodySchema = z.object({
  version: z.number({ error: '缺少任务书版本' }).int().positive().meta({ title: '任务书版本' }),
});
export type ContractConfirmBody = z.infer<typeof contractConfirmBodySchema>;

export const contractSignBodySchema = z.object({
  startsOn: z.iso.date({ error: '开始日期应为 YYYY-MM-DD' }).meta({ title: '项目开始日期' }),
});
export type ContractSignBody = z.infer<typeof contractSignBodySchema>;

const lineSchema = z.object({
  group: z.enum(['indicator', 'source', 'expenditure']),
  groupLabel: z.string(),
  key: z.string(),
  label: z.string(),
  applied: z.string(),
  adjusted: z.string(),
  changed: z.boolean(),
  difference: z.string(),
});

const stepSchema = z.object({
  step: z.enum(CONTRACT_STEPS),
  label: z.string(),
  done: z.boolean(),
  missing: z.array(z.string()),
});

export const contractViewSchema = z
  .object({
    applicationId: z.uuid(),
    acceptanceNo: z.string().nullable(),
    projectNo: z.string().nullable(),
    title: z.string(),
    organizationName: z.string(),
    piName: z.string(),
    topic: z.number().nullable(),
    /** 立项资助经费, yuan; `fundingText` in 万元. */
    funding: z.number(),
    fundingText: z.string(),
    period: z.string(),
    announcement: z.object({ title: z.string(), startsOn: z.iso.date(), endsOn: z.iso.date() }),
    contractStageAt: z.iso.datetime({ offset: true }).nullable(),
    status: z.enum(CONTRACT_STATUSES),
    statusLabel: z.string(),
    steps: z.array(stepSchema).nullable(),
    /** Every missing item, in the steps' order. */
    missing: z.array(z.string()),
    /** 申报书 vs 任务书, heading by heading. */
    lines: z.array(lineSchema).nullable(),
    basics: taskBasicsSchema.nullable(),
    basicsVersion: z.number().nullable(),
    confirmedVersion: z.number().nullable(),
    confirmedAt: z.iso.datetime({ offset: true }).nullable(),
    /** The applicant confirmed the basics as they now stand. */
    confirmed: z.boolean(),
    agreementMissing: z.array(z.string()),
    paper: z.object({ copies: z.number(), received: z.number() }),
    signedAt: z.iso.datetime({ offset: true }).nullable(),
    startsOn: z.iso.date().nullable(),
    endsOn: z.iso.date().nullable(),
  })
  .meta({ id: 'ProjectContract' });
export type ContractView = z.infer<typeof contractViewSchema>;

export const contractListResponseSchema = z.object({ items: z.array(contractViewSchema) });
export const contractResponseSchema = z.object({ contract: contractViewSchema });
