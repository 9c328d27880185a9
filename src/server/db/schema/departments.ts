import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { DEPARTMENT_KINDS } from '../../../core/bundle/schema.js';
import { createdAt } from './columns.js';

export const departmentKind = pgEnum('department_kind', DEPARTMENT_KINDS);

/** 项目主管部门. */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    kind: departmentKind('kind').notNull(),
    /** A county shares the quota of this city. */
    cityId: uuid('city_id').references((): AnyPgColumn => departments.id),
    /** GB/T 2260 code of the division a bureau serves, or of the city a high-tech zone lies in. */
    divisionCode: text('division_code'),
    /** An inactive department is kept for what references it, but no one registers under it any more. */
    active: boolean('active').notNull().default(true),
    /** The 联系人 the 推荐项目汇总表 prints, with the phone; '' until the department or the province fills it. */
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    check('departments_city_only_for_county', sql`(${t.kind} = 'county') = (${t.cityId} is not null)`),
    index('departments_city_idx').on(t.cityId),
  ],
);
