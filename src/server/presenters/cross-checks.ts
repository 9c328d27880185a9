import { toBeijingIso } from '../../core/time.js';
import type { PairSide } from '../db/schema.js';
import type { FindingListing } from '../repositories/cross-checks.js';
import type {
  FindingsPage,
  PairComparison,
  PairView,
  ResultPage,
  RunList,
  RunView,
} from '../services/cross-checks.js';
import type {
  CrossCheckRunDto,
  CrossFinding,
  findingsResponseSchema,
  PairDetail,
  pairsResponseSchema,
  runsResponseSchema,
  SimilarPairDto,
} from '../../contract/cross-checks.js';
import type { z } from 'zod';

const iso = (at: Date | null) => (at ? toBeijingIso(at.getTime()) : null);

export function presentRun({ run, requestedBy }: RunView): CrossCheckRunDto {
  return {
    id: run.id,
    callId: run.callId,
    status: run.status,
    phase: run.phase,
    requestedAt: toBeijingIso(run.requestedAt.getTime()),
    requestedBy,
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    attempts: run.attempts,
    progress: { done: run.progressDone, total: run.progressTotal },
    error: run.error,
    summary: run.summary,
    superseded: run.supersededBy !== null,
  };
}

export function presentFinding(f: FindingListing): CrossFinding {
  return {
    id: f.id,
    application: f.applicationId
      ? {
          id: f.applicationId,
          acceptanceNo: f.acceptanceNo,
          title: f.title ?? '',
          applicant: f.applicantName ?? '',
        }
      : null,
    department: { id: f.departmentId, name: f.departmentName },
    topic: f.topic,
    rule: f.rule,
    severity: f.severity,
    clause: f.clause,
    message: f.message,
    field: f.field,
  };
}

export function presentPair({ row, acceptanceNo, departments }: PairView): SimilarPairDto {
  const side = (s: PairSide) => ({
    kind: s.kind,
    applicationId: s.applicationId ?? null,
    acceptanceNo: s.applicationId ? (acceptanceNo.get(s.applicationId) ?? null) : null,
    program: s.program ?? null,
    department: s.departmentId ? { id: s.departmentId, name: departments.get(s.departmentId) ?? '' } : null,
    applicant: s.applicant,
    creditCode: s.creditCode,
    piName: s.piName,
    title: s.title,
  });
  return {
    id: row.id,
    share: row.share,
    titleShare: row.titleShare,
    summaryShare: row.summaryShare,
    rule: row.rule,
    a: side(row.a),
    b: side(row.b),
  };
}

export function presentRunList({ runs, current, duplicates }: RunList): z.infer<typeof runsResponseSchema> {
  return {
    runs: runs.map(presentRun),
    currentRunId: current,
    thresholds: {
      reportAt: duplicates.value.warnAt,
      errorAt: duplicates.value.errorAt,
      clause: duplicates.clause,
      quote: duplicates.quote,
    },
  };
}

export function presentFindingsPage(page: FindingsPage): z.infer<typeof findingsResponseSchema> {
  return {
    run: page.run && presentRun(page.run),
    total: page.total,
    findings: page.rows.map(presentFinding),
    rules: page.rules,
  };
}

export function presentPairsPage(page: ResultPage<PairView>): z.infer<typeof pairsResponseSchema> {
  return { run: page.run && presentRun(page.run), total: page.total, pairs: page.rows.map(presentPair) };
}

export function presentPairDetail({ view, title, summary }: PairComparison): PairDetail {
  return { pair: presentPair(view), title, summary };
}
