import { asc, count, desc, eq, getTableColumns, inArray, max, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  applications,
  type DepartmentChange,
  type DepartmentSnapshot,
  departmentVersions,
  departments,
  organizations,
  users,
} from '../db/schema.js';

export type Department = typeof departments.$inferSelect;
export type NewDepartment = typeof departments.$inferInsert;
export type DepartmentVersionRow = typeof departmentVersions.$inferSelect;
export type { DepartmentChange, DepartmentSnapshot };

/** What holds on to a department, so that it cannot be deleted. */
export interface DepartmentReferences {
  applications: number;
  organizations: number;
  users: number;
  counties: number;
}

export function snapshotOf(department: Department): DepartmentSnapshot {
  return {
    name: department.name,
    kind: department.kind,
    cityId: department.cityId,
    divisionCode: department.divisionCode,
    active: department.active,
    contactName: department.contactName,
    contactPhone: department.contactPhone,
    contactEmail: department.contactEmail,
  };
}

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

  /** The department under a row lock, so that changes to one department take turns and number their versions densely. */
  async lock(id: string): Promise<Department | undefined> {
    const [row] = await this.db.select().from(departments).where(eq(departments.id, id)).for('update');
    return row;
  }

  async findByNames(names: string[]): Promise<Department[]> {
    if (names.length === 0) return [];
    return this.db.select().from(departments).where(inArray(departments.name, names));
  }

  /** Inserts the rows whose names are new; returns those inserted. */
  insertNew(rows: NewDepartment[]): Promise<Department[]> {
    if (rows.length === 0) return Promise.resolve([]);
    return this.db
      .insert(departments)
      .values(rows)
      .onConflictDoNothing({ target: departments.name })
      .returning();
  }

  async insert(row: NewDepartment): Promise<Department> {
    const [inserted] = await this.db.insert(departments).values(row).returning();
    return inserted!;
  }

  async update(id: string, changes: Partial<NewDepartment>): Promise<Department> {
    const [updated] = await this.db
      .update(departments)
      .set(changes)
      .where(eq(departments.id, id))
      .returning();
    return updated!;
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(departments).where(eq(departments.id, id));
  }

  async references(id: string): Promise<DepartmentReferences> {
    const counted = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
    const [a, o, u, c] = await Promise.all([
      counted(this.db.select({ n: count() }).from(applications).where(eq(applications.departmentId, id))),
      counted(this.db.select({ n: count() }).from(organizations).where(eq(organizations.departmentId, id))),
      counted(this.db.select({ n: count() }).from(users).where(eq(users.departmentId, id))),
      counted(this.db.select({ n: count() }).from(departments).where(eq(departments.cityId, id))),
    ]);
    return { applications: a, organizations: o, users: u, counties: c };
  }

  /** Appends the department's next version and returns its number. */
  async addVersion(version: {
    departmentId: string;
    change: DepartmentChange;
    before: DepartmentSnapshot | null;
    after: DepartmentSnapshot | null;
    actorUserId: string | null;
    at: Date;
  }): Promise<number> {
    const [last] = await this.db
      .select({ version: departmentVersions.version })
      .from(departmentVersions)
      .where(eq(departmentVersions.departmentId, version.departmentId))
      .orderBy(desc(departmentVersions.version))
      .limit(1);
    const number = (last?.version ?? 0) + 1;
    await this.db.insert(departmentVersions).values({ ...version, version: number });
    return number;
  }

  /** Each department's newest version number. */
  async latestVersions(): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ id: departmentVersions.departmentId, version: max(departmentVersions.version) })
      .from(departmentVersions)
      .groupBy(departmentVersions.departmentId);
    return new Map(rows.map((r) => [r.id, r.version ?? 0]));
  }

  versions(departmentId: string): Promise<(DepartmentVersionRow & { actorName: string | null })[]> {
    return this.db
      .select({ ...getTableColumns(departmentVersions), actorName: users.displayName })
      .from(departmentVersions)
      .leftJoin(users, eq(users.id, departmentVersions.actorUserId))
      .where(eq(departmentVersions.departmentId, departmentId))
      .orderBy(desc(departmentVersions.version));
  }

  /** Every name a department of the directory has ever had, by its versions (deleted ones included). */
  async namesEverHeld(): Promise<Set<string>> {
    const rows = await this.db
      .select({ name: sql<string>`${departmentVersions.after}->>'name'` })
      .from(departmentVersions)
      .where(sql`${departmentVersions.after} is not null`)
      .union(
        this.db
          .select({ name: sql<string>`${departmentVersions.before}->>'name'` })
          .from(departmentVersions)
          .where(sql`${departmentVersions.before} is not null`),
      );
    return new Set(rows.map((r) => r.name));
  }
}
