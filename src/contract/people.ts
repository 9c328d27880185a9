import { z } from 'zod';
import { dateSchema } from '../core/bundle/schema.js';
import { newPasswordSchema } from './auth.js';
import { emailSchema, mobileSchema, newLoginSchema, personNameSchema } from './common.js';

const idNumberSchema = z.string().trim().toUpperCase().min(1).max(32).meta({ title: '证件号码' });
const ongoingSchema = z.number().int().min(0).max(99).meta({ title: '主持的在研省级科技项目数' });

export const personSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** Masked (`3201**********123X`): the full number is only ever typed in, never shown again. */
    idNumber: z.string().nullable(),
    ongoingProvincialProjects: z.number().int(),
    dishonestyUntil: dateSchema.nullable(),
    login: z.string().nullable(),
  })
  .meta({ id: 'Person' });

export type PersonView = z.infer<typeof personSchema>;

export const peopleResponseSchema = z.object({ people: z.array(personSchema) });
export const personResponseSchema = z.object({ person: personSchema });

export const createPersonBodySchema = z.object({
  name: personNameSchema,
  idNumber: idNumberSchema.optional(),
  ongoingProvincialProjects: ongoingSchema.default(0),
  account: z
    .object({
      login: newLoginSchema,
      password: newPasswordSchema,
      mobile: mobileSchema,
      email: emailSchema,
    })
    .optional()
    .meta({ title: '项目负责人登录账号' }),
});

export type CreatePersonBody = z.infer<typeof createPersonBodySchema>;

export const updatePersonBodySchema = z
  .object({
    name: personNameSchema.optional(),
    idNumber: idNumberSchema.nullable().optional(),
    ongoingProvincialProjects: ongoingSchema.optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), '请至少修改一项');

export type UpdatePersonBody = z.infer<typeof updatePersonBodySchema>;
