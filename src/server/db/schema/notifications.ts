import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { NOTIFICATION_CHANNELS } from '../../../contract/vocabulary.js';
import { createdAt, instant } from './columns.js';
import { users } from './users.js';

export const notificationChannel = pgEnum('notification_channel', NOTIFICATION_CHANNELS);

/**
 * The outbox: a message is written in the transaction of the event that causes it, so that it exists exactly
 * when the event does; a worker delivers it afterwards. Without SMTP the rows are the in-app messages.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What happened, e.g. `application.returned`; the user's preferences are per kind. */
    kind: text('kind').notNull(),
    channel: notificationChannel('channel').notNull(),
    /** The account it is for; absent for an address that has no account yet (an invitation). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** E-mail address or mobile number, as it was when the message was written. */
    address: text('address'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** One message per key: writing the same event twice (a retry, two instances) yields one row. */
    dedupeKey: text('dedupe_key').notNull(),
    /** False: in the app only, as its reader chose not to receive this kind by e-mail. */
    deliver: boolean('deliver').notNull().default(true),
    /** A worker took it to send: no other worker takes it until the send is marked (sent, or failed and retried). */
    claimedAt: instant('claimed_at'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
    /** Delivery gave up (after the last retry, or no address): kept, and shown in the app. */
    failedAt: instant('failed_at'),
    lastError: text('last_error'),
    readAt: instant('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_key').on(t.channel, t.dedupeKey),
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.failedAt} is null and ${t.deliver}`),
    index('outbox_user_idx').on(t.userId, t.createdAt),
    check('outbox_attempts_non_negative', sql`${t.attempts} >= 0`),
  ],
);

/** The e-mails a user chose not to receive, one row per kind; no row: received. Mandatory kinds are always sent. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    email: boolean('email').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
