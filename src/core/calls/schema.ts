import { z } from 'zod';
import {
  COMPLETENESS_FLAGS,
  DEPARTMENT_KINDS,
  DIRECTIONS,
  DOCUMENT_KINDS,
  ETHICS_FLAGS,
  ONGOING_PROGRAMS,
  ORGANIZATION_KINDS,
  PLATFORMS,
  TOPICS,
} from '../bundle/schema.js';
import { chineseZodErrors, formatPath, parseJson, type BundleProblem } from '../bundle/parse.js';
import { SECTION_KEYS } from '../application/content.js';
import { callStreams, openTopics, type CallParameters } from './parameters.js';

// `shenbao.call/1`: a call's parameters as a JSON document (docs/calls.md). The document is CallParameters itself
// with a `format` tag, so the 2026 call exported from src/core reads back unchanged, and every call, built in or
// edited by the province, is judged by the same engine.

export const CALL_FORMAT = 'shenbao.call/1';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期 YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为年月 YYYY-MM');
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?\+08:00$/, '应为北京时间 YYYY-MM-DDTHH:mm:ss+08:00');
const text = z.string().trim().min(1, '不能为空');
const country = z.string().regex(/^[A-Z]{2}$/, '应为两位大写国别代码（ISO 3166-1）');
const count = z.number().int('应为整数').min(0, '不能为负数');
const yuan = z.number().int('应为整数（元）').positive('应大于 0');
const percent = z.number().gt(0, '应大于 0').max(100, '不能超过 100');
const ratio = z.number().min(0, '不能小于 0').max(1, '不能大于 1');

/** A value with the clause it comes from and the notice's words it encodes. */
const cited = <T extends z.ZodType>(value: T) =>
  z.object({ value, clause: text, quote: z.string() }).strict();

const fundingTerms = z
  .object({
    cap: yuan,
    share: z
      .object({ percent, base: z.enum(['total', 'jiangsuTotal']) })
      .strict()
      .optional(),
  })
  .strict();

const countryTerms = z
  .object({
    allowed: z.array(country).min(1, '限定国别时至少选择一个国家（地区）').nullable(),
    allowedName: text,
    key: z.array(country).nullable(),
    excluded: z.array(country),
    excludedForEnterprise: z.array(country),
  })
  .strict();

const streamTerms = z
  .object({
    label: text,
    clause: text,
    open: cited(z.boolean()),
    directedOnly: cited(z.boolean()),
    applicantKinds: cited(z.array(z.enum(ORGANIZATION_KINDS)).min(1, '至少选择一类申报主体')).nullable(),
    academicLeadNeedsJiangsuEnterprise: cited(z.boolean()),
    funding: cited(fundingTerms),
    keyFields: cited(z.array(text).min(1, '至少列出一个技术领域')).nullable(),
    partner: z
      .object({
        required: cited(z.boolean()),
        countries: cited(countryTerms).nullable(),
        kinds: cited(z.array(z.enum(ORGANIZATION_KINDS)).min(1, '至少选择一类合作方')).nullable(),
      })
      .strict()
      .nullable(),
    documents: z
      .object({
        agreements: cited(z.boolean()),
        jointLab: cited(z.object({ signedOnOrBefore: date }).strict()).nullable(),
        platformProof: cited(z.boolean()),
      })
      .strict(),
  })
  .strict();

const byDirection = z.object({ byDirection: z.record(z.enum(DIRECTIONS), streamTerms) }).strict();

// Not z.union: a union reports one issue at `terms`, and the province must see the very field that is wrong.
const topicStreams = z
  .custom<z.output<typeof streamTerms> | z.output<typeof byDirection>>(
    (v) => typeof v === 'object' && v !== null,
    {
      message: '应为对象',
    },
  )
  .superRefine((value, ctx) => {
    const schema = 'byDirection' in (value as object) ? byDirection : streamTerms;
    const parsed = schema.safeParse(value, { error: chineseZodErrors });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: issue.input });
  });

const topicTerms = (number: (typeof TOPICS)[number]) =>
  z
    .object({
      number: z.literal(number),
      name: text,
      clause: text,
      terms: topicStreams,
    })
    .strict();

const separateSlot = z
  .object({
    topics: z.array(z.literal(TOPICS)).min(1, '至少选择一个专题'),
    platforms: z.array(z.enum(PLATFORMS)).min(1, '至少选择一类平台'),
    barredByOngoing: z.array(z.enum(ONGOING_PROGRAMS)),
    perApplicant: count,
    label: text,
  })
  .strict();

const contentTerms = z
  .object({
    maxDurationMonths: z.number().int('应为整数').positive('应大于 0'),
    earliestStart: month,
    abstractMax: z.number().int('应为整数').positive('应大于 0'),
    keywords: z.object({ min: count, max: count }).strict(),
    sectionLimits: z.record(z.enum(SECTION_KEYS), z.number().int('应为整数').positive('应大于 0')),
    instrumentThreshold: yuan,
    indirectCosts: z.object({ maxPercentOfDirect: percent }).strict().nullable(),
    expertDocuments: z.array(z.enum(DOCUMENT_KINDS)),
  })
  .strict();

const contact = z
  .object({
    unit: text,
    people: z.array(text),
    phones: z.array(text),
    address: cited(text).nullable(),
  })
  .strict();

const callShape = {
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, '计划编号为 3–40 位大写字母、数字或连字符'),
  name: text,
  notice: z.object({ number: cited(text), title: cited(text), publishedOn: cited(date) }).strict(),
  utcOffset: z.literal('+08:00'),
  deadlines: z
    .object({
      opens: cited(instant),
      submission: cited(instant),
      recommendation: cited(instant),
      paper: cited(instant),
    })
    .strict(),
  applicant: z
    .object({
      registeredOnOrBefore: cited(date),
      inJiangsu: cited(z.boolean()),
      independentLegalEntity: cited(z.boolean()),
      piEmployedByApplicant: cited(z.boolean()),
    })
    .strict(),
  topics: z
    .object({ 1: topicTerms(1), 2: topicTerms(2), 3: topicTerms(3), 4: topicTerms(4), 5: topicTerms(5) })
    .strict(),
  partnerBars: cited(z.array(z.literal(TOPICS))),
  homeCountry: cited(country),
  documents: z
    .object({
      completeness: cited(z.array(z.enum(COMPLETENESS_FLAGS))),
      translationRequired: cited(z.boolean()),
      integrityCommitments: cited(z.array(z.enum(DOCUMENT_KINDS))),
      signedForms: cited(z.array(z.enum(DOCUMENT_KINDS))),
      otherAttachments: cited(z.boolean()),
      signedScans: cited(z.partialRecord(z.enum(DOCUMENT_KINDS), z.array(z.enum(COMPLETENESS_FLAGS)))),
    })
    .strict(),
  commitments: cited(
    z
      .object({
        creditRules: text,
        pledges: z.object({ unit: z.array(text), pi: z.array(text), department: z.array(text) }).strict(),
      })
      .strict(),
  ),
  limits: z
    .object({
      perEnterprise: cited(z.object({ max: count, exemptPrograms: z.array(text) }).strict()),
      enterpriseOngoingBar: cited(z.array(z.enum(ONGOING_PROGRAMS))),
      piOngoingBar: cited(z.object({ maxOngoing: count }).strict()),
      perPi: cited(z.object({ max: count }).strict()),
      perInstitution: cited(
        z
          .object({
            topics: z.array(z.literal(TOPICS)),
            kinds: z.array(z.enum(ORGANIZATION_KINDS)),
            max: count,
          })
          .strict(),
      ),
      duplicates: cited(
        z
          .object({ errorAt: ratio, warnAt: ratio, minCodePoints: z.number().int().positive('应大于 0') })
          .strict(),
      ),
    })
    .strict(),
  quotas: cited(
    z
      .object({
        topics: z.array(z.literal(TOPICS)),
        byDepartmentKind: z.partialRecord(z.enum(DEPARTMENT_KINDS), count),
        countiesCountAgainstCity: z.boolean(),
      })
      .strict(),
  ),
  separateSlots: cited(z.array(separateSlot)),
  integrity: z
    .object({
      dishonestyBars: cited(z.boolean()),
      reviewRequired: cited(z.array(z.enum(ETHICS_FLAGS))),
      toBeNoted: cited(z.array(z.enum(ETHICS_FLAGS))),
    })
    .strict(),
  classifiedRefused: cited(z.boolean()),
  content: cited(contentTerms),
  paper: z
    .object({
      applicationCopies: cited(z.object({ topics: z.array(z.literal(TOPICS)), copies: count }).strict()),
      departmentMaterials: cited(z.object({ commitmentCopies: count }).strict()),
      fundedCopies: cited(z.object({ copies: count, order: z.array(text) }).strict()),
    })
    .strict(),
  largeInstruments: cited(z.boolean()),
  releasedFeedback: cited(z.boolean()),
  review: cited(
    z
      .object({
        invitationDays: z.number().int().positive('应大于 0'),
        invitationReminderHours: z.number().int().positive('应大于 0'),
        avoidedExpertsMax: count,
        strictLenientZ: z.number().positive('应大于 0'),
        appealWorkingDays: z.number().int().positive('应大于 0'),
      })
      .strict(),
  ),
  award: cited(z.object({ issuer: text, projectNoPrefix: text, conditions: z.array(text) }).strict()),
  partnerConfirmation: cited(z.object({ linkDays: z.number().int().positive('应大于 0') }).strict()),
  contacts: z.array(cited(contact)),
};

type Issue = { path: PropertyKey[]; message: string };

/** Combinations no single field can refuse: each names the field to fix. */
function combinationIssues(call: z.output<z.ZodObject<typeof callShape>>): Issue[] {
  const issues: Issue[] = [];
  const d = call.deadlines;
  const at = (v: string) => Date.parse(v);
  if (at(d.submission.value) <= at(d.opens.value))
    issues.push({ path: ['deadlines', 'submission', 'value'], message: '网上填报截止时间须晚于开放时间' });
  if (at(d.recommendation.value) < at(d.submission.value))
    issues.push({
      path: ['deadlines', 'recommendation', 'value'],
      message: '主管部门推荐截止时间不能早于网上填报截止时间',
    });
  if (at(d.paper.value) < at(d.recommendation.value))
    issues.push({
      path: ['deadlines', 'paper', 'value'],
      message: '纸质材料受理截止时间不能早于推荐截止时间',
    });
  const k = call.content.value.keywords;
  if (k.min > k.max)
    issues.push({ path: ['content', 'value', 'keywords', 'max'], message: '关键词上限不能小于下限' });
  const dup = call.limits.duplicates.value;
  if (dup.warnAt > dup.errorAt)
    issues.push({
      path: ['limits', 'duplicates', 'value', 'warnAt'],
      message: '提示阈值不能高于判定重复的阈值',
    });
  if (openTopics(call).length === 0) issues.push({ path: ['topics'], message: '至少开放一个专题（或方向）' });
  for (const { topic, path, terms: s } of callStreams(call)) {
    const countries = s.partner?.countries?.value;
    if (countries?.allowed && countries.key) {
      const outside = countries.key.filter((c) => !countries.allowed!.includes(c));
      if (outside.length > 0)
        issues.push({
          path: [...path, 'partner', 'countries', 'value', 'key'],
          message: `重点国别 ${outside.join('、')} 不在允许的国别范围内`,
        });
    }
    if (s.partner === null && call.partnerBars.value.includes(topic) && s.open.value)
      issues.push({ path: [...path, 'partner'], message: '该专题适用境外合作机构条件，须设置合作方要求' });
  }
  if (at(call.notice.publishedOn.value + 'T00:00:00+08:00') > at(d.submission.value))
    issues.push({
      path: ['notice', 'publishedOn', 'value'],
      message: '通知发布日期不能晚于网上填报截止时间',
    });
  return issues;
}

export const callParametersSchema = z
  .object(callShape)
  .strict()
  .superRefine((call, ctx) => {
    for (const issue of combinationIssues(call)) ctx.addIssue({ code: 'custom', ...issue });
  });

export const callDocumentSchema = z
  .object({ format: z.literal(CALL_FORMAT), ...callShape })
  .strict()
  .superRefine((call, ctx) => {
    for (const issue of combinationIssues(call)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type CallDocument = { format: typeof CALL_FORMAT } & CallParameters;

// Both ways: a parsed document is CallParameters, and every CallParameters is a document's body.
const _parsedIsCall = (d: z.output<typeof callParametersSchema>): CallParameters => d;
const _callIsDocument = (c: CallParameters): z.input<typeof callParametersSchema> => c as never;
void _parsedIsCall;
void _callIsDocument;

export type CallProblem = BundleProblem;
export type CallParseResult = { ok: true; call: CallParameters } | { ok: false; problems: CallProblem[] };

/** Reads an already JSON-parsed `shenbao.call/1` document: every bad value with its path. Never throws. */
export function parseCallDocument(input: unknown): CallParseResult {
  const parsed = callDocumentSchema.safeParse(input, { error: chineseZodErrors });
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  const { format: _format, ...call } = parsed.data;
  return { ok: true, call };
}

/** Reads call-file text: a JSON syntax error is a problem at the root. */
export function parseCallText(text: string): CallParseResult {
  const read = parseJson(text);
  return read.ok ? parseCallDocument(read.json) : read;
}

/** The call as a `shenbao.call/1` document, in a stable key order. */
export function toCallDocument(call: CallParameters): CallDocument {
  return JSON.parse(JSON.stringify({ format: CALL_FORMAT, ...call })) as CallDocument;
}
