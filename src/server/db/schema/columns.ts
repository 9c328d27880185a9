import { sql } from 'drizzle-orm';
import { date, timestamp } from 'drizzle-orm/pg-core';

/** A moment, kept with its time zone. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A calendar date, read as `YYYY-MM-DD`. */
export const day = (name: string) => date(name, { mode: 'string' });

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () =>
  instant('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** The SQL list of `values`, for a check constraint that a text column holds one of them. */
export const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
