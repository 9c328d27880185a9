import { APPEAL_STATUS_LABELS, type AppealStatus } from '../../core/appeals/statuses.js';
import type { DepartmentKind } from '../../core/bundle/schema.js';
import { DEPARTMENT_KIND_LABELS, DOCUMENT_KIND_LABELS, TOPIC_LABELS } from '../../core/labels.js';
import { formatWan } from '../../core/money.js';
import { OBJECTION_FINDING_LABELS, OBJECTION_STATUS_LABELS } from '../../core/objections/objections.js';
import { REGISTER_LABELS, type RegisterKind } from '../../core/registers/kinds.js';
import { formatBeijing, instantMs, toBeijingIso } from '../../core/time.js';
import { AUDIT_ENTITY_LABELS, auditActionLabel, type AuditPageDto } from '../../contract/audit.js';
import {
  APPLICATION_STATUS_LABELS,
  CALL_STATUS_LABELS,
  DUTY_LABELS,
  type ApplicationStatus,
  type Duty,
  type CallStatus,
  USER_ROLE_LABELS,
  type UserRole,
} from '../../contract/vocabulary.js';
import { ID_FIELDS, type AuditPage } from '../services/audit.js';

// The audit log as the province reads it: actions, records and fields by their Chinese names, statuses as
// labels, money in 万元, and no internal id in the text (the raw snapshots stay beside it for reference).

const FIELD_LABELS: Record<string, string> = {
  status: '状态',
  from: '原状态',
  to: '新状态',
  reason: '意见',
  reasons: '理由',
  message: '说明',
  field: '所涉字段',
  decision: '决定',
  outcome: '立项决定',
  funding: '立项资助经费',
  separateSlot: '使用单独推荐名额',
  acceptanceNo: '受理编号',
  kind: '类型',
  fileName: '文件名',
  sha256: '文件指纹',
  title: '名称',
  name: '名称',
  topic: '专题',
  direction: '方向',
  result: '结论',
  role: '角色',
  login: '登录名',
  displayName: '姓名',
  duties: '职责',
  disabled: '已停用',
  mustChangePassword: '首次登录须修改密码',
  via: '创建方式',
  email: '电子邮箱',
  expiresAt: '有效期至',
  invitedBy: '邀请人',
  documentId: '附件',
  previousDocumentId: '原附件',
  applicationId: '申报书',
  callId: '申报计划',
  departmentId: '主管部门',
  cityId: '所属设区市',
  divisionCode: '区划代码',
  active: '启用',
  contactName: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  organizationId: '申报单位',
  personId: '项目负责人',
  piId: '项目负责人',
  userId: '账号',
  expertId: '评审专家',
  roundId: '评审轮次',
  respondBy: '邀请答复截止时间',
  respondedAt: '答复时间',
  declineReason: '谢绝理由',
  confidentialityAgreedAt: '同意保密承诺时间',
  confidentialityText: '保密承诺',
  declarations: '利益冲突声明',
  lostAssignments: '退回的评审任务',
  remindedAt: '提醒时间',
  cause: '原因',
  replacementId: '重新分配的评审任务',
  announcementId: '公示',
  baseCallId: '所依据的申报计划',
  version: '版本',
  isPractice: '练习计划',
  readOnly: '只读',
  submissionClosesAt: '网上填报截止时间',
  recommendationClosesAt: '审核推荐截止时间',
  paperClosesAt: '纸质材料报送截止时间',
  documents: '附件',
  metadata: '附件信息',
  recommended: '推荐',
  notRecommended: '不予推荐',
  returnedNotResubmitted: '退回后未重新提交',
  startsOn: '公示开始日期',
  endsOn: '公示结束日期',
  entries: '公示项目',
  scores: '评分',
  comment: '评审意见',
  recommendedFunding: '建议资助经费',
  formVersion: '评分表版本',
  criteria: '评分项',
  guidance: '评审说明',
  minCommentLength: '评审意见最少字数',
  changes: '改动',
  startsAt: '会议时间',
  place: '会议地点',
  onlineLink: '线上会议链接',
  members: '参会专家',
  chair: '会议主持人',
  agenda: '议程项目',
  member: '专家',
  meetingId: '会评会议',
  notes: '讨论记录',
  consensusScore: '一致评分',
  recommendation: '会评建议',
  proposedFunding: '会评建议资助经费',
  vote: '表决',
  signedOffAt: '签署时间',
  avoidedExpertId: '要求回避的专家',
  organization: '所在单位',
  appealId: '复核申请',
  appealStatus: '复核状态',
  evidence: '证明材料',
  decisionReason: '复核意见',
  reference: '异议编号',
  note: '调查情况',
  finding: '处理结论',
  findingText: '处理意见',
  revokedApproval: '撤销立项',
  revokedReason: '撤销理由',
  objection: '公示异议',
  enabled: '向申报人反馈评审意见',
  opinions: '反馈的评审意见',
  label: '标注',
  text: '内容',
};

const MONEY_FIELDS = new Set([
  'funding',
  'provincialFunding',
  'total',
  'jiangsuTotal',
  'recommendedFunding',
  'proposedFunding',
]);
const STATUS_FIELDS = new Set(['status', 'from', 'to']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const NO_NAME = '（内部记录）';

function entityLabel(type: string, id: string, names: Map<string, string>): string {
  const register = /^register:(.+)$/.exec(type)?.[1];
  const kind = register
    ? `${REGISTER_LABELS[register as RegisterKind] ?? '名录'}记录`
    : (AUDIT_ENTITY_LABELS[type] ?? '记录');
  const name = names.get(`${type}:${id}`);
  return name ? `${kind} ${name}` : kind;
}

/** A status as its record's kind names it (an application's, a call's). */
function statusText(entityType: string, status: string): string | undefined {
  const labels: Record<string, string> =
    entityType === 'call'
      ? CALL_STATUS_LABELS
      : entityType === 'objection'
        ? OBJECTION_STATUS_LABELS
        : APPLICATION_STATUS_LABELS;
  return labels[status as ApplicationStatus & CallStatus];
}

function valueText(key: string, value: unknown, names: Map<string, string>, entityType: string): string {
  if (value === undefined || value === null || value === '') return '（空）';
  const type = key === 'baseCallId' ? 'call' : ID_FIELDS[key];
  if (type && typeof value === 'string') return names.get(`${type}:${value}`) ?? NO_NAME;
  const status = STATUS_FIELDS.has(key) && typeof value === 'string' && statusText(entityType, value);
  if (status) return status;
  if (typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    return formatBeijing(instantMs(value));
  }
  if (MONEY_FIELDS.has(key) && typeof value === 'number') return formatWan(value);
  if (key === 'appealStatus' && typeof value === 'string' && value in APPEAL_STATUS_LABELS) {
    return APPEAL_STATUS_LABELS[value as AppealStatus];
  }
  if (key === 'finding' && typeof value === 'string' && value in OBJECTION_FINDING_LABELS) {
    return OBJECTION_FINDING_LABELS[value as keyof typeof OBJECTION_FINDING_LABELS];
  }
  if (key === 'topic' && typeof value === 'number') return TOPIC_LABELS[value as 1] ?? String(value);
  if (key === 'kind' && typeof value === 'string' && value in DOCUMENT_KIND_LABELS) {
    return DOCUMENT_KIND_LABELS[value as keyof typeof DOCUMENT_KIND_LABELS];
  }
  if (key === 'kind' && entityType === 'department' && typeof value === 'string') {
    return DEPARTMENT_KIND_LABELS[value as DepartmentKind] ?? value;
  }
  if (key === 'duties' && typeof value === 'string' && value in DUTY_LABELS) {
    return DUTY_LABELS[value as Duty];
  }
  if (key === 'role' && typeof value === 'string' && value in USER_ROLE_LABELS) {
    return USER_ROLE_LABELS[value as UserRole];
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value))
    return value.map((v, i) => `${i + 1}. ${valueText(key, v, names, entityType)}`).join('；');
  if (typeof value === 'object') {
    // A listed record's own id says nothing to a reader; its title and number do.
    return Object.entries(value)
      .filter(([k]) => k !== 'id')
      .map(([k, v]) => `${FIELD_LABELS[k] ?? k}：${valueText(k, v, names, entityType)}`)
      .join('；');
  }
  return String(value).replace(UUID, NO_NAME);
}

function changesOf(entry: AuditPage['entries'][number], names: Map<string, string>) {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    changes: changed.map((key) => ({
      label: FIELD_LABELS[key] ?? key,
      before: entry.before === null ? null : valueText(key, before[key], names, entry.entityType),
      after: valueText(key, after[key], names, entry.entityType),
    })),
    unchanged: keys.length - changed.length,
  };
}

export function presentAuditPage(page: AuditPage): AuditPageDto {
  return {
    entries: page.entries.map((e) => ({
      seq: e.seq,
      at: toBeijingIso(e.at.getTime()),
      actor: e.actor,
      action: e.action,
      actionLabel: auditActionLabel(e.action),
      entityType: e.entityType,
      entityId: e.entityId,
      entityLabel: entityLabel(e.entityType, e.entityId, page.names),
      before: e.before,
      after: e.after,
      ...changesOf(e, page.names),
      hash: e.hash,
    })),
    nextBeforeSeq: page.nextBeforeSeq,
  };
}
