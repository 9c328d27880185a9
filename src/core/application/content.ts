import { z } from 'zod';

// The 申报书's content beyond the bundle's original fields: one set of shapes, read by the form (each autosave
// of a draft, where any field may still be absent) and by shenbao.bundle/1 (as optional fields, so that every
// earlier bundle stays valid). Amounts are whole yuan; the form shows and takes them as 万元 with two decimals.

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = z.string().regex(MONTH_PATTERN, '应为 YYYY-MM 格式的年月');

/** 万元 with two decimals, kept as yuan: a multiple of 100. */
export const wanAmountSchema = z
  .number({ error: '请输入金额' })
  .refine((v) => Number.isSafeInteger(v) && v >= 0 && v % 100 === 0, {
    message: '金额应为以万元计、至多两位小数的非负数',
  });

const count = z
  .number({ error: '请输入数量' })
  .refine((v) => Number.isSafeInteger(v) && v >= 0 && v <= 1_000_000, { message: '应为非负整数' });

const line = (label: string, max = 200) => z.string().trim().max(max, `${label}不能超过 ${max} 字`);

/** Section text: paragraphs separated by blank lines; `**bold**` and lines starting `- ` or `1. ` as lists. */
export const sectionTextSchema = z.string().max(50_000, '单节不能超过 50000 字');

/** A YYYY-MM month as a count of months, to compare and subtract. */
export const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The months from `start` to `end` inclusive, as the call counts a project's duration. */
export const durationMonths = (start: string, end: string) => monthIndex(end) - monthIndex(start) + 1;

export const period = z.object({ start: monthSchema.optional(), end: monthSchema.optional() });

export const GENDERS = ['male', 'female'] as const;
export const ID_TYPES = ['resident-id', 'passport', 'hk-mo-permit', 'tw-permit', 'foreigner-permit'] as const;

export const piDetailsSchema = z.object({
  gender: z.enum(GENDERS, { error: '请选择性别' }).optional(),
  birthYear: z
    .number()
    .int('出生年份应为整数')
    .min(1930, '出生年份不早于 1930 年')
    .max(2010, '出生年份不晚于 2010 年')
    .optional(),
  title: line('职称', 50).optional(),
  degree: line('学位', 50).optional(),
  mobile: z
    .string()
    .regex(/^1\d{10}$/, '手机号码应为 11 位数字')
    .optional(),
  email: z.email('电子邮箱格式不正确').optional(),
});

export const memberSchema = z.object({
  name: line('姓名', 50).min(1, '请填写姓名'),
  idType: z.enum(ID_TYPES, { error: '请选择证件类型' }),
  idNumber: line('证件号码', 30).min(1, '请填写证件号码'),
  organization: line('工作单位').min(1, '请填写工作单位'),
  title: line('职称', 50).optional(),
  role: line('项目分工', 200).min(1, '请填写项目分工'),
  monthsPerYear: z
    .number()
    .int('每年投入月数应为整数')
    .min(1, '每年投入至少 1 个月')
    .max(12, '每年至多 12 个月'),
});

export const foreignPersonSchema = z.object({
  name: line('姓名（原文）', 100).min(1, '请填写姓名（原文）'),
  nationality: z.string().regex(/^[A-Z]{2}$/, '请选择国籍（地区）'),
  position: line('在合作机构的职务', 100).min(1, '请填写在合作机构的职务'),
  /** Where the partner's confirmation link is sent (the foreign PI only). */
  email: z.email('电子邮箱格式不正确').optional(),
});

export const teamSchema = z.object({
  pi: piDetailsSchema.optional(),
  members: z.array(memberSchema).max(50, '项目组成员不能超过 50 人').optional(),
  foreignPi: foreignPersonSchema.optional(),
  foreignMembers: z.array(foreignPersonSchema).max(30, '境外成员不能超过 30 人').optional(),
});

/** The foreign partner institution, beyond the name, country and six answers of 二、1. */
export const partnerInstitutionSchema = z.object({
  nameZh: line('中文名称').optional(),
  address: line('地址', 300).optional(),
  legalRepresentative: line('法定代表人', 100).optional(),
  website: line('网址', 300).optional(),
  history: z.string().max(5000, '合作历史不能超过 5000 字').optional(),
});

export const SECTION_KEYS = [
  'rationale',
  'cooperationBasis',
  'researchPlan',
  'innovations',
  'division',
  'ipOwnership',
  'risks',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const sectionsSchema = z.object(
  Object.fromEntries(SECTION_KEYS.map((k) => [k, sectionTextSchema.optional()])) as Record<
    SectionKey,
    z.ZodOptional<typeof sectionTextSchema>
  >,
);

export const INDICATOR_KEYS = [
  'patentsFiled',
  'patentsGranted',
  'papers',
  'standards',
  'newProducts',
  'talentTrained',
  'salesRevenue',
  'foreignExperts',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
/** Counts, but `salesRevenue`, which is yuan (万元 in the form). */
export const indicatorsSchema = z.object({
  patentsFiled: count.optional(),
  patentsGranted: count.optional(),
  papers: count.optional(),
  standards: count.optional(),
  newProducts: count.optional(),
  talentTrained: count.optional(),
  salesRevenue: wanAmountSchema.optional(),
  foreignExperts: count.optional(),
});

export const milestoneSchema = z.object({
  from: monthSchema,
  to: monthSchema,
  goal: z.string().trim().min(1, '请填写阶段目标').max(1000, '阶段目标不能超过 1000 字'),
});

export const SOURCE_KEYS = ['provincial', 'selfRaised', 'other'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];
export const EXPENDITURE_KEYS = [
  'equipmentPurchase',
  'equipmentTrial',
  'equipmentLease',
  'business',
  'labour',
  'indirect',
] as const;
export type ExpenditureKey = (typeof EXPENDITURE_KEYS)[number];
/** The headings a justification is written for: 设备费 covers its three lines. */
export const JUSTIFIED_HEADINGS = ['equipment', 'business', 'labour', 'indirect'] as const;
export type JustifiedHeading = (typeof JUSTIFIED_HEADINGS)[number];

export const budgetColumnSchema = z.object({
  sources: z.object(
    Object.fromEntries(SOURCE_KEYS.map((k) => [k, wanAmountSchema.optional()])) as Record<
      SourceKey,
      z.ZodOptional<typeof wanAmountSchema>
    >,
  ),
  expenditures: z.object(
    Object.fromEntries(EXPENDITURE_KEYS.map((k) => [k, wanAmountSchema.optional()])) as Record<
      ExpenditureKey,
      z.ZodOptional<typeof wanAmountSchema>
    >,
  ),
});
export type BudgetColumn = z.infer<typeof budgetColumnSchema>;

/**
 * 经费预算表. `whole` is the whole project; `jiangsu` the 江苏方 part when it differs from the whole (a partner
 * abroad spends its own money), absent when the whole project is 江苏方's.
 */
export const budgetTableSchema = z.object({
  whole: budgetColumnSchema,
  jiangsu: budgetColumnSchema.optional(),
  justifications: z
    .object(
      Object.fromEntries(
        JUSTIFIED_HEADINGS.map((k) => [k, z.string().max(3000, '说明不能超过 3000 字').optional()]),
      ) as Record<JustifiedHeading, z.ZodOptional<z.ZodString>>,
    )
    .optional(),
});
export type BudgetTable = z.infer<typeof budgetTableSchema>;

export const instrumentSchema = z.object({
  name: line('仪器名称').min(1, '请填写仪器名称'),
  unitPrice: wanAmountSchema,
  quantity: z.number().int('数量应为整数').min(1, '数量至少为 1').max(1000, '数量不能超过 1000'),
  purpose: z.string().trim().max(1000, '用途不能超过 1000 字').optional(),
  whyNotShared: z.string().trim().max(1000, '说明不能超过 1000 字').optional(),
});
export type Instrument = z.infer<typeof instrumentSchema>;

/** 二、7's list, and the 查重评议、开放共享 commitment that goes with it. */
export const instrumentsSchema = z.object({
  items: z.array(instrumentSchema).max(100, '仪器不能超过 100 台（套）'),
  sharingCommitment: z.boolean().optional(),
});

/** 二、4: the 伦理审查批件's number and date, beside its upload (document kind `ethics-approval`). */
export const ethicsApprovalSchema = z.object({
  number: line('批件编号', 100).optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期')
    .optional(),
});

/** The fields of the 申报书 that shenbao.bundle/1 gained, all optional; `partner` gains `partnerInstitution`. */
export const applicationContentShape = {
  period: period.optional(),
  keywords: z.array(line('关键词', 20).min(1, '关键词不能为空')).max(10, '关键词不能超过 10 个').optional(),
  abstract: z.string().max(2000, '摘要不能超过 2000 字').optional(),
  /** The title and abstract in English, which a foreign partner reads before confirming its facts. */
  titleEn: line('英文项目名称', 300).optional(),
  abstractEn: z.string().max(5000, '英文摘要不能超过 5000 个字符').optional(),
  team: teamSchema.optional(),
  partnerInstitution: partnerInstitutionSchema.optional(),
  sections: sectionsSchema.optional(),
  indicators: indicatorsSchema.optional(),
  milestones: z.array(milestoneSchema).max(20, '年度计划不能超过 20 个阶段').optional(),
  budgetTable: budgetTableSchema.optional(),
  instruments: instrumentsSchema.optional(),
  ethicsApproval: ethicsApprovalSchema.optional(),
  /** 二、5: 申报材料不含涉密内容，或已作脱密处理 — the applicant's statement. */
  declassified: z.boolean().optional(),
};

export type ApplicationContent = {
  [K in keyof typeof applicationContentShape]?: z.infer<(typeof applicationContentShape)[K]>;
};

const sum = (values: readonly (number | undefined)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);
export const sourcesTotal = (column: BudgetColumn) => sum(SOURCE_KEYS.map((k) => column.sources[k]));
export const expendituresTotal = (column: BudgetColumn) =>
  sum(EXPENDITURE_KEYS.map((k) => column.expenditures[k]));

/**
 * The bundle's three totals, derived from the table: 项目总预算 is the whole project's expenditure, 江苏方总预算
 * 江苏方's (the whole, when no separate column), and 申请省资助经费 the 省拨款 source of 江苏方.
 */
export function budgetFromTable(table: BudgetTable): {
  total: number;
  jiangsuTotal: number;
  provincialFunding: number;
} {
  const jiangsu = table.jiangsu ?? table.whole;
  return {
    total: expendituresTotal(table.whole),
    jiangsuTotal: expendituresTotal(jiangsu),
    provincialFunding: jiangsu.sources.provincial ?? 0,
  };
}

/** The instruments at or above the call's threshold: the ones 二、7 speaks of. */
export const largeInstrumentsOf = (items: readonly Instrument[], threshold: number) =>
  items.filter((i) => i.unitPrice >= threshold);

/**
 * The bundle's `largeInstrumentPurchase`, derived from the list: absent when no listed item reaches the
 * threshold; otherwise justified when every such item says its purpose and why it cannot be rented or shared.
 */
export function largeInstrumentPurchaseFrom(
  instruments: z.infer<typeof instrumentsSchema>,
  threshold: number,
): { justified: boolean; sharingCommitment: boolean } | undefined {
  const large = largeInstrumentsOf(instruments.items, threshold);
  if (large.length === 0) return undefined;
  return {
    justified: large.every((i) => !!i.purpose?.trim() && !!i.whyNotShared?.trim()),
    sharingCommitment: instruments.sharingCommitment === true,
  };
}
