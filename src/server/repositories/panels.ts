import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  expertInvitations,
  experts,
  panelItems,
  panelMeetings,
  panelMembers,
  panelVotes,
  reviewRounds,
  users,
} from '../db/schema.js';

export type PanelMeetingRow = typeof panelMeetings.$inferSelect;
export type PanelItemRow = typeof panelItems.$inferSelect;
export type PanelVoteRow = typeof panelVotes.$inferSelect;

/** A member of a meeting as the record shows them. */
export interface PanelMember {
  expertId: string;
  name: string;
  organizationName: string;
  title: string;
  userId: string;
}

/** What an item's record may change. */
export type PanelRecordPatch = Pick<
  PanelItemRow,
  'notes' | 'consensusScore' | 'recommendation' | 'proposedFunding'
>;

// 会评: meetings, their members, agenda items and votes. Records and votes are written only at the version the
// writer read (compare-and-set in one statement), so that two writers can never both think they won.

export class PanelRepository {
  constructor(private readonly db: Database) {}

  /** Experts with an accepted invitation to any round of the call, by name. */
  acceptedExperts(callId: string, expertIds?: string[]) {
    return this.db
      .selectDistinct({
        id: experts.id,
        name: experts.name,
        organizationName: experts.organizationName,
        title: experts.title,
      })
      .from(expertInvitations)
      .innerJoin(reviewRounds, eq(reviewRounds.id, expertInvitations.roundId))
      .innerJoin(experts, eq(experts.id, expertInvitations.expertId))
      .where(
        and(
          eq(reviewRounds.callId, callId),
          eq(expertInvitations.status, 'accepted'),
          expertIds ? inArray(experts.id, expertIds) : undefined,
        ),
      )
      .orderBy(asc(experts.name), asc(experts.id));
  }

  /** The demo's only: experts accepting an invitation to a new 函评 round of the call, as their answer would. */
  async insertMeeting(
    meeting: typeof panelMeetings.$inferInsert,
    memberIds: string[],
    applicationIds: string[],
  ): Promise<PanelMeetingRow> {
    const [row] = await this.db.insert(panelMeetings).values(meeting).returning();
    await this.db
      .insert(panelMembers)
      .values(memberIds.map((expertId, position) => ({ meetingId: row!.id, expertId, position })));
    await this.db
      .insert(panelItems)
      .values(
        applicationIds.map((applicationId, position) => ({ meetingId: row!.id, applicationId, position })),
      );
    return row!;
  }

  meetings(filter: { callId?: string; chairExpertId?: string }) {
    return this.db
      .select({
        meeting: panelMeetings,
        items: sql<number>`(select count(*)::int from ${panelItems} where ${panelItems.meetingId} = ${panelMeetings.id})`,
        members: sql<number>`(select count(*)::int from ${panelMembers} where ${panelMembers.meetingId} = ${panelMeetings.id})`,
      })
      .from(panelMeetings)
      .where(
        and(
          filter.callId ? eq(panelMeetings.callId, filter.callId) : undefined,
          filter.chairExpertId ? eq(panelMeetings.chairExpertId, filter.chairExpertId) : undefined,
        ),
      )
      .orderBy(desc(panelMeetings.startsAt), asc(panelMeetings.id));
  }

  async meeting(id: string): Promise<PanelMeetingRow | undefined> {
    const [row] = await this.db.select().from(panelMeetings).where(eq(panelMeetings.id, id));
    return row;
  }

  /** The meeting, held against sign-off (`share`, by record writes) or for it (`update`). */
  async lockMeeting(id: string, strength: 'share' | 'update'): Promise<PanelMeetingRow | undefined> {
    const [row] = await this.db.select().from(panelMeetings).where(eq(panelMeetings.id, id)).for(strength);
    return row;
  }

  members(meetingId: string): Promise<PanelMember[]> {
    return this.db
      .select({
        expertId: experts.id,
        name: experts.name,
        organizationName: experts.organizationName,
        title: experts.title,
        userId: experts.userId,
      })
      .from(panelMembers)
      .innerJoin(experts, eq(experts.id, panelMembers.expertId))
      .where(eq(panelMembers.meetingId, meetingId))
      .orderBy(asc(panelMembers.position));
  }

  items(meetingId: string): Promise<PanelItemRow[]> {
    return this.db
      .select()
      .from(panelItems)
      .where(eq(panelItems.meetingId, meetingId))
      .orderBy(asc(panelItems.position));
  }

  async item(meetingId: string, itemId: string): Promise<PanelItemRow | undefined> {
    const [row] = await this.db
      .select()
      .from(panelItems)
      .where(and(eq(panelItems.id, itemId), eq(panelItems.meetingId, meetingId)));
    return row;
  }

  votes(itemIds: string[]): Promise<PanelVoteRow[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.db.select().from(panelVotes).where(inArray(panelVotes.itemId, itemIds));
  }

  async vote(itemId: string, expertId: string): Promise<PanelVoteRow | undefined> {
    const [row] = await this.db
      .select()
      .from(panelVotes)
      .where(and(eq(panelVotes.itemId, itemId), eq(panelVotes.expertId, expertId)));
    return row;
  }

  /** Writes the record only if it is still at `version`; undefined when it is not. */
  async saveRecord(
    itemId: string,
    version: number,
    patch: PanelRecordPatch,
    at: Date,
    by: string,
  ): Promise<PanelItemRow | undefined> {
    const [row] = await this.db
      .update(panelItems)
      .set({ ...patch, version: sql`${panelItems.version} + 1`, updatedAt: at, updatedBy: by })
      .where(and(eq(panelItems.id, itemId), eq(panelItems.version, version)))
      .returning();
    return row;
  }

  /**
   * Records a member's vote only if theirs is still at `version` (0: not yet voted); undefined when it is not.
   * A first vote inserts, and a concurrent first vote of the same member finds the row there and loses.
   */
  async saveVote(
    vote: Pick<PanelVoteRow, 'itemId' | 'expertId' | 'vote' | 'recordedAt' | 'recordedBy'>,
    version: number,
  ): Promise<PanelVoteRow | undefined> {
    if (version === 0) {
      const [row] = await this.db.insert(panelVotes).values(vote).onConflictDoNothing().returning();
      return row;
    }
    const [row] = await this.db
      .update(panelVotes)
      .set({
        vote: vote.vote,
        recordedAt: vote.recordedAt,
        recordedBy: vote.recordedBy,
        version: sql`${panelVotes.version} + 1`,
      })
      .where(
        and(
          eq(panelVotes.itemId, vote.itemId),
          eq(panelVotes.expertId, vote.expertId),
          eq(panelVotes.version, version),
        ),
      )
      .returning();
    return row;
  }

  async signOff(id: string, at: Date, by: string): Promise<PanelMeetingRow> {
    const [row] = await this.db
      .update(panelMeetings)
      .set({ signedOffAt: at, signedOffBy: by })
      .where(eq(panelMeetings.id, id))
      .returning();
    return row!;
  }

  /**
   * Every agenda item of the call's meetings with its meeting and votes' counts, latest meeting first, for
   * the decision page.
   */
  itemsOfCall(callId: string) {
    return this.db
      .select({ item: panelItems, meeting: panelMeetings, signerName: users.displayName })
      .from(panelItems)
      .innerJoin(panelMeetings, eq(panelMeetings.id, panelItems.meetingId))
      .leftJoin(users, eq(users.id, panelMeetings.signedOffBy))
      .where(eq(panelMeetings.callId, callId))
      .orderBy(desc(panelMeetings.startsAt), desc(panelMeetings.createdAt));
  }
}
