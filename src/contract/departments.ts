import { z } from 'zod';
import { DEPARTMENT_KINDS } from '../core/bundle/schema.js';

export const departmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(DEPARTMENT_KINDS),
    /** A county's city, whose quota it shares. */
    cityId: z.uuid().nullable(),
    divisionCode: z.string().nullable(),
    /** The city the department lies in (a city: itself), by its division code; none for universities and agencies. */
    cityName: z.string().nullable(),
  })
  .meta({ id: 'Department' });

/** Active departments only, by city (division code), then kind and name. */
export const departmentsResponseSchema = z.object({ departments: z.array(departmentSchema) });

export type DepartmentView = z.infer<typeof departmentSchema>;

// The directory as the province edits it, and the contact a department keeps for its 汇总表.

export const CONTACT_PHONE = /^[0-9+\-() ]{0,30}$/;

export const contactSchema = z
  .object({
    name: z.string().trim().max(50, '联系人：不能超过 50 字').meta({ title: '联系人' }),
    phone: z
      .string()
      .trim()
      .regex(CONTACT_PHONE, '联系电话：只能包含数字、空格和 + - ( )，不超过 30 个字符')
      .meta({ title: '联系电话' }),
    email: z
      .union([z.literal(''), z.email('电子邮箱：格式不正确').max(200, '电子邮箱：不能超过 200 个字符')])
      .meta({ title: '电子邮箱' }),
  })
  .meta({ id: 'DepartmentContact' });
export type ContactBody = z.infer<typeof contactSchema>;

export const contactBodySchema = z.object({ contact: contactSchema });
export type ContactUpdateBody = z.infer<typeof contactBodySchema>;

export const DIVISION_CODE = /^32\d{4}$/;

export const departmentBodySchema = z
  .object({
    name: z.string().trim().min(2, '名称：请填写').max(100, '名称：不能超过 100 字').meta({ title: '名称' }),
    kind: z.enum(DEPARTMENT_KINDS, { error: '类型：请选择' }).meta({ title: '类型' }),
    /** Required for a county (县（市）科技局), absent for every other kind. */
    cityId: z.uuid('所属设区市：请从列表中选择').nullable().meta({ title: '所属设区市' }),
    divisionCode: z
      .string()
      .regex(DIVISION_CODE, '区划代码：应为江苏的 6 位行政区划代码（32 开头）')
      .nullable()
      .meta({ title: '区划代码' }),
    contact: contactSchema,
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'county' && !body.cityId) {
      ctx.addIssue({
        code: 'custom',
        path: ['cityId'],
        message: '所属设区市：县（市）科技局须选择所属设区市',
      });
    }
    if (body.kind !== 'county' && body.cityId) {
      ctx.addIssue({
        code: 'custom',
        path: ['cityId'],
        message: '所属设区市：只有县（市）科技局挂在设区市下（共用设区市的推荐限额）',
      });
    }
  });
export type DepartmentBody = z.infer<typeof departmentBodySchema>;

export const DEPARTMENT_STATUSES = ['active', 'inactive', 'all'] as const;

export const departmentQuerySchema = z.object({
  q: z.string().trim().max(100).optional().meta({ title: '名称包含' }),
  kind: z.enum(DEPARTMENT_KINDS).optional().meta({ title: '类型' }),
  cityId: z.uuid().optional().meta({ title: '所在设区市' }),
  status: z.enum(DEPARTMENT_STATUSES).default('all').meta({ title: '状态' }),
});
export type DepartmentQuery = z.infer<typeof departmentQuerySchema>;

export const managedDepartmentSchema = departmentSchema
  .extend({
    active: z.boolean(),
    contact: contactSchema,
    /** Its newest version (1 is the department as seeded or created). */
    version: z.number().int(),
  })
  .meta({ id: 'ManagedDepartment' });
export type ManagedDepartmentView = z.infer<typeof managedDepartmentSchema>;

export const managedDepartmentsResponseSchema = z.object({ departments: z.array(managedDepartmentSchema) });

const snapshotSchema = z
  .object({
    name: z.string(),
    kind: z.enum(DEPARTMENT_KINDS),
    cityName: z.string().nullable(),
    divisionCode: z.string().nullable(),
    active: z.boolean(),
    contact: contactSchema,
  })
  .nullable();

export const DEPARTMENT_CHANGES = [
  'seeded',
  'created',
  'updated',
  'imported',
  'contacts-updated',
  'deactivated',
  'activated',
  'deleted',
] as const;

export const departmentDetailSchema = z.object({
  department: managedDepartmentSchema,
  /** What refers to it: with any, it cannot be deleted (only deactivated). */
  references: z.object({
    applications: z.number().int(),
    organizations: z.number().int(),
    users: z.number().int(),
    counties: z.number().int(),
  }),
  /** Newest first. */
  versions: z.array(
    z.object({
      version: z.number().int(),
      change: z.enum(DEPARTMENT_CHANGES),
      at: z.iso.datetime({ offset: true }),
      actorName: z.string().nullable(),
      before: snapshotSchema,
      after: snapshotSchema,
    }),
  ),
});
export type DepartmentDetailView = z.infer<typeof departmentDetailSchema>;

const rowProblemSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

export const DEPARTMENT_IMPORT_STATUSES = ['created', 'updated', 'unchanged', 'invalid'] as const;

export const departmentImportSchema = z.object({
  fileName: z.string(),
  /** Problems of the whole file, e.g. a missing column. */
  fileProblems: z.array(rowProblemSchema),
  rows: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      status: z.enum(DEPARTMENT_IMPORT_STATUSES),
      problems: z.array(rowProblemSchema),
    }),
  ),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
  }),
  /** False for a preview. */
  applied: z.boolean(),
});
export type DepartmentImportView = z.infer<typeof departmentImportSchema>;
