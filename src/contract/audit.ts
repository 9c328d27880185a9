import { z } from 'zod';
import { USER_ROLES } from './vocabulary.js';

const dateSchema = z.iso.date({ error: '日期应为 YYYY-MM-DD' });

export const auditQuerySchema = z
  .object({
    action: z.string().trim().min(1).max(100).optional().meta({ title: '操作' }),
    entityType: z.string().trim().min(1).max(50).optional().meta({ title: '对象类型' }),
    entityId: z.string().trim().min(1).max(100).optional().meta({ title: '对象编号' }),
    actor: z.uuid().optional().meta({ title: '操作人' }),
    from: dateSchema.optional().meta({ title: '起始日期（北京时间，含）' }),
    to: dateSchema.optional().meta({ title: '截止日期（北京时间，含）' }),
    beforeSeq: z.coerce.number().int().positive().optional().meta({ title: '从此序号之前（翻页）' }),
    limit: z.coerce.number().int().min(1).max(200).default(50).meta({ title: '每页条数' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '不能早于起始日期' });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

const snapshotSchema = z.record(z.string(), z.unknown()).nullable();

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.iso.datetime({ offset: true }),
    actor: z
      .object({
        id: z.uuid(),
        name: z.string().nullable(),
        role: z.enum(USER_ROLES).nullable(),
        scope: z.string().nullable(),
      })
      .nullable(),
    action: z.string(),
    /** What people read: the action in Chinese, the record by its name, each changed field by its name. */
    actionLabel: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    entityLabel: z.string(),
    before: snapshotSchema,
    after: snapshotSchema,
    /** The fields the entry changed (all of them for a new record), worded; `before` null: there was none. */
    changes: z.array(z.object({ label: z.string(), before: z.string().nullable(), after: z.string() })),
    /** Fields the entry recorded as they were. */
    unchanged: z.number().int(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBeforeSeq: z.number().int().nullable(),
});
export type AuditPageDto = z.infer<typeof auditPageSchema>;

export const auditVerdictSchema = z.discriminatedUnion('intact', [
  z.object({ intact: z.literal(true), entries: z.number().int(), headHash: z.string() }),
  z.object({
    intact: z.literal(false),
    entries: z.number().int(),
    brokenAt: z.number().int(),
    reason: z.string(),
  }),
]);
export type AuditVerdictDto = z.infer<typeof auditVerdictSchema>;

/** Every action the services append, in Chinese, for the log's readers (the action code stays beside it for filters). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'application.created': '新建申报书',
  'application.updated': '修改申报书专题、方向或负责人',
  'application.submitted': '提交申报书',
  'application.resubmitted': '退回修改后重新提交',
  'application.returned': '退回修改',
  'application.recommended': '主管部门推荐',
  'application.not-recommended': '主管部门不予推荐',
  'application.decision-undone': '主管部门撤销推荐决定',
  'application.withdrawn': '作废申报书',
  'application.finalized': '定稿',
  'application.reopened': '定稿后修改内容，定稿重新打开',
  'application.list-confirmed': '主管部门确认推荐名单',
  'application.checklist-saved': '保存形式审查意见',
  'application.imported': '批量导入申报书',
  'application.import-updated': '批量导入更新申报书',
  'application.document.uploaded': '上传附件',
  'application.document.replaced': '替换附件文件',
  'application.document.updated': '修改附件信息',
  'application.document.deleted': '删除附件',
  'application.formal-review': '省形式审查',
  'application.avoided-expert.added': '添加要求回避的专家',
  'application.avoided-expert.removed': '删除要求回避的专家',
  'appeal.filed': '申请复核（不予受理）',
  'appeal.evidence-added': '补充复核证明材料',
  'appeal.upheld': '复核成立，予以受理',
  'appeal.dismissed': '复核不成立，维持不予受理',
  'application.announced': '列入拟立项项目公示',
  'application.contract-stage': '进入合同签订',
  'application.contract-signed': '项目签约',
  'contract.number-assigned': '分配项目编号',
  'contract.opened': '建立项目合同（任务书）',
  'contract.basics-adjusted': '调整任务书考核指标与经费预算',
  'contract.basics-confirmed': '承担单位确认任务书',
  'contract.signed': '项目签约',
  'review.list-confirmed': '确认推荐名单',
  'department.commitment-uploaded': '上传主管部门诚信承诺书',
  'paper.receipt-recorded': '登记纸质材料收件',
  'paper.receipt-corrected': '更正纸质材料收件登记',
  'department.created': '新增项目主管部门',
  'department.updated': '修改项目主管部门',
  'department.imported': '导入项目主管部门名单',
  'department.contact-updated': '修改主管部门联系人',
  'department.deactivated': '停用项目主管部门',
  'department.activated': '启用项目主管部门',
  'department.deleted': '删除项目主管部门',
  'call.opened': '开放申报计划',
  'call.closed': '关闭申报计划',
  'call.cloned': '复制申报计划',
  'call.deadlines-changed': '调整申报计划时间',
  'decision.approved': '立项',
  'decision.rejected': '不予立项',
  'decision.undone': '撤销立项决定',
  'panel.created': '新建会评会议',
  'panel.record-saved': '记录会评意见',
  'panel.vote-recorded': '记录会评表决',
  'panel.signed-off': '主持人签署会评纪要',
  'announcement.created': '新建公示',
  'announcement.published': '发布公示',
  'announcement.deleted': '删除公示',
  'objection.filed': '收到公示异议',
  'objection.evidence-added': '补充公示异议证明材料',
  'objection.registered': '受理公示异议',
  'objection.investigated': '记录公示异议调查情况',
  'objection.closed': '办结公示异议',
  'decision.revoked': '公示异议成立，撤销立项',
  'application.approval-revoked': '立项撤销（公示异议成立）',
  'feedback.setting-changed': '设置评审意见反馈',
  'feedback.released': '反馈评审意见',
  'cross-check.requested': '发起全省交叉核查',
  'cross-check.completed': '全省交叉核查完成',
  'cross-check.failed': '全省交叉核查失败',
  'register.imported': '导入名录',
  'register.record-created': '新增名录记录',
  'register.record-updated': '修改名录记录',
  'expert.created': '新增评审专家',
  'expert.updated': '修改评审专家',
  'expert.assigned': '分配评审专家',
  'expert.assigned-despite-conflict': '分配评审专家（存在回避情形）',
  'expert.unassigned': '取消专家分配',
  'expert.recused': '专家回避',
  'expert.conflict.declared': '登记回避关系',
  'expert.conflict.removed': '删除回避关系',
  'expert.assignment.due-changed': '调整评审截止时间',
  'expert.reminder.sent': '发送评审提醒',
  'expert.scores.saved': '保存评分',
  'expert.scores.submitted': '提交评分',
  'review-round.created': '新建评审轮次',
  'expert.invited': '邀请评审专家',
  'expert.invitation.accepted': '专家接受评审邀请',
  'expert.invitation.declined': '专家谢绝评审邀请',
  'expert.invitation.expired': '评审邀请逾期失效',
  'expert.invitation.reminded': '发送评审邀请答复提醒',
  'expert.reassigned': '重新分配评审专家',
  'scoring-form.saved': '保存评分表新版本',
  'scoring-form.default-adopted': '首次评分，采用默认评分表（中心配置）',
  'notification.read': '阅读通知',
  'message.read': '阅读消息',
  'notification-preferences.changed': '修改邮件接收设置',
  'organization.registered': '单位注册',
  'organization.platform-added': '登记单位平台资质',
  'organization.platform-removed': '删除单位平台资质',
  'directed.invited': '邀请单位定向组织申报',
  'directed.revoked': '撤销定向组织邀请',
  'directed.marked': '标记专题二申报书为定向组织',
  'directed.unmarked': '取消专题二定向组织标记',
  'organization.approved': '主管部门审核通过单位',
  'organization.rejected': '主管部门审核不通过单位',
  'organization.profile-updated': '修改单位信息',
  'organization.change-requested': '申请变更单位信息（待审核）',
  'organization.licence-requested': '要求上传营业执照',
  'organization.licence-uploaded': '上传营业执照',
  'organization.claim-requested': '申请认领单位',
  'organization.claim-granted': '同意认领单位',
  'organization.claim-declined': '拒绝认领单位',
  'user.created': '创建账号',
  'user.password-changed': '修改密码',
  'user.password-reset-requested': '申请通过邮件重置密码',
  'user.password-reset': '通过邮件重置密码',
  'user.other-sessions-ended': '退出其他设备上的登录',
  'user.province-admin-created': '创建首位省级管理员',
  'user.disabled': '停用账号',
  'user.enabled': '重新启用账号',
  'user.duties-changed': '修改账号职责',
  'user.role-changed': '变更账号角色',
  'invitation.created': '邀请单位用户',
  'invitation.revoked': '撤销邀请',
  'invitation.accepted': '接受邀请并开通账号',
  'person.created': '登记项目负责人',
  'person.updated': '修改项目负责人信息',
  'import.bundle': '批量导入申报数据',
  'import.organization-created': '批量导入新增单位',
  'import.organization-updated': '批量导入更新单位',
  'import.person-created': '批量导入新增人员',
  'import.person-updated': '批量导入更新人员',
};

/** The objects entries are about, in Chinese (a register's records: `register:<kind>`). */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  application: '申报书',
  call: '申报计划',
  department: '主管部门',
  organization: '申报单位',
  user: '账号',
  person: '项目负责人',
  expert: '评审专家',
  'expert-assignment': '专家分配',
  'review-round': '评审轮次',
  'expert-invitation': '评审邀请',
  'expert-vacancy': '待重新分配项目',
  'scoring-form': '评分表',
  announcement: '公示',
  'panel-meeting': '会评会议',
  'panel-item': '会评议程项目',
  objection: '公示异议',
  'cross-check-run': '交叉核查',
  'register-batch': '名录导入',
  import: '批量导入',
  notification: '通知',
  message: '消息',
};

/** An action as people read it; one not catalogued yet still gets a Chinese word. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? '其他操作';
}
