import type { Database } from '../db/database.js';
import { outbox } from '../db/schema.js';

export type OutboxMessage = typeof outbox.$inferSelect;
export type NewOutboxMessage = typeof outbox.$inferInsert;

export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** Writes the messages; one already written under the same channel and key is left as it is. */
  async enqueue(messages: NewOutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.db.insert(outbox).values(messages).onConflictDoNothing();
  }
}
