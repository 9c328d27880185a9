import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database.js';
import {
  applications,
  departments,
  documents,
  ongoingProjects,
  organizations,
  partnerConfirmations,
  people,
  registerDishonesty,
  registerExternalSubmissions,
  registerOngoingProjects,
} from '../db/schema.js';
import type { DishonestyRecord } from '../../core/registers/dishonesty.js';
import type { ExternalSubmissionRecord } from '../../core/registers/external-submissions.js';
import type { OngoingProjectRecord } from '../../core/registers/ongoing-projects.js';
import type { Platform } from '../../core/bundle/schema.js';
import { rowsFromJson } from './json-rows.js';
import type { PartnerConfirmationRow } from './partner-confirmations.js';
import { prepared } from './prepared.js';

// What a bundle of applications needs from the database: for a few applications in one statement, for the
// whole call a page at a time.

export type ApplicationRow = typeof applications.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type OngoingProjectRow = typeof ongoingProjects.$inferSelect;

/** Everything a bundle of some applications is built from, besides the applications themselves. */
export interface BundleRows {
  people: PersonRow[];
  organizations: OrganizationRow[];
  ongoing: OngoingProjectRow[];
  platforms: { organizationId: string; platform: Platform }[];
  departments: DepartmentRow[];
  /** Current documents, in upload order (then by id). */
  documents: DocumentRow[];
  /** Answered, unlapsed partner confirmations, the newest first. */
  confirmations: PartnerConfirmationRow[];
  ongoingRecords: OngoingProjectRecord[];
  dishonestyRecords: DishonestyRecord[];
  externalSubmissions: ExternalSubmissionRecord[];
}

export type Subject = Pick<ApplicationRow, 'id' | 'organizationId' | 'piId' | 'departmentId'>;

/** Whose register records to read: absent, everyone's. */
export interface RegisterSubjects {
  creditCodes: string[];
  idNumbers: string[];
  names: string[];
}

/** What `judgementContext` answers: each table's rows as JSON, keyed as `BundleRows` (and `related`). */
type JudgementContext = Record<string, Record<string, unknown>[]>;

export interface JudgementRows {
  related: ApplicationRow[];
  rows: BundleRows;
}

/**
 * What judging some applications reads, as one JSON object: with `related` true, the call's live applications
 * (not withdrawn) that share an applicant credit code or a PI with the subjects, which the limits of 二、3
 * compare them with; and for all of them the rows of `BundleRows`, with register records read for the bundle's
 * organizations and people only. `subject` selects the subjects' `id, organization_id, pi_id,
 * department_id`. Rows are found through arrays (`= any`), so that a generic plan still uses the indexes.
 */
export function judgementContext({
  subject,
  related,
  callId,
  platformDate,
}: {
  subject: SQL;
  related: SQL;
  callId: SQL;
  platformDate: SQL;
}): SQL<JudgementContext> {
  return sql<JudgementContext>`(
        with subject as (${subject}),
        related as (
          select a.* from applications a
          where ${related} and a.call_id = ${callId} and a.status <> 'withdrawn'
            and a.id <> all (array(select id from subject))
            and (a.organization_id = any (array(
                   select o.id from organizations o where o.credit_code = any (array(
                     select credit_code from organizations where id = any (array(select organization_id from subject))))))
                 or a.pi_id = any (array(select pi_id from subject)))
        ),
        apps as (
          select array_agg(id) as ids, array_agg(distinct organization_id) as orgs, array_agg(distinct pi_id) as pis,
                 array_agg(distinct department_id) as depts
          from (select id, organization_id, pi_id, department_id from subject
                union all select id, organization_id, pi_id, department_id from related) x
        ),
        ppl as (select * from people where id = any ((select pis from apps)::uuid[])),
        org_ids as (select array(select unnest(orgs) from apps union select employer_id from ppl) as ids),
        orgs as (select * from organizations where id = any ((select ids from org_ids)::uuid[])),
        depts as (
          select * from departments where id = any ((select depts from apps)::uuid[])
             or id = any (array(select city_id from departments where id = any ((select depts from apps)::uuid[])))
        )
        select json_build_object(
          'related', (select coalesce(json_agg(r), '[]') from related r),
          'people', (select coalesce(json_agg(p), '[]') from ppl p),
          'organizations', (select coalesce(json_agg(o), '[]') from orgs o),
          'ongoing', (
            select coalesce(json_agg(g), '[]') from ongoing_projects g
            where g.organization_id = any ((select ids from org_ids)::uuid[])),
          'platforms', (
            select coalesce(json_agg(x), '[]') from (
              select distinct organization_id, platform from organization_platforms
              where organization_id = any ((select ids from org_ids)::uuid[])
                and valid_from <= ${platformDate} and valid_to >= ${platformDate}) x),
          'departments', (select coalesce(json_agg(d), '[]') from depts d),
          'documents', (
            select coalesce(json_agg(d order by d.uploaded_at, d.id), '[]') from documents d
            where d.application_id = any ((select ids from apps)::uuid[]) and d.superseded_at is null),
          'confirmations', (
            select coalesce(json_agg(c order by c.used_at desc), '[]') from partner_confirmations c
            where c.application_id = any ((select ids from apps)::uuid[]) and c.used_at is not null and c.lapsed_at is null),
          'ongoingRecords', (
            select coalesce(json_agg(r), '[]') from register_ongoing_projects r
            where r.credit_code = any (array(select credit_code from orgs))
               or r.pi_id_number = any (array(select id_number from ppl))),
          'dishonestyRecords', (
            select coalesce(json_agg(r), '[]') from register_dishonesty r
            where r.credit_code = any (array(select credit_code from orgs))
               or r.id_number = any (array(select id_number from ppl))),
          'externalSubmissions', (
            select coalesce(json_agg(e order by e.created_at, e.id), '[]') from register_external_submissions e
            where e.call_id = ${callId}
              and (e.credit_code = any (array(
                     select credit_code from orgs where id = any ((select orgs from apps)::uuid[])))
                   or e.pi_name = any (array(select name from ppl))))
        ))`;
}

/** `judgementContext`'s JSON, mapped as Drizzle maps each table's rows. */
export function judgementRowsOf(context: JudgementContext): JudgementRows {
  return {
    related: rowsFromJson(applications, context.related!),
    rows: {
      people: rowsFromJson(people, context.people!),
      organizations: rowsFromJson(organizations, context.organizations!),
      ongoing: rowsFromJson(ongoingProjects, context.ongoing!),
      platforms: context.platforms!.map((p) => ({
        organizationId: p.organization_id as string,
        platform: p.platform as Platform,
      })),
      departments: rowsFromJson(departments, context.departments!),
      documents: rowsFromJson(documents, context.documents!),
      confirmations: rowsFromJson(partnerConfirmations, context.confirmations!),
      ongoingRecords: rowsFromJson(registerOngoingProjects, context.ongoingRecords!),
      dishonestyRecords: rowsFromJson(registerDishonesty, context.dishonestyRecords!),
      externalSubmissions: rowsFromJson(registerExternalSubmissions, context.externalSubmissions!),
    },
  };
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
      .orderBy(current.uploadedAt, current.id);
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

  /** A page of the call's same-year submissions to other departments, in the order of creation. */
  externalSubmissions(callId: string, page: Page): Promise<(ExternalSubmissionRecord & { id: string })[]> {
    const t = registerExternalSubmissions;
    return this.db
      .select()
      .from(t)
      .where(and(eq(t.callId, callId), createdAfter(t, page.after)))
      .orderBy(t.createdAt, t.id)
      .limit(page.limit);
  }

  /**
   * In one statement, what judging `subjects` reads (`judgementContext`). Every save and submission judges its
   * application: one round trip instead of a dozen is most of their cost.
   */
  async judgementRows(
    callId: string,
    subjects: readonly Subject[],
    platformDate: string,
    { related }: { related: boolean },
  ): Promise<JudgementRows> {
    const given = JSON.stringify(
      subjects.map((s) => ({ id: s.id, o: s.organizationId, p: s.piId, d: s.departmentId })),
    );
    const [result] = await prepared(this.db, 'judgement_rows', () =>
      this.db
        .select({
          context: judgementContext({
            subject: sql`
              select (s->>'id')::uuid as id, (s->>'o')::uuid as organization_id, (s->>'p')::uuid as pi_id,
                     (s->>'d')::uuid as department_id
              from json_array_elements(${sql.placeholder('subjects')}::json) s`,
            related: sql`${sql.placeholder('related')}::boolean`,
            callId: sql`${sql.placeholder('callId')}`,
            platformDate: sql`${sql.placeholder('platformDate')}`,
          }),
        })
        .from(sql`(select 1) as one`),
    ).execute({ subjects: given, related, callId, platformDate });
    return judgementRowsOf(result!.context);
  }
}
