import { z } from 'zod';
import {
  COMPLETENESS_FLAGS,
  DIRECTIONS,
  DOCUMENT_KINDS,
  ETHICS_FLAGS,
  ORGANIZATION_KINDS,
  TOPICS,
} from '../core/bundle/schema.js';
import { REQUIREMENT_KEYS } from '../core/documents/requirements.js';
import { SECTION_KEYS } from '../core/application/content.js';

export const callSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    noticeNumber: z.string(),
    isPractice: z.boolean(),
    open: z.boolean(),
    submissionClosesAt: z.iso.datetime({ offset: true }),
    recommendationClosesAt: z.iso.datetime({ offset: true }),
    paperClosesAt: z.iso.datetime({ offset: true }),
    /** The notice's 联系人 lines: whom an applicant asks, e.g. to be invited to a directed stream. */
    contacts: z.array(
      z.object({ unit: z.string(), people: z.array(z.string()), phones: z.array(z.string()) }),
    ),
    /** The 申报书's limits: the centre's configuration, cited as such (the notice sets none of them). */
    content: z.object({
      maxDurationMonths: z.number().int(),
      /** YYYY-MM: the project starts in this month or later. */
      earliestStart: z.string(),
      abstractMax: z.number().int(),
      keywords: z.object({ min: z.number().int(), max: z.number().int() }),
      sectionLimits: z.object(
        Object.fromEntries(SECTION_KEYS.map((k) => [k, z.number().int()])) as Record<
          (typeof SECTION_KEYS)[number],
          z.ZodNumber
        >,
      ),
      /** 大型科学仪器: a unit price at or above this, yuan. */
      instrumentThreshold: z.number().int(),
      /** 间接费用: `null` when the call allows none. */
      indirectCosts: z.object({ maxPercentOfDirect: z.number() }).nullable(),
      clause: z.string(),
      quote: z.string(),
    }),
    topics: z.array(
      z.object({
        number: z.literal(TOPICS),
        name: z.string(),
        clause: z.string(),
        open: z.boolean(),
        streams: z.array(
          z.object({
            direction: z.enum(DIRECTIONS).nullable(),
            label: z.string(),
            /** The call accepts applications in this stream (a closed one is another notice's). */
            open: z.boolean(),
            directedOnly: z.boolean(),
            fundingCap: z.number().int(),
            fundingShare: z
              .object({ percent: z.number(), base: z.enum(['total', 'jiangsuTotal']) })
              .nullable(),
            keyFields: z.array(z.string()),
            partnerRequired: z.boolean(),
            countries: z
              .object({
                name: z.string(),
                allowed: z.array(z.string()).nullable(),
                key: z.array(z.string()).nullable(),
                /** The notice's words on the countries, for the form's help. */
                quote: z.string(),
              })
              .nullable(),
            /** What the partner must be, with the notice's words; `null`: the call says nothing of it. */
            partnerKinds: z
              .object({ kinds: z.array(z.enum(ORGANIZATION_KINDS)), clause: z.string(), quote: z.string() })
              .nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Call' });
export type CallDto = z.infer<typeof callSchema>;

export const callListResponseSchema = z.object({ calls: z.array(callSchema) });

export const requirementsQuerySchema = z.object({
  topic: z.coerce
    .number({ error: '请选择专题（1–5）' })
    .pipe(z.literal(TOPICS, { error: '专题应为 1–5' }))
    .meta({ title: '专题' }),
  direction: z.enum(DIRECTIONS, { error: '专题一的方向无效' }).optional().meta({ title: '方向' }),
  /** The 二、4 answers that are yes, comma-separated (empty: none); absent: not known, both documents offered. */
  ethics: z
    .string()
    .transform((list) => (list === '' ? [] : list.split(',')))
    .pipe(z.array(z.enum(ETHICS_FLAGS, { error: '科技伦理选项无效' })))
    .optional()
    .meta({ title: '科技伦理选项' }),
});
export type RequirementsQuery = z.infer<typeof requirementsQuerySchema>;

/** The notice's words for a term, and the clause they are in. */
const citedSchema = z.object({ clause: z.string(), quote: z.string() });

export const documentRequirementSchema = z
  .object({
    key: z.enum(REQUIREMENT_KEYS),
    /** Kinds that satisfy it; the first is the one to upload. */
    kinds: z.array(z.enum(DOCUMENT_KINDS)),
    label: z.string(),
    required: z.boolean(),
    /** Signed with the main foreign partner, or with each domestic partner in turn. */
    signedWith: z.enum(['partner', 'domestic-partner']).nullable(),
    /** The items a complete document has. */
    contents: z.array(z.object({ flag: z.enum(COMPLETENESS_FLAGS), label: z.string() })),
    /** Signed on this date or earlier. */
    signedOnOrBefore: z.iso.date().nullable(),
    ...citedSchema.shape,
  })
  .meta({ id: 'DocumentRequirement' });
export type DocumentRequirementDto = z.infer<typeof documentRequirementSchema>;

export const requirementsResponseSchema = z.object({
  callId: z.string(),
  topic: z.literal(TOPICS),
  direction: z.enum(DIRECTIONS).nullable(),
  documents: z.array(documentRequirementSchema),
  /** What every cooperation document must hold to be complete (二、2). */
  completeness: citedSchema,
  /** What the upload of each kind is asked about its completeness (empty: only that it is there). */
  questions: z.array(
    z.object({
      kind: z.enum(DOCUMENT_KINDS),
      flags: z.array(z.object({ flag: z.enum(COMPLETENESS_FLAGS), label: z.string() })),
      ...citedSchema.shape,
    }),
  ),
  /** That a foreign-language document comes with a Chinese translation; `null` when the call asks none. */
  translation: citedSchema.nullable(),
});
export type RequirementsDto = z.infer<typeof requirementsResponseSchema>;

const pledgesSchema = z.array(z.string());

export const commitmentsResponseSchema = z.object({
  callId: z.string(),
  callName: z.string(),
  notice: z.object({ number: z.string(), title: z.string(), publishedOn: z.iso.date() }),
  /** The rules a breach is handled under, e.g. 《江苏省科技计划项目信用管理办法》. */
  creditRules: z.string(),
  /** What the applicant unit, the project leader and the department each pledge. */
  pledges: z.object({ unit: pledgesSchema, pi: pledgesSchema, department: pledgesSchema }),
  ...citedSchema.shape,
});
export type CommitmentsDto = z.infer<typeof commitmentsResponseSchema>;
