import { ConfigError, loadMigratingDatabaseConfig } from '../server/config.js';
import type { Database } from '../server/db/database.js';
import { openDatabase } from '../server/db/database.js';
import { migrate } from '../server/db/migrate.js';
import { EXIT, type CliIo } from './io.js';

/**
 * Runs `work` on the server's database, opened and migrated exactly as the server does it (`admin`, `call
 * import`), so it works on an empty DATA_DIR too. A bad environment, or a database that cannot be opened or
 * written, is said on stderr with exit 2; `work` answers its own domain errors.
 */
export async function withMigratedDatabase(
  io: CliIo,
  work: (db: Database) => Promise<number>,
): Promise<number> {
  let config;
  try {
    config = loadMigratingDatabaseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`${error.message}\n`);
    return EXIT.usage;
  }
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(config, database);
    return await work(database.db);
  } catch (error) {
    io.stderr(`无法打开或写入数据库：${(error as Error).message}\n`);
    return EXIT.usage;
  } finally {
    await database.close();
  }
}
