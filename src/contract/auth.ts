import { z } from 'zod';
import { dateSchema, DEPARTMENT_KINDS, ORGANIZATION_KINDS } from '../core/bundle/schema.js';
import { DUTIES, USER_ROLES } from './vocabulary.js';
import { creditCodeSchema, emailSchema, mobileSchema, newLoginSchema, personNameSchema } from './common.js';

/** NIST SP 800-63B: at least this many characters, no composition rules; common passwords are refused by the server. */
export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for a passphrase, short enough that hashing it costs nothing extra. */
export const PASSWORD_MAX_LENGTH = 128;
/** What the forms say about a new password, as the server checks it. */
export const PASSWORD_HINT = `至少 ${PASSWORD_MIN_LENGTH} 个字符，不能是常见密码；不要求大小写、数字或符号，可用一句好记的话`;

/** What a form that sets someone else's initial password says about it. */
export const INITIAL_PASSWORD_NOTE = '请告知本人；本人首次登录时须改为自己的密码';

/** How long an e-mailed password-reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

/** Characters as people count them: a Chinese character or an emoji is one. */
export const passwordLength = (password: string): number => [...password].length;

export const newPasswordSchema = z
  .string()
  .refine((p) => passwordLength(p) >= PASSWORD_MIN_LENGTH, `至少 ${PASSWORD_MIN_LENGTH} 个字符`)
  .refine((p) => passwordLength(p) <= PASSWORD_MAX_LENGTH, `不能超过 ${PASSWORD_MAX_LENGTH} 个字符`)
  .meta({ title: '密码' });
import { organizationContactSchema } from './organizations.js';

export const registerOrganizationBodySchema = z.object({
  organization: z
    .object({
      name: z.string().trim().min(1).max(200).meta({ title: '单位名称' }),
      creditCode: creditCodeSchema,
      kind: z.enum(ORGANIZATION_KINDS).meta({ title: '单位类型' }),
      registeredOn: dateSchema.meta({ title: '注册日期' }),
      inJiangsu: z.boolean().meta({ title: '是否在江苏省注册' }),
      independentLegalEntity: z.boolean().meta({ title: '是否独立法人' }),
      ministryOrProvincialUniversity: z.boolean().default(false).meta({ title: '是否部省属本科高校' }),
      departmentId: z.uuid().meta({ title: '项目主管部门' }),
      ...organizationContactSchema.shape,
    })
    .meta({ title: '申报单位' }),
  admin: z
    .object({
      login: newLoginSchema,
      password: newPasswordSchema,
      displayName: personNameSchema,
      mobile: mobileSchema,
      email: emailSchema,
    })
    .meta({ title: '单位管理员' }),
});

export type RegisterOrganizationBody = z.infer<typeof registerOrganizationBodySchema>;

export const loginBodySchema = z.object({
  login: z.string().trim().toLowerCase().min(1).max(64).meta({ title: '登录名' }),
  password: z.string().min(1).max(128).meta({ title: '密码' }),
});

export type LoginBody = z.infer<typeof loginBodySchema>;

export const currentUserSchema = z
  .object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(USER_ROLES),
    /** A province or department account's duties (管理员 holds every duty); empty for other roles. */
    duties: z.array(z.enum(DUTIES)),
    organization: z.object({ id: z.uuid(), name: z.string(), creditCode: z.string() }).nullable(),
    person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    department: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(DEPARTMENT_KINDS) }).nullable(),
    /** Set by whoever created the account: until the holder chooses a password, nothing else may be used. */
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'CurrentUser' });

export type CurrentUser = z.infer<typeof currentUserSchema>;

export const currentUserResponseSchema = z.object({ user: currentUserSchema });
/** Who is signed in, asked by every page: `null` for a visitor without a live session, not a 401. */
export const sessionResponseSchema = z.object({ user: currentUserSchema.nullable() });

export const registeredOrganizationResponseSchema = z.object({
  organization: z.object({ id: z.uuid(), name: z.string(), creditCode: z.string() }),
  user: currentUserSchema,
});

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH).meta({ title: '当前密码' }),
  newPassword: newPasswordSchema.meta({ title: '新密码' }),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const passwordResetRequestBodySchema = z.object({
  account: z.string().trim().toLowerCase().min(1).max(254).meta({ title: '登录名或电子邮箱' }),
});
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBodySchema>;

export const passwordResetCompleteBodySchema = z.object({
  token: z.string().trim().min(1).max(200).meta({ title: '重置链接' }),
  newPassword: newPasswordSchema.meta({ title: '新密码' }),
});
export type PasswordResetCompleteBody = z.infer<typeof passwordResetCompleteBodySchema>;

export const passwordResetAcceptedSchema = z.object({ message: z.string() });

export const sessionViewSchema = z
  .object({
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    /** The session this request came in. */
    current: z.boolean(),
    /** e.g. 「Chrome · Windows」, or 「未知设备」. */
    device: z.string(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'SessionView' });
export type SessionView = z.infer<typeof sessionViewSchema>;

export const sessionsResponseSchema = z.object({ sessions: z.array(sessionViewSchema) });
export const signedOutOthersResponseSchema = z.object({ ended: z.number().int() });
