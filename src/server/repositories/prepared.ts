import type { Database } from '../db/database.js';

const statements = new WeakMap<Database, Map<string, unknown>>();

/**
 * `build`'s statement prepared under `name`, once per database handle: a read every request makes skips building
 * its SQL, and PostgreSQL parses it once per connection and in time keeps its plan. Its values are
 * `sql.placeholder`s, given to `execute`.
 */
export function prepared<T>(db: Database, name: string, build: () => T): T {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, build());
  return byName.get(name) as T;
}
