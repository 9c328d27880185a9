import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  applications,
  calls,
  expertAssignments,
  expertInvitations,
  experts,
  expertVacancies,
  organizations,
  reviewRounds,
} from '../db/schema.js';

export type RoundRow = typeof reviewRounds.$inferSelect;
export type InvitationRow = typeof expertInvitations.$inferSelect;
export type VacancyRow = typeof expertVacancies.$inferSelect;

/** An invitation with its expert, as the province lists a round's. */
export interface InvitationWithExpert {
  invitation: InvitationRow;
  expert: { id: string; name: string; organizationName: string };
  /** Assignments the expert holds in the round. */
  assignments: number;
}

/** An application assigned in a round, as its invitation shows it: nothing naming a person. */
export interface InvitedApplication {
  assignmentId: string;
  applicationId: string;
  title: string | undefined;
  applicant: string;
  topic: number;
  acceptanceNo: string | null;
}

export interface OpenVacancy {
  vacancy: VacancyRow;
  round: RoundRow;
  expert: { id: string; name: string };
  application: { id: string; title: string | undefined; acceptanceNo: string | null; callId: string };
}

// 评审轮次和邀请 (issue 14 §1): rounds of a call, invitations of experts to them, and the vacancies left when
// an expert is lost to a decline, an expiry or a declared conflict.
export class ReviewRoundRepository {
  constructor(private readonly db: Database) {}

  async insert(round: typeof reviewRounds.$inferInsert): Promise<RoundRow> {
    const [row] = await this.db.insert(reviewRounds).values(round).returning();
    return row!;
  }

  async findById(id: string): Promise<RoundRow | undefined> {
    const [row] = await this.db.select().from(reviewRounds).where(eq(reviewRounds.id, id));
    return row;
  }

  /** Rounds with their call's name, of one call or all, newest first. */
  list(callId?: string) {
    return this.db
      .select({ round: reviewRounds, callName: calls.name })
      .from(reviewRounds)
      .innerJoin(calls, eq(calls.id, reviewRounds.callId))
      .where(callId ? eq(reviewRounds.callId, callId) : undefined)
      .orderBy(desc(reviewRounds.createdAt), asc(reviewRounds.id));
  }

  /** How many invitations each round has, by status. */
  async invitationCounts(roundIds: string[]) {
    if (roundIds.length === 0) return [];
    return this.db
      .select({ roundId: expertInvitations.roundId, status: expertInvitations.status, n: count() })
      .from(expertInvitations)
      .where(inArray(expertInvitations.roundId, roundIds))
      .groupBy(expertInvitations.roundId, expertInvitations.status);
  }

  async insertInvitation(
    invitation: typeof expertInvitations.$inferInsert,
  ): Promise<InvitationRow | undefined> {
    const [row] = await this.db
      .insert(expertInvitations)
      .values(invitation)
      .onConflictDoNothing()
      .returning();
    return row;
  }

  async invitationOf(roundId: string, expertId: string): Promise<InvitationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(expertInvitations)
      .where(and(eq(expertInvitations.roundId, roundId), eq(expertInvitations.expertId, expertId)));
    return row;
  }

  async lockInvitation(id: string): Promise<InvitationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(expertInvitations)
      .where(eq(expertInvitations.id, id))
      .for('update');
    return row;
  }

  async updateInvitation(id: string, patch: Partial<InvitationRow>): Promise<InvitationRow> {
    const [row] = await this.db
      .update(expertInvitations)
      .set(patch)
      .where(eq(expertInvitations.id, id))
      .returning();
    return row!;
  }

  /** Marks a pending invitation reminded unless another instance did; whether this one did. */
  async markReminded(id: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(expertInvitations)
      .set({ remindedAt: at })
      .where(
        and(
          eq(expertInvitations.id, id),
          eq(expertInvitations.status, 'pending'),
          isNull(expertInvitations.remindedAt),
        ),
      )
      .returning({ id: expertInvitations.id });
    return rows.length > 0;
  }

  invitationsOfRound(roundId: string): Promise<InvitationWithExpert[]> {
    return this.db
      .select({
        invitation: expertInvitations,
        expert: { id: experts.id, name: experts.name, organizationName: experts.organizationName },
        assignments: sql<number>`(select count(*)::int from ${expertAssignments} where ${expertAssignments.roundId} = ${expertInvitations.roundId} and ${expertAssignments.expertId} = ${expertInvitations.expertId})`,
      })
      .from(expertInvitations)
      .innerJoin(experts, eq(experts.id, expertInvitations.expertId))
      .where(eq(expertInvitations.roundId, roundId))
      .orderBy(asc(expertInvitations.invitedAt), asc(experts.name));
  }

  /** An expert's invitations with their rounds and calls. */
  invitationsOfExpert(expertId: string) {
    return this.db
      .select({ invitation: expertInvitations, round: reviewRounds, callName: calls.name })
      .from(expertInvitations)
      .innerJoin(reviewRounds, eq(reviewRounds.id, expertInvitations.roundId))
      .innerJoin(calls, eq(calls.id, reviewRounds.callId))
      .where(eq(expertInvitations.expertId, expertId))
      .orderBy(asc(expertInvitations.respondBy), asc(expertInvitations.id));
  }

  /** Pending invitations whose deadline is at or before `until`, with the expert's login. */
  pendingBefore(until: Date) {
    return this.db
      .select({
        invitation: expertInvitations,
        round: reviewRounds,
        userId: experts.userId,
        callName: calls.name,
      })
      .from(expertInvitations)
      .innerJoin(reviewRounds, eq(reviewRounds.id, expertInvitations.roundId))
      .innerJoin(calls, eq(calls.id, reviewRounds.callId))
      .innerJoin(experts, eq(experts.id, expertInvitations.expertId))
      .where(and(eq(expertInvitations.status, 'pending'), lte(expertInvitations.respondBy, until)))
      .orderBy(asc(expertInvitations.respondBy), asc(expertInvitations.id));
  }

  /** The applications an expert is assigned in a round, for their invitation. */
  invitedApplications(roundIds: string[], expertId: string) {
    if (roundIds.length === 0) return Promise.resolve([]);
    return this.db
      .select({
        roundId: expertAssignments.roundId,
        assignmentId: expertAssignments.id,
        applicationId: applications.id,
        form: applications.form,
        applicant: organizations.name,
        topic: applications.topic,
        acceptanceNo: applications.acceptanceNo,
      })
      .from(expertAssignments)
      .innerJoin(applications, eq(applications.id, expertAssignments.applicationId))
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(and(inArray(expertAssignments.roundId, roundIds), eq(expertAssignments.expertId, expertId)))
      .orderBy(asc(applications.acceptanceNo), asc(applications.id));
  }

  /** Unsubmitted assignments of an expert in a round, locked. */
  openAssignmentsOf(roundId: string, expertId: string) {
    return this.db
      .select()
      .from(expertAssignments)
      .where(
        and(
          eq(expertAssignments.roundId, roundId),
          eq(expertAssignments.expertId, expertId),
          isNull(expertAssignments.submittedAt),
        ),
      )
      .orderBy(asc(expertAssignments.id))
      .for('update');
  }

  async insertVacancy(vacancy: typeof expertVacancies.$inferInsert): Promise<VacancyRow> {
    const [row] = await this.db.insert(expertVacancies).values(vacancy).returning();
    return row!;
  }

  async lockVacancy(id: string): Promise<VacancyRow | undefined> {
    const [row] = await this.db
      .select()
      .from(expertVacancies)
      .where(eq(expertVacancies.id, id))
      .for('update');
    return row;
  }

  async fillVacancy(id: string, patch: Pick<VacancyRow, 'filledAt' | 'filledBy' | 'replacementId'>) {
    const [row] = await this.db
      .update(expertVacancies)
      .set(patch)
      .where(eq(expertVacancies.id, id))
      .returning();
    return row!;
  }

  /** Vacancies not yet filled, of one call or all, oldest first. */
  openVacancies(callId?: string): Promise<OpenVacancy[]> {
    return this.db
      .select({
        vacancy: expertVacancies,
        round: reviewRounds,
        expert: { id: experts.id, name: experts.name },
        application: {
          id: applications.id,
          title: sql<string | undefined>`${applications.form}->>'title'`,
          acceptanceNo: applications.acceptanceNo,
          callId: applications.callId,
        },
      })
      .from(expertVacancies)
      .innerJoin(reviewRounds, eq(reviewRounds.id, expertVacancies.roundId))
      .innerJoin(experts, eq(experts.id, expertVacancies.expertId))
      .innerJoin(applications, eq(applications.id, expertVacancies.applicationId))
      .where(and(isNull(expertVacancies.filledAt), callId ? eq(reviewRounds.callId, callId) : undefined))
      .orderBy(asc(expertVacancies.createdAt), asc(expertVacancies.id));
  }

  /** Experts who declined (or let expire) their invitation to the round. */
  async refusedIn(roundId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ expertId: expertInvitations.expertId })
      .from(expertInvitations)
      .where(
        and(
          eq(expertInvitations.roundId, roundId),
          inArray(expertInvitations.status, ['declined', 'expired']),
        ),
      );
    return new Set(rows.map((r) => r.expertId));
  }
}
