import { boolean, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ONGOING_PROGRAMS, ORGANIZATION_KINDS, PLATFORMS } from '../../../core/bundle/schema.js';
import { createdAt, day, updatedAt } from './columns.js';
import { departments } from './departments.js';

export const organizationKind = pgEnum('organization_kind', ORGANIZATION_KINDS);
export const platform = pgEnum('platform', PLATFORMS);
export const ongoingProgram = pgEnum('ongoing_program', ONGOING_PROGRAMS);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull().unique(),
    kind: organizationKind('kind').notNull(),
    inJiangsu: boolean('in_jiangsu').notNull(),
    registeredOn: day('registered_on').notNull(),
    independentLegalEntity: boolean('independent_legal_entity').notNull(),
    ministryOrProvincialUniversity: boolean('ministry_or_provincial_university').notNull().default(false),
    dishonestyUntil: day('dishonesty_until'),
    /** The 项目主管部门 it applies through; absent for organizations known only as partners. */
    departmentId: uuid('department_id').references(() => departments.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('organizations_department_idx').on(t.departmentId)],
);

/** An organization's own 在研 provincial projects. */
export const ongoingProjects = pgTable(
  'ongoing_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    program: ongoingProgram('program').notNull(),
    title: text('title'),
    createdAt: createdAt(),
  },
  (t) => [index('ongoing_projects_organization_idx').on(t.organizationId)],
);
