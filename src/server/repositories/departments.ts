import { asc, eq } from 'drizzle-orm';
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

  /** Inserts or refreshes by name, returning the row either way. */
  async upsert(department: NewDepartment): Promise<Department> {
    const [row] = await this.db
      .insert(departments)
      .values(department)
      .onConflictDoUpdate({
        target: departments.name,
        set: { kind: department.kind, cityId: department.cityId ?? null, divisionCode: department.divisionCode ?? null },
      })
      .returning();
    return row!;
  }
}
