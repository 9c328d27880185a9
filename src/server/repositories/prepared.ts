import type { Database } from '../db/database.js';

const statements = new WeakMap<Database, Map<string, unknown>>();

/**
 * The statement `build` makes, prepared under `name`, once per database handle: a read every request makes
 * skips building its SQL, and PostgreSQL parses it once per connection and in time keeps its plan. Its values
 * are `sql.placeholder`s, given to `execute`.
 */
export function prepared<P>(db: Database, name: string, build: () => { prepare(name: string): P }): P {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, build().prepare(name));
  return byName.get(name) as P;
}
