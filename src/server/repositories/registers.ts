import { and, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { registerFields, type RegisterKind, type RegisterRecord } from '../../core/registers/kinds.js';
import type { Database } from '../db/database.js';
import {
  applications,
  organizations,
  people,
  registerBatches,
  registerDishonesty,
  registerExternalSubmissions,
  registerOngoingProjects,
  users,
} from '../db/schema.js';
import type { ApplicationRow } from './bundles.js';

export type RegisterBatchRow = typeof registerBatches.$inferSelect;
export type NewRegisterBatch = typeof registerBatches.$inferInsert;

export interface HeldRecord<R extends RegisterKind> {
  id: string;
  record: RegisterRecord<R>;
}

/** A record to write under its natural key: `id` names the held record it replaces. */
export interface RecordWrite<R extends RegisterKind> {
  id?: string;
  key: string;
  record: RegisterRecord<R>;
}

const TABLES = {
  'ongoing-projects': registerOngoingProjects,
  dishonesty: registerDishonesty,
  'external-submissions': registerExternalSubmissions,
};

// Well below PostgreSQL's 65,535 bind parameters for the widest register row.
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export class RegisterRepository {
  constructor(private readonly db: Database) {}

  /** Imports of one register take turns until commit, so two imports of a file cannot both create a record. */
  async lock(kind: RegisterKind): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`registers:${kind}`}))`);
  }

  /** The records held under these natural keys (of `callId` for a call-scoped register). */
  async held<R extends RegisterKind>(
    kind: R,
    callId: string | null,
    keys: string[],
  ): Promise<Map<string, HeldRecord<R>>> {
    const fields = registerFields(kind);
    const held = new Map<string, HeldRecord<R>>();
    for (const part of chunks(keys)) {
      const rows = await this.select(kind, callId, inArray(TABLES[kind].naturalKey, part));
      for (const row of rows) {
        const record = Object.fromEntries(fields.map((f) => [f, row[f]])) as RegisterRecord<R>;
        held.set(row.naturalKey as string, { id: row.id as string, record });
      }
    }
    return held;
  }

  private select(kind: RegisterKind, callId: string | null, where: SQL): Promise<Record<string, unknown>[]> {
    if (kind === 'external-submissions') {
      return this.db
        .select()
        .from(registerExternalSubmissions)
        .where(and(eq(registerExternalSubmissions.callId, callId ?? ''), where));
    }
    return kind === 'dishonesty'
      ? this.db.select().from(registerDishonesty).where(where)
      : this.db.select().from(registerOngoingProjects).where(where);
  }

  async insertBatch(batch: NewRegisterBatch): Promise<RegisterBatchRow> {
    const [row] = await this.db.insert(registerBatches).values(batch).returning();
    return row!;
  }

  /**
   * Inserts the new records and replaces the changed ones, all marked with the batch; returns the new
   * records' ids by natural key.
   */
  async write<R extends RegisterKind>(
    kind: R,
    callId: string | null,
    batchId: string,
    writes: RecordWrite<R>[],
    at: Date,
  ): Promise<Map<string, string>> {
    const table = TABLES[kind];
    const scope = kind === 'external-submissions' ? { callId: callId! } : {};
    const inserts = writes.filter((w) => !w.id);
    const created = new Map<string, string>();
    for (const part of chunks(inserts)) {
      const rows = await this.db
        .insert(table)
        .values(
          part.map((w) => ({
            ...(w.record as object),
            ...scope,
            naturalKey: w.key,
            batchId,
            createdAt: at,
            updatedAt: at,
          })) as never,
        )
        .returning({ id: table.id, key: table.naturalKey });
      for (const row of rows) created.set(row.key, row.id);
    }
    for (const w of writes.filter((w) => w.id)) {
      await this.db
        .update(table)
        .set({ ...(w.record as object), batchId, updatedAt: at } as never)
        .where(eq(table.id, w.id!));
    }
    return created;
  }

  batches(limit: number): Promise<(RegisterBatchRow & { importedByName: string })[]> {
    return this.db
      .select({ batch: registerBatches, importedByName: users.displayName })
      .from(registerBatches)
      .innerJoin(users, eq(users.id, registerBatches.importedBy))
      .orderBy(desc(registerBatches.importedAt), desc(registerBatches.id))
      .limit(limit)
      .then((rows) => rows.map((r) => ({ ...r.batch, importedByName: r.importedByName })));
  }

  /**
   * Live applications (of `callId` if given) whose applicant has one of the credit codes, or whose PI has one
   * of the ID numbers or names: every application a register import can touch, and some it does not.
   */
  async touchedApplications(
    who: { creditCodes: string[]; idNumbers: string[]; names: string[] },
    callId: string | null,
  ): Promise<ApplicationRow[]> {
    const any = (values: string[]) => (values.length > 0 ? values : ['']);
    const rows = await this.db
      .select({ application: applications })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .innerJoin(people, eq(people.id, applications.piId))
      .where(
        and(
          ne(applications.status, 'withdrawn'),
          callId ? eq(applications.callId, callId) : undefined,
          or(
            inArray(organizations.creditCode, any(who.creditCodes)),
            inArray(people.idNumber, any(who.idNumbers)),
            inArray(people.name, any(who.names)),
          ),
        ),
      )
      .orderBy(applications.callId, applications.createdAt, applications.id);
    return rows.map((r) => r.application);
  }
}
