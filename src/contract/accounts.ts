import { z } from 'zod';
import { DUTIES } from './vocabulary.js';
import { newPasswordSchema } from './auth.js';
import { emailSchema, mobileSchema, newLoginSchema, personNameSchema, searchTermSchema } from './common.js';

// Officials' accounts: the province's staff and the departments' accounts (managed by the province's 管理员),
// and a department's own staff (managed by its 管理员).

/** What every account carries; without a password, the server generates the initial one and shows it once. */
export const newAccountSchema = z.object({
  login: newLoginSchema,
  displayName: personNameSchema,
  mobile: mobileSchema,
  email: emailSchema,
  password: newPasswordSchema.optional().meta({ title: '初始密码' }),
});
export type NewAccount = z.infer<typeof newAccountSchema>;

/** The first province administrator, from `shenbao admin create-province-admin` or the environment. */
export const firstProvinceAdminSchema = newAccountSchema.extend({ password: newPasswordSchema });
export type FirstProvinceAdmin = z.infer<typeof firstProvinceAdminSchema>;

/** Which duties a role may hold is the server's to judge (it names the field when refused). */
const dutiesSchema = z.array(z.enum(DUTIES)).max(DUTIES.length).meta({ title: '职责' });

/** The province creates its own staff (at least one duty) or a department's account (`admin` or none). */
export const createOfficialBodySchema = newAccountSchema.extend({
  role: z.enum(['province', 'department']).meta({ title: '账号类别' }),
  departmentId: z.uuid().optional().meta({ title: '主管部门' }),
  duties: dutiesSchema.default([]),
});
export type CreateOfficialBody = z.infer<typeof createOfficialBodySchema>;

/** A department's 管理员 creates its own staff; `admin` makes another administrator. */
export const createDepartmentStaffBodySchema = newAccountSchema.extend({ duties: dutiesSchema.default([]) });
export type CreateDepartmentStaffBody = z.infer<typeof createDepartmentStaffBodySchema>;

export const setDutiesBodySchema = z.object({ duties: dutiesSchema });

export const officialListQuerySchema = z.object({
  q: searchTermSchema,
  role: z.enum(['province', 'department']).optional().meta({ title: '类别' }),
});

export const departmentStaffQuerySchema = z.object({ q: searchTermSchema });

export const officialAccountSchema = z
  .object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(['province', 'department']),
    department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    duties: z.array(z.enum(DUTIES)),
    /** Masked in lists (138****5678); whole only in the answer to its creation. */
    mobile: z.string().nullable(),
    email: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'OfficialAccount' });
export type OfficialAccount = z.infer<typeof officialAccountSchema>;

export const officialListResponseSchema = z.object({ accounts: z.array(officialAccountSchema) });

export const createdOfficialResponseSchema = z.object({
  account: officialAccountSchema,
  /** The password the server generated, shown this once; null when the creator chose it. */
  initialPassword: z.string().nullable(),
});
export type CreatedOfficial = z.infer<typeof createdOfficialResponseSchema>;

export const officialResponseSchema = z.object({ account: officialAccountSchema });
