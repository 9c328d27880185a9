import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../src/server/db/database.js';

/**
 * Runs `statement` on the audit log as its owner would, switching off the append-only trigger around it: what an
 * attacker holding the database owner's rights can do, and what the chain and its checkpoints must reveal.
 */
export async function tamper(db: Database, statement: SQL): Promise<void> {
  await db.execute(sql`alter table audit_log disable trigger user`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`alter table audit_log enable trigger user`);
  }
}
