import { and, asc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { sessions, users } from '../db/schema.js';
import { prepared } from './prepared.js';
import type { User } from './users.js';

export type Session = typeof sessions.$inferSelect;

export class SessionRepository {
  constructor(private readonly db: Database) {}

  async insert(session: Session): Promise<void> {
    await this.db.insert(sessions).values(session);
  }

  async findWithUser(id: string): Promise<{ session: Session; user: User } | undefined> {
    const [row] = await prepared(this.db, 'session_with_user', () =>
      this.db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, sql.placeholder('id'))),
    ).execute({ id });
    return row;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.id, id));
  }

  /** The user's live sessions, oldest first. */
  async listLiveOfUser(userId: string, now: Date): Promise<Session[]> {
    return this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
      .orderBy(asc(sessions.createdAt), asc(sessions.id));
  }

  /** Ends every session of the user but `keepId` (when given); how many ended. */
  async deleteOfUser(userId: string, keepId?: string): Promise<number> {
    const ended = await this.db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), keepId === undefined ? undefined : ne(sessions.id, keepId)))
      .returning({ id: sessions.id });
    return ended.length;
  }

  async deleteExpiredOfUser(userId: string, now: Date): Promise<void> {
    await this.db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now)));
  }
}
