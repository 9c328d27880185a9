import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database.js';
import {
  applications,
  departments,
  documents,
  ongoingProjects,
  organizations,
  people,
  registerDishonesty,
  registerExternalSubmissions,
  registerOngoingProjects,
} from '../db/schema.js';
import type { DishonestyRecord } from '../../core/registers/dishonesty.js';
import type { ExternalSubmissionRecord } from '../../core/registers/external-submissions.js';
import type { OngoingProjectRecord } from '../../core/registers/ongoing-projects.js';

// What a bundle of applications needs from the database, read in a few set-wise queries.

export type ApplicationRow = typeof applications.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type OngoingProjectRow = typeof ongoingProjects.$inferSelect;

/** Whose register records to read: absent, everyone's. */
export interface RegisterSubjects {
  creditCodes: string[];
  idNumbers: string[];
  names: string[];
}

const someOf = (values: string[]) => (values.length > 0 ? values : ['']);

/** Register records naming one of the credit codes or ID numbers; every record when `subjects` is absent. */
function concerning(creditCode: PgColumn, idNumber: PgColumn, subjects?: RegisterSubjects): SQL | undefined {
  return (
    subjects &&
    or(inArray(creditCode, someOf(subjects.creditCodes)), inArray(idNumber, someOf(subjects.idNumbers)))
  );
}

/** UUIDs as one `uuid[]` parameter. */
const uuids = (ids: string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A page of rows in the order of creation: at most `limit`, after the row `after` (keyset pagination). */
export interface Page {
  after?: string | undefined;
  limit: number;
}

/**
 * The rows of `table` after the row `id` in the order (created_at, id), compared in the database: a JS Date
 * would round the timestamp to milliseconds and could repeat or skip rows.
 */
function createdAfter(
  table: PgTable & { createdAt: PgColumn; id: PgColumn },
  id: string | undefined,
): SQL | undefined {
  return id === undefined
    ? undefined
    : sql`(${table.createdAt}, ${table.id}) > (select ${table.createdAt}, ${table.id} from ${table} where ${table.id} = ${id})`;
}

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

  /** Every live application (not withdrawn) of the call. */
  liveApplications(callId: string): Promise<ApplicationRow[]> {
    return this.db
      .select()
      .from(applications)
      .where(and(eq(applications.callId, callId), ne(applications.status, 'withdrawn')))
      .orderBy(applications.createdAt, applications.id);
  }

  /** A page of the ids of `liveApplications`, in their order, which the pages of `applications` then follow. */
  async liveApplicationIds(callId: string, page: Page): Promise<string[]> {
    const rows = await this.db
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.callId, callId),
          ne(applications.status, 'withdrawn'),
          createdAfter(applications, page.after),
        ),
      )
      .orderBy(applications.createdAt, applications.id)
      .limit(page.limit);
    return rows.map((r) => r.id);
  }

  /** The applications of the ids, in their order, each found by its key (as `currentDocuments`). */
  applications(ids: string[]): Promise<ApplicationRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const row = this.db
      .select()
      .from(applications)
      .where(sql`${applications.id} = wanted.id`)
      .offset(0)
      .as('row');
    return this.db
      .select(row._.selectedFields)
      .from(sql`unnest(${uuids(ids)}) with ordinality as wanted(id, n)`)
      .crossJoinLateral(row)
      .orderBy(sql`wanted.n`);
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

  /**
   * Current (not superseded) documents of the applications. Read application by application (a lateral join
   * over the ids, the subquery kept apart by `offset 0`): an `in` list lets a planner without statistics, as on
   * PGlite, scan every document of the database for each page of a province-wide read.
   */
  currentDocuments(applicationIds: string[]): Promise<DocumentRow[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    const current = this.db
      .select()
      .from(documents)
      .where(and(sql`${documents.applicationId} = wanted.id`, isNull(documents.supersededAt)))
      .offset(0)
      .as('current');
    return this.db
      .select(current._.selectedFields)
      .from(sql`unnest(${uuids(applicationIds)}) as wanted(id)`)
      .crossJoinLateral(current)
      .orderBy(current.uploadedAt);
  }

  /** 在研项目 of the register held by the organizations or led by the people. */
  ongoingRecords(subjects?: RegisterSubjects): Promise<OngoingProjectRecord[]> {
    const t = registerOngoingProjects;
    return this.db
      .select()
      .from(t)
      .where(concerning(t.creditCode, t.piIdNumber, subjects));
  }

  /** 失信记录 of the organizations, of people employed by them, or of people by ID number. */
  dishonestyRecords(subjects?: RegisterSubjects): Promise<DishonestyRecord[]> {
    const t = registerDishonesty;
    return this.db
      .select()
      .from(t)
      .where(concerning(t.creditCode, t.idNumber, subjects));
  }

  /**
   * The call's same-year submissions to other departments by these applicants or PIs (by name, as 二、3
   * compares), in the order of creation; with no subjects, a page of all of them.
   */
  externalSubmissions(
    callId: string,
    subjects: RegisterSubjects | Page,
  ): Promise<(ExternalSubmissionRecord & { id: string })[]> {
    const t = registerExternalSubmissions;
    const query = this.db
      .select()
      .from(t)
      .where(
        and(
          eq(t.callId, callId),
          'limit' in subjects
            ? createdAfter(t, subjects.after)
            : or(
                inArray(t.creditCode, someOf(subjects.creditCodes)),
                inArray(t.piName, someOf(subjects.names)),
              ),
        ),
      )
      .orderBy(t.createdAt, t.id);
    return 'limit' in subjects ? query.limit(subjects.limit) : query;
  }
}
