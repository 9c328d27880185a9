import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { CrossCheckPhase, CrossCheckSummary } from '../db/schema.js';
import type { CrossCheckRun } from '../repositories/cross-checks.js';
import { inTransaction, repositories, type Repositories } from '../repositories/index.js';
import { BundleService } from '../services/bundles.js';
import { parametersOf } from '../services/calls.js';
import { ClaimLost, RunnerStopping, type JobLog, type JobQueue, type Lease } from './runner.js';
import { crossCheckInWorker, type CrossCheckFeed } from './cross-check-thread.js';
import { STEP } from './cross-check-work.js';

// 全省交叉核查 as a background job: the whole call as one bundle (every live application with the registers),
// judged by the core's `checkBundle` and stored finding by finding, then the province-wide similarity report.
// Progress counts applications twice: once judged and stored, once compared.

/** A run taken over this many times died with its instance each time; it is failed instead of retried. */
const MAX_ATTEMPTS = 3;

export class CrossCheckJob implements JobQueue {
  readonly name = 'cross-checks';

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log: JobLog,
  ) {}

  async runNext(lease: Lease): Promise<boolean> {
    const repos = repositories(this.db);
    const staleBefore = lease.staleBefore();
    await repos.crossChecks.failExhausted(
      staleBefore,
      MAX_ATTEMPTS,
      this.clock.now(),
      `核查进程连续 ${MAX_ATTEMPTS} 次中断，已停止重试；请检查服务器日志后重新发起核查`,
    );
    const run = await repos.crossChecks.claimNext(lease.instance, this.clock.now(), staleBefore);
    if (!run) return false;
    this.log.info({ run: run.id, call: run.callId, attempt: run.attempts }, 'cross-check run claimed');
    try {
      await this.work(run, lease);
      this.log.info({ run: run.id }, 'cross-check run done');
    } catch (error) {
      if (error instanceof ClaimLost) {
        this.log.info({ run: run.id }, 'cross-check run taken over by another instance');
      } else if (error instanceof RunnerStopping) {
        await repos.crossChecks.release(run.id, lease.instance);
      } else {
        this.log.error({ err: error, run: run.id }, 'cross-check run failed');
        await this.fenced(run, lease, async (tx) => {
          await tx.crossChecks.updateRun(run.id, {
            status: 'failed',
            finishedAt: this.clock.now(),
            error: error instanceof Error ? error.message : String(error),
          });
          await tx.audit.append({
            at: this.clock.now(),
            actorUserId: null,
            action: 'cross-check.failed',
            entityType: 'cross-check-run',
            entityId: run.id,
            after: { status: 'failed' },
          });
        }).catch((inner: unknown) => {
          if (!(inner instanceof ClaimLost)) throw inner;
        });
      }
    }
    return true;
  }

  /** One step of the run: a transaction that goes ahead only while this instance still holds the claim. */
  private fenced<T>(run: CrossCheckRun, lease: Lease, work: (repos: Repositories) => Promise<T>): Promise<T> {
    return inTransaction(this.db, async (repos) => {
      if (!(await repos.crossChecks.lockClaimed(run.id, lease.instance))) throw new ClaimLost();
      const result = await work(repos);
      await repos.crossChecks.updateRun(run.id, { heartbeatAt: this.clock.now() });
      return result;
    });
  }

  private async work(run: CrossCheckRun, lease: Lease): Promise<void> {
    const step = async (work: (repos: Repositories) => Promise<void>) => {
      if (lease.signal.aborted) throw new RunnerStopping();
      await this.fenced(run, lease, work);
    };
    let total = 0;
    const progress = (repos: Repositories, phase: CrossCheckPhase, done: number) =>
      repos.crossChecks.updateRun(run.id, { phase, progressDone: done, progressTotal: total });
    // Parsing, judging and comparing hold a thread for seconds: the worker's, not the event loop's.
    for await (const result of crossCheckInWorker((send) => this.read(run, send))) {
      switch (result.kind) {
        case 'start':
          total = 2 * result.applications;
          // A take-over starts afresh: what the dead instance wrote goes.
          await step(async (repos) => {
            await repos.crossChecks.clearResults([run.id]);
            await progress(repos, 'rules', 0);
          });
          break;
        case 'findings':
          await step(async (repos) => {
            const rows = result.rows.map((row) => ({ runId: run.id, ...row }));
            for (let i = 0; i < rows.length; i += STEP)
              await repos.crossChecks.insertFindings(rows.slice(i, i + STEP));
            await progress(repos, 'rules', result.done);
          });
          break;
        case 'pairs':
          await step(async (repos) => {
            const found = result.pairs;
            for (let i = 0; i < found.length; i += STEP) {
              await repos.crossChecks.insertPairs(
                found.slice(i, i + STEP).map((p) => ({ runId: run.id, ...p })),
              );
            }
            await progress(repos, 'similarity', total / 2 + result.done);
          });
          break;
        case 'summary': {
          const summary: CrossCheckSummary = result.summary;
          await step(async (repos) => {
            await repos.crossChecks.updateRun(run.id, {
              status: 'done',
              phase: null,
              progressDone: total,
              finishedAt: this.clock.now(),
              summary,
            });
            await repos.crossChecks.settleCurrent(run.callId);
            await repos.audit.append({
              at: this.clock.now(),
              actorUserId: null,
              action: 'cross-check.completed',
              entityType: 'cross-check-run',
              entityId: run.id,
              before: { status: 'running' },
              after: { status: 'done', ...summary },
            });
          });
        }
      }
    }
  }

  /**
   * Sends the call, its bundle as assembled and the applications of it that departments received, read in one
   * snapshot so that every application is judged against the same state.
   */
  private read(run: CrossCheckRun, send: Parameters<CrossCheckFeed>[0]): Promise<void> {
    return this.db.transaction(
      async (tx) => {
        const repos = repositories(tx);
        const row = await repos.calls.findById(run.callId);
        if (!row) throw new Error(`计划 ${run.callId} 不存在`);
        const call = parametersOf(row);
        await send({ kind: 'call', call });
        const parts = new BundleService(repos).provinceParts(call, run.callId, run.startedAt!);
        for await (const part of parts) {
          await send(part);
          if (part.kind === 'list' && part.key === 'applications') {
            const ids = part.items.map((a) => a.id);
            await send({
              kind: 'received',
              ids: await repos.crossChecks.receivedApplications(run.callId, ids),
            });
          }
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }
}
