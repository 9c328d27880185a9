import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { importKeys, ongoingProjects, organizations, people } from '../db/schema.js';
import type { NewOrganization, Organization } from './organizations.js';
import type { NewPerson, Person } from './people.js';

export type ImportKey = typeof importKeys.$inferSelect;
export type ImportEntity = ImportKey['entityType'];
export type OrganizationChanges = Partial<
  Omit<NewOrganization, 'id' | 'creditCode' | 'createdAt' | 'updatedAt'>
>;
export type ImportedPersonChanges = Partial<
  Pick<NewPerson, 'name' | 'idNumber' | 'ongoingProvincialProjects' | 'dishonestyUntil'>
>;

// What a bundle import reads and writes besides the rows other repositories insert: its keys, and the
// organizations and people it created and may update.

export class ImportKeyRepository {
  constructor(private readonly db: Database) {}

  list(callId: string, importer: string): Promise<ImportKey[]> {
    return this.db
      .select()
      .from(importKeys)
      .where(and(eq(importKeys.callId, callId), eq(importKeys.importer, importer)));
  }

  /** Records (or re-points, when the bundle's row now matches another one) what a bundle id stands for. */
  async put(key: ImportKey): Promise<void> {
    const { callId: _c, importer: _i, entityType: _e, bundleId: _b, ...changes } = key;
    await this.db
      .insert(importKeys)
      .values(key)
      .onConflictDoUpdate({
        target: [importKeys.callId, importKeys.importer, importKeys.entityType, importKeys.bundleId],
        set: changes,
      });
  }

  /** Who created each of these rows by an import, in any call: departments' ids or `province`. */
  async creators(entityType: ImportEntity, dbIds: string[]): Promise<Map<string, Set<string>>> {
    const rows =
      dbIds.length === 0
        ? []
        : await this.db
            .selectDistinct({ dbId: importKeys.dbId, importer: importKeys.importer })
            .from(importKeys)
            .where(
              and(
                eq(importKeys.entityType, entityType),
                inArray(importKeys.dbId, dbIds),
                eq(importKeys.created, true),
              ),
            );
    const found = new Map<string, Set<string>>();
    for (const r of rows) found.set(r.dbId, (found.get(r.dbId) ?? new Set()).add(r.importer));
    return found;
  }

  organizationsByCreditCode(codes: string[]): Promise<Organization[]> {
    return codes.length === 0
      ? Promise.resolve([])
      : this.db.select().from(organizations).where(inArray(organizations.creditCode, codes));
  }

  async updateOrganization(id: string, changes: OrganizationChanges): Promise<void> {
    await this.db.update(organizations).set(changes).where(eq(organizations.id, id));
  }

  async replaceOngoingProjects(
    organizationId: string,
    projects: { program: (typeof ongoingProjects.$inferInsert)['program']; title?: string | undefined }[],
  ): Promise<void> {
    await this.db.delete(ongoingProjects).where(eq(ongoingProjects.organizationId, organizationId));
    if (projects.length === 0) return;
    await this.db
      .insert(ongoingProjects)
      .values(projects.map((p) => ({ organizationId, program: p.program, title: p.title ?? null })));
  }

  peopleOf(employerIds: string[]): Promise<Person[]> {
    return employerIds.length === 0
      ? Promise.resolve([])
      : this.db
          .select()
          .from(people)
          .where(inArray(people.employerId, employerIds))
          .orderBy(asc(people.createdAt), asc(people.id));
  }

  async updatePerson(id: string, changes: ImportedPersonChanges): Promise<void> {
    await this.db.update(people).set(changes).where(eq(people.id, id));
  }
}
