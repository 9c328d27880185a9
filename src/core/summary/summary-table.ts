import { confirmationNote } from '../application/partner-confirmation.js';
import type { Application, Bundle, EthicsFlag } from '../bundle/schema.js';
import type { CallParameters } from '../calls/parameters.js';
import { getCall } from '../calls/registry.js';
import type { Report } from '../check.js';
import { ETHICS_LABELS, PLATFORM_LABELS, listZh } from '../labels.js';
import { countryName } from '../reference/countries.js';
import type { Finding } from '../rules/rule.js';
import { formatChineseDate, instantMs } from '../time.js';

// 附件：省国际科技合作/港澳台科技合作计划推荐项目汇总表 — one row per application a department
// recommends, each cell answered from the bundle and the checker's findings.

export interface SummaryRow {
  /** 序号, from 1. */
  number: number;
  applicationId: string;
  acceptanceNumber: string;
  projectType: string;
  title: string;
  applicant: string;
  country: string;
  documentsCompliant: string;
  materialsComplete: string;
  ethics: string;
  credit: string;
  separateSlot: string;
}

export interface SummaryHeader {
  departmentName: string;
  contact: string;
  phone: string;
  /** `2026年5月20日`, or the form's blank `2026年 月 日`. */
  date: string;
}

export interface SummaryTable {
  header: SummaryHeader;
  rows: SummaryRow[];
}

export interface SummaryOptions {
  departmentId: string;
  contact?: string;
  phone?: string;
  /** YYYY-MM-DD; absent: the date is left blank to be filled in by hand. */
  date?: string;
  /** 项目受理号 by application id, as a platform assigns them; absent: the application id. */
  acceptanceNumbers?: Readonly<Record<string, string>>;
}

/** The attachment's columns in order, with the heading it prints and the row field that fills it. */
export const SUMMARY_COLUMNS: readonly {
  key: Exclude<keyof SummaryRow, 'applicationId'>;
  heading: string;
}[] = [
  { key: 'number', heading: '序号' },
  { key: 'acceptanceNumber', heading: '项目受理号' },
  { key: 'projectType', heading: '项目类型［1］' },
  { key: 'title', heading: '项目名称' },
  { key: 'applicant', heading: '申报单位' },
  { key: 'country', heading: '合作国别或地区' },
  {
    key: 'documentsCompliant',
    heading: '项目合作文件是否符合要求，其中重大科技开放合作平台建设项目是否提供了相关佐证材料［2］',
  },
  { key: 'materialsComplete', heading: '申报材料是否完整，签字盖章及其日期是否齐全' },
  {
    key: 'ethics',
    heading: '是否涉及人类遗传资源、种质资源等方面合作及科技伦理事项（请注明涉及类型）',
  },
  { key: 'credit', heading: '项目申报单位运营状况及信用情况、项目负责人信用情况是否良好' },
  {
    key: 'separateSlot',
    heading: '是否属于单独推荐名额，如是，请备注依托的平台/省重点培育的领军企业名称',
  },
];

export interface SummaryTableTexts {
  attachmentLabel: string;
  title: string;
  departmentLabel: string;
  contactLabel: string;
  phoneLabel: string;
  headings: readonly string[];
  notes: readonly [string, string];
}

/** The attachment's fixed words, shared by the xlsx and the browser's print view. */
export function summaryTableTexts(): SummaryTableTexts {
  return {
    attachmentLabel: '附件',
    title: '省国际科技合作/港澳台科技合作计划推荐项目汇总表',
    departmentLabel: '项目主管部门（盖章）：',
    contactLabel: '项目主管部门联系人：',
    phoneLabel: '联系电话：',
    headings: SUMMARY_COLUMNS.map((c) => c.heading),
    notes: [
      '备注：［1］分为重大科技开放合作平台建设项目、“一带一路”创新合作项目、双边创新合作项目、重点国别产业技术研发合作项目、港澳台科技合作项目。',
      '［2］具体请见本通知中“有关要求”第2条内容及申报书附件清单。',
    ],
  };
}

/** A row's cells in column order, as printed. */
export function summaryRowCells(row: SummaryRow): (string | number)[] {
  return SUMMARY_COLUMNS.map((c) => row[c.key]);
}

const DOCUMENT_RULES = new Set([
  'documents.agreement-missing',
  'documents.joint-lab',
  'partner.not-independent',
  'documents.platform-proof-missing',
]);
// Each cell is said by the rules' findings alone, so the 汇总表, the department's checklist and the applicant's
// panel cannot disagree; a document's 签字、盖章、日期 are judged by its kind's rule (an agreement's under 合作文件).
const MATERIAL_RULES = new Set([
  'documents.integrity-commitment-missing',
  'documents.integrity-commitment-unsigned',
  'documents.translation-missing',
  'documents.signed-form-missing',
  'documents.signed-form-unsigned',
]);
const CREDIT_RULES = new Set(['integrity.applicant-dishonest', 'integrity.pi-dishonest']);
const SLOT_RULES = new Set(['slot.not-entitled', 'slot.not-offered']);

/** A finding's statement without its advice: the reason a cell gives after 否. */
const reason = (f: Finding) => f.message.split('。')[0]!;
const answer = (reasons: readonly string[], yes: string) =>
  reasons.length === 0 ? yes : `否（${reasons.join('；')}）`;

/**
 * The 汇总表 of a department: the applications it recommended — a city also those of its counties — in
 * the order they were recommended (ties in bundle order). `undefined` when the bundle has no such department.
 */
export function summaryTable(
  bundle: Bundle,
  report: Report,
  options: SummaryOptions,
  call: CallParameters | undefined = getCall(bundle.call),
): SummaryTable | undefined {
  if (!call) throw new Error(`unknown call ${bundle.call}`);
  const department = bundle.departments.find((d) => d.id === options.departmentId);
  if (!department) return undefined;
  const covered = new Set([
    department.id,
    ...(department.kind === 'city'
      ? bundle.departments.filter((d) => d.city === department.id).map((d) => d.id)
      : []),
  ]);
  const findings = new Map(report.applications.map((a) => [a.id, a.findings]));
  const recommended = bundle.applications
    .map((app, index) => ({ app, index }))
    .filter(({ app }) => covered.has(app.department) && app.recommendation?.status === 'recommended')
    .sort(
      (a, b) =>
        instantMs(a.app.recommendation!.at) - instantMs(b.app.recommendation!.at) || a.index - b.index,
    );
  return {
    header: {
      departmentName: department.name,
      contact: options.contact ?? '',
      phone: options.phone ?? '',
      date: options.date
        ? formatChineseDate(options.date)
        : `${call.notice.publishedOn.value.slice(0, 4)}年 月 日`,
    },
    rows: recommended.map(({ app }, i) =>
      summaryRow(bundle, call, app, findings.get(app.id) ?? [], i + 1, options.acceptanceNumbers),
    ),
  };
}

/** One application's row, whether or not it is recommended (a department's 形式审查 starts from it). */
export function summaryRow(
  bundle: Bundle,
  call: CallParameters,
  app: Application,
  findings: readonly Finding[],
  number: number,
  acceptanceNumbers: Readonly<Record<string, string>> = {},
): SummaryRow {
  const applicant = bundle.organizations.find((o) => o.id === app.applicant)!;
  const errors = (rules: ReadonlySet<string>) =>
    findings.filter((f) => f.severity === 'error' && rules.has(f.rule)).map(reason);
  return {
    number,
    applicationId: app.id,
    acceptanceNumber: acceptanceNumbers[app.id] ?? app.id,
    projectType: call.topics[app.topic].name,
    title: app.title,
    applicant: applicant.name,
    country: app.partner ? countryCell(app.partner) : '无',
    documentsCompliant: answer(errors(DOCUMENT_RULES), '是'),
    materialsComplete: answer(errors(MATERIAL_RULES), '是'),
    ethics: ethicsCell(call, app),
    credit: answer(errors(CREDIT_RULES), '良好'),
    separateSlot: separateSlotCell(call, app, applicant.platforms, findings),
  };
}

/** The country, and on a second line what the partner confirmed, so that the department sees both answers. */
function countryCell(partner: NonNullable<Application['partner']>): string {
  const note = confirmationNote(partner);
  return note ? `${countryName(partner.country)}\n${note}` : countryName(partner.country);
}

function ethicsCell(call: CallParameters, app: Application): string {
  const { toBeNoted, reviewRequired } = call.integrity;
  const flags: EthicsFlag[] = [...new Set([...toBeNoted.value, ...reviewRequired.value])];
  const involved = flags.filter((f) => app.ethics[f]);
  if (involved.length === 0) return '否';
  const types = involved.map((f) => ETHICS_LABELS[f].replace(/^涉及/, ''));
  const review = involved.some((f) => reviewRequired.value.includes(f))
    ? `；${app.ethics.reviewApproved ? '已' : '未'}通过科技伦理审查`
    : '';
  return `是（${listZh(types)}${review}）`;
}

function separateSlotCell(
  call: CallParameters,
  app: Application,
  platforms: readonly string[],
  findings: readonly Finding[],
): string {
  if (!app.recommendation?.separateSlot) return '否';
  const slot = call.separateSlots.value.find((s) => s.topics.includes(app.topic));
  const qualifying = (slot?.platforms ?? []).filter((p) => platforms.includes(p));
  const why =
    qualifying.length > 0
      ? [listZh(qualifying.map((p) => PLATFORM_LABELS[p]))]
      : findings.filter((f) => SLOT_RULES.has(f.rule)).map(reason);
  return why.length > 0 ? `是（${why.join('；')}）` : '是';
}
