import { toBeijingIso } from '../../core/time.js';
import type { PairSide } from '../db/schema.js';
import type { FindingListing } from '../repositories/cross-checks.js';
import type { PairView, RunView } from '../services/cross-checks.js';
import type { CrossCheckRunDto, CrossFinding, SimilarPairDto } from '../../contract/cross-checks.js';

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
