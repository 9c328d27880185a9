import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNull,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Database } from '../db/database.js';
import type { ApplicationStatus } from '../../contract/vocabulary.js';
import {
  applications,
  departments,
  expertAssignments,
  expertConflicts,
  expertInvitations,
  experts,
  formalReviews,
  notifications,
  organizations,
  users,
} from '../db/schema.js';
import { AvoidedExpertRepository } from './avoided-experts.js';
import { applicationMatches, expertMatches } from './search.js';
import type { InvitationStatus } from '../../core/experts/rounds.js';

export type Expert = typeof experts.$inferSelect;
export type NewExpert = typeof experts.$inferInsert;
export type ExpertConflictRow = typeof expertConflicts.$inferSelect;
export type AssignmentRow = typeof expertAssignments.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;

/** An application as expert review needs it: its parties for conflicts, its form for the field. */
export interface ExpertReviewApplication {
  id: string;
  status: ApplicationStatus;
  submittedAt: Date | null;
  callId: string;
  topic: number;
  direction: (typeof applications.$inferSelect)['direction'];
  acceptanceNo: string | null;
  form: (typeof applications.$inferSelect)['form'];
  organization: { name: string; creditCode: string };
  department: { id: string; name: string };
  /** 回避专家 the applicant named (never shown to experts). */
  avoidedExperts: { name: string; organization: string; reason: string }[];
}

export interface AssignmentWithExpert {
  assignment: AssignmentRow;
  expert: { id: string; name: string; organizationName: string };
  /** The expert's answer to the invitation of the assignment's round. */
  invitationStatus: InvitationStatus | null;
}

const reviewColumns = {
  id: applications.id,
  status: applications.status,
  submittedAt: applications.submittedAt,
  callId: applications.callId,
  topic: applications.topic,
  direction: applications.direction,
  acceptanceNo: applications.acceptanceNo,
  form: applications.form,
  organization: { name: organizations.name, creditCode: organizations.creditCode },
  department: { id: departments.id, name: departments.name },
};

/**
 * What experts review: applications recommended by their department and accepted (受理) at the province's
 * 形式审查. Assignments of any other (refused after assignment, say) are left out of every list and count, and
 * come back if the province accepts the application after all.
 */
const reviewable = and(
  eq(applications.status, 'recommended'),
  sql`exists (select 1 from ${formalReviews} where ${formalReviews.applicationId} = ${applications.id} and ${formalReviews.result} = 'accepted')`,
)!;

export class ExpertRepository {
  constructor(private readonly db: Database) {}

  async insert(expert: NewExpert): Promise<Expert> {
    const [row] = await this.db.insert(experts).values(expert).returning();
    return row!;
  }

  async update(id: string, patch: Partial<NewExpert>): Promise<Expert> {
    const [row] = await this.db.update(experts).set(patch).where(eq(experts.id, id)).returning();
    return row!;
  }

  async findById(id: string): Promise<Expert | undefined> {
    const [row] = await this.db.select().from(experts).where(eq(experts.id, id));
    return row;
  }

  async findByUser(userId: string): Promise<Expert | undefined> {
    const [row] = await this.db.select().from(experts).where(eq(experts.userId, userId));
    return row;
  }

  /** Experts with their logins, all or those of `ids`. */
  list(ids?: string[], q?: string): Promise<(Expert & { login: string })[]> {
    return this.db
      .select({ ...getTableColumns(experts), login: users.login })
      .from(experts)
      .innerJoin(users, eq(users.id, experts.userId))
      .where(and(ids ? inArray(experts.id, ids) : undefined, expertMatches(q)))
      .orderBy(asc(experts.name), asc(experts.id));
  }

  /** Assignments per expert over every call, and those not yet submitted. */
  async workload(): Promise<Map<string, { assignments: number; pending: number }>> {
    const rows = await this.db
      .select({
        expertId: expertAssignments.expertId,
        assignments: count(),
        pending: sql<number>`(count(*) filter (where ${expertAssignments.submittedAt} is null))::int`,
      })
      .from(expertAssignments)
      .innerJoin(applications, eq(applications.id, expertAssignments.applicationId))
      .where(reviewable)
      .groupBy(expertAssignments.expertId);
    return new Map(rows.map((r) => [r.expertId, { assignments: r.assignments, pending: r.pending }]));
  }

  /** Assignments per expert, over applications of `callId` (every call when absent). */
  async loads(callId?: string): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ expertId: expertAssignments.expertId, n: count() })
      .from(expertAssignments)
      .innerJoin(applications, eq(applications.id, expertAssignments.applicationId))
      .where(and(reviewable, callId ? eq(applications.callId, callId) : undefined))
      .groupBy(expertAssignments.expertId);
    return new Map(rows.map((r) => [r.expertId, r.n]));
  }

  async insertConflict(conflict: typeof expertConflicts.$inferInsert): Promise<ExpertConflictRow> {
    const [row] = await this.db.insert(expertConflicts).values(conflict).returning();
    return row!;
  }

  async deleteConflict(expertId: string, id: string): Promise<ExpertConflictRow | undefined> {
    const [row] = await this.db
      .delete(expertConflicts)
      .where(and(eq(expertConflicts.id, id), eq(expertConflicts.expertId, expertId)))
      .returning();
    return row;
  }

  /** Declared conflicts of the given experts (all when absent), oldest first. */
  declaredConflicts(expertIds?: string[]): Promise<ExpertConflictRow[]> {
    return this.db
      .select()
      .from(expertConflicts)
      .where(expertIds ? inArray(expertConflicts.expertId, expertIds) : undefined)
      .orderBy(asc(expertConflicts.createdAt), asc(expertConflicts.id));
  }

  /** Applications with their parties, by call and ids; `reviewable`: only those experts review. */
  async applications(filter: {
    callId?: string;
    ids?: string[];
    reviewable?: boolean;
    /** Text search: title, acceptance number, applicant, project leader. */
    q?: string | undefined;
  }): Promise<ExpertReviewApplication[]> {
    const where: (SQL | undefined)[] = [applicationMatches(filter.q)];
    if (filter.callId) where.push(eq(applications.callId, filter.callId));
    if (filter.ids) where.push(inArray(applications.id, filter.ids));
    if (filter.reviewable) where.push(reviewable);
    const rows = await this.db
      .select(reviewColumns)
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .innerJoin(departments, eq(departments.id, applications.departmentId))
      .where(and(...where))
      .orderBy(asc(applications.acceptanceNo), asc(applications.id));
    const avoided = await new AvoidedExpertRepository(this.db).list(rows.map((r) => r.id));
    return rows.map((row) => ({
      ...row,
      avoidedExperts: avoided
        .filter((a) => a.applicationId === row.id)
        .map((a) => ({ name: a.name, organization: a.organization, reason: a.reason })),
    }));
  }

  /** Serializes assignments: automatic ones balance on loads read inside the lock. */
  async lockAssignments(): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext('expert-assignments'))`);
  }

  async insertAssignment(assignment: typeof expertAssignments.$inferInsert): Promise<AssignmentRow> {
    const [row] = await this.db.insert(expertAssignments).values(assignment).returning();
    return row!;
  }

  async findAssignment(id: string): Promise<AssignmentRow | undefined> {
    const [row] = await this.db.select().from(expertAssignments).where(eq(expertAssignments.id, id));
    return row;
  }

  async lockAssignment(id: string): Promise<AssignmentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(expertAssignments)
      .where(eq(expertAssignments.id, id))
      .for('update');
    return row;
  }

  async updateAssignment(id: string, patch: Partial<AssignmentRow>): Promise<AssignmentRow> {
    const [row] = await this.db
      .update(expertAssignments)
      .set(patch)
      .where(eq(expertAssignments.id, id))
      .returning();
    return row!;
  }

  async deleteAssignment(id: string): Promise<void> {
    await this.db.delete(expertAssignments).where(eq(expertAssignments.id, id));
  }

  assignmentsOf(applicationIds: string[]): Promise<AssignmentWithExpert[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return this.db
      .select({
        assignment: expertAssignments,
        expert: { id: experts.id, name: experts.name, organizationName: experts.organizationName },
        invitationStatus: expertInvitations.status,
      })
      .from(expertAssignments)
      .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
      .leftJoin(
        expertInvitations,
        and(
          eq(expertInvitations.roundId, expertAssignments.roundId),
          eq(expertInvitations.expertId, expertAssignments.expertId),
        ),
      )
      .where(inArray(expertAssignments.applicationId, applicationIds))
      .orderBy(asc(expertAssignments.assignedAt), asc(experts.name));
  }

  /** An expert's assignments in the rounds whose invitation they accepted. */
  assignmentsOfExpert(expertId: string): Promise<AssignmentRow[]> {
    return this.db
      .select(getTableColumns(expertAssignments))
      .from(expertAssignments)
      .innerJoin(
        expertInvitations,
        and(
          eq(expertInvitations.roundId, expertAssignments.roundId),
          eq(expertInvitations.expertId, expertAssignments.expertId),
          eq(expertInvitations.status, 'accepted'),
        ),
      )
      .where(eq(expertAssignments.expertId, expertId))
      .orderBy(asc(expertAssignments.dueAt), asc(expertAssignments.id));
  }

  /** Unsubmitted assignments of active experts due after `from` and no later than `until`. */
  dueBetween(from: Date, until: Date) {
    return this.db
      .select({ assignment: expertAssignments, userId: experts.userId, form: applications.form })
      .from(expertAssignments)
      .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
      .innerJoin(applications, eq(applications.id, expertAssignments.applicationId))
      .where(
        and(
          isNull(expertAssignments.submittedAt),
          eq(experts.active, true),
          reviewable,
          // An expert who has not accepted the round is reminded of the invitation instead.
          sql`exists (select 1 from ${expertInvitations} where ${expertInvitations.roundId} = ${expertAssignments.roundId} and ${expertInvitations.expertId} = ${expertAssignments.expertId} and ${expertInvitations.status} = 'accepted')`,
          gt(expertAssignments.dueAt, from),
          lte(expertAssignments.dueAt, until),
        ),
      )
      .orderBy(asc(expertAssignments.dueAt));
  }

  /** The notification, unless one of its kind exists for its assignment already. */
  async notifyOnce(notification: typeof notifications.$inferInsert): Promise<NotificationRow | undefined> {
    const [row] = await this.db.insert(notifications).values(notification).onConflictDoNothing().returning();
    return row;
  }

  notificationsOf(userId: string): Promise<NotificationRow[]> {
    return this.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id));
  }

  async markRead(userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
    const [row] = await this.db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .returning();
    return row;
  }
}
