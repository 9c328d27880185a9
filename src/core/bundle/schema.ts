import { z } from 'zod';
import { applicationContentShape } from '../application/content.js';

// shenbao.bundle/1, as docs/bundle.md defines it. Unknown fields are stripped (the spec
// ignores them); a field with a default may be absent; every other field is required.

export const ORGANIZATION_KINDS = ['enterprise', 'university', 'institute', 'other'] as const;
export const PLATFORMS = [
  'intl-coop-base',
  'national-lab',
  'provincial-lab',
  'national-key-lab',
  'provincial-key-lab',
  'leading-enterprise',
  'belt-road-joint-lab',
] as const;
export const ONGOING_PROGRAMS = ['intl-coop', 'frontier-tech', 'major-special', 'other'] as const;
export const DEPARTMENT_KINDS = [
  'city',
  'county',
  'national-hitech-zone',
  'provincial-hitech-zone',
  'university',
  'provincial-agency',
] as const;
export const TOPICS = [1, 2, 3, 4, 5] as const;
export const DIRECTIONS = ['big-science', 'platform-inbound', 'platform-outbound'] as const;
export const DOCUMENT_KINDS = [
  'cooperation-agreement',
  'letter-of-intent',
  'domestic-agreement',
  'domestic-letter-of-intent',
  'joint-lab-agreement',
  'platform-proof',
  'integrity-commitment-unit',
  'integrity-commitment-pi',
  'application-form',
  'info-form',
  'ethics-approval',
  'genetic-resources-permit',
  'other-attachment',
] as const;
export const COMPLETENESS_FLAGS = [
  'signatures',
  'seals',
  'dates',
  'representatives',
  'duties',
  'ipClause',
] as const;
export const ETHICS_FLAGS = [
  'humanSubjects',
  'labAnimals',
  'ai',
  'humanGeneticResources',
  'germplasm',
  'reviewApproved',
] as const;
export const BUNDLE_FORMAT = 'shenbao.bundle/1';
/** A document with every completeness flag set: 签字、盖章、签署日期、代表、分工、知识产权条款 all present. */
export const ALL_COMPLETE: Readonly<Record<(typeof COMPLETENESS_FLAGS)[number], true>> = {
  signatures: true,
  seals: true,
  dates: true,
  representatives: true,
  duties: true,
  ipClause: true,
};
/** A document with no completeness flag set: what is not declared is missing. */
export const NONE_COMPLETE: Readonly<Record<(typeof COMPLETENESS_FLAGS)[number], false>> = {
  signatures: false,
  seals: false,
  dates: false,
  representatives: false,
  duties: false,
  ipClause: false,
};
export const NATURAL_SCIENCE_FUND = 'natural-science-fund';

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export type Platform = (typeof PLATFORMS)[number];
export type OngoingProgram = (typeof ONGOING_PROGRAMS)[number];
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export type TopicNumber = (typeof TOPICS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type CompletenessFlag = (typeof COMPLETENESS_FLAGS)[number];
export type EthicsFlag = (typeof ETHICS_FLAGS)[number];

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export const dateSchema = z
  .string()
  .refine((v) => DATE_PATTERN.test(v) && isCalendarDate(v), { message: '应为 YYYY-MM-DD 格式的有效日期' });

export const instantSchema = z.string().refine(
  (v) => {
    const match = INSTANT_PATTERN.exec(v);
    return match !== null && isCalendarDate(match[1]!) && !Number.isNaN(Date.parse(v));
  },
  { message: '应为带时区的 ISO 8601 时刻，如 2026-05-18T17:30:00+08:00' },
);

export const moneySchema = z
  .number()
  .refine((v) => Number.isSafeInteger(v) && v >= 0, { message: '应为以元计的非负整数' });

const countSchema = z.number().refine((v) => Number.isSafeInteger(v) && v >= 0, { message: '应为非负整数' });

const flag = z.boolean().default(false);

// An absent flag, or an absent object, means false.
const completenessSchema = z
  .object({ signatures: flag, seals: flag, dates: flag, representatives: flag, duties: flag, ipClause: flag })
  .prefault({});

const ethicsSchema = z
  .object({
    humanSubjects: flag,
    labAnimals: flag,
    ai: flag,
    humanGeneticResources: flag,
    germplasm: flag,
    reviewApproved: flag,
  })
  .prefault({});

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  inJiangsu: z.boolean(),
  registeredOn: dateSchema,
  independentLegalEntity: z.boolean(),
  ministryOrProvincialUniversity: z.boolean().default(false),
  platforms: z.array(z.enum(PLATFORMS)).default([]),
  ongoingProjects: z
    .array(z.object({ program: z.enum(ONGOING_PROGRAMS), title: z.string().optional() }))
    .default([]),
  dishonestyUntil: dateSchema.optional(),
});

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  employer: z.string(),
  ongoingProvincialProjects: countSchema.default(0),
  dishonestyUntil: dateSchema.optional(),
});

export const departmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(DEPARTMENT_KINDS),
  city: z.string().optional(),
});

export const partnerSchema = z.object({
  name: z.string(),
  country: z.string(),
  /** What the partner is (企业, 高校, 科研机构, 其他); a call may require a kind (专题三: 国外企业). */
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  independentLegalEntity: z.boolean(),
  ownedByApplicant: z.boolean(),
  foreignInvestedInChina: z.boolean(),
  taxHavenShell: z.boolean(),
  sameGroup: z.boolean(),
  piAffiliated: z.boolean(),
  /**
   * The partner's PI confirmed the six answers above on `confirmedOn` (Beijing date); `declared` holds the
   * applicant's answers the partner corrected, the answers above being the partner's.
   */
  confirmation: z
    .object({
      confirmedOn: dateSchema,
      declared: z
        .object({
          independentLegalEntity: z.boolean(),
          ownedByApplicant: z.boolean(),
          foreignInvestedInChina: z.boolean(),
          taxHavenShell: z.boolean(),
          sameGroup: z.boolean(),
          piAffiliated: z.boolean(),
        })
        .partial()
        .default({}),
    })
    .optional(),
});

export const documentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  parties: z.array(z.string()),
  signedOn: dateSchema.optional(),
  validUntil: dateSchema.optional(),
  language: z.enum(['zh', 'foreign']).default('zh'),
  chineseTranslation: z.boolean().default(false),
  complete: completenessSchema,
  /** 其他附件's caption, as the applicant wrote it. */
  caption: z.string().optional(),
});

export const budgetSchema = z.object({
  total: moneySchema,
  jiangsuTotal: moneySchema,
  provincialFunding: moneySchema,
});

export const recommendationSchema = z.object({
  status: z.enum(['recommended', 'not-recommended']),
  separateSlot: z.boolean().default(false),
  at: instantSchema,
});

export const applicationSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().default(''),
  topic: z.literal(TOPICS),
  direction: z.enum(DIRECTIONS).optional(),
  directed: z.boolean().default(false),
  applicant: z.string(),
  pi: z.string(),
  department: z.string(),
  field: z.string(),
  partner: partnerSchema.optional(),
  domesticPartners: z.array(z.string()).default([]),
  budget: budgetSchema,
  documents: z.array(documentSchema).default([]),
  ethics: ethicsSchema,
  classified: z.boolean().default(false),
  largeInstrumentPurchase: z.object({ justified: z.boolean(), sharingCommitment: z.boolean() }).optional(),
  submittedAt: instantSchema.optional(),
  recommendation: recommendationSchema.optional(),
  // The 申报书's content (src/core/application/content.ts). Optional, so every earlier bundle stays valid; when
  // `budgetTable` or `instruments` is present, `budget` and `largeInstrumentPurchase` must agree with it.
  ...applicationContentShape,
});

export const externalSubmissionSchema = z.object({
  program: z.string(),
  creditCode: z.string(),
  piName: z.string().default(''),
  title: z.string(),
  summary: z.string().default(''),
  directed: z.boolean().default(false),
});

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  call: z.string(),
  asOf: instantSchema,
  organizations: z.array(organizationSchema),
  people: z.array(personSchema),
  departments: z.array(departmentSchema),
  applications: z.array(applicationSchema),
  externalSubmissions: z.array(externalSubmissionSchema).default([]),
});

export type Organization = z.infer<typeof organizationSchema>;
export type Person = z.infer<typeof personSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type BundleDocument = z.infer<typeof documentSchema>;
export type Budget = z.infer<typeof budgetSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type ExternalSubmission = z.infer<typeof externalSubmissionSchema>;
export type Bundle = z.infer<typeof bundleSchema>;
export type BundleInput = z.input<typeof bundleSchema>;
