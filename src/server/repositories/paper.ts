import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  applications,
  decisions,
  departments,
  organizations,
  paperReceipts,
  people,
  reviewConfirmations,
  users,
} from '../db/schema.js';
import { receivedLive } from './applications.js';

export type NewPaperReceipt = typeof paperReceipts.$inferInsert;
export type PaperReceiptRecord = Awaited<ReturnType<PaperRepository['receipts']>>[number];
export type PaperApplication = Awaited<ReturnType<PaperRepository['applications']>>[number];

// 纸质材料登记: receipts, and the facts of a call that say what paper is owed.

export class PaperRepository {
  constructor(private readonly db: Database) {}

  private records() {
    return this.db
      .select({
        ...getTableColumns(paperReceipts),
        recordedByName: users.displayName,
      })
      .from(paperReceipts)
      .innerJoin(users, eq(users.id, paperReceipts.recordedBy));
  }

  /** The call's receipts, superseded ones too, oldest first. */
  receipts(callId: string) {
    return this.records()
      .where(eq(paperReceipts.callId, callId))
      .orderBy(asc(paperReceipts.createdAt), asc(paperReceipts.id));
  }

  async findById(id: string): Promise<PaperReceiptRecord | undefined> {
    const [row] = await this.records().where(eq(paperReceipts.id, id));
    return row;
  }

  /** Locks a current receipt for its correction; `undefined` when missing or already superseded. */
  async lockCurrent(id: string) {
    const [row] = await this.db
      .select()
      .from(paperReceipts)
      .where(and(eq(paperReceipts.id, id), isNull(paperReceipts.supersededAt)))
      .for('update');
    return row;
  }

  async insert(row: NewPaperReceipt): Promise<string> {
    const [inserted] = await this.db.insert(paperReceipts).values(row).returning({ id: paperReceipts.id });
    return inserted!.id;
  }

  async supersede(id: string, at: Date): Promise<void> {
    await this.db.update(paperReceipts).set({ supersededAt: at }).where(eq(paperReceipts.id, id));
  }

  /**
   * The call's applications that reached their department and were not withdrawn, named, with whether they are
   * 最终确定立项 (approved, and the 公示 that lists them published).
   */
  applications(callId: string) {
    return this.db
      .select({
        id: applications.id,
        topic: applications.topic,
        acceptanceNo: applications.acceptanceNo,
        title: sql<string | null>`${applications.form} ->> 'title'`,
        departmentId: applications.departmentId,
        departmentName: departments.name,
        organizationId: applications.organizationId,
        organizationName: organizations.name,
        piId: applications.piId,
        piName: people.name,
        funded: sql<boolean>`coalesce(${decisions.outcome} = 'approved' and ${decisions.announcementId} is not null, false)`,
      })
      .from(applications)
      .innerJoin(departments, eq(departments.id, applications.departmentId))
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .innerJoin(people, eq(people.id, applications.piId))
      .leftJoin(decisions, eq(decisions.applicationId, applications.id))
      .where(and(eq(applications.callId, callId), receivedLive))
      .orderBy(asc(applications.acceptanceNo), asc(applications.id));
  }

  /** The departments that confirmed their list for the call, named. */
  confirmedDepartments(callId: string) {
    return this.db
      .select({ id: departments.id, name: departments.name })
      .from(reviewConfirmations)
      .innerJoin(departments, eq(departments.id, reviewConfirmations.departmentId))
      .where(eq(reviewConfirmations.callId, callId))
      .orderBy(asc(departments.name));
  }
}
