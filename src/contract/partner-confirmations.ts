import { z } from 'zod';
import { PARTNER_QUESTIONS } from '../core/application/form.js';
import { PARTNER_FACTS, type PartnerFact } from '../core/application/partner-confirmation.js';
import { ORGANIZATION_KINDS } from '../core/bundle/schema.js';

// A foreign (or HK/MO/TW) partner confirms the six facts of 二、1 through a link its PI receives by e-mail
// (issue 15 §5): the applicant's routes to send it and read its status, and the partner's public page.

export const PARTNER_LANGUAGES = ['en', 'zh-CN'] as const;
export type PartnerLanguage = (typeof PARTNER_LANGUAGES)[number];

const factsSchema = z.object(
  Object.fromEntries(PARTNER_FACTS.map((fact) => [fact, z.boolean()])) as Record<PartnerFact, z.ZodBoolean>,
);

export const PARTNER_LINK_STATES = [
  'sent',
  'expired',
  'superseded',
  'confirmed',
  'corrected',
  'lapsed',
] as const;
export type PartnerLinkState = (typeof PARTNER_LINK_STATES)[number];

/** Each link of an application, newest first, as the applicant, its department and the province read it. */
export const partnerLinkSchema = z.object({
  id: z.uuid(),
  state: z.enum(PARTNER_LINK_STATES),
  email: z.string(),
  language: z.enum(PARTNER_LANGUAGES),
  sentAt: z.iso.datetime({ offset: true }),
  sentBy: z.string().nullable(),
  expiresAt: z.iso.datetime({ offset: true }),
  answeredAt: z.iso.datetime({ offset: true }).nullable(),
  /** Beijing date, YYYY-MM-DD, and the mark the 汇总表 prints with it. */
  confirmedOn: z.string().nullable(),
  mark: z.string().nullable(),
  confirmer: z.object({ name: z.string(), position: z.string() }).nullable(),
  /** Each of the six facts: the applicant's answer and the partner's (`null` until answered). */
  facts: z.array(
    z.object({
      fact: z.enum(PARTNER_FACTS as [PartnerFact, ...PartnerFact[]]),
      question: z.string(),
      declared: z.boolean().nullable(),
      confirmed: z.boolean().nullable(),
    }),
  ),
  agreement: z.object({ fileName: z.string(), sha256: z.string() }).nullable(),
  lapsedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type PartnerLink = z.infer<typeof partnerLinkSchema>;

export const partnerConfirmationStatusSchema = z.object({
  /** Whether a link can be sent now, and if not, what is missing (in Chinese, with the field). */
  canSend: z.boolean(),
  missing: z.array(z.object({ field: z.string(), message: z.string() })),
  /** Where the link would go: the foreign PI's e-mail in the form. */
  email: z.string().nullable(),
  linkDays: z.number().int(),
  links: z.array(partnerLinkSchema),
});
export type PartnerConfirmationStatus = z.infer<typeof partnerConfirmationStatusSchema>;

/** The link's secret, sent in the body rather than the URL, so that no log or proxy keeps it. */
export const partnerTokenBodySchema = z.object({
  token: z.string({ error: '缺少链接凭证' }).min(16).max(200).meta({ title: '链接凭证' }),
});

/** What the partner's page shows: the project in English, the partner's role, the applicant's six answers. */
export const partnerPageSchema = z.object({
  language: z.enum(PARTNER_LANGUAGES),
  project: z.object({
    titleEn: z.string(),
    abstractEn: z.string(),
    title: z.string(),
    applicant: z.string(),
    callName: z.string(),
  }),
  partner: z.object({
    name: z.string(),
    country: z.string(),
    kind: z.enum(ORGANIZATION_KINDS).nullable(),
    /** 合作方式与分工 as the applicant wrote it: the partner's role in the project. */
    role: z.string(),
  }),
  pi: z.object({ name: z.string(), position: z.string() }),
  declared: factsSchema,
  expiresAt: z.iso.datetime({ offset: true }),
  linkDays: z.number().int(),
});
export type PartnerPage = z.infer<typeof partnerPageSchema>;

const answerField = (label: string) =>
  z.enum(['true', 'false'], { error: `请回答：${label}` }).transform((v) => v === 'true');

/** The partner's answer, sent as multipart/form-data with the signed agreement (PDF) if any. */
export const partnerAnswerFormSchema = z.object({
  token: partnerTokenBodySchema.shape.token,
  ...(Object.fromEntries(
    PARTNER_QUESTIONS.map(([fact, question]) => [fact, answerField(question)]),
  ) as Record<PartnerFact, ReturnType<typeof answerField>>),
  name: z
    .string({ error: '请填写姓名' })
    .trim()
    .min(1, '请填写姓名')
    .max(100, '姓名不能超过 100 个字符')
    .meta({ title: '姓名' }),
  position: z
    .string({ error: '请填写职务' })
    .trim()
    .min(1, '请填写职务')
    .max(100, '职务不能超过 100 个字符')
    .meta({ title: '职务' }),
});
export type PartnerAnswerForm = z.infer<typeof partnerAnswerFormSchema>;

export const partnerAnswerResponseSchema = z.object({
  outcome: z.enum(['confirmed', 'corrected']),
  confirmedOn: z.string(),
});
