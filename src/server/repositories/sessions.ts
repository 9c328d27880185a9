import { and, eq, lte } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { sessions, users } from '../db/schema.js';
import type { User } from './users.js';

export type Session = typeof sessions.$inferSelect;

export class SessionRepository {
  constructor(private readonly db: Database) {}

  async insert(session: Session): Promise<void> {
    await this.db.insert(sessions).values(session);
  }

  async findWithUser(id: string): Promise<{ session: Session; user: User } | undefined> {
    const [row] = await this.db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id));
    return row;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.id, id));
  }

  /** Ends every session of the user at once (the account was disabled). */
  async deleteOfUser(userId: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.userId, userId));
  }

  async deleteExpiredOfUser(userId: string, now: Date): Promise<void> {
    await this.db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now)));
  }
}
