// What the platform tells people, by kind. Pure constants and schemas, shared by the server and the web app.

import { z } from 'zod';
import type { UserRole } from './vocabulary.js';

export const NOTIFICATION_KINDS = [
  'account.invited',
  'account.password-reset',
  'organization.approved',
  'organization.rejected',
  'organization.licence-requested',
  'organization.verification-requested',
  'organization.claim-declined',
  'application.returned',
  'deadline.applicant',
  'deadline.department',
  'deadline.paper',
  'formal-review.result',
  'expert.assigned',
  'expert.due',
  'expert.invited',
  'expert.invitation-due',
  'expert.invitation-expired',
  'panel.convened',
  'decision.approved',
  'decision.not-approved',
  'announcement.published',
  'contract.progress',
  'appeal.result',
  'objection.received',
  'objection.closed',
  'decision.revoked',
  'feedback.released',
  'partner.confirmation-requested',
  'partner.answered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationKindInfo {
  label: string;
  /** Carries a deadline or a link the reader asked for: always e-mailed, whatever the reader's choices. */
  mandatory: boolean;
}

export const NOTIFICATION_KIND_INFO: Readonly<Record<NotificationKind, NotificationKindInfo>> = {
  'account.invited': { label: '账号邀请', mandatory: true },
  'account.password-reset': { label: '重置密码', mandatory: true },
  'organization.approved': { label: '单位注册审核通过', mandatory: false },
  'organization.rejected': { label: '单位注册审核未通过', mandatory: false },
  // Verification waits on the upload: a request nobody reads stalls the registration.
  'organization.licence-requested': { label: '主管部门要求上传营业执照', mandatory: true },
  'organization.verification-requested': { label: '单位注册或变更待审核', mandatory: false },
  // Sent to an address without an account, which has no choices to respect.
  'organization.claim-declined': { label: '单位认领申请未获同意', mandatory: true },
  'application.returned': { label: '申报书被退回', mandatory: true },
  'deadline.applicant': { label: '申报截止提醒', mandatory: true },
  'deadline.department': { label: '推荐截止提醒', mandatory: true },
  'deadline.paper': { label: '纸质材料报送截止提醒', mandatory: true },
  'formal-review.result': { label: '形式审查结果', mandatory: false },
  'expert.assigned': { label: '评审任务分配', mandatory: true },
  'expert.due': { label: '评审到期提醒', mandatory: true },
  'expert.invited': { label: '评审邀请', mandatory: true },
  'expert.invitation-due': { label: '评审邀请答复提醒', mandatory: true },
  'expert.invitation-expired': { label: '评审邀请逾期未答复', mandatory: false },
  // Carries the meeting's time and place.
  'panel.convened': { label: '会评会议通知', mandatory: true },
  'decision.approved': { label: '立项通知', mandatory: false },
  'decision.not-approved': { label: '未立项反馈', mandatory: false },
  'announcement.published': { label: '立项公示发布', mandatory: false },
  // The applicant must confirm the 任务书 before signing: a change it does not hear of stalls the contract.
  'contract.progress': { label: '合同签订进展', mandatory: true },
  'appeal.result': { label: '复核结果', mandatory: false },
  // Sent to the objector's address, which has no account and no choices to respect.
  'objection.received': { label: '公示异议已收到', mandatory: true },
  'objection.closed': { label: '公示异议处理结果', mandatory: true },
  'decision.revoked': { label: '立项撤销', mandatory: true },
  'feedback.released': { label: '评审意见反馈', mandatory: false },
  // Sent to the foreign partner's PI, who has no account and no choices to respect.
  'partner.confirmation-requested': { label: '境外合作方确认邀请', mandatory: true },
  'partner.answered': { label: '境外合作方已确认', mandatory: false },
};

/** What an organization's administrators and contacts may be sent. */
const ORGANIZATION_KINDS: readonly NotificationKind[] = [
  'account.invited',
  'account.password-reset',
  'organization.approved',
  'organization.rejected',
  'application.returned',
  'deadline.applicant',
  'formal-review.result',
  'appeal.result',
  'decision.approved',
  'decision.not-approved',
  'contract.progress',
  'decision.revoked',
  'feedback.released',
  'partner.answered',
];

/** The kinds each role may be sent: the preferences form offers these. */
export const NOTIFICATION_KINDS_BY_ROLE: Readonly<Record<UserRole, readonly NotificationKind[]>> = {
  'unit-admin': ORGANIZATION_KINDS,
  'unit-contact': ORGANIZATION_KINDS,
  pi: [
    'account.invited',
    'account.password-reset',
    'application.returned',
    'deadline.applicant',
    'appeal.result',
    'decision.approved',
    'decision.not-approved',
    'contract.progress',
    'decision.revoked',
    'feedback.released',
    'partner.answered',
  ],
  department: [
    'account.invited',
    'account.password-reset',
    'deadline.department',
    'deadline.paper',
    'formal-review.result',
    'appeal.result',
    'announcement.published',
  ],
  province: ['account.invited', 'account.password-reset', 'contract.progress', 'expert.invitation-expired'],
  expert: [
    'account.invited',
    'account.password-reset',
    'expert.assigned',
    'expert.due',
    'expert.invited',
    'expert.invitation-due',
    'panel.convened',
  ],
};

const instantSchema = z.iso.datetime({ offset: true });

/** What became of a message's e-mail: sent, waiting (or retrying), given up, or never to be e-mailed. */
export const EMAIL_STATES = ['sent', 'pending', 'failed', 'not-emailed'] as const;
export type EmailState = (typeof EMAIL_STATES)[number];

export const EMAIL_STATE_LABELS: Readonly<Record<EmailState, string>> = {
  sent: '邮件已发送',
  pending: '邮件待发送',
  failed: '邮件发送失败',
  'not-emailed': '仅站内消息',
};

export const messageSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    kindLabel: z.string(),
    subject: z.string(),
    body: z.string(),
    createdAt: instantSchema,
    readAt: instantSchema.nullable(),
    email: z.enum(EMAIL_STATES),
  })
  .meta({ id: 'Message' });
export type MessageView = z.infer<typeof messageSchema>;

export const MESSAGES_PAGE_SIZE_MAX = 100;

export const messagesQuerySchema = z.object({
  page: z.coerce
    .number({ error: '页码应为正整数' })
    .int()
    .min(1, '页码应为正整数')
    .default(1)
    .meta({ title: '页码' }),
  pageSize: z.coerce
    .number({ error: '每页条数应为 1–100 的整数' })
    .int()
    .min(1, '每页条数应为 1–100 的整数')
    .max(MESSAGES_PAGE_SIZE_MAX, '每页条数应为 1–100 的整数')
    .default(20)
    .meta({ title: '每页条数' }),
});
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

export const messagesResponseSchema = z.object({
  messages: z.array(messageSchema),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MessagesResponse = z.infer<typeof messagesResponseSchema>;

export const messageResponseSchema = z.object({ message: messageSchema });

export const notificationPreferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  label: z.string(),
  /** Always e-mailed: carries a deadline or a link the reader asked for. */
  mandatory: z.boolean(),
  email: z.boolean(),
});
export type NotificationPreferenceView = z.infer<typeof notificationPreferenceSchema>;

export const notificationPreferencesResponseSchema = z.object({
  preferences: z.array(notificationPreferenceSchema),
});
export type NotificationPreferencesResponse = z.infer<typeof notificationPreferencesResponseSchema>;

export const notificationPreferencesBodySchema = z.object({
  preferences: z
    .array(
      z.object({
        kind: z.enum(NOTIFICATION_KINDS, { error: '消息类型无效' }).meta({ title: '消息类型' }),
        email: z.boolean({ error: '请选择是否接收邮件' }).meta({ title: '接收邮件' }),
      }),
    )
    .max(NOTIFICATION_KINDS.length),
});
export type NotificationPreferencesBody = z.infer<typeof notificationPreferencesBodySchema>;
