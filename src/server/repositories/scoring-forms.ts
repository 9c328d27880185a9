import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { applications, expertAssignments, reviewRounds, scoringForms, users } from '../db/schema.js';

export type ScoringFormRow = typeof scoringForms.$inferSelect;
export type NewScoringForm = typeof scoringForms.$inferInsert;
export type RoundRow = typeof reviewRounds.$inferSelect;

/** A version with the name of whoever saved it (null: the default, adopted by the first score). */
export type ScoringFormVersion = ScoringFormRow & { createdByName: string | null };

/** 评分表: versions per review round and topic, and what decides whether one may still change. */
export class ScoringFormRepository {
  constructor(private readonly db: Database) {}

  async round(id: string): Promise<RoundRow | undefined> {
    const [row] = await this.db.select().from(reviewRounds).where(eq(reviewRounds.id, id));
    return row;
  }

  /**
   * Takes the round's row lock: saving a version and the first score of the round serialize on it, so that no
   * version is added once a score was saved on the one before.
   */
  async lockRound(id: string): Promise<RoundRow | undefined> {
    const [row] = await this.db.select().from(reviewRounds).where(eq(reviewRounds.id, id)).for('update');
    return row;
  }

  rounds(ids: string[]): Promise<RoundRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.select().from(reviewRounds).where(inArray(reviewRounds.id, ids));
  }

  roundsOfCall(callId: string): Promise<RoundRow[]> {
    return this.db
      .select()
      .from(reviewRounds)
      .where(eq(reviewRounds.callId, callId))
      .orderBy(asc(reviewRounds.createdAt), asc(reviewRounds.id));
  }

  /** Every version of the forms of `roundIds`, oldest first. */
  async ofRounds(roundIds: string[]): Promise<ScoringFormVersion[]> {
    if (roundIds.length === 0) return [];
    return this.db
      .select({ ...scoringFormColumns, createdByName: users.displayName })
      .from(scoringForms)
      .leftJoin(users, eq(users.id, scoringForms.createdBy))
      .where(inArray(scoringForms.roundId, roundIds))
      .orderBy(asc(scoringForms.topic), asc(scoringForms.version));
  }

  byIds(ids: string[]): Promise<ScoringFormRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.select().from(scoringForms).where(inArray(scoringForms.id, ids));
  }

  async insert(row: NewScoringForm): Promise<ScoringFormRow> {
    const [inserted] = await this.db.insert(scoringForms).values(row).returning();
    return inserted!;
  }

  /** Topics of the round on which an expert has saved a score (draft or submitted): their forms are fixed. */
  async scoredTopics(roundId: string): Promise<Set<number>> {
    const rows = await this.db
      .selectDistinct({ topic: applications.topic })
      .from(expertAssignments)
      .innerJoin(applications, eq(applications.id, expertAssignments.applicationId))
      .where(and(eq(expertAssignments.roundId, roundId), isNotNull(expertAssignments.savedAt)));
    return new Set(rows.map((r) => r.topic));
  }

  /** How many assignments of the round were scored on each version. */
  async usage(formIds: string[]): Promise<Map<string, number>> {
    if (formIds.length === 0) return new Map();
    const rows = await this.db
      .select({ id: expertAssignments.scoringFormId, n: sql<number>`count(*)::int` })
      .from(expertAssignments)
      .where(inArray(expertAssignments.scoringFormId, formIds))
      .groupBy(expertAssignments.scoringFormId);
    return new Map(rows.map((r) => [r.id!, r.n]));
  }
}

const scoringFormColumns = {
  id: scoringForms.id,
  roundId: scoringForms.roundId,
  topic: scoringForms.topic,
  version: scoringForms.version,
  criteria: scoringForms.criteria,
  guidance: scoringForms.guidance,
  minCommentLength: scoringForms.minCommentLength,
  createdAt: scoringForms.createdAt,
  createdBy: scoringForms.createdBy,
};
