import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PAPER_KINDS, type PaperKind } from '../../../core/paper/register.js';
import { applications } from './applications.js';
import { calls } from './calls.js';
import { inList, instant } from './columns.js';
import { departments } from './departments.js';
import { users } from './users.js';

/**
 * 纸质材料登记: each receipt of paper by the province. A correction is a new row naming the one it supersedes, which
 * keeps its values and gains `superseded_at`: the register never loses what was first written.
 */
export const paperReceipts = pgTable(
  'paper_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    kind: text('kind').$type<PaperKind>().notNull(),
    applicationId: uuid('application_id').references(() => applications.id),
    departmentId: uuid('department_id').references(() => departments.id),
    copies: integer('copies').notNull(),
    receivedAt: instant('received_at').notNull(),
    /** Who at the centre took the paper in, as they sign for it. */
    receiver: text('receiver').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    note: text('note').notNull().default(''),
    createdAt: instant('created_at').notNull(),
    supersedes: uuid('supersedes').references((): AnyPgColumn => paperReceipts.id),
    correctionReason: text('correction_reason'),
    supersededAt: instant('superseded_at'),
  },
  (t) => [
    check('paper_receipts_kind', sql`${t.kind} in (${inList(PAPER_KINDS)})`),
    check(
      'paper_receipts_subject',
      sql`case when ${t.kind} = 'department-materials' then ${t.departmentId} is not null and ${t.applicationId} is null else ${t.applicationId} is not null and ${t.departmentId} is null end`,
    ),
    check('paper_receipts_copies', sql`${t.copies} > 0`),
    check('paper_receipts_correction', sql`(${t.supersedes} is null) = (${t.correctionReason} is null)`),
    uniqueIndex('paper_receipts_supersedes_idx').on(t.supersedes),
    index('paper_receipts_call_idx').on(t.callId),
  ],
);
