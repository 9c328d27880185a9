import type { Cited } from '../../core/calls/parameters.js';
import { ruleTitle } from '../../core/rules/catalogue.js';
import { overlapSpans, type Span } from '../../core/text/overlap.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type {
  CrossCheckPairRow,
  CrossCheckRun,
  FindingFilter,
  FindingListing,
  PairFilter,
} from '../repositories/cross-checks.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { CallService } from './calls.js';

// 全省交叉核查 as the province asks for it: a run is requested here and worked by the background job
// (src/server/jobs/cross-check.ts); findings and the similarity report are read from the call's current run.

type Province = PrincipalOf<'province'>;

export interface RunView {
  run: CrossCheckRun;
  requestedBy: string | null;
}

export interface ResultPage<T> {
  run: RunView | null;
  total: number;
  rows: T[];
}

export interface PairView {
  row: CrossCheckPairRow;
  acceptanceNo: Map<string, string | null>;
  departments: Map<string, string>;
}

export interface RunList {
  runs: RunView[];
  current: string | null;
  duplicates: Cited<{ warnAt: number; errorAt: number }>;
}

export type FindingsPage = ResultPage<FindingListing> & {
  rules: { rule: string; title: string; severity: 'error' | 'warning'; count: number }[];
};

/** The texts of the two sides with the spans each shares with the other. */
export interface Highlighted {
  a: string;
  b: string;
  spansA: Span[];
  spansB: Span[];
}

export interface PairComparison {
  view: PairView;
  title: Highlighted;
  summary: Highlighted;
}

export class CrossCheckService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /** Queues a run of the call; a run already waiting for an instance is answered instead of a second one. */
  async request(actor: Province, callId: string): Promise<{ view: RunView; created: boolean }> {
    await this.calls.require(callId);
    const { run, created } = await inTransaction(this.db, async (repos) => {
      await repos.crossChecks.lockCall(callId);
      const queued = await repos.crossChecks.queuedRun(callId);
      if (queued) return { run: queued, created: false };
      const now = this.clock.now();
      const inserted = await repos.crossChecks.insertRun({
        callId,
        requestedBy: actor.userId,
        requestedAt: now,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'cross-check.requested',
        entityType: 'cross-check-run',
        entityId: inserted.id,
        after: { callId, status: 'queued' },
      });
      return { run: inserted, created: true };
    });
    return { view: await this.view(run), created };
  }

  async runs(callId: string): Promise<RunList> {
    const call = await this.calls.require(callId);
    const [runs, current] = await Promise.all([
      this.repos.crossChecks.recentRuns(callId, 10),
      this.repos.crossChecks.currentRun(callId),
    ]);
    return {
      runs: await this.views(runs),
      current: current?.id ?? null,
      duplicates: call.parameters.limits.duplicates,
    };
  }

  async run(id: string): Promise<RunView> {
    const run = await this.repos.crossChecks.findRun(id);
    if (!run) throw new AppError('NOT_FOUND');
    return this.view(run);
  }

  async findings(_actor: Province, callId: string, filter: FindingFilter): Promise<FindingsPage> {
    const run = await this.current(callId);
    if (!run) return { run: null, total: 0, rows: [], rules: [] };
    const [page, counts] = await Promise.all([
      this.repos.crossChecks.findings(run.id, filter),
      this.repos.crossChecks.ruleCounts(run.id),
    ]);
    return {
      run: await this.view(run),
      total: page.total,
      rows: page.rows,
      rules: counts.map((c) => ({
        rule: c.rule,
        title: ruleTitle(c.rule),
        severity: c.severity,
        count: c.n,
      })),
    };
  }

  async pairs(_actor: Province, callId: string, filter: PairFilter): Promise<ResultPage<PairView>> {
    const run = await this.current(callId);
    if (!run) return { run: null, total: 0, rows: [] };
    const page = await this.repos.crossChecks.pairs(run.id, filter);
    return { run: await this.view(run), total: page.total, rows: await this.pairViews(page.rows) };
  }

  /** One pair side by side, the overlapping text of each side highlighted against the other. */
  async pair(_actor: Province, id: string): Promise<PairComparison> {
    const row = await this.repos.crossChecks.pair(id);
    if (!row) throw new AppError('NOT_FOUND');
    const [view] = await this.pairViews([row]);
    const highlight = (a: string, b: string): Highlighted => {
      const spans = overlapSpans(a, b);
      return { a, b, spansA: spans.a, spansB: spans.b };
    };
    return {
      view: view!,
      title: highlight(row.a.title, row.b.title),
      summary: highlight(row.a.summary, row.b.summary),
    };
  }

  private async current(callId: string): Promise<CrossCheckRun | undefined> {
    await this.calls.require(callId);
    return this.repos.crossChecks.currentRun(callId);
  }

  private async pairViews(rows: CrossCheckPairRow[]): Promise<PairView[]> {
    const ids = rows.flatMap((r) => [r.a.applicationId, r.b.applicationId]).filter((id) => id !== undefined);
    const [numbers, departments] = await Promise.all([
      this.repos.crossChecks.acceptanceNumbers([...new Set(ids)]),
      this.repos.departments.list(),
    ]);
    const acceptanceNo = new Map(numbers.map((n) => [n.id, n.acceptanceNo]));
    const names = new Map(departments.map((d) => [d.id, d.name]));
    return rows.map((row) => ({ row, acceptanceNo, departments: names }));
  }

  private async view(run: CrossCheckRun): Promise<RunView> {
    return (await this.views([run]))[0]!;
  }

  private async views(runs: CrossCheckRun[]): Promise<RunView[]> {
    const names = await this.repos.crossChecks.displayNames([...new Set(runs.map((r) => r.requestedBy))]);
    const byId = new Map(names.map((n) => [n.id, n.displayName]));
    return runs.map((run) => ({ run, requestedBy: byId.get(run.requestedBy) ?? null }));
  }
}
