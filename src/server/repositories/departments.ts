import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { departments } from '../db/schema.js';

export type Department = typeof departments.$inferSelect;
export type NewDepartment = typeof departments.$inferInsert;

export class DepartmentRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<Department[]> {
    return this.db
      .select()
      .from(departments)
      .orderBy(asc(departments.kind), asc(departments.divisionCode), asc(departments.name));
  }

  async findById(id: string): Promise<Department | undefined> {
    const [row] = await this.db.select().from(departments).where(eq(departments.id, id));
    return row;
  }

  /** Inserts or refreshes by name, returning the rows either way. */
  upsertByName(rows: NewDepartment[]): Promise<Department[]> {
    return this.db
      .insert(departments)
      .values(rows)
      .onConflictDoUpdate({
        target: departments.name,
        set: {
          kind: sql.raw('excluded.kind'),
          cityId: sql.raw('excluded.city_id'),
          divisionCode: sql.raw('excluded.division_code'),
        },
      })
      .returning();
  }
}
