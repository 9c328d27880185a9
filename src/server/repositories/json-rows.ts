import {
  Column,
  getTableColumns,
  is,
  SQL,
  sql,
  type DriverValueDecoder,
  type InferSelectModel,
} from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Rows of `table` that PostgreSQL built as JSON (`json_agg` of whole rows, keyed by column name), mapped as
 * Drizzle maps a driver's values: a query that answers many tables at once returns the very types a
 * `select()` of each would.
 */
export function rowsFromJson<T extends PgTable>(
  table: T,
  rows: readonly Record<string, unknown>[],
): InferSelectModel<T>[] {
  const columns = Object.entries(getTableColumns(table));
  return rows.map((json) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = json[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as InferSelectModel<T>;
  });
}

type Field = Column | SQL | SQL.Aliased;

/** What `.mapWith` gave the expression; Drizzle's own row mapping reads the same member, which it does not type. */
const decoderOf = (expression: SQL) =>
  (expression as unknown as { decoder: DriverValueDecoder<unknown, unknown> }).decoder;

/** `selection`'s fields as `expression as "key"`, the members of a `row_to_json` whose row `selectionFromJson` maps. */
export function selectionSql(selection: Record<string, Field>): SQL {
  return sql.join(
    Object.entries(selection).map(([key, field]) => sql`${field} as ${sql.identifier(key)}`),
    sql`, `,
  );
}

/** A JSON object of `selectionSql`'s members, each mapped as Drizzle maps that field of a `select()`. */
export function selectionFromJson<T>(selection: Record<string, Field>, json: Record<string, unknown>): T {
  const row: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(selection)) {
    const value = json[key];
    const decoder = is(field, Column) ? field : decoderOf(is(field, SQL) ? field : field.sql);
    row[key] = value === null || value === undefined ? null : decoder.mapFromDriverValue(value);
  }
  return row as T;
}
