import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  announcements,
  applications,
  decisions,
  departments,
  formalReviews,
  organizations,
  people,
  reviewConfirmations,
  users,
} from '../db/schema.js';
import { applicationMatches } from './search.js';

export type FormalReviewRow = typeof formalReviews.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;
export type AnnouncementRow = typeof announcements.$inferSelect;

/** An application the province handles, with the names people read beside it and what the province decided. */
export type ProvinceRow = Awaited<ReturnType<DecisionRepository['recommended']>>[number];

// What the provincial centre's 形式审查, 立项决定 and 公示 read and write besides the applications' rows.

export class DecisionRepository {
  constructor(private readonly db: Database) {}

  /**
   * The call's recommended applications (or those of `ids`, or those matching the search `q`), with whether
   * their department confirmed its list.
   */
  recommended(callId: string, ids?: string[], q?: string) {
    return this.db
      .select({
        application: getTableColumns(applications),
        organizationName: organizations.name,
        piName: people.name,
        departmentName: departments.name,
        listConfirmedAt: reviewConfirmations.confirmedAt,
        review: getTableColumns(formalReviews),
        reviewerName: users.displayName,
        decision: getTableColumns(decisions),
      })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .innerJoin(people, eq(people.id, applications.piId))
      .innerJoin(departments, eq(departments.id, applications.departmentId))
      .leftJoin(
        reviewConfirmations,
        and(
          eq(reviewConfirmations.departmentId, applications.departmentId),
          eq(reviewConfirmations.callId, applications.callId),
        ),
      )
      .leftJoin(formalReviews, eq(formalReviews.applicationId, applications.id))
      .leftJoin(users, eq(users.id, formalReviews.reviewedBy))
      .leftJoin(decisions, eq(decisions.applicationId, applications.id))
      .where(
        and(
          eq(applications.callId, callId),
          eq(applications.status, 'recommended'),
          ids ? inArray(applications.id, ids) : undefined,
          applicationMatches(q),
        ),
      )
      .orderBy(asc(applications.acceptanceNo));
  }

  async formalReview(applicationId: string): Promise<FormalReviewRow | undefined> {
    const [row] = await this.db
      .select()
      .from(formalReviews)
      .where(eq(formalReviews.applicationId, applicationId));
    return row;
  }

  async saveFormalReview(row: FormalReviewRow): Promise<void> {
    const { applicationId: _id, ...changes } = row;
    await this.db
      .insert(formalReviews)
      .values(row)
      .onConflictDoUpdate({ target: formalReviews.applicationId, set: changes });
  }

  async decision(applicationId: string): Promise<DecisionRow | undefined> {
    const [row] = await this.db.select().from(decisions).where(eq(decisions.applicationId, applicationId));
    return row;
  }

  async saveDecision(row: typeof decisions.$inferInsert): Promise<void> {
    const { applicationId: _id, ...changes } = row;
    await this.db
      .insert(decisions)
      .values(row)
      .onConflictDoUpdate({ target: decisions.applicationId, set: changes });
  }

  async deleteDecision(applicationId: string): Promise<void> {
    await this.db.delete(decisions).where(eq(decisions.applicationId, applicationId));
  }

  async enterContractStage(applicationId: string, at: Date, by: string): Promise<void> {
    await this.db
      .update(decisions)
      .set({ contractStageAt: at, contractStageBy: by })
      .where(eq(decisions.applicationId, applicationId));
  }

  /** 立项 published and not yet in contract signing: the formal agreement may still be uploaded. */
  async awaitsFormalAgreement(applicationId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: decisions.applicationId })
      .from(decisions)
      .where(
        and(
          eq(decisions.applicationId, applicationId),
          eq(decisions.outcome, 'approved'),
          isNotNull(decisions.announcementId),
          isNull(decisions.contractStageAt),
        ),
      );
    return row !== undefined;
  }

  /** Approved decisions of the call that no published 公示 has listed yet. */
  unpublishedApprovals(callId: string): Promise<DecisionRow[]> {
    return this.db
      .select()
      .from(decisions)
      .where(
        and(
          eq(decisions.callId, callId),
          eq(decisions.outcome, 'approved'),
          isNull(decisions.announcementId),
        ),
      );
  }

  /** Locks every decision of the call made so far under the 公示 being published. */
  async lockDecisions(callId: string, announcementId: string): Promise<void> {
    await this.db
      .update(decisions)
      .set({ announcementId })
      .where(and(eq(decisions.callId, callId), isNull(decisions.announcementId)));
  }

  async insertAnnouncement(row: typeof announcements.$inferInsert): Promise<AnnouncementRow> {
    const [inserted] = await this.db.insert(announcements).values(row).returning();
    return inserted!;
  }

  async announcement(id: string): Promise<AnnouncementRow | undefined> {
    const [row] = await this.db.select().from(announcements).where(eq(announcements.id, id));
    return row;
  }

  /** Locks the announcement row: publications and deletions of one 公示 queue up. */
  async lockAnnouncement(id: string): Promise<AnnouncementRow | undefined> {
    const [row] = await this.db.select().from(announcements).where(eq(announcements.id, id)).for('update');
    return row;
  }

  announcements(callId: string | undefined): Promise<AnnouncementRow[]> {
    return this.db
      .select()
      .from(announcements)
      .where(callId ? eq(announcements.callId, callId) : undefined)
      .orderBy(desc(announcements.createdAt));
  }

  published(): Promise<AnnouncementRow[]> {
    return this.db
      .select()
      .from(announcements)
      .where(isNotNull(announcements.publishedAt))
      .orderBy(desc(announcements.publishedAt));
  }

  async publish(
    id: string,
    changes: Required<
      Pick<AnnouncementRow, 'startsOn' | 'endsOn' | 'publishedAt' | 'publishedBy' | 'entries'>
    >,
  ): Promise<void> {
    await this.db.update(announcements).set(changes).where(eq(announcements.id, id));
  }

  async deleteAnnouncement(id: string): Promise<void> {
    await this.db
      .delete(announcements)
      .where(and(eq(announcements.id, id), isNull(announcements.publishedAt)));
  }

  /** The published 公示 that lists the application, with its period. */
  async publishedFor(applicationId: string): Promise<AnnouncementRow | undefined> {
    const [row] = await this.db
      .select(getTableColumns(announcements))
      .from(decisions)
      .innerJoin(announcements, eq(announcements.id, decisions.announcementId))
      .where(
        and(
          eq(decisions.applicationId, applicationId),
          eq(decisions.outcome, 'approved'),
          isNotNull(announcements.publishedAt),
        ),
      );
    return row;
  }

  /** Serialises every decision and publication of a call until the transaction ends. */
  async lockCall(callId: string): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`decisions:${callId}`}))`);
  }
}
