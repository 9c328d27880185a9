import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

export const CROSS_CHECK_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type CrossCheckStatus = (typeof CROSS_CHECK_STATUSES)[number];

export const CROSS_CHECK_PHASES = ['rules', 'similarity'] as const;
export type CrossCheckPhase = (typeof CROSS_CHECK_PHASES)[number];

export interface CrossCheckSummary {
  applications: number;
  externalSubmissions: number;
  errors: number;
  warnings: number;
  ineligible: number;
  pairs: number;
}

/**
 * 全省交叉核查: one run of every rule over the whole call, and of the province-wide similarity report. The row is
 * also the background job: any app instance claims a queued run (or a running one whose heartbeat went stale)
 * with FOR UPDATE SKIP LOCKED, and every write of the run is fenced by `claimed_by`.
 */
export const crossCheckRuns = pgTable(
  'cross_check_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id').notNull(),
    status: text('status', { enum: CROSS_CHECK_STATUSES }).notNull().default('queued'),
    phase: text('phase', { enum: CROSS_CHECK_PHASES }),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: instant('requested_at').notNull(),
    /** The instance working on it now (or last); a take-over replaces it, which fences the old one out. */
    claimedBy: text('claimed_by'),
    attempts: integer('attempts').notNull().default(0),
    startedAt: instant('started_at'),
    heartbeatAt: instant('heartbeat_at'),
    finishedAt: instant('finished_at'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    error: text('error'),
    summary: jsonb('summary').$type<CrossCheckSummary>(),
    /** A later finished run of the same call; its findings and pairs are then dropped. */
    supersededBy: uuid('superseded_by').references((): AnyPgColumn => crossCheckRuns.id),
  },
  (t) => [
    check('cross_check_runs_progress', sql`${t.progressDone} between 0 and ${t.progressTotal}`),
    index('cross_check_runs_call_idx').on(t.callId, t.requestedAt),
    index('cross_check_runs_pending_idx')
      .on(t.requestedAt)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

/** A finding of the core's rules in a run: on an application, or (`applicationId` null) on a department. */
export const crossCheckFindings = pgTable(
  'cross_check_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => crossCheckRuns.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id'),
    departmentId: uuid('department_id').notNull(),
    topic: smallint('topic'),
    rule: text('rule').notNull(),
    severity: text('severity', { enum: ['error', 'warning'] }).notNull(),
    clause: text('clause').notNull(),
    message: text('message').notNull(),
    field: text('field'),
  },
  (t) => [
    index('cross_check_findings_run_rule_idx').on(t.runId, t.rule),
    index('cross_check_findings_run_department_idx').on(t.runId, t.departmentId),
    index('cross_check_findings_run_application_idx').on(t.runId, t.applicationId),
  ],
);

/** One side of a similar pair, as it stood when the run read it. */
export interface PairSide {
  kind: 'application' | 'external';
  /** The application's id; absent for an external submission. */
  applicationId?: string;
  /** The external submission's program (department or fund). */
  program?: string;
  departmentId?: string;
  applicant: string;
  creditCode: string;
  piName: string;
  title: string;
  summary: string;
}

/** 相似度报告: a pair of texts at or above the report threshold, at least one side an application. */
export const crossCheckPairs = pgTable(
  'cross_check_pairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => crossCheckRuns.id, { onDelete: 'cascade' }),
    share: doublePrecision('share').notNull(),
    titleShare: doublePrecision('title_share').notNull(),
    summaryShare: doublePrecision('summary_share').notNull(),
    /** The core's rule that judged this pair (same applicant or PI against an external submission), if any. */
    rule: text('rule'),
    a: jsonb('a').$type<PairSide>().notNull(),
    b: jsonb('b').$type<PairSide>().notNull(),
  },
  (t) => [index('cross_check_pairs_run_share_idx').on(t.runId, t.share)],
);
