import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock.js';

// Background work kept in the database, not in a process: every app instance polls, claims a job with
// FOR UPDATE SKIP LOCKED, and beats its heartbeat between steps. A job whose instance died keeps a stale
// heartbeat and is taken over by the next instance that polls; its old instance, if it was only slow, finds
// its claim gone at its next step and stops (every write checks the claim).

/** Longer than any step between two heartbeats (a province-wide rule check is one synchronous step). */
export const STALE_AFTER_MS = 5 * 60_000;

export interface Lease {
  /** This process, as the claim records it. */
  readonly instance: string;
  /** Aborted when the runner stops: a job gives its claim back at its next step. */
  readonly signal: AbortSignal;
  /** Claims whose heartbeat is older than this belong to a dead instance. */
  staleBefore(): Date;
}

export interface JobQueue {
  readonly name: string;
  /** Claims the next pending job, if any, and works it to its end; false when nothing was pending. */
  runNext(lease: Lease): Promise<boolean>;
}

export interface JobLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** The job's claim went to another instance (this one was presumed dead): it must stop writing. */
export class ClaimLost extends Error {
  override name = 'ClaimLost';
}

/** The runner is stopping: the job gives its claim back. */
export class RunnerStopping extends Error {
  override name = 'RunnerStopping';
}

export class JobRunner {
  readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<number> | undefined;

  constructor(
    private readonly queues: JobQueue[],
    private readonly clock: Clock,
    private readonly log: JobLog,
    private readonly staleAfterMs = STALE_AFTER_MS,
  ) {}

  /** Polls every `pollMs` until stopped; 0 leaves it to `runPending` (tests). */
  start(pollMs: number): void {
    if (pollMs <= 0 || this.timer || this.abort.signal.aborted) return;
    const tick = () => {
      this.timer = undefined;
      this.current = this.runPending().catch((error: unknown) => {
        this.log.error({ err: error }, 'background job poll failed');
        return 0;
      });
      void this.current.finally(() => {
        if (!this.abort.signal.aborted) this.timer = setTimeout(tick, pollMs).unref();
      });
    };
    this.timer = setTimeout(tick, pollMs).unref();
  }

  /** Stops polling; a job under way gives its claim back at its next step, and this waits for that. */
  async stop(): Promise<void> {
    this.abort.abort();
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /** Works every pending job, one after another, until none is left; returns how many it took. */
  async runPending(): Promise<number> {
    const lease: Lease = {
      instance: this.instance,
      signal: this.abort.signal,
      staleBefore: () => new Date(this.clock.now().getTime() - this.staleAfterMs),
    };
    let taken = 0;
    for (const queue of this.queues) {
      while (!this.abort.signal.aborted && (await queue.runNext(lease))) taken++;
    }
    return taken;
  }
}
