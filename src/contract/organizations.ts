import { z } from 'zod';
import { dateSchema, DEPARTMENT_KINDS, ORGANIZATION_KINDS } from '../core/bundle/schema.js';
import { creditCodeSchema, personNameSchema } from './common.js';

// 属地审核: an organization's standing with its 主管部门, its profile, and claims of a registered credit code.

export const ORGANIZATION_VERIFICATIONS = ['pending', 'approved', 'rejected'] as const;
export type OrganizationVerification = (typeof ORGANIZATION_VERIFICATIONS)[number];
export const ORGANIZATION_VERIFICATION_LABELS: Record<OrganizationVerification, string> = {
  pending: '待主管部门审核',
  approved: '审核通过',
  rejected: '审核未通过',
};

export const VERIFICATION_REQUEST_KINDS = ['registration', 'change'] as const;
export type VerificationRequestKind = (typeof VERIFICATION_REQUEST_KINDS)[number];
export const VERIFICATION_REQUEST_KIND_LABELS: Record<VerificationRequestKind, string> = {
  registration: '注册审核',
  change: '信息变更',
};

export const VERIFICATION_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type VerificationRequestStatus = (typeof VERIFICATION_REQUEST_STATUSES)[number];
export const VERIFICATION_REQUEST_STATUS_LABELS: Record<VerificationRequestStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  superseded: '已被新的申请取代',
};

export const CLAIM_STATUSES = ['pending', 'granted', 'declined'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  pending: '待处理',
  granted: '已同意',
  declined: '已拒绝',
};

/** The facts the rules read: a change of any of them needs the department's approval again. */
export const RULE_FACT_FIELDS = [
  'kind',
  'registeredOn',
  'inJiangsu',
  'independentLegalEntity',
  'ministryOrProvincialUniversity',
  'departmentId',
] as const;

export const RULE_FACT_LABELS: Record<(typeof RULE_FACT_FIELDS)[number], string> = {
  kind: '单位类型',
  registeredOn: '注册日期',
  inJiangsu: '是否在江苏省注册',
  independentLegalEntity: '是否独立法人',
  ministryOrProvincialUniversity: '是否部省属本科高校',
  departmentId: '项目主管部门',
};

export const ruleFactsSchema = z.object({
  kind: z.enum(ORGANIZATION_KINDS).meta({ title: '单位类型' }),
  registeredOn: dateSchema.meta({ title: '注册日期' }),
  inJiangsu: z.boolean().meta({ title: '是否在江苏省注册' }),
  independentLegalEntity: z.boolean().meta({ title: '是否独立法人' }),
  ministryOrProvincialUniversity: z.boolean().default(false).meta({ title: '是否部省属本科高校' }),
  departmentId: z.uuid().meta({ title: '项目主管部门' }),
});
export type RuleFacts = z.infer<typeof ruleFactsSchema>;

export const mobileSchema = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '手机号码应为 11 位数字，以 1 开头')
  .meta({ title: '手机号码' });

export const emailSchema = z
  .email('电子邮箱格式不正确')
  .trim()
  .toLowerCase()
  .max(254)
  .meta({ title: '电子邮箱' });

/** Declared with the facts, shown to the department; changed without approval. */
export const organizationContactSchema = z.object({
  address: z.string().trim().min(1, '请填写单位地址').max(200).meta({ title: '单位地址' }),
  contactName: personNameSchema.meta({ title: '联系人' }),
  contactMobile: mobileSchema.meta({ title: '联系人手机' }),
  contactEmail: emailSchema.meta({ title: '联系人电子邮箱' }),
});

export const organizationProfileBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).meta({ title: '单位名称' }),
    ...organizationContactSchema.shape,
    ...ruleFactsSchema.shape,
  })
  .meta({ title: '单位信息' });
export type OrganizationProfileBody = z.infer<typeof organizationProfileBodySchema>;

const departmentRefSchema = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(DEPARTMENT_KINDS) });

export const verificationRequestSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(VERIFICATION_REQUEST_KINDS),
    status: z.enum(VERIFICATION_REQUEST_STATUSES),
    department: departmentRefSchema,
    facts: ruleFactsSchema,
    previous: ruleFactsSchema.nullable(),
    /** Each changed fact's label, old → new (department names rather than ids). */
    changes: z.array(z.object({ label: z.string(), before: z.string(), after: z.string() })),
    reason: z.string().nullable(),
    requestedBy: z.string().nullable(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'VerificationRequest' });
export type VerificationRequestView = z.infer<typeof verificationRequestSchema>;

export const licenceSchema = z.object({
  requestedAt: z.string().nullable(),
  note: z.string().nullable(),
  file: z.object({ fileName: z.string(), uploadedAt: z.string(), sha256: z.string() }).nullable(),
});

export const organizationProfileSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    creditCode: z.string(),
    address: z.string().nullable(),
    contactName: z.string().nullable(),
    contactMobile: z.string().nullable(),
    contactEmail: z.string().nullable(),
    ...ruleFactsSchema.shape,
    departmentId: z.uuid().nullable(),
    department: departmentRefSchema.nullable(),
    verification: z.enum(ORGANIZATION_VERIFICATIONS),
    rejectionReason: z.string().nullable(),
    /** May submit applications now: approved, whatever change is pending. */
    canSubmit: z.boolean(),
    pending: verificationRequestSchema.nullable(),
    licence: licenceSchema,
    history: z.array(verificationRequestSchema),
  })
  .meta({ id: 'OrganizationProfile' });
export type OrganizationProfileView = z.infer<typeof organizationProfileSchema>;

export const organizationProfileResponseSchema = z.object({ organization: organizationProfileSchema });

export const organizationSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  verification: z.enum(ORGANIZATION_VERIFICATIONS),
  pending: z.object({ kind: z.enum(VERIFICATION_REQUEST_KINDS), requestedAt: z.string() }).nullable(),
  licenceRequested: z.boolean(),
  licenceUploaded: z.boolean(),
  createdAt: z.string(),
});
export type OrganizationSummaryView = z.infer<typeof organizationSummarySchema>;

export const organizationListResponseSchema = z.object({ organizations: z.array(organizationSummarySchema) });

export const rejectBodySchema = z.object({
  reason: z.string().trim().min(1, '请填写不予通过的理由').max(1000).meta({ title: '理由' }),
});

export const licenceRequestBodySchema = z.object({
  note: z.string().trim().max(500).optional().meta({ title: '说明' }),
});

export const claimBodySchema = z
  .object({
    creditCode: creditCodeSchema,
    name: personNameSchema,
    mobile: mobileSchema,
    email: emailSchema,
    note: z.string().trim().min(1, '请说明您与该单位的关系及申请理由').max(1000).meta({ title: '说明' }),
  })
  .meta({ title: '认领单位' });
export type ClaimBody = z.infer<typeof claimBodySchema>;

export const claimAcceptedResponseSchema = z.object({ departmentName: z.string() });

export const claimSchema = z
  .object({
    id: z.uuid(),
    organization: z.object({ id: z.uuid(), name: z.string(), creditCode: z.string() }),
    name: z.string(),
    mobile: z.string(),
    email: z.string(),
    note: z.string(),
    status: z.enum(CLAIM_STATUSES),
    reason: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'OrganizationClaim' });
export type ClaimView = z.infer<typeof claimSchema>;

export const claimListResponseSchema = z.object({ claims: z.array(claimSchema) });

export const declineBodySchema = z.object({
  reason: z.string().trim().min(1, '请填写拒绝的理由').max(1000).meta({ title: '理由' }),
});
