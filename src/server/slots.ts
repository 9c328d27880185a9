/**
 * Runs at most `inFlight` tasks at once and lets at most `queued` more wait; beyond that the task is refused at
 * once with `refuse()`, so that a flood of one kind of request cannot take every thread other routes need.
 */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limits: { inFlight: number; queued: number },
    private readonly refuse: () => Error,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.running < this.limits.inFlight) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.limits.queued) throw this.refuse();
    // release() hands its slot straight to the first waiter, so `running` stays counted.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
