import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, day, updatedAt } from './columns.js';
import { organizations } from './organizations.js';

/** Project leaders (项目负责人). */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => organizations.id),
    ongoingProvincialProjects: integer('ongoing_provincial_projects').notNull().default(0),
    dishonestyUntil: day('dishonesty_until'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('people_ongoing_non_negative', sql`${t.ongoingProvincialProjects} >= 0`),
    // Per employer, so that one organization cannot learn whom another employs.
    uniqueIndex('people_employer_id_number_key').on(t.employerId, t.idNumber),
  ],
);
