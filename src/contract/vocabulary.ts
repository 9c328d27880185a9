// Value sets of the platform itself; those of the bundle (organization kinds, platforms, document kinds …)
// are src/core/bundle/schema.ts's. Pure constants, so the web app may import them.

export const USER_ROLES = ['unit-admin', 'unit-contact', 'pi', 'department', 'province', 'expert'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * What a province or department account may do beyond reading. Province: 对外合作处 (decisions, 公示),
 * 项目管理中心 (formal review, experts, registers, cross-checks, imports), 管理员 (every duty, plus accounts and
 * calls). Department: 管理员 (its own staff). Other roles hold none.
 */
export const DUTIES = ['admin', 'cooperation', 'center'] as const;
export type Duty = (typeof DUTIES)[number];
export const PROVINCE_DUTIES = DUTIES;
export const DEPARTMENT_DUTIES = ['admin'] as const satisfies readonly Duty[];
export type ProvinceDuty = (typeof PROVINCE_DUTIES)[number];
export type DepartmentDuty = (typeof DEPARTMENT_DUTIES)[number];

export const DUTY_LABELS: Readonly<Record<Duty, string>> = {
  admin: '管理员',
  cooperation: '对外合作处',
  center: '项目管理中心',
};

/** Each role as people call it, wherever it is shown (the header, the audit log, e-mails). */
export const USER_ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  'unit-admin': '单位管理员',
  'unit-contact': '单位联系人',
  pi: '项目负责人',
  department: '项目主管部门',
  province: '省科技厅',
  expert: '评审专家',
};

/** Who writes applications: the organization's administrators and contacts, and PIs their own. */
export const APPLICANT_ROLES = ['unit-admin', 'unit-contact', 'pi'] as const;
/** An organization's own roles, each account bound to it (a PI also to a person of it). */
export const UNIT_ROLES = APPLICANT_ROLES;
export type UnitRole = (typeof UNIT_ROLES)[number];

/** How a message leaves the platform; every row is also shown to its reader on 我的消息. */
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** What a single-use link sent by e-mail is for. */
export const ACCOUNT_TOKEN_PURPOSES = ['password-reset', 'invitation'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'not-recommended',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The one word for each status, wherever it is shown (lists, banners, receipts, messages of the API). */
export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  recommended: '已推荐',
  'not-recommended': '未推荐',
  withdrawn: '已作废',
};

/** draft: a clone not yet opened (the province's alone); open: taking applications within its windows; closed by the province. */
export const CALL_STATUSES = ['draft', 'open', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  draft: '草稿（未开放）',
  open: '已开放',
  closed: '已关闭',
};

/** What made a version of a call; `initial` is a seeded call as it stood before its first change. */
export const CALL_CHANGES = [
  'initial',
  'cloned',
  'opened',
  'closed',
  'deadlines-changed',
  'created',
  'document-saved',
] as const;
export type CallChange = (typeof CALL_CHANGES)[number];
