import { z } from 'zod';
import { DEPARTMENT_KINDS, DOCUMENT_KINDS, TOPICS } from '../core/bundle/schema.js';
import { APPLICATION_STATUSES } from './vocabulary.js';
import { applicationSchema, findingSchema, timelineResponseSchema } from './applications.js';
import { reviewerFormSchema } from './reviewer-content.js';
import { errorBodySchema, searchTermSchema } from './common.js';
import { documentSchema } from './documents.js';
import { finalizationSchema } from './finalization.js';

export const reviewListQuerySchema = z.object({
  callId: z.string().min(1).optional().meta({ title: '申报计划' }),
  topic: z.coerce
    .number()
    .pipe(z.literal(TOPICS, { error: '专题应为 1–5' }))
    .optional()
    .meta({ title: '专题' }),
  status: z.enum(APPLICATION_STATUSES, { error: '状态无效' }).optional().meta({ title: '状态' }),
  hasErrors: z.stringbool().optional().meta({ title: '有无错误' }),
  rule: z.string().min(1).optional().meta({ title: '规则编号' }),
  q: searchTermSchema,
});
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;

const departmentRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const reviewItemSchema = z
  .object({
    /** Its form with the team as reviewers read it: no ID numbers. */
    application: applicationSchema.extend({ form: reviewerFormSchema }),
    eligible: z.boolean(),
    findings: z.array(findingSchema),
    /** A city sees its counties' applications; only their own department acts on them. */
    readOnly: z.boolean(),
    /** The department whose 专题四、五 quota a recommendation of it uses, if it counts against one. */
    countsAgainstQuotaOf: departmentRefSchema.nullable(),
    separateSlot: z.boolean(),
    /** Whether 使用单独推荐名额 is offered: the topic has a slot and the applicant is entitled to it. */
    separateSlotOffered: z.boolean(),
    recommendationAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'ReviewItem' });

export const reviewListResponseSchema = z.object({ applications: z.array(reviewItemSchema) });

export const reviewDetailResponseSchema = z.object({
  item: reviewItemSchema,
  documents: z.array(documentSchema),
  events: timelineResponseSchema.shape.events,
  /** The department's recommendation deadline (北京时间): returns and decisions close then. */
  reviewClosesAt: z.iso.datetime({ offset: true }),
  confirmed: z.boolean(),
  /** The 定稿 and the platform's notices on signed scans printed from another one. */
  finalization: finalizationSchema,
});

export const returnBodySchema = z.object({
  reasons: z
    .array(
      z.object({
        field: z.string().trim().min(1).max(200).optional().meta({ title: '字段' }),
        message: z.string().trim().min(1, '请填写退回理由').max(2000).meta({ title: '退回理由' }),
      }),
    )
    .min(1, '请至少填写一条退回理由')
    .max(50),
});
export type ReturnBody = z.infer<typeof returnBodySchema>;

export const decisionBodySchema = z.object({
  decision: z.enum(['recommended', 'not-recommended'], { error: '请选择推荐或不推荐' }),
  reason: z.string().trim().min(1, '请填写推荐意见').max(2000).meta({ title: '推荐意见' }),
  separateSlot: z.boolean().default(false).meta({ title: '使用单独推荐名额' }),
});
export type DecisionBody = z.infer<typeof decisionBodySchema>;

/** A refusal: the findings that refuse a recommendation, if the rules refused it. */
export const decisionRefusedSchema = errorBodySchema.extend({ findings: z.array(findingSchema).optional() });

/** One changed field: its path (for reference), its Chinese name, and both values as people read them (万元 …). */
const fieldChangeSchema = z.object({
  path: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});

const snapshotDocumentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  fileName: z.string(),
  sha256: z.string(),
});

export const changesResponseSchema = z.object({
  /** Submission times of the two submissions compared, newest last; `null` before a second submission. */
  previous: z.iso.datetime({ offset: true }).nullable(),
  current: z.iso.datetime({ offset: true }).nullable(),
  form: z.array(fieldChangeSchema),
  documents: z.object({
    added: z.array(snapshotDocumentSchema),
    removed: z.array(snapshotDocumentSchema),
    /** `fileChanged` false: the same file with other details (parties, dates, completeness). */
    replaced: z.array(
      z.object({ before: snapshotDocumentSchema, after: snapshotDocumentSchema, fileChanged: z.boolean() }),
    ),
  }),
});
export type ChangesView = z.infer<typeof changesResponseSchema>;

export const callQuerySchema = z.object({
  callId: z.string().min(1, '请选择申报计划').meta({ title: '申报计划' }),
});

export const quotaResponseSchema = z.object({
  callId: z.string(),
  holder: departmentRefSchema.extend({ kind: z.enum(DEPARTMENT_KINDS) }),
  /** 专题四、五 recommended outside separate slots, the holder's and (a city's) its counties'. */
  used: z.number().int(),
  /** `null`: no numeric quota (省有关部门). */
  limit: z.number().int().nullable(),
  byDepartment: z.array(departmentRefSchema.extend({ used: z.number().int() })),
  separateSlotsUsed: z.number().int(),
  /** 专题二 applications per university or institute received here (每家限报 3 项, plus a joint-lab slot). */
  beltRoad: z.array(
    z.object({
      organization: z.object({ id: z.uuid(), name: z.string() }),
      applications: z.number().int(),
      recommended: z.number().int(),
      separateSlot: z.boolean(),
      limit: z.number().int(),
    }),
  ),
});

export const confirmBodySchema = callQuerySchema;

export const confirmationSchema = z.object({
  department: departmentRefSchema.extend({ kind: z.enum(DEPARTMENT_KINDS) }),
  callId: z.string(),
  confirmedAt: z.iso.datetime({ offset: true }),
  confirmedBy: z.string(),
  summary: z.record(z.string(), z.unknown()),
});
export const confirmResponseSchema = z.object({ confirmation: confirmationSchema });

/** What stands in the way of confirming: an application not yet decided, or recommended with errors. */
export const confirmProblemSchema = z.object({
  applicationId: z.uuid(),
  acceptanceNo: z.string().nullable(),
  title: z.string(),
  problem: z.enum(['pending', 'errors']),
  /** The errors' messages (for `errors`). */
  errors: z.array(z.string()),
});
export type ConfirmProblem = z.infer<typeof confirmProblemSchema>;
export const confirmRefusedSchema = errorBodySchema.extend({
  problems: z.array(confirmProblemSchema).optional(),
});
/** The department's own confirmation for the call, `null` until it confirms. */
export const ownConfirmationResponseSchema = z.object({ confirmation: confirmationSchema.nullable() });
export const confirmationsQuerySchema = callQuerySchema.partial();
export const confirmationsResponseSchema = z.object({ confirmations: z.array(confirmationSchema) });

// 形式审查: the department's answers to the 汇总表's judgement columns, one application at a time.

/** The 汇总表 columns a department judges, in the table's order. */
export const CHECKLIST_ITEMS = [
  'documentsCompliant',
  'materialsComplete',
  'ethics',
  'credit',
  'separateSlot',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/**
 * `ok`: the column's question answered 是 (合作文件符合要求, 材料完整, 涉及人类遗传资源等, 信用良好, 属于单独推荐名额);
 * `note`: what the cell adds in brackets (the reasons, the types involved, the platform's name).
 */
export const checklistAnswerSchema = z.object({
  ok: z.boolean({ error: '请选择是或否' }).meta({ title: '是否' }),
  note: z.string().trim().max(500, '说明不能超过 500 字').default('').meta({ title: '说明' }),
});
export type ChecklistAnswer = z.infer<typeof checklistAnswerSchema>;

export const checklistSchema = z
  .object({
    documentsCompliant: checklistAnswerSchema.meta({ title: '项目合作文件是否符合要求' }),
    materialsComplete: checklistAnswerSchema.meta({ title: '申报材料是否完整，签字盖章及其日期是否齐全' }),
    ethics: checklistAnswerSchema.meta({ title: '是否涉及人类遗传资源、种质资源等方面合作及科技伦理事项' }),
    credit: checklistAnswerSchema.meta({ title: '运营状况及信用情况是否良好' }),
    separateSlot: checklistAnswerSchema.meta({ title: '是否属于单独推荐名额' }),
  })
  .meta({ id: 'ReviewChecklist' });
export type Checklist = z.infer<typeof checklistSchema>;

export const checklistBodySchema = z.object({ answers: checklistSchema });
export type ChecklistBody = z.infer<typeof checklistBodySchema>;

export const checklistResponseSchema = z.object({
  applicationId: z.uuid(),
  /** The saved answers, or (never saved) the derived ones. */
  answers: checklistSchema,
  /** What the rules and the application say, for comparison. */
  derived: checklistSchema,
  saved: z.boolean(),
  savedAt: z.iso.datetime({ offset: true }).nullable(),
  savedBy: z.string().nullable(),
  /** The department may still change it: its own application, before confirmation and the deadline. */
  editable: z.boolean(),
  /** 经合作方确认（YYYY-MM-DD）, with each answer the partner corrected beside the declared one; null if none stands. */
  partnerConfirmation: z.string().nullable(),
});
export type ChecklistView = z.infer<typeof checklistResponseSchema>;

// 推荐项目汇总表 from the database.

// Its 联系人 and 联系电话 are the department's stored contact (PUT /review/departments/{id}/contact).
export const summaryQuerySchema = callQuerySchema.extend({
  date: z.iso.date({ error: '日期应为 YYYY-MM-DD' }).optional().meta({ title: '填报日期' }),
});
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

export const summaryRowSchema = z.object({
  number: z.number().int(),
  applicationId: z.string(),
  acceptanceNumber: z.string(),
  projectType: z.string(),
  title: z.string(),
  applicant: z.string(),
  country: z.string(),
  documentsCompliant: z.string(),
  materialsComplete: z.string(),
  ethics: z.string(),
  credit: z.string(),
  separateSlot: z.string(),
});

export const summaryResponseSchema = z.object({
  texts: z.object({
    attachmentLabel: z.string(),
    title: z.string(),
    departmentLabel: z.string(),
    contactLabel: z.string(),
    phoneLabel: z.string(),
    headings: z.array(z.string()).readonly(),
    notes: z.tuple([z.string(), z.string()]).readonly(),
  }),
  header: z.object({ departmentName: z.string(), contact: z.string(), phone: z.string(), date: z.string() }),
  /** The recommended applications in recommendation order; print each with `summaryRowCells`. */
  rows: z.array(summaryRowSchema),
});
export type SummaryView = z.infer<typeof summaryResponseSchema>;

// Bundle export: a shenbao.bundle/1 (docs/bundle.md), the same assembly the rules judge.

export const bundleExportSchema = z
  .looseObject({ format: z.literal('shenbao.bundle/1'), call: z.string(), asOf: z.string() })
  .meta({ id: 'Bundle', description: 'shenbao.bundle/1' });

// 项目主管部门诚信承诺书: one current per department and call, earlier ones kept.

export const commitmentSchema = z
  .object({
    id: z.uuid(),
    callId: z.string(),
    department: departmentRefSchema,
    fileName: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    uploadedBy: z.string(),
    uploadedAt: z.iso.datetime({ offset: true }),
    supersededAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'DepartmentCommitment' });
export type CommitmentView = z.infer<typeof commitmentSchema>;

/** The upload is `multipart/form-data` with the PDF in `file` and no other field; the call is in the query. */
export const commitmentFormSchema = z.object({});

export const commitmentResponseSchema = z.object({
  /** `null`: none uploaded yet; confirmation needs one. */
  current: commitmentSchema.nullable(),
  /** Every upload, newest first (the current one included). */
  history: z.array(commitmentSchema),
});

/** For the province: each department's confirmation of a call's list and its current commitment. */
export const commitmentOverviewResponseSchema = z.object({
  callId: z.string(),
  departments: z.array(
    z.object({
      department: departmentRefSchema.extend({ kind: z.enum(DEPARTMENT_KINDS) }),
      confirmation: confirmationSchema.omit({ department: true, callId: true }).nullable(),
      commitment: commitmentSchema.nullable(),
    }),
  ),
});
export type CommitmentOverview = z.infer<typeof commitmentOverviewResponseSchema>;

export const commitmentParamsSchema = z.object({ id: z.uuid().meta({ title: '承诺书编号' }) });

// Bundle import preview: nothing is written.

const bundleProblemSchema = z.object({ path: z.string(), message: z.string() });

/** What importing the bundle would do with one application, judged against the database. */
const importPlanSchema = z.object({
  action: z.enum(['create', 'update', 'unchanged', 'refused']),
  /** Its status after the import; null when refused. */
  status: z.enum(APPLICATION_STATUSES).nullable(),
  /** In Chinese: what will be done, in which status, and who will see it; or why it is refused. */
  message: z.string(),
  /** Why it is refused, with bundle paths: its own problems, its applicant's and its PI's. */
  problems: z.array(bundleProblemSchema),
});
export type ImportPlan = z.infer<typeof importPlanSchema>;

export const importPreviewResponseSchema = z.object({
  /** The bundle could be read: `problems` is empty and `applications` holds the verdicts. */
  ok: z.boolean(),
  call: z.string().nullable(),
  problems: z.array(bundleProblemSchema),
  applications: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      topic: z.number().int(),
      department: z.string(),
      eligible: z.boolean(),
      findings: z.array(findingSchema),
      /** Present when the preview knows who imports into which call. */
      plan: importPlanSchema.optional(),
    }),
  ),
  departments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      withinQuota: z.boolean(),
      findings: z.array(findingSchema),
    }),
  ),
  /**
   * Present with the plan: every problem the import would be refused with (422 `IMPORT_REFUSED`, or the
   * deadline). Any at all and the import writes nothing, whatever each application's plan says.
   */
  importProblems: z.array(bundleProblemSchema).optional(),
});
export type ImportPreview = z.infer<typeof importPreviewResponseSchema>;

// Bundle import: one transaction; every problem is answered with its bundle path and nothing is written.

const importCountsSchema = z.object({
  organizations: z.number().int(),
  people: z.number().int(),
  applications: z.number().int(),
});

export const importResultSchema = z.object({
  callId: z.string(),
  created: importCountsSchema,
  updated: importCountsSchema,
  /** Matched or found as the last import left them: nothing written. */
  unchanged: importCountsSchema,
  /** Each application of the bundle, in bundle order, with the row it is in the database. */
  applications: z.array(
    z.object({
      id: z.string(),
      applicationId: z.uuid(),
      acceptanceNo: z.string().nullable(),
      status: z.enum(APPLICATION_STATUSES),
    }),
  ),
  /** What the import did not take over (documents without files, registered organizations' details). */
  notes: z.array(bundleProblemSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;
