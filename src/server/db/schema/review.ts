import { sql } from 'drizzle-orm';
import { jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications.js';
import { calls } from './calls.js';
import { instant } from './columns.js';
import { departments } from './departments.js';
import { files } from './documents.js';
import { users } from './users.js';

// 项目主管部门审核推荐: what a department records of its own beside the applications' statuses.

/** 网上确认提交: a department's list for a call, locked once confirmed (三、2 一律不予退回重报). */
export const reviewConfirmations = pgTable(
  'review_confirmations',
  {
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    confirmedAt: instant('confirmed_at').notNull(),
    confirmedBy: uuid('confirmed_by')
      .notNull()
      .references(() => users.id),
    /** What was confirmed: the recommended and not recommended applications at that moment. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.callId] })],
);

/** 形式审查: a department's answers to the 汇总表's judgement columns for one application. */
export type ChecklistAnswers = Record<
  'documentsCompliant' | 'materialsComplete' | 'ethics' | 'credit' | 'separateSlot',
  { ok: boolean; note: string }
>;

export const reviewChecklists = pgTable('review_checklists', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  answers: jsonb('answers').$type<ChecklistAnswers>().notNull(),
  savedAt: instant('saved_at').notNull(),
  savedBy: uuid('saved_by')
    .notNull()
    .references(() => users.id),
});

/** 项目主管部门诚信承诺书 for a call: one current per department and call, earlier uploads kept. */
export const departmentCommitments = pgTable(
  'department_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    fileName: text('file_name').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: instant('uploaded_at').notNull(),
    supersededAt: instant('superseded_at'),
  },
  (t) => [
    uniqueIndex('department_commitments_current_idx')
      .on(t.departmentId, t.callId)
      .where(sql`${t.supersededAt} is null`),
  ],
);
