import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { rateLimitCounters } from '../db/schema.js';

export interface Count {
  count: number;
  windowEndsAt: Date;
}

export class RateLimitRepository {
  constructor(private readonly db: Database) {}

  /**
   * Counts one more for `key` in its fixed window (a new window starts once the old one has ended) and
   * returns the count with the window's end. Atomic, so concurrent requests cannot slip past a limit.
   */
  async hit(key: string, now: Date, windowMs: number): Promise<Count> {
    const ended = sql`${rateLimitCounters.windowEndsAt} <= ${now.toISOString()}::timestamptz`;
    const windowEndsAt = new Date(now.getTime() + windowMs);
    const [row] = await this.db
      .insert(rateLimitCounters)
      .values({ key, count: 1, windowEndsAt })
      .onConflictDoUpdate({
        target: rateLimitCounters.key,
        set: {
          count: sql`case when ${ended} then 1 else ${rateLimitCounters.count} + 1 end`,
          windowEndsAt: sql`case when ${ended} then ${windowEndsAt.toISOString()}::timestamptz else ${rateLimitCounters.windowEndsAt} end`,
        },
      })
      .returning({ count: rateLimitCounters.count, windowEndsAt: rateLimitCounters.windowEndsAt });
    return row!;
  }

  /** Takes back one `hit` of the window still running. */
  async unhit(key: string, now: Date): Promise<void> {
    await this.db
      .update(rateLimitCounters)
      .set({ count: sql`greatest(${rateLimitCounters.count} - 1, 0)` })
      .where(and(eq(rateLimitCounters.key, key), gt(rateLimitCounters.windowEndsAt, now)));
  }

  async clear(key: string): Promise<void> {
    await this.db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, key));
  }

  async pruneEndedBy(now: Date): Promise<void> {
    await this.db.delete(rateLimitCounters).where(lte(rateLimitCounters.windowEndsAt, now));
  }
}
