import { SECTION_LABELS } from '../application/form.js';
import type { Direction, TopicNumber } from '../bundle/schema.js';
import { formatPath } from '../bundle/parse.js';
import {
  COMPLETENESS_LABELS,
  DEPARTMENT_KIND_LABELS,
  DIRECTION_LABELS,
  DOCUMENT_KIND_LABELS,
  ETHICS_LABELS,
  listZh,
  ONGOING_PROGRAM_LABELS,
  ORGANIZATION_KIND_LABELS,
  PLATFORM_LABELS,
  TOPIC_LABELS,
} from '../labels.js';
import { formatWan } from '../money.js';
import { countryName } from '../reference/countries.js';
import { formatBeijing } from '../time.js';

// A call's parameters for people (issue 15 §2): each path of a `shenbao.call/1` document as its Chinese label,
// each value as read (万元, country names, Beijing time, Chinese kinds), and the change between two versions as
// lines of those. The editor's diff, its preview and the rules a call uses all name parameters this way.

/** One changed value: its label, both values as text (`null`: absent), and the clause of the value it belongs to. */
export interface CallChangeLine {
  path: string;
  label: string;
  before: string | null;
  after: string | null;
  clause: string | null;
}

/**
 * Labels by normalized path: `value` segments of cited values dropped, an array index written `[]` (`#` in the
 * label is its ordinal), and the key of a map written `*` (`*` in the label is the key's own label).
 */
const STREAM_LABELS: Record<string, string> = {
  label: '名称',
  clause: '依据条款',
  open: '是否开放申报',
  directedOnly: '定向组织申报',
  applicantKinds: '申报主体',
  academicLeadNeedsJiangsuEnterprise: '高校、科研机构牵头须联合江苏企业',
  funding: '省资助经费',
  'funding.cap': '省资助经费上限',
  'funding.share': '省资助经费比例',
  'funding.share.percent': '省资助经费比例上限（%）',
  'funding.share.base': '省资助经费比例的基数',
  keyFields: '重点支持的技术领域',
  partner: '境外合作机构要求',
  'partner.required': '须有主要境外合作机构',
  'partner.countries': '合作国别（地区）',
  'partner.countries.allowed': '允许的合作国别（地区）',
  'partner.countries.allowedName': '合作国别（地区）范围的名称',
  'partner.countries.key': '重点国别（地区）',
  'partner.countries.excluded': '不含的国别（地区）',
  'partner.countries.excludedForEnterprise': '企业牵头时不含的国别（地区）',
  'partner.kinds': '境外合作机构须为',
  documents: '合作文件',
  'documents.agreements': '须签署合作协议或合作意向书',
  'documents.jointLab': '共建联合实验室/联合研究中心合作文件',
  'documents.jointLab.signedOnOrBefore': '联合实验室合作文件签署日期不晚于',
  'documents.platformProof': '须提供平台设立证明文件',
};

const CALL_LABELS: Record<string, string> = {
  format: '文件格式',
  id: '计划编号',
  name: '计划名称',
  notice: '通知',
  'notice.number': '通知文号',
  'notice.title': '通知标题',
  'notice.publishedOn': '通知发布日期',
  utcOffset: '时区',
  deadlines: '时间安排',
  'deadlines.opens': '网上填报开放时间',
  'deadlines.submission': '网上填报截止时间',
  'deadlines.recommendation': '主管部门网上审核推荐截止时间',
  'deadlines.paper': '纸质材料受理截止时间',
  applicant: '申报单位条件',
  'applicant.registeredOnOrBefore': '申报单位注册日期不晚于',
  'applicant.inJiangsu': '申报单位须在江苏省注册',
  'applicant.independentLegalEntity': '申报单位须为独立法人',
  'applicant.piEmployedByApplicant': '项目负责人须为申报单位在职人员',
  topics: '专题',
  partnerBars: '适用境外合作机构限制（二、1）的专题',
  homeCountry: '境外合作机构不得位于',
  documents: '申报材料',
  'documents.completeness': '合作文件须齐全的内容',
  'documents.translationRequired': '外文文件须附中文翻译',
  'documents.integrityCommitments': '须上传的科研诚信承诺书',
  'documents.signedForms': '须签章后扫描上传的表格',
  'documents.otherAttachments': '其他附件材料应传尽传',
  'documents.signedScans': '签章扫描件须显示的内容',
  'documents.signedScans.*': '签章扫描件须显示的内容 › *',
  commitments: '科研诚信承诺事项',
  'commitments.creditRules': '失信处理依据',
  'commitments.pledges': '承诺事项',
  'commitments.pledges.unit': '申报单位承诺事项',
  'commitments.pledges.pi': '项目负责人承诺事项',
  'commitments.pledges.department': '主管部门承诺事项',
  limits: '限项',
  'limits.perEnterprise': '同一企业同一年度限报',
  'limits.perEnterprise.max': '同一企业同一年度限报项数',
  'limits.perEnterprise.exemptPrograms': '不计入企业限项的计划',
  'limits.enterpriseOngoingBar': '有在研项目不得申报的计划（企业）',
  'limits.piOngoingBar': '有在研项目的负责人不得牵头',
  'limits.piOngoingBar.maxOngoing': '负责人可有的在研省科技计划项目数',
  'limits.perPi': '同一项目负责人同一年度限报',
  'limits.perPi.max': '同一项目负责人同一年度限报项数',
  'limits.perInstitution': '每家高校、科研机构限报',
  'limits.perInstitution.topics': '高校、科研机构限报适用的专题',
  'limits.perInstitution.kinds': '限报适用的单位类型',
  'limits.perInstitution.max': '每家高校、科研机构限报项数',
  'limits.duplicates': '重复申报',
  'limits.duplicates.errorAt': '视为同一项目的相似度',
  'limits.duplicates.warnAt': '提示复核的相似度',
  'limits.duplicates.minCodePoints': '参与查重的最少字数',
  quotas: '推荐限额',
  'quotas.topics': '推荐限额合并计算的专题',
  'quotas.byDepartmentKind': '推荐限额',
  'quotas.byDepartmentKind.*': '推荐限额 › *',
  'quotas.countiesCountAgainstCity': '县（市）推荐计入所在设区市限额',
  separateSlots: '单独推荐名额',
  'separateSlots[]': '单独推荐名额（第 # 项）',
  'separateSlots[].topics': '单独推荐名额（第 # 项） › 适用专题',
  'separateSlots[].platforms': '单独推荐名额（第 # 项） › 平台',
  'separateSlots[].barredByOngoing': '单独推荐名额（第 # 项） › 有在研项目不再单列的计划',
  'separateSlots[].perApplicant': '单独推荐名额（第 # 项） › 每家单位项数',
  'separateSlots[].label': '单独推荐名额（第 # 项） › 名称',
  integrity: '科研诚信与伦理',
  'integrity.dishonestyBars': '惩戒执行期内的失信主体不得申报',
  'integrity.reviewRequired': '须经科技伦理审查',
  'integrity.toBeNoted': '须在申报书中注明',
  classifiedRefused: '涉密项目不予受理',
  content: '申报书内容',
  'content.maxDurationMonths': '项目实施期上限（月）',
  'content.earliestStart': '项目最早开始年月',
  'content.abstractMax': '项目摘要字数上限',
  'content.keywords': '关键词个数',
  'content.keywords.min': '关键词个数下限',
  'content.keywords.max': '关键词个数上限',
  'content.sectionLimits': '申报书正文字数上限',
  'content.sectionLimits.*': '申报书正文字数上限 › *',
  'content.instrumentThreshold': '大型科学仪器单价标准',
  'content.indirectCosts': '间接费用',
  'content.indirectCosts.maxPercentOfDirect': '间接费用占直接费用比例上限（%）',
  'content.expertDocuments': '评审专家可查阅的附件',
  paper: '纸质材料',
  'paper.applicationCopies': '申报阶段纸质申报材料',
  'paper.applicationCopies.topics': '须在申报阶段提交纸质材料的专题',
  'paper.applicationCopies.copies': '申报阶段纸质申报材料份数',
  'paper.departmentMaterials': '主管部门纸质材料',
  'paper.departmentMaterials.commitmentCopies': '主管部门科研诚信承诺书份数',
  'paper.fundedCopies': '立项项目纸质材料',
  'paper.fundedCopies.copies': '立项项目纸质材料份数',
  'paper.fundedCopies.order': '立项项目纸质材料装订顺序',
  largeInstruments: '购置大型科学仪器须说明必要性并承诺开放共享',
  releasedFeedback: '未立项项目在公示时告知',
  review: '专家评审',
  'review.invitationDays': '专家答复邀请的天数',
  'review.invitationReminderHours': '邀请到期前提醒的小时数',
  'review.avoidedExpertsMax': '回避专家人数上限',
  'review.strictLenientZ': '评分偏严偏宽的标准差倍数',
  'review.appealWorkingDays': '申请复核的工作日数',
  award: '立项',
  'award.issuer': '立项通知书印发单位',
  'award.projectNoPrefix': '项目编号前缀',
  'award.conditions': '立项条件',
  contacts: '联系人',
  'contacts[]': '联系人（第 # 项）',
  'contacts[].unit': '联系人（第 # 项） › 单位',
  'contacts[].people': '联系人（第 # 项） › 姓名',
  'contacts[].phones': '联系人（第 # 项） › 电话',
  'contacts[].address': '联系人（第 # 项） › 地址',
};

/** Maps whose keys are labelled by their own vocabulary, under the path that holds them. */
const MAP_KEYS: Record<string, Record<string, string>> = {
  'documents.signedScans': DOCUMENT_KIND_LABELS,
  'quotas.byDepartmentKind': DEPARTMENT_KIND_LABELS,
  'content.sectionLimits': SECTION_LABELS,
};

type Segment = string | number;

const TOPIC_KEYS: Record<string, string> = { name: '专题名称', clause: '依据条款', terms: '申报要求' };

/** The Chinese label of a document path (`topics.4.terms.funding.value.cap` → 专题四 › 省资助经费上限). */
export function parameterLabel(path: readonly Segment[]): string {
  const parts: string[] = [];
  let rest = path;
  let table = CALL_LABELS;
  if (path[0] === 'topics' && path.length > 1) {
    parts.push(TOPIC_LABELS[Number(path[1]) as TopicNumber] ?? `专题${String(path[1])}`);
    rest = path.slice(2);
    if (rest[0] === 'terms' && rest.length > 1) {
      rest = rest.slice(1);
      if (rest[0] === 'byDirection' && rest.length > 1) {
        parts.push(directionLabel(rest[1] as Direction));
        rest = rest.slice(2);
      }
      table = STREAM_LABELS;
    } else table = TOPIC_KEYS;
  }
  const leaf = rest.filter((s) => s !== 'value');
  const suffix = leaf.at(-1) === 'clause' || leaf.at(-1) === 'quote' ? leaf.pop() : undefined;
  const label = leafLabel(table, leaf);
  if (label) parts.push(label);
  if (suffix) parts.push(suffix === 'clause' ? '依据条款' : '通知原文');
  return parts.length > 0 ? parts.join(' › ') : '计划参数';
}

/** `方向1`, `方向2（我省在境外建设）`: short, yet telling the two platform directions apart. */
function directionLabel(direction: Direction): string {
  const label = DIRECTION_LABELS[direction] ?? String(direction);
  return `${label.split(' ')[0]}${/（[^）]*）$/.exec(label)?.[0] ?? ''}`;
}

/** The label of the nearest labelled parent of `segments` in `table`, its index and map key filled in. */
function leafLabel(table: Record<string, string>, segments: readonly Segment[]): string | undefined {
  for (let length = segments.length; length > 0; length--) {
    let key = '';
    let ordinal = '';
    let mapKey = '';
    for (const segment of segments.slice(0, length)) {
      if (typeof segment === 'number' || /^\d+$/.test(segment)) {
        key += '[]';
        ordinal = String(Number(segment) + 1);
      } else if (key in MAP_KEYS) {
        mapKey = MAP_KEYS[key]![segment] ?? segment;
        key += '.*';
      } else key += key === '' ? segment : `.${segment}`;
    }
    const label = table[key];
    if (label) return label.replace('#', ordinal).replace('*', mapKey);
  }
  return undefined;
}

const yesNo = (v: boolean) => (v ? '是' : '否');
const countries = (codes: readonly string[]) => listZh(codes.map(countryName));
const labelled =
  (labels: Record<string, string>) =>
  (items: readonly string[]): string =>
    listZh(items.map((i) => labels[i] ?? i));
const topics = (items: readonly (number | string)[]) =>
  listZh(items.map((t) => TOPIC_LABELS[Number(t) as TopicNumber] ?? String(t)));

/** How a list is read, by the name of the field that holds it. */
const LISTS: Record<string, (items: readonly string[]) => string> = {
  applicantKinds: labelled(ORGANIZATION_KIND_LABELS),
  kinds: labelled(ORGANIZATION_KIND_LABELS),
  allowed: countries,
  key: countries,
  excluded: countries,
  excludedForEnterprise: countries,
  platforms: labelled(PLATFORM_LABELS),
  barredByOngoing: labelled(ONGOING_PROGRAM_LABELS),
  enterpriseOngoingBar: labelled(ONGOING_PROGRAM_LABELS),
  completeness: labelled(COMPLETENESS_LABELS),
  integrityCommitments: labelled(DOCUMENT_KIND_LABELS),
  signedForms: labelled(DOCUMENT_KIND_LABELS),
  expertDocuments: labelled(DOCUMENT_KIND_LABELS),
  reviewRequired: labelled(ETHICS_LABELS),
  toBeNoted: labelled(ETHICS_LABELS),
  topics,
  partnerBars: topics,
};

/** A parameter's value as people read it: 万元, country names, Beijing time, Chinese kinds. */
export function parameterText(path: readonly Segment[], value: unknown): string {
  const names = path.filter((s): s is string => typeof s === 'string' && s !== 'value');
  const field = names.at(-1) ?? '';
  if (value === null) return '不设';
  if (typeof value === 'boolean') return yesNo(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '无';
    const inMap = names.at(-2) === 'signedScans';
    const read = inMap ? LISTS.completeness : LISTS[field];
    return read ? read(value as string[]) : listZh(value.map(String));
  }
  if (typeof value === 'number') {
    if (field === 'cap' || field === 'instrumentThreshold') return formatWan(value);
    if (field === 'errorAt' || field === 'warnAt') return `${Math.round(value * 10_000) / 100}%`;
    if (field === 'percent' || field === 'maxPercentOfDirect') return `${value}%`;
    return String(value);
  }
  if (typeof value === 'string') {
    if (names[0] === 'deadlines' && path.at(-1) === 'value')
      return `${formatBeijing(Date.parse(value))}（北京时间）`;
    if (field === 'homeCountry') return countryName(value);
    if (field === 'base') return value === 'total' ? '项目总预算' : '项目江苏方总预算';
    return value;
  }
  return JSON.stringify(value);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isRecord = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCited = (v: unknown): v is { value: Json; clause: string; quote: string } =>
  isRecord(v) && 'value' in v && 'clause' in v && 'quote' in v;
/** A list read as one value (countries, kinds), unlike a list of records (separate slots, contacts). */
const isValueList = (v: unknown) => Array.isArray(v) && v.every((i) => !isRecord(i));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed from `before` to `after`, in the document's order: one line per changed value, with both values
 * for people and the clause of the cited value it belongs to. Both are calls or `shenbao.call/1` documents.
 */
export function callDiff(before: object, after: object): CallChangeLine[] {
  const lines: CallChangeLine[] = [];
  walk([], before as Json, after as Json, null, lines);
  return lines;
}

function walk(
  path: Segment[],
  before: Json | undefined,
  after: Json | undefined,
  clause: string | null,
  lines: CallChangeLine[],
): void {
  if (same(before, after)) return;
  const cited = isCited(after) ? after : isCited(before) ? before : undefined;
  const within = cited ? cited.clause : clause;
  const records = (v: Json | undefined) => isRecord(v) || (Array.isArray(v) && !isValueList(v));
  if (records(before) || records(after)) {
    const a = records(before) ? before : before === null ? null : undefined;
    const b = records(after) ? after : after === null ? null : undefined;
    if ((records(before) || before == null) && (records(after) || after == null)) {
      const keys = Array.isArray(a) || Array.isArray(b) ? indices(a, b) : fieldsOf(a, b);
      for (const key of keys) {
        const child = (v: Json | undefined) =>
          v === null ? null : (v as Record<string, Json> | undefined)?.[key];
        walk([...path, Array.isArray(a ?? b) ? Number(key) : key], child(a), child(b), within, lines);
      }
      return;
    }
  }
  lines.push({
    path: formatPath(path),
    label: parameterLabel(path),
    before: before === undefined ? null : parameterText(path, before),
    after: after === undefined ? null : parameterText(path, after),
    clause: within,
  });
}

function fieldsOf(a: Json | undefined, b: Json | undefined): string[] {
  const keys = [...Object.keys((b as object | null) ?? {}), ...Object.keys((a as object | null) ?? {})];
  return [...new Set(keys)];
}

function indices(a: Json | undefined, b: Json | undefined): string[] {
  const length = Math.max(Array.isArray(a) ? a.length : 0, Array.isArray(b) ? b.length : 0);
  return Array.from({ length }, (_, i) => String(i));
}
