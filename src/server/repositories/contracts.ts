import { and, asc, eq, getTableColumns, isNotNull, max, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  announcements,
  applications,
  decisions,
  organizations,
  people,
  projectContracts,
  projectNumbers,
} from '../db/schema.js';

export type ProjectContractRow = typeof projectContracts.$inferSelect;
export type ProjectNumberRow = typeof projectNumbers.$inferSelect;
/** An approved project of a published 公示, with the names people read and its number and contract, if any. */
export type ApprovedProject = Awaited<ReturnType<ContractRepository['approved']>>[number];

// 项目编号 and the contract stage after a published 立项 (issue 14 §9).

export class ContractRepository {
  constructor(private readonly db: Database) {}

  /**
   * The call's approved projects listed in a published 公示 (or the one of `applicationId`), ordered by
   * 受理编号. A revoked approval (outcome no longer approved) is not among them.
   */
  approved(callId: string | null, applicationId?: string) {
    return this.db
      .select({
        application: getTableColumns(applications),
        organizationName: organizations.name,
        creditCode: organizations.creditCode,
        piName: people.name,
        piIdNumber: people.idNumber,
        decision: getTableColumns(decisions),
        announcement: getTableColumns(announcements),
        number: getTableColumns(projectNumbers),
        contract: getTableColumns(projectContracts),
      })
      .from(decisions)
      .innerJoin(applications, eq(applications.id, decisions.applicationId))
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .innerJoin(people, eq(people.id, applications.piId))
      .innerJoin(announcements, eq(announcements.id, decisions.announcementId))
      .leftJoin(projectNumbers, eq(projectNumbers.applicationId, decisions.applicationId))
      .leftJoin(projectContracts, eq(projectContracts.applicationId, decisions.applicationId))
      .where(
        and(
          callId === null ? undefined : eq(decisions.callId, callId),
          applicationId ? eq(decisions.applicationId, applicationId) : undefined,
          eq(decisions.outcome, 'approved'),
          isNotNull(announcements.publishedAt),
        ),
      )
      .orderBy(asc(applications.acceptanceNo));
  }

  async number(applicationId: string): Promise<ProjectNumberRow | undefined> {
    const [row] = await this.db
      .select()
      .from(projectNumbers)
      .where(eq(projectNumbers.applicationId, applicationId));
    return row;
  }

  /** Numbers of one prefix are handed out in turn until commit: two projects never take the same serial. */
  async lockPrefix(prefix: string): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`project-numbers:${prefix}`}))`);
  }

  async lastSerial(prefix: string): Promise<number> {
    const [row] = await this.db
      .select({ last: max(projectNumbers.serial) })
      .from(projectNumbers)
      .where(eq(projectNumbers.prefix, prefix));
    return row?.last ?? 0;
  }

  async insertNumber(row: ProjectNumberRow): Promise<void> {
    await this.db.insert(projectNumbers).values(row);
  }

  async contract(applicationId: string): Promise<ProjectContractRow | undefined> {
    const [row] = await this.db
      .select()
      .from(projectContracts)
      .where(eq(projectContracts.applicationId, applicationId));
    return row;
  }

  async lockContract(applicationId: string): Promise<ProjectContractRow | undefined> {
    const [row] = await this.db
      .select()
      .from(projectContracts)
      .where(eq(projectContracts.applicationId, applicationId))
      .for('update');
    return row;
  }

  async insertContract(row: typeof projectContracts.$inferInsert): Promise<void> {
    await this.db.insert(projectContracts).values(row);
  }

  async updateContract(
    applicationId: string,
    changes: Partial<Omit<ProjectContractRow, 'applicationId' | 'callId'>>,
  ): Promise<void> {
    await this.db
      .update(projectContracts)
      .set(changes)
      .where(eq(projectContracts.applicationId, applicationId));
  }
}
