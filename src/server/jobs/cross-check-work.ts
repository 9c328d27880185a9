import type { BundleInput } from '../../core/bundle/schema.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import { checkBundle } from '../../core/check.js';
import type { CrossCheckSummary } from '../db/schema.js';
import type { NewCrossCheckFinding } from '../repositories/cross-checks.js';
import { parseAssembled, type BundlePart } from '../services/bundles.js';
import { SimilarityReport, type SimilarPairResult } from './similarity-report.js';

// The computing part of 全省交叉核查, with no database: the assembled bundle parsed, judged by the core's
// `checkBundle`, then compared by the similarity report. It runs in a worker thread (cross-check-worker.ts) and
// hands its results over in steps of STEP applications, which the job stores one transaction each.

/** Applications per step: each step is one transaction that checks the claim and beats the heartbeat. */
export const STEP = 500;

export type FindingRow = Omit<NewCrossCheckFinding, 'runId'>;

/**
 * What the job sends the worker: the call, the bundle in parts with, after each page of applications, those of
 * them departments received, and the end.
 */
export type CrossCheckInput =
  { kind: 'call'; call: CallParameters } | BundlePart | { kind: 'received'; ids: string[] } | { kind: 'end' };

export type CrossCheckMessage =
  /** The applications departments received, which the run judges and compares. */
  | { kind: 'start'; applications: number }
  | { kind: 'findings'; done: number; rows: FindingRow[] }
  | { kind: 'pairs'; done: number; pairs: SimilarPairResult[] }
  | { kind: 'summary'; summary: CrossCheckSummary };

export async function* crossCheckResults(
  call: CallParameters,
  input: BundleInput,
  received: ReadonlySet<string>,
): AsyncGenerator<CrossCheckMessage> {
  const whole = parseAssembled(call, input);
  // Drafts count in the limits of the applications they share an applicant or a PI with, but the province
  // sees, and the report compares, only what departments received.
  const report = checkBundle(whole, call);
  const bundle = { ...whole, applications: whole.applications.filter((a) => received.has(a.id)) };
  const judged = report.applications.filter((a) => received.has(a.id));
  const count = bundle.applications.length;
  yield { kind: 'start', applications: count };

  const topicOf = new Map(bundle.applications.map((a) => [a.id, { topic: a.topic, dept: a.department }]));
  let errors = 0;
  let warnings = 0;
  const tally = (severity: 'error' | 'warning') => (severity === 'error' ? errors++ : warnings++);
  for (let from = 0; from < count || from === 0; from += STEP) {
    const rows: FindingRow[] = [];
    for (const app of judged.slice(from, from + STEP)) {
      const { topic, dept } = topicOf.get(app.id)!;
      for (const f of app.findings) {
        tally(f.severity);
        rows.push({ applicationId: app.id, departmentId: dept, topic, ...finding(f) });
      }
    }
    if (from === 0) {
      for (const dept of report.departments) {
        for (const f of dept.findings) {
          tally(f.severity);
          rows.push({ applicationId: null, departmentId: dept.id, topic: null, ...finding(f) });
        }
      }
    }
    yield { kind: 'findings', done: Math.min(from + STEP, count), rows };
  }

  const similarity = await SimilarityReport.create(bundle, call);
  let pairs = 0;
  for (let from = 0; from < count; from += STEP) {
    const found = similarity.pairsOf(from, from + STEP);
    pairs += found.length;
    yield { kind: 'pairs', done: Math.min(from + STEP, count), pairs: found };
  }
  yield {
    kind: 'summary',
    summary: {
      applications: count,
      externalSubmissions: bundle.externalSubmissions.length,
      errors,
      warnings,
      ineligible: judged.filter((a) => !a.eligible).length,
      pairs,
    },
  };
}

function finding(f: {
  rule: string;
  severity: 'error' | 'warning';
  clause: string;
  message: string;
  field?: string;
}) {
  return { rule: f.rule, severity: f.severity, clause: f.clause, message: f.message, field: f.field ?? null };
}
