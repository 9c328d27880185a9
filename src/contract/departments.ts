import { z } from 'zod';
import { DEPARTMENT_KINDS } from '../core/bundle/schema.js';

export const departmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(DEPARTMENT_KINDS),
    cityId: z.uuid().nullable(),
    divisionCode: z.string().nullable(),
  })
  .meta({ id: 'Department' });

export const departmentsResponseSchema = z.object({ departments: z.array(departmentSchema) });

export type DepartmentView = z.infer<typeof departmentSchema>;
