import type { Config } from '../config.js';
import { type DatabaseHandle, grantServingRole, openPostgres } from './database.js';

/**
 * Migrates as the serving role, or as the owning role and then grants the serving role what it may do; the
 * server at start and `shenbao admin` alike.
 */
export async function migrate(
  config: Pick<Config, 'databaseUrl' | 'migrationDatabaseUrl'>,
  database: DatabaseHandle,
): Promise<void> {
  if (!config.migrationDatabaseUrl || !config.databaseUrl) return database.migrate();
  const owner = openPostgres(config.migrationDatabaseUrl);
  try {
    await owner.migrate();
    await grantServingRole(owner.db, decodeURIComponent(new URL(config.databaseUrl).username));
  } finally {
    await owner.close();
  }
}
