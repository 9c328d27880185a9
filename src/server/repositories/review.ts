import { and, asc, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  applications,
  departments,
  organizations,
  reviewChecklists,
  reviewConfirmations,
  submissionSnapshots,
  users,
} from '../db/schema.js';
import type { ApplicationStatus } from '../../contract/vocabulary.js';
import { type ApplicationRow, receivedLive } from './applications.js';
import type { Department } from './departments.js';
import { applicationMatches } from './search.js';

export type SnapshotRow = typeof submissionSnapshots.$inferSelect;
export type ConfirmationRow = typeof reviewConfirmations.$inferSelect;
export type ChecklistRow = typeof reviewChecklists.$inferSelect;
export type SavedChecklist = Awaited<ReturnType<ReviewRepository['checklists']>>[number];
export type ConfirmationListing = Awaited<ReturnType<ReviewRepository['confirmations']>>[number];

export interface ReviewFilter {
  callId?: string | undefined;
  topic?: number | undefined;
  status?: ApplicationStatus | undefined;
  /** Text search: title, acceptance number, applicant, project leader. */
  q?: string | undefined;
}

// What a 项目主管部门's review reads and writes besides the applications' own rows.

export class ReviewRepository {
  constructor(private readonly db: Database) {}

  /**
   * Locks a department row until the transaction ends, without blocking rows that merely reference it:
   * every decision under a quota holder, and its confirmation, queue on this lock.
   */
  async lockDepartment(id: string): Promise<Department | undefined> {
    const [row] = await this.db.select().from(departments).where(eq(departments.id, id)).for('no key update');
    return row;
  }

  /** Waits for a confirmation of the department under way, and keeps one from starting until the transaction ends. */
  async shareDepartment(id: string): Promise<void> {
    await this.db.select({ id: departments.id }).from(departments).where(eq(departments.id, id)).for('share');
  }

  /** The department and, for a city, its counties. */
  jurisdiction(departmentId: string): Promise<Department[]> {
    return this.db
      .select()
      .from(departments)
      .where(or(eq(departments.id, departmentId), eq(departments.cityId, departmentId)))
      .orderBy(asc(departments.name));
  }

  /** Applications the departments have received and that were not withdrawn since (`receivedLive`). */
  received(departmentIds: string[], filter: ReviewFilter): Promise<ApplicationRow[]> {
    return this.db
      .select()
      .from(applications)
      .where(
        and(
          inArray(applications.departmentId, departmentIds),
          receivedLive,
          filter.callId ? eq(applications.callId, filter.callId) : undefined,
          filter.topic ? eq(applications.topic, filter.topic) : undefined,
          filter.status ? eq(applications.status, filter.status) : undefined,
          applicationMatches(filter.q),
        ),
      )
      .orderBy(asc(applications.acceptanceNo));
  }

  /** Organization kinds and credit codes of the applicants, for the 专题二 counts. */
  applicants(ids: string[]) {
    return ids.length === 0
      ? Promise.resolve([])
      : this.db
          .select({
            id: organizations.id,
            name: organizations.name,
            kind: organizations.kind,
            creditCode: organizations.creditCode,
          })
          .from(organizations)
          .where(inArray(organizations.id, ids));
  }

  /** The last `n` submissions' snapshots, newest first. */
  lastSnapshots(applicationId: string, n: number): Promise<SnapshotRow[]> {
    return this.db
      .select()
      .from(submissionSnapshots)
      .where(eq(submissionSnapshots.applicationId, applicationId))
      .orderBy(desc(submissionSnapshots.seq))
      .limit(n);
  }

  /** The departments that received applications of the call and have not confirmed their list, with how many. */
  unconfirmedDepartments(callId: string) {
    return this.db
      .select({ departmentId: applications.departmentId, received: count() })
      .from(applications)
      .leftJoin(
        reviewConfirmations,
        and(
          eq(reviewConfirmations.departmentId, applications.departmentId),
          eq(reviewConfirmations.callId, applications.callId),
        ),
      )
      .where(and(eq(applications.callId, callId), receivedLive, isNull(reviewConfirmations.departmentId)))
      .groupBy(applications.departmentId)
      .orderBy(asc(applications.departmentId));
  }

  async confirmation(departmentId: string, callId: string): Promise<ConfirmationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(reviewConfirmations)
      .where(and(eq(reviewConfirmations.departmentId, departmentId), eq(reviewConfirmations.callId, callId)));
    return row;
  }

  async insertConfirmation(row: ConfirmationRow): Promise<void> {
    await this.db.insert(reviewConfirmations).values(row);
  }

  confirmations(callId: string | undefined) {
    return this.db
      .select({
        departmentId: reviewConfirmations.departmentId,
        departmentName: departments.name,
        departmentKind: departments.kind,
        callId: reviewConfirmations.callId,
        confirmedAt: reviewConfirmations.confirmedAt,
        confirmedBy: users.displayName,
        summary: reviewConfirmations.summary,
      })
      .from(reviewConfirmations)
      .innerJoin(departments, eq(departments.id, reviewConfirmations.departmentId))
      .innerJoin(users, eq(users.id, reviewConfirmations.confirmedBy))
      .where(callId ? eq(reviewConfirmations.callId, callId) : undefined)
      .orderBy(asc(reviewConfirmations.confirmedAt));
  }

  /** The saved 形式审查 answers of the applications, with who saved them. */
  checklists(applicationIds: string[]) {
    return applicationIds.length === 0
      ? Promise.resolve([])
      : this.db
          .select({
            applicationId: reviewChecklists.applicationId,
            answers: reviewChecklists.answers,
            savedAt: reviewChecklists.savedAt,
            savedBy: users.displayName,
          })
          .from(reviewChecklists)
          .innerJoin(users, eq(users.id, reviewChecklists.savedBy))
          .where(inArray(reviewChecklists.applicationId, applicationIds));
  }

  async saveChecklist(row: ChecklistRow): Promise<void> {
    const { applicationId: _id, ...changes } = row;
    await this.db
      .insert(reviewChecklists)
      .values(row)
      .onConflictDoUpdate({ target: reviewChecklists.applicationId, set: changes });
  }
}
