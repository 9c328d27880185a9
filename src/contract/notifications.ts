// What the platform tells people, by kind. Pure constants and schemas, shared by the server and the web app.

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
  'formal-review.result',
  'expert.assigned',
  'expert.due',
  'decision.approved',
  'decision.not-approved',
  'announcement.published',
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
  'formal-review.result': { label: '形式审查结果', mandatory: false },
  'expert.assigned': { label: '评审任务分配', mandatory: true },
  'expert.due': { label: '评审到期提醒', mandatory: true },
  'decision.approved': { label: '立项通知', mandatory: false },
  'decision.not-approved': { label: '未立项反馈', mandatory: false },
  'announcement.published': { label: '立项公示发布', mandatory: false },
};
