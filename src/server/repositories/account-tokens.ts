import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { accountTokens } from '../db/schema.js';
import type { AccountTokenPurpose } from '../../contract/vocabulary.js';

export type AccountToken = typeof accountTokens.$inferSelect;
export type NewAccountToken = typeof accountTokens.$inferInsert;

export class AccountTokenRepository {
  constructor(private readonly db: Database) {}

  async insert(token: NewAccountToken): Promise<void> {
    await this.db.insert(accountTokens).values(token);
  }

  /**
   * Marks the token used and returns it, if it is of `purpose`, unused and unexpired at `now`; one UPDATE, so
   * that two requests racing with one link cannot both succeed.
   */
  async consume(id: string, purpose: AccountTokenPurpose, now: Date): Promise<AccountToken | undefined> {
    const [row] = await this.db
      .update(accountTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(accountTokens.id, id),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, now),
        ),
      )
      .returning();
    return row;
  }

  /** Marks every unused token of `purpose` of the user used: a newer link, or a new password, voids the older links. */
  async voidOfUser(userId: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
    await this.db
      .update(accountTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(accountTokens.userId, userId),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.usedAt),
        ),
      );
  }

  /** The token as stored, used or not (to tell "expired" and "already used" apart in the message). */
  async find(id: string): Promise<AccountToken | undefined> {
    const [row] = await this.db.select().from(accountTokens).where(eq(accountTokens.id, id));
    return row;
  }
}
