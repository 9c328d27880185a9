import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { NotificationChannel } from '../../contract/vocabulary.js';
import type { Database } from '../db/database.js';
import { notificationPreferences, outbox } from '../db/schema.js';

export type OutboxMessage = typeof outbox.$inferSelect;
export type NewOutboxMessage = typeof outbox.$inferInsert;

export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** Writes the messages; one already written under the same channel and key is left as it is. Returns how many were new. */
  async enqueue(messages: NewOutboxMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const rows = await this.db
      .insert(outbox)
      .values(messages)
      .onConflictDoNothing()
      .returning({ id: outbox.id });
    return rows.length;
  }

  /**
   * Takes up to `limit` messages of `channel` due at `now` for this worker, in one statement: SKIP LOCKED
   * lets workers claiming at once each take different rows, and the claim is committed before anything is
   * sent, so no other worker takes a row while it is being sent. Each claim counts as an attempt.
   */
  async claimDue(channel: NotificationChannel, now: Date, limit: number): Promise<OutboxMessage[]> {
    const due = this.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.channel, channel),
          eq(outbox.deliver, true),
          isNotNull(outbox.address),
          isNull(outbox.sentAt),
          isNull(outbox.failedAt),
          isNull(outbox.claimedAt),
          // A new row is due at once, whatever the database's clock said when it was written.
          or(eq(outbox.attempts, 0), lte(outbox.nextAttemptAt, now)),
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return this.db
      .update(outbox)
      .set({ claimedAt: now, attempts: sql`${outbox.attempts} + 1` })
      .where(and(inArray(outbox.id, due), isNull(outbox.claimedAt)))
      .returning();
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.db
      .update(outbox)
      .set({ sentAt: at, claimedAt: null, lastError: null })
      .where(eq(outbox.id, id));
  }

  /** A send that failed: retried at `retryAt`, or given up when that is undefined. */
  async markFailed(id: string, error: string, at: Date, retryAt: Date | undefined): Promise<void> {
    await this.db
      .update(outbox)
      .set({
        claimedAt: null,
        lastError: error,
        ...(retryAt ? { nextAttemptAt: retryAt } : { failedAt: at }),
      })
      .where(eq(outbox.id, id));
  }

  /**
   * Gives up the messages claimed before `before` and never marked: their worker died between claim and mark,
   * perhaps after sending, so they are not sent again (at most once); they stay readable in the app.
   */
  async abandonStaleClaims(before: Date, at: Date, error: string): Promise<number> {
    const rows = await this.db
      .update(outbox)
      .set({ failedAt: at, claimedAt: null, lastError: error })
      .where(and(lt(outbox.claimedAt, before), isNull(outbox.sentAt), isNull(outbox.failedAt)))
      .returning({ id: outbox.id });
    return rows.length;
  }

  /** The reader's messages, newest first. */
  async ofUser(userId: string, offset: number, limit: number): Promise<OutboxMessage[]> {
    return this.db
      .select()
      .from(outbox)
      .where(eq(outbox.userId, userId))
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .offset(offset)
      .limit(limit);
  }

  async countsOf(userId: string): Promise<{ total: number; unread: number }> {
    const [row] = await this.db
      .select({
        total: count(),
        unread: sql<number>`count(*) filter (where ${outbox.readAt} is null)`.mapWith(Number),
      })
      .from(outbox)
      .where(eq(outbox.userId, userId));
    return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
  }

  /** Marks the reader's own message read (the first time only); undefined when it is not theirs. */
  async markRead(userId: string, id: string, at: Date): Promise<OutboxMessage | undefined> {
    const [row] = await this.db
      .update(outbox)
      .set({ readAt: sql`coalesce(${outbox.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(outbox.id, id), eq(outbox.userId, userId)))
      .returning();
    return row;
  }

  /** The kinds each of `userIds` chose not to receive by e-mail. */
  async optedOut(userIds: readonly string[], kind: string): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.db
      .select({ userId: notificationPreferences.userId })
      .from(notificationPreferences)
      .where(
        and(
          inArray(notificationPreferences.userId, [...userIds]),
          eq(notificationPreferences.kind, kind),
          eq(notificationPreferences.email, false),
        ),
      );
    return new Set(rows.map((r) => r.userId));
  }

  async preferencesOf(userId: string): Promise<Map<string, boolean>> {
    const rows = await this.db
      .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    return new Map(rows.map((r) => [r.kind, r.email]));
  }

  async setPreferences(userId: string, choices: { kind: string; email: boolean }[], at: Date): Promise<void> {
    if (choices.length === 0) return;
    await this.db
      .insert(notificationPreferences)
      .values(choices.map((c) => ({ userId, kind: c.kind, email: c.email, updatedAt: at })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { email: sql`excluded.email`, updatedAt: at },
      });
  }
}
