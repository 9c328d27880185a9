import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { DepartmentKind } from '../../../core/bundle/schema.js';
import { instant } from './columns.js';
import { users } from './users.js';

export type DepartmentChange =
  | 'seeded'
  | 'created'
  | 'updated'
  | 'imported'
  | 'contacts-updated'
  | 'deactivated'
  | 'activated'
  | 'deleted';

/** A department as one version holds it. */
export interface DepartmentSnapshot {
  name: string;
  kind: DepartmentKind;
  cityId: string | null;
  divisionCode: string | null;
  active: boolean;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

/**
 * Every state a department has held, numbered per department. No foreign key to `departments`: the history of
 * a deleted department stays, ending with its `deleted` version.
 */
export const departmentVersions = pgTable(
  'department_versions',
  {
    departmentId: uuid('department_id').notNull(),
    version: integer('version').notNull(),
    change: text('change').$type<DepartmentChange>().notNull(),
    before: jsonb('before').$type<DepartmentSnapshot>(),
    after: jsonb('after').$type<DepartmentSnapshot>(),
    /** Absent for the seed. */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.version] }),
    check('department_versions_version_positive', sql`${t.version} > 0`),
  ],
);
