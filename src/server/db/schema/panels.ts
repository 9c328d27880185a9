import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  PANEL_RECOMMENDATIONS,
  PANEL_VOTES,
  type PanelRecommendation,
  type PanelVote,
} from '../../../core/panels/record.js';
import { applications } from './applications.js';
import { calls } from './calls.js';
import { inList, instant } from './columns.js';
import { experts } from './experts.js';
import { users } from './users.js';

// 会评 (issue 14 §5): a panel meeting of a call, its members (experts who accepted an invitation to a round of
// the call) and chair, the applications on its agenda with each one's record, and each member's vote. The
// record and every vote carry a version: a write names the version it read, and a stale one is refused.

export const panelMeetings = pgTable(
  'panel_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    title: text('title').notNull(),
    startsAt: instant('starts_at').notNull(),
    place: text('place').notNull().default(''),
    onlineLink: text('online_link'),
    chairExpertId: uuid('chair_expert_id')
      .notNull()
      .references(() => experts.id),
    createdAt: instant('created_at').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** The chair's sign-off in the system: the record is frozen from then on. */
    signedOffAt: instant('signed_off_at'),
    signedOffBy: uuid('signed_off_by').references(() => users.id),
  },
  (t) => [
    check('panel_meetings_somewhere', sql`${t.place} <> '' or ${t.onlineLink} is not null`),
    check('panel_meetings_signed_by', sql`(${t.signedOffAt} is null) = (${t.signedOffBy} is null)`),
    index('panel_meetings_call_idx').on(t.callId, t.startsAt),
    index('panel_meetings_chair_idx').on(t.chairExpertId),
  ],
);

export const panelMembers = pgTable(
  'panel_members',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => panelMeetings.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.expertId] })],
);

/** One application on the agenda, with the panel's record of it. */
export const panelItems = pgTable(
  'panel_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => panelMeetings.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    position: integer('position').notNull(),
    notes: text('notes').notNull().default(''),
    consensusScore: real('consensus_score'),
    recommendation: text('recommendation').$type<PanelRecommendation>(),
    /** Yuan. */
    proposedFunding: bigint('proposed_funding', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    updatedAt: instant('updated_at'),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('panel_items_meeting_application_key').on(t.meetingId, t.applicationId),
    index('panel_items_application_idx').on(t.applicationId),
    check(
      'panel_items_recommendation',
      sql`${t.recommendation} is null or ${t.recommendation} in (${inList(PANEL_RECOMMENDATIONS)})`,
    ),
    check(
      'panel_items_score_range',
      sql`${t.consensusScore} is null or (${t.consensusScore} >= 0 and ${t.consensusScore} <= 100)`,
    ),
    check('panel_items_funding_positive', sql`${t.proposedFunding} is null or ${t.proposedFunding} > 0`),
  ],
);

/** A member's vote on an item; one row per member, so that votes of different members never collide. */
export const panelVotes = pgTable(
  'panel_votes',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => panelItems.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    vote: text('vote').$type<PanelVote>().notNull(),
    version: integer('version').notNull().default(1),
    recordedAt: instant('recorded_at').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.expertId] }),
    check('panel_votes_vote', sql`${t.vote} in (${inList(PANEL_VOTES)})`),
  ],
);
