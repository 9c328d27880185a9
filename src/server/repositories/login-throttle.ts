import { eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { loginThrottle } from '../db/schema.js';

export class LoginThrottleRepository {
  constructor(private readonly db: Database) {}

  /**
   * Counts one more attempt for `key` in its fixed window (a new window starts once the old one is over)
   * and returns the count with the window's start. Atomic, so concurrent attempts cannot slip past the limit.
   */
  async countAttempt(
    key: string,
    now: Date,
    windowMs: number,
  ): Promise<{ failures: number; windowStartedAt: Date }> {
    const expired = sql`${loginThrottle.windowStartedAt} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
    const [row] = await this.db
      .insert(loginThrottle)
      .values({ key, windowStartedAt: now, failures: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${expired} then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${loginThrottle.windowStartedAt} end`,
        },
      })
      .returning({ failures: loginThrottle.failures, windowStartedAt: loginThrottle.windowStartedAt });
    return row!;
  }

  async clear(key: string): Promise<void> {
    await this.db.delete(loginThrottle).where(eq(loginThrottle.key, key));
  }

  async pruneBefore(instant: Date): Promise<void> {
    await this.db.delete(loginThrottle).where(lt(loginThrottle.windowStartedAt, instant));
  }
}
