import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  applications,
  departments,
  documents,
  ongoingProjects,
  organizations,
  people,
} from '../db/schema.js';

// What a bundle of applications needs from the database, read in a few set-wise queries.

export type ApplicationRow = typeof applications.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type OngoingProjectRow = typeof ongoingProjects.$inferSelect;

export class BundleRepository {
  constructor(private readonly db: Database) {}

  /**
   * The call's live applications (not withdrawn) that share an applicant credit code or a PI with the given
   * ones: everything the cross-application limits of 二、3 compare them with, across all organizations.
   */
  relatedApplications(callId: string, creditCodes: string[], piIds: string[]): Promise<ApplicationRow[]> {
    if (creditCodes.length === 0 && piIds.length === 0) return Promise.resolve([]);
    const sameApplicant = this.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(inArray(organizations.creditCode, creditCodes.length > 0 ? creditCodes : ['']));
    return this.db
      .select()
      .from(applications)
      .where(
        and(
          eq(applications.callId, callId),
          ne(applications.status, 'withdrawn'),
          or(
            inArray(applications.organizationId, sameApplicant),
            piIds.length > 0 ? inArray(applications.piId, piIds) : undefined,
          ),
        ),
      );
  }

  organizations(ids: string[]): Promise<OrganizationRow[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.db.select().from(organizations).where(inArray(organizations.id, ids));
  }

  ongoingProjects(organizationIds: string[]): Promise<OngoingProjectRow[]> {
    return organizationIds.length === 0
      ? Promise.resolve([])
      : this.db
          .select()
          .from(ongoingProjects)
          .where(inArray(ongoingProjects.organizationId, organizationIds));
  }

  people(ids: string[]): Promise<PersonRow[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.db.select().from(people).where(inArray(people.id, ids));
  }

  /** The departments and, for counties, their cities. */
  async departments(ids: string[]): Promise<DepartmentRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.select().from(departments).where(inArray(departments.id, ids));
    const cities = rows.flatMap((d) => (d.cityId && !ids.includes(d.cityId) ? [d.cityId] : []));
    return cities.length === 0
      ? rows
      : [...rows, ...(await this.db.select().from(departments).where(inArray(departments.id, cities)))];
  }

  /** Current (not superseded) documents of the applications. */
  currentDocuments(applicationIds: string[]): Promise<DocumentRow[]> {
    return applicationIds.length === 0
      ? Promise.resolve([])
      : this.db
          .select()
          .from(documents)
          .where(and(inArray(documents.applicationId, applicationIds), isNull(documents.supersededAt)))
          .orderBy(documents.uploadedAt);
  }
}
