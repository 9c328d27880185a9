import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import type { ApplicationStatus } from '../../contract/vocabulary.js';
import { AUDIT_LOCK, AuditRepository, auditInsert, type AuditRecord } from './audit.js';
import { judgementContext, judgementRowsOf, type JudgementRows, type OrganizationRow } from './bundles.js';
import { callFromJson, callJson, type CallRow } from './calls.js';
import { rowsFromJson, selectionFromJson, selectionSql } from './json-rows.js';
import { prepared } from './prepared.js';
import { SNAPSHOT_HEAD, type SnapshotHead } from './snapshots.js';
import {
  acceptanceCounters,
  applicationEvents,
  applications,
  applicationSnapshots,
  calls,
  departments,
  organizations,
  people,
  receipts,
  submissionSnapshots,
  users,
  type SnapshotDocument,
} from '../db/schema.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
export type ApplicationEventRow = typeof applicationEvents.$inferSelect;
export type NewApplicationEvent = typeof applicationEvents.$inferInsert;
export type ReceiptRow = typeof receipts.$inferSelect;
/** A status change, for the audit log's before → after. */
export interface StatusTransition {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
}
/** 退回修改: what the department asked to change, as its last return recorded it. */
export interface LastReturn {
  at: string;
  reasons: { field?: string; message: string }[];
}

/** The audit record of an application event: the status it left and took, its detail and what else changed. */
function auditOf(
  event: NewApplicationEvent,
  transition?: StatusTransition,
  audited: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
): AuditRecord {
  const before = transition || audited.before ? { ...audited.before } : null;
  if (before && transition) before.status = transition.from;
  return {
    at: event.at,
    actorUserId: event.actorUserId ?? null,
    action: `application.${event.kind}`,
    entityType: 'application',
    entityId: event.applicationId,
    before,
    after: { ...(transition ? { status: transition.to } : {}), ...(event.detail ?? {}), ...audited.after },
  };
}

/** A column of the outer `applications` row, qualified: a one-table select names its columns bare. */
const outer = (column: string) => sql.raw(`"applications"."${column}"`);

/** An application with the names of its call, organization, PI and department, each read by its key. */
const NAMED = {
  ...getTableColumns(applications),
  callName: sql<string>`(select c.name from ${calls} c where c.id = ${outer('call_id')})`,
  organizationName: sql<string>`(select o.name from ${organizations} o where o.id = ${outer('organization_id')})`,
  piName: sql<string>`(select p.name from ${people} p where p.id = ${outer('pi_id')})`,
  departmentName: sql<string>`(select d.name from ${departments} d where d.id = ${outer('department_id')})`,
  callRecommendationClosesAt: sql<Date>`(
    select c.recommendation_closes_at from ${calls} c where c.id = ${outer('call_id')})`.mapWith(
    calls.recommendationClosesAt,
  ),
  lastReturn: sql<LastReturn | null>`(
    select jsonb_build_object('at', e.at, 'reasons', e.detail -> 'reasons')
    from ${applicationEvents} e
    where e.application_id = ${outer('id')} and e.kind = 'returned'
    order by e.at desc, e.seq desc
    limit 1
  )`,
};

/** What an autosave answers with, read by the statement that wrote it. */
export interface Autosaved {
  application: NamedApplication;
  call: CallRow;
  snapshots: SnapshotHead[];
  judgement: JudgementRows;
}

export type NamedApplication = ApplicationRow & {
  callName: string;
  organizationName: string;
  piName: string;
  departmentName: string;
  /** The call's 审核推荐 deadline, by which a returned application is resubmitted. */
  callRecommendationClosesAt: Date;
  lastReturn: LastReturn | null;
};

/**
 * Whether the application reached its department: submitted at least once (an import attests submission with
 * its `submittedAt`) and not a draft. A draft withdrawn before submission never did and stays its
 * organization's alone. Every check of who else may see an application asks this, in code or in SQL.
 */
export function wasReceived(row: Pick<ApplicationRow, 'status' | 'submittedAt'>): boolean {
  return row.status !== 'draft' && row.submittedAt !== null;
}

/**
 * `wasReceived` and not withdrawn, as a condition on the applications table: what lists, counts and
 * cross-checks show to anyone but the applicant.
 */
export const receivedLive: SQL = and(
  ne(applications.status, 'draft'),
  isNotNull(applications.submittedAt),
  ne(applications.status, 'withdrawn'),
)!;

export class ApplicationRepository {
  constructor(private readonly db: Database) {}

  async insert(application: NewApplication): Promise<ApplicationRow> {
    const [row] = await this.db.insert(applications).values(application).returning();
    return row!;
  }

  /** The call's drafts never submitted, with their organisation and PI: whom the applicants' deadline concerns. */
  draftsOf(callId: string) {
    return this.db
      .select({
        id: applications.id,
        organizationId: applications.organizationId,
        piId: applications.piId,
        title: sql<string | null>`${applications.form}->>'title'`,
      })
      .from(applications)
      .where(and(eq(applications.callId, callId), eq(applications.status, 'draft')))
      .orderBy(asc(applications.createdAt), asc(applications.id));
  }

  async findById(id: string): Promise<ApplicationRow | undefined> {
    const [row] = await prepared(this.db, 'application_by_id', () =>
      this.db
        .select()
        .from(applications)
        .where(eq(applications.id, sql.placeholder('id'))),
    ).execute({ id });
    return row;
  }

  /** The application under a row lock, with its call and its organization, or `undefined` if there is none. */
  async lockWithCall(
    id: string,
  ): Promise<{ application: ApplicationRow; call: CallRow; organization: OrganizationRow } | undefined> {
    const [row] = await prepared(this.db, 'application_locked_with_call', () =>
      this.db
        .select({
          application: sql<Record<string, unknown>>`row_to_json(${applications})`,
          call: callJson(sql`${applications.callId}`),
          organization: sql<Record<string, unknown>>`(
            select row_to_json(o) from ${organizations} o where o.id = ${applications.organizationId})`,
        })
        .from(applications)
        .where(eq(applications.id, sql.placeholder('id')))
        .for('update', { of: applications }),
    ).execute({ id });
    return (
      row && {
        application: rowsFromJson(applications, [row.application])[0]!,
        call: callFromJson(row.call as Record<string, unknown>),
        organization: rowsFromJson(organizations, [row.organization])[0]!,
      }
    );
  }

  /** Locks the row for the rest of the transaction: submissions and edits of one application queue up. */
  async lock(id: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db.select().from(applications).where(eq(applications.id, id)).for('update');
    return row;
  }

  listByOrganization(organizationId: string): Promise<ApplicationRow[]> {
    return this.db
      .select()
      .from(applications)
      .where(eq(applications.organizationId, organizationId))
      .orderBy(desc(applications.updatedAt));
  }

  listByPi(personId: string): Promise<ApplicationRow[]> {
    return this.db
      .select()
      .from(applications)
      .where(eq(applications.piId, personId))
      .orderBy(desc(applications.updatedAt));
  }

  /** The rows with the names a person reads beside them. */
  withNames(ids: string[]): Promise<NamedApplication[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select(NAMED)
      .from(applications)
      .where(inArray(applications.id, ids))
      .orderBy(desc(applications.updatedAt));
  }

  /**
   * An autosave in one statement, answered with everything its answer shows: the form is written over
   * `version` only while the application is `owner`'s, editable, without 定稿, with the partner's facts as they
   * were (a change may lapse the partner's confirmation) and, where given, in the same topic, direction and PI;
   * the statement returns the named row, its call, its 定稿 snapshots and what judging it reads. Otherwise
   * nothing is written, and the caller takes the path that reads the row and says why.
   */
  async autosave(
    id: string,
    version: number,
    owner: { organizationId: string } | { piId: string },
    input: {
      form: ApplicationRow['form'];
      topic?: number;
      direction?: ApplicationRow['direction'];
      piId?: string;
    },
  ): Promise<Autosaved | undefined> {
    const [result] = await prepared(this.db, 'autosave', () => {
      const given = <T>(name: string, type: string) => sql<T>`${sql.placeholder(name)}::${sql.raw(type)}`;
      const saved = this.db.$with('saved', { id: applications.id }).as(sql`
        update ${applications}
        set form = ${given('form', 'jsonb')}, version = ${given('version', 'int')} + 1,
            updated_at = ${given('updatedAt', 'timestamptz')}
        where ${applications.id} = ${given('id', 'uuid')} and ${applications.version} = ${given('version', 'int')}
          and ${applications.status} in ('draft', 'returned') and ${applications.finalizedSnapshotId} is null
          and (${applications.organizationId} = ${given('organizationId', 'uuid')}
               or ${applications.piId} = ${given('ownerPiId', 'uuid')})
          and ${applications.form} -> 'partner' is not distinct from ${given('partner', 'jsonb')}
          and (${given('topic', 'int')} is null or ${applications.topic} = ${given('topic', 'int')})
          and (not ${given('directionGiven', 'boolean')} or ${applications.topic} <> 1
               or ${applications.direction}::text is not distinct from ${given('direction', 'text')})
          and (${given('piId', 'uuid')} is null or ${applications.piId} = ${given('piId', 'uuid')})
        returning ${selectionSql(NAMED)}`);
      const callId = sql`(select "callId" from saved)`;
      return this.db
        .with(saved)
        .select({
          saved: sql<Record<string, unknown> | null>`(select row_to_json(saved) from saved)`,
          call: callJson(callId),
          snapshots: sql<Record<string, unknown>[]>`(
            select coalesce(json_agg(x order by x."createdAt" desc), '[]') from (
              select ${selectionSql(SNAPSHOT_HEAD)} from ${applicationSnapshots}
              where ${applicationSnapshots.applicationId} = (select id from saved)) x)`,
          context: judgementContext({
            subject: sql`select id, "organizationId" as organization_id, "piId" as pi_id,
                                "departmentId" as department_id from saved`,
            related: sql`true`,
            callId,
            // The Beijing date of the call's closing (platformDateOf), from its indexed copy of the deadline.
            platformDate: sql`(select ((${calls.submissionClosesAt} at time zone 'UTC') + interval '8 hours')::date
                               from ${calls} where ${calls.id} = ${callId})`,
          }),
        })
        .from(sql`(select 1) as one`);
    }).execute({
      id,
      version,
      form: JSON.stringify(input.form),
      updatedAt: new Date().toISOString(),
      organizationId: 'organizationId' in owner ? owner.organizationId : null,
      ownerPiId: 'piId' in owner ? owner.piId : null,
      partner: JSON.stringify(input.form.partner) ?? null,
      topic: input.topic ?? null,
      directionGiven: input.direction !== undefined,
      direction: input.direction ?? null,
      piId: input.piId ?? null,
    });
    if (!result?.saved) return undefined;
    return {
      application: selectionFromJson<NamedApplication>(NAMED, result.saved),
      call: callFromJson(result.call as Record<string, unknown>),
      snapshots: result.snapshots.map((x) => selectionFromJson<SnapshotHead>(SNAPSHOT_HEAD, x)),
      judgement: judgementRowsOf(result.context),
    };
  }

  /** Writes `changes` only if the row is still at `version`; the new version is one more. */
  async updateAtVersion(
    id: string,
    version: number,
    changes: Partial<NewApplication>,
  ): Promise<ApplicationRow | undefined> {
    const [row] = await this.db
      .update(applications)
      .set({ ...changes, version: version + 1 })
      .where(and(eq(applications.id, id), eq(applications.version, version)))
      .returning();
    return row;
  }

  /**
   * Serialises, until the transaction ends, everything that counts applications under these keys; then, with
   * `holding`, holds that account's key as a row that names it does (`FOR KEY SHARE`): a transaction that
   * writes such rows after the audit log's lock takes it first, or it could wait for a transaction that holds
   * the account while waiting for the audit lock.
   */
  async lockKeys(keys: string[], { holding }: { holding?: string } = {}): Promise<void> {
    const sorted = [...new Set(keys)].sort();
    const held = holding
      ? [sql`(select ${users.id} from ${users} where ${users.id} = ${holding} for key share)`]
      : [];
    if (sorted.length === 0 && held.length === 0) return;
    // One statement: its select list takes the locks left to right, so always in this order.
    await this.db.execute(
      sql`select ${sql.join(
        [...sorted.map((key) => sql`pg_advisory_xact_lock(hashtext(${key}))`), ...held],
        sql`, `,
      )}`,
    );
  }

  /**
   * The call's next acceptance number; its counter row is held to commit. `thenAudit`: the audit log's lock is
   * taken next in the same statement (the order a bundle import takes them in), so that a submission's audit
   * entry can go with its other writes.
   */
  async nextAcceptanceNumber(callId: string, { thenAudit = false } = {}): Promise<number> {
    const [row] = await this.db
      .insert(acceptanceCounters)
      .values({ callId, last: 1 })
      .onConflictDoUpdate({
        target: acceptanceCounters.callId,
        set: { last: sql`${acceptanceCounters.last} + 1` },
      })
      .returning({ last: acceptanceCounters.last, ...(thenAudit ? { audit: sql`${AUDIT_LOCK}` } : {}) });
    return row!.last;
  }

  /**
   * Adds to the application's timeline and, in the same transaction, to the audit log; `audited` adds what
   * the log keeps beyond the timeline's detail (the state before, fields the applicant's timeline omits).
   */
  async addEvent(
    event: NewApplicationEvent,
    transition?: StatusTransition,
    audited: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
  ): Promise<void> {
    await this.db.insert(applicationEvents).values(event);
    await new AuditRepository(this.db).append(auditOf(event, transition, audited));
  }

  /**
   * A submission's writes in one statement, once the call's counter and the audit log's lock are held: the row
   * at `version` becomes submitted under `acceptanceNo`, with its signed receipt, the snapshot of what was
   * submitted, the event and its audit entry (as `addEvent` audits it). The actor's `users` row, which the
   * event's foreign key locks, must already be held (`lockKeys`' `holding`): taken after the audit lock, it
   * could wait for a transaction that holds it while waiting for the audit lock. If the row moved on, nothing
   * is written and `undefined` returned; the caller's transaction must then fail. Answers the named row.
   */
  async recordSubmission(submission: {
    id: string;
    version: number;
    submittedAt: Date;
    acceptanceNo: string;
    receipt: { payload: Record<string, unknown>; signature: string };
    snapshot: { form: ApplicationRow['form']; documents: SnapshotDocument[] };
    event: NewApplicationEvent;
    transition: StatusTransition;
  }): Promise<NamedApplication | undefined> {
    const { id, version, event, receipt, snapshot } = submission;
    const at = event.at.toISOString();
    const result = await this.db.execute(sql`
      with u as (
        update ${applications}
        set status = 'submitted', submitted_at = ${submission.submittedAt.toISOString()}::timestamptz,
            acceptance_no = ${submission.acceptanceNo}, version = ${version + 1},
            updated_at = ${new Date().toISOString()}::timestamptz
        where id = ${id} and version = ${version}
        returning ${selectionSql(NAMED)}
      ), r as (
        insert into ${receipts} (application_id, acceptance_no, issued_at, payload, signature)
        select u.id, ${submission.acceptanceNo}, ${at}::timestamptz, ${JSON.stringify(receipt.payload)}::jsonb,
               ${receipt.signature}
        from u
        returning id, application_id
      ), s as (
        insert into ${submissionSnapshots} (application_id, receipt_id, at, form, documents)
        select r.application_id, r.id, ${at}::timestamptz, ${JSON.stringify(snapshot.form)}::jsonb,
               ${JSON.stringify(snapshot.documents)}::jsonb
        from r
      ), e as (
        insert into ${applicationEvents} (application_id, at, actor_user_id, kind, detail)
        select u.id, ${at}::timestamptz, ${event.actorUserId ?? null}::uuid, ${event.kind},
               ${JSON.stringify(event.detail ?? {})}::jsonb
        from u
      ), a as (${auditInsert(auditOf(event, submission.transition))})
      select row_to_json(u) as row from u
    `);
    const [written] = (result as unknown as { rows: { row: Record<string, unknown> }[] }).rows;
    return written && selectionFromJson<NamedApplication>(NAMED, written.row);
  }

  events(applicationId: string): Promise<(ApplicationEventRow & { actorName: string | null })[]> {
    return this.db
      .select({ ...getTableColumns(applicationEvents), actorName: users.displayName })
      .from(applicationEvents)
      .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
      .where(eq(applicationEvents.applicationId, applicationId))
      .orderBy(asc(applicationEvents.at), asc(applicationEvents.seq));
  }

  async latestReceipt(applicationId: string): Promise<ReceiptRow | undefined> {
    const [row] = await this.db
      .select()
      .from(receipts)
      .where(eq(receipts.applicationId, applicationId))
      .orderBy(desc(receipts.issuedAt))
      .limit(1);
    return row;
  }
}
