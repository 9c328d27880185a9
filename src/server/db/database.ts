import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database or a transaction on it: repositories accept either. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly driver: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant will do, as long as every instance of the app uses the same one.
const MIGRATION_LOCK_ID = 7_326_100_026;

/** `DATABASE_URL` set: PostgreSQL; unset: PGlite persisted under `DATA_DIR/pglite`. */
export function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize?: number;
  onPoolError?: (error: Error) => void;
}): DatabaseHandle {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, options.onPoolError, options.poolSize);
  }
  const dir = join(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openPglite({ dataDir: dir });
}

/** Without a `dataDir`, PGlite keeps the database in memory (tests). */
export function openPglite(options: PGliteOptions = {}): DatabaseHandle & { client: PGlite } {
  const client = new PGlite(options);
  const db = drizzlePglite({ client, schema });
  return {
    db,
    client,
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

export function openPostgres(
  url: string,
  onPoolError?: (error: Error) => void,
  poolSize?: number,
): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => onPoolError?.(error));
  const db = drizzleNodePostgres({ client: pool, schema });
  return {
    db,
    driver: 'postgres',
    async migrate() {
      // Instances starting together take turns, so each migration runs once.
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
        await migrateNodePostgres(db, { migrationsFolder });
      } finally {
        await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
        lock.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Lets the role that serves requests (`servingRole`) read and write the app's tables but only append to the
 * audit log. Run by the migrating role, which owns the tables: the serving role cannot alter them, so it cannot
 * disable the audit log's append-only trigger either.
 */
export async function grantServingRole(migrator: Database, servingRole: string): Promise<void> {
  const role = sql.identifier(servingRole);
  await migrator.execute(sql`grant usage on schema public to ${role}`);
  await migrator.execute(sql`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await migrator.execute(sql`grant usage, select, update on all sequences in schema public to ${role}`);
  await migrator.execute(sql`revoke update, delete, truncate on audit_log from ${role}`);
}
