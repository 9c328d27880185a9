import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TaskBasics } from '../../../core/contracts/basics.js';
import { applications } from './applications.js';
import { calls } from './calls.js';
import { day, instant } from './columns.js';
import { users } from './users.js';

// After the 立项决定 (issue 14 §9): each approved project's 项目编号, assigned once, and its contract stage.

/** 项目编号: the call's prefix and a serial, assigned once per approved project (立项通知书 or contract stage). */
export const projectNumbers = pgTable(
  'project_numbers',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    prefix: text('prefix').notNull(),
    serial: integer('serial').notNull(),
    projectNo: text('project_no').notNull(),
    assignedAt: instant('assigned_at').notNull(),
  },
  (t) => [
    uniqueIndex('project_numbers_project_no_idx').on(t.projectNo),
    uniqueIndex('project_numbers_prefix_serial_idx').on(t.prefix, t.serial),
    check('project_numbers_serial', sql`${t.serial} > 0`),
  ],
);

/**
 * 合同签订: one per approved project, created when the province moves it into the contract stage. The 任务书
 * basics as the 申报书 gave them (`basicsApplied`, never changed) and as they now stand (`basics`, versioned:
 * each change by the province bumps `basicsVersion`, and the applicant's confirmation names the version it saw).
 */
export const projectContracts = pgTable(
  'project_contracts',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    basicsApplied: jsonb('basics_applied').$type<TaskBasics>().notNull(),
    basics: jsonb('basics').$type<TaskBasics>().notNull(),
    basicsVersion: integer('basics_version').notNull().default(1),
    basicsChangedAt: instant('basics_changed_at'),
    basicsChangedBy: uuid('basics_changed_by').references(() => users.id),
    confirmedVersion: integer('confirmed_version'),
    confirmedAt: instant('confirmed_at'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    /** 已签约: the start date (Beijing), and the end of the 申报书's period. */
    signedAt: instant('signed_at'),
    signedBy: uuid('signed_by').references(() => users.id),
    startsOn: day('starts_on'),
    endsOn: day('ends_on'),
    createdAt: instant('created_at').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check(
      'project_contracts_signed_whole',
      sql`(${t.signedAt} is null) = (${t.startsOn} is null) and (${t.signedAt} is null) = (${t.endsOn} is null)`,
    ),
    check(
      'project_contracts_confirmed',
      sql`${t.confirmedVersion} is null or ${t.confirmedVersion} <= ${t.basicsVersion}`,
    ),
    index('project_contracts_call_idx').on(t.callId),
  ],
);
