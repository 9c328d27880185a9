import { z } from 'zod';
import { dateSchema, DEPARTMENT_KINDS, ORGANIZATION_KINDS } from '../core/bundle/schema.js';
import { USER_ROLES } from './vocabulary.js';
import { creditCodeSchema, newLoginSchema, newPasswordSchema, personNameSchema } from './common.js';
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
    organization: z.object({ id: z.uuid(), name: z.string(), creditCode: z.string() }).nullable(),
    person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    department: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(DEPARTMENT_KINDS) }).nullable(),
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
