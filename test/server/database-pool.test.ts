import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/server/db/database.js';

const postgres = process.env.DATABASE_URL;

describe.runIf(postgres)('PostgreSQL 连接池', () => {
  it('每个进程的连接数不超过 DATABASE_POOL_SIZE：多出的请求在进程内排队', async () => {
    const handle = openPostgres(postgres!, undefined, 2);
    try {
      const backends = await Promise.all(
        Array.from({ length: 6 }, () =>
          handle.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid, pg_sleep(0.05)`),
        ),
      );
      const pids = new Set(backends.map((r) => (r as unknown as { rows: { pid: number }[] }).rows[0]!.pid));
      expect(pids.size).toBe(2);
    } finally {
      await handle.close();
    }
  });
});
