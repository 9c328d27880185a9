import { z } from 'zod';
import { validateCreditCode } from '../credit-code.js';
import { ORGANIZATION_KINDS, type TopicNumber } from '../bundle/schema.js';
import type { CallParameters } from '../calls/parameters.js';
import { streamOf } from '../calls/parameters.js';
import type { Direction } from '../bundle/schema.js';
import { applicationContentShape, SECTION_KEYS, type SectionKey } from './content.js';

// The application form as applicants fill it: every field may be absent in a draft, every present field is
// well formed. Shared by the API (validation of each autosave) and the web app.

const yuan = z
  .number({ error: '请输入金额' })
  .refine((v) => Number.isSafeInteger(v) && v >= 0, { message: '金额应为以元计的非负整数' });

export const partnerFormSchema = z.object({
  name: z.string().trim().max(200, '名称不能超过 200 字').optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, '请选择国别（地区）')
    .optional(),
  /** 企业, 高校, 科研机构, 其他: a call may require a kind (专题三's notice: 国外企业). */
  kind: z.enum(ORGANIZATION_KINDS, { error: '请选择境外合作机构类型' }).optional(),
  independentLegalEntity: z.boolean().optional(),
  ownedByApplicant: z.boolean().optional(),
  foreignInvestedInChina: z.boolean().optional(),
  taxHavenShell: z.boolean().optional(),
  sameGroup: z.boolean().optional(),
  piAffiliated: z.boolean().optional(),
});

export const domesticPartnerFormSchema = z.object({
  name: z.string().trim().min(1, '请填写单位名称').max(200, '名称不能超过 200 字'),
  creditCode: z.string().superRefine((code, ctx) => {
    const verdict = validateCreditCode(code);
    if (!verdict.ok) ctx.addIssue({ code: 'custom', message: verdict.reason });
  }),
  kind: z.enum(ORGANIZATION_KINDS, { error: '请选择单位类型' }),
  inJiangsu: z.boolean(),
});

export const applicationFormSchema = z.object({
  title: z.string().trim().max(200, '项目名称不能超过 200 字').optional(),
  summary: z.string().max(5000, '主要研究内容不能超过 5000 字').optional(),
  field: z.string().trim().max(50, '技术领域不能超过 50 字').optional(),
  partner: partnerFormSchema.optional(),
  domesticPartners: z.array(domesticPartnerFormSchema).max(20, '境内合作单位不能超过 20 家').optional(),
  budget: z
    .object({ total: yuan.optional(), jiangsuTotal: yuan.optional(), provincialFunding: yuan.optional() })
    .optional(),
  ethics: z
    .object({
      humanSubjects: z.boolean().optional(),
      labAnimals: z.boolean().optional(),
      ai: z.boolean().optional(),
      humanGeneticResources: z.boolean().optional(),
      germplasm: z.boolean().optional(),
      reviewApproved: z.boolean().optional(),
    })
    .optional(),
  classified: z.boolean().optional(),
  largeInstrumentPurchase: z
    .object({ justified: z.boolean(), sharingCommitment: z.boolean() })
    .nullable()
    .optional(),
  ...applicationContentShape,
});

export type ApplicationForm = z.infer<typeof applicationFormSchema>;

/** The answers to the six partner questions of 二、1 that raise no bar. */
export const UNBARRED_PARTNER_ANSWERS = {
  independentLegalEntity: true,
  ownedByApplicant: false,
  foreignInvestedInChina: false,
  taxHavenShell: false,
  sameGroup: false,
  piAffiliated: true,
} as const;
export type PartnerForm = z.infer<typeof partnerFormSchema>;
export type DomesticPartnerForm = z.infer<typeof domesticPartnerFormSchema>;

export interface MissingField {
  /** Bundle path of the field, as findings name it. */
  field: string;
  message: string;
}

/** The six partner questions of 二、1, as the form asks them. */
export const PARTNER_QUESTIONS = [
  ['independentLegalEntity', '境外合作机构是否为独立法人'],
  ['ownedByApplicant', '境外合作机构是否为申报单位在境外设立的机构'],
  ['foreignInvestedInChina', '境外合作机构是否为外资在境内设立的机构'],
  ['taxHavenShell', '境外合作机构是否为境外避税地壳公司'],
  ['sameGroup', '是否为同一企业集团境内外分支机构之间的合作'],
  ['piAffiliated', '境外方负责人是否在该机构任职'],
] as const;

/** The 申报书's sections as the form and the printed 申报书 title them. */
export const SECTION_LABELS: Record<SectionKey, string> = {
  rationale: '立项依据',
  cooperationBasis: '合作基础',
  researchPlan: '研究内容与技术路线',
  innovations: '创新点',
  division: '合作方式与分工',
  ipOwnership: '知识产权归属',
  risks: '风险分析',
};

/**
 * What a draft must still fill in before it can be submitted (beyond the notice's rules). The 申报书 is the only
 * basis of every later review (三、2), so its parts are asked for here; their limits are rules (src/core/rules).
 */
export function missingFields(
  call: CallParameters,
  topic: TopicNumber,
  direction: Direction | undefined,
  form: ApplicationForm,
): MissingField[] {
  const missing: MissingField[] = [];
  const need = (present: boolean, field: string, message: string) => {
    if (!present) missing.push({ field, message });
  };
  need(!!form.title, 'title', '请填写项目名称');
  need(!!form.field, 'field', '请填写技术领域');
  need(!!form.period?.start, 'period.start', '请填写项目开始年月');
  need(!!form.period?.end, 'period.end', '请填写项目结束年月');
  need((form.keywords?.length ?? 0) > 0, 'keywords', '请填写关键词');
  need(!!(form.abstract ?? form.summary)?.trim(), 'abstract', '请填写项目摘要');
  const pi = form.team?.pi;
  need(!!pi?.gender, 'team.pi.gender', '请选择项目负责人性别');
  need(pi?.birthYear !== undefined, 'team.pi.birthYear', '请填写项目负责人出生年份');
  need(!!pi?.title, 'team.pi.title', '请填写项目负责人职称');
  need(!!pi?.degree, 'team.pi.degree', '请填写项目负责人学位');
  need(!!pi?.mobile, 'team.pi.mobile', '请填写项目负责人手机');
  need(!!pi?.email, 'team.pi.email', '请填写项目负责人电子邮箱');
  for (const key of SECTION_KEYS) {
    need(!!form.sections?.[key]?.trim(), `sections.${key}`, `请填写申报书“${SECTION_LABELS[key]}”部分`);
  }
  need(budgetEntered(form), 'budgetTable', '请填写经费预算表');
  need(form.classified !== undefined, 'classified', '请回答：申报材料是否含有涉密内容');
  need(form.declassified !== undefined, 'declassified', '请确认：申报材料不含涉密内容，或已作脱密处理');
  const terms = streamOf(call, topic, direction);
  if (terms?.partner && form.partner) {
    need(!!form.partner.name, 'partner.name', '请填写境外合作机构名称（原文）');
    need(!!form.partner.country, 'partner.country', '请选择境外合作机构国别（地区）');
    for (const [key, question] of PARTNER_QUESTIONS) {
      need(form.partner[key] !== undefined, `partner.${key}`, `请回答：${question}`);
    }
    need(!!form.team?.foreignPi, 'team.foreignPi', '请填写境外方负责人');
  }
  return missing;
}

/** A table with no amount in it is as blank as no table; a draft written before the table has its totals. */
function budgetEntered(form: ApplicationForm): boolean {
  const whole = form.budgetTable?.whole;
  if (!whole) return form.budget?.total !== undefined;
  return [...Object.values(whole.sources), ...Object.values(whole.expenditures)].some((v) => v !== undefined);
}

const within = (path: string, root: string) =>
  path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);

/** The bundle's totals are derived from the 经费预算表: a finding on them speaks of the table. */
const DERIVED_FROM: Readonly<Record<string, string>> = { budget: 'budgetTable' };
const sourceOf = (path: string) => DERIVED_FROM[path.split(/[.[]/, 1)[0]!] ?? path;

/**
 * The findings without those on a field still to be filled in: a blank field is said once, as 未填写, not again
 * by a rule that reads it as empty (技术领域“”) or as zero (预算 0 万元).
 */
export function withoutUnfilled<T extends { field?: string | undefined }>(
  findings: readonly T[],
  missing: readonly MissingField[],
): T[] {
  return findings.filter(
    (f) =>
      f.field === undefined ||
      !missing.some((m) => {
        const field = sourceOf(f.field!);
        return within(m.field, field) || within(field, m.field);
      }),
  );
}
