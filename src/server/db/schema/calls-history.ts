import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { CallChange, CallStatus } from '../../../contract/vocabulary.js';
import type { CallDocument } from '../../../core/calls/schema.js';
import { calls } from './calls.js';
import { instant } from './columns.js';
import { users } from './users.js';

// Calls as versioned data (issue 5 §1): the `calls` row is the call as it stands; each change the province
// makes writes the new state here as a numbered version, beside its audit entry.

/** A call as one version holds it; instants at +08:00. */
export interface CallSnapshot {
  id: string;
  name: string;
  baseCallId: string;
  isPractice: boolean;
  readOnly: boolean;
  status: CallStatus;
  submissionClosesAt: string;
  recommendationClosesAt: string;
  paperClosesAt: string;
  /** The whole document of this version; absent in versions written before calls were documents. */
  document?: CallDocument;
}

/** Whether a call takes applications; a call without a row is open (the seeded calls). */
export const callStates = pgTable(
  'call_states',
  {
    callId: text('call_id')
      .primaryKey()
      .references(() => calls.id),
    status: text('status').$type<CallStatus>().notNull(),
  },
  (t) => [check('call_states_status', sql`${t.status} in ('draft', 'open', 'closed')`)],
);

export const callVersions = pgTable(
  'call_versions',
  {
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    /** 1, 2, 3 … per call; 1 is the call as created (or, for a seeded call, as it stood before its first change). */
    version: integer('version').notNull(),
    change: text('change').$type<CallChange>().notNull(),
    snapshot: jsonb('snapshot').$type<CallSnapshot>().notNull(),
    /** Absent for the state a seeded call started from. */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.version] }),
    check('call_versions_version_positive', sql`${t.version} > 0`),
  ],
);
