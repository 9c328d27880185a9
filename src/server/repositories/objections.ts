import { and, asc, desc, eq, isNotNull, max, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  applications,
  decisions,
  expertAssignments,
  feedbackSettings,
  objectionEvidence,
  objectionNotes,
  objectionSequences,
  objections,
  releasedOpinions,
  users,
} from '../db/schema.js';

export type ObjectionRow = typeof objections.$inferSelect;
export type ObjectionEvidenceRow = typeof objectionEvidence.$inferSelect;
export type ObjectionNoteRow = typeof objectionNotes.$inferSelect & { byName: string };
export type FeedbackSettingRow = typeof feedbackSettings.$inferSelect;
export type ReleasedOpinionRow = typeof releasedOpinions.$inferSelect;

// 公示异议 and the opinions released to applicants: what their services read and write.

export class ObjectionRepository {
  constructor(private readonly db: Database) {}

  /** The call's next sequence number: one upsert, so concurrent filings each get their own. */
  async nextSequence(callId: string): Promise<number> {
    const [row] = await this.db
      .insert(objectionSequences)
      .values({ callId, last: 1 })
      .onConflictDoUpdate({
        target: objectionSequences.callId,
        set: { last: sql`${objectionSequences.last} + 1` },
      })
      .returning({ last: objectionSequences.last });
    return row!.last;
  }

  async insert(row: typeof objections.$inferInsert): Promise<ObjectionRow> {
    const [inserted] = await this.db.insert(objections).values(row).returning();
    return inserted!;
  }

  async addEvidence(row: typeof objectionEvidence.$inferInsert): Promise<void> {
    await this.db.insert(objectionEvidence).values(row).onConflictDoNothing();
  }

  evidence(objectionId: string): Promise<ObjectionEvidenceRow[]> {
    return this.db
      .select()
      .from(objectionEvidence)
      .where(eq(objectionEvidence.objectionId, objectionId))
      .orderBy(asc(objectionEvidence.addedAt), asc(objectionEvidence.fileName));
  }

  /** The call's application listed under `acceptanceNo`. */
  async applicationOf(callId: string, acceptanceNo: string) {
    const [row] = await this.db
      .select({ id: applications.id, title: sql<string | null>`${applications.form}->>'title'` })
      .from(applications)
      .where(and(eq(applications.callId, callId), eq(applications.acceptanceNo, acceptanceNo)));
    return row;
  }

  /** Objections under `reference` (one per call that has reached that number). */
  findByReference(reference: string): Promise<ObjectionRow[]> {
    return this.db.select().from(objections).where(eq(objections.reference, reference));
  }

  async find(id: string): Promise<ObjectionRow | undefined> {
    const [row] = await this.db.select().from(objections).where(eq(objections.id, id));
    return row;
  }

  async lock(id: string): Promise<ObjectionRow | undefined> {
    const [row] = await this.db.select().from(objections).where(eq(objections.id, id)).for('update');
    return row;
  }

  list(callId: string): Promise<ObjectionRow[]> {
    return this.db
      .select()
      .from(objections)
      .where(eq(objections.callId, callId))
      .orderBy(desc(objections.receivedAt), desc(objections.reference));
  }

  async update(id: string, changes: Partial<typeof objections.$inferInsert>): Promise<ObjectionRow> {
    const [row] = await this.db.update(objections).set(changes).where(eq(objections.id, id)).returning();
    return row!;
  }

  async addNote(row: typeof objectionNotes.$inferInsert): Promise<void> {
    await this.db.insert(objectionNotes).values(row);
  }

  notes(objectionId: string): Promise<ObjectionNoteRow[]> {
    return this.db
      .select({
        id: objectionNotes.id,
        objectionId: objectionNotes.objectionId,
        text: objectionNotes.text,
        at: objectionNotes.at,
        by: objectionNotes.by,
        byName: users.displayName,
      })
      .from(objectionNotes)
      .innerJoin(users, eq(users.id, objectionNotes.by))
      .where(eq(objectionNotes.objectionId, objectionId))
      .orderBy(asc(objectionNotes.at), asc(objectionNotes.id));
  }

  /** The 受理编号 of the 公示's entries whose approval was revoked since. */
  async revokedIn(announcementId: string): Promise<string[]> {
    const rows = await this.db
      .select({ acceptanceNo: applications.acceptanceNo })
      .from(decisions)
      .innerJoin(applications, eq(applications.id, decisions.applicationId))
      .where(and(eq(decisions.announcementId, announcementId), isNotNull(decisions.revokedAt)));
    return rows.flatMap((r) => (r.acceptanceNo ? [r.acceptanceNo] : []));
  }

  /** Revokes an approval: not approved, no funding, and when, by whom, why and through which objection. */
  async revokeDecision(
    applicationId: string,
    revocation: { at: Date; by: string; reason: string; objectionId: string },
  ): Promise<void> {
    await this.db
      .update(decisions)
      .set({
        outcome: 'rejected',
        funding: null,
        revokedAt: revocation.at,
        revokedBy: revocation.by,
        revokedReason: revocation.reason,
        revokedObjectionId: revocation.objectionId,
      })
      .where(eq(decisions.applicationId, applicationId));
  }

  async feedbackSetting(callId: string): Promise<FeedbackSettingRow | undefined> {
    const [row] = await this.db.select().from(feedbackSettings).where(eq(feedbackSettings.callId, callId));
    return row;
  }

  async saveFeedbackSetting(row: FeedbackSettingRow): Promise<void> {
    const { callId: _id, ...changes } = row;
    await this.db.insert(feedbackSettings).values(row).onConflictDoUpdate({
      target: feedbackSettings.callId,
      set: changes,
    });
  }

  /** The submitted 函评 comments on the application, with their assignment (never shown to applicants). */
  submittedComments(applicationId: string) {
    return this.db
      .select({
        assignmentId: expertAssignments.id,
        comment: expertAssignments.comment,
        submittedAt: expertAssignments.submittedAt,
      })
      .from(expertAssignments)
      .where(
        and(
          eq(expertAssignments.applicationId, applicationId),
          isNotNull(expertAssignments.submittedAt),
          ne(expertAssignments.comment, ''),
        ),
      )
      .orderBy(asc(expertAssignments.submittedAt), asc(expertAssignments.id));
  }

  released(applicationId: string): Promise<ReleasedOpinionRow[]> {
    return this.db
      .select()
      .from(releasedOpinions)
      .where(eq(releasedOpinions.applicationId, applicationId))
      .orderBy(asc(releasedOpinions.kind), asc(releasedOpinions.position));
  }

  async lastPosition(applicationId: string, kind: ReleasedOpinionRow['kind']): Promise<number> {
    const [row] = await this.db
      .select({ last: max(releasedOpinions.position) })
      .from(releasedOpinions)
      .where(and(eq(releasedOpinions.applicationId, applicationId), eq(releasedOpinions.kind, kind)));
    return row?.last ?? 0;
  }

  async release(rows: (typeof releasedOpinions.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(releasedOpinions).values(rows);
  }
}
