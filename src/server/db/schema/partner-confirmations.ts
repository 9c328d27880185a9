import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PartnerFacts } from '../../../core/application/partner-confirmation.js';
import { applications } from './applications.js';
import { day, inList, instant } from './columns.js';
import { files } from './documents.js';
import { users } from './users.js';

export const PARTNER_CONFIRMATION_OUTCOMES = ['confirmed', 'corrected'] as const;
export type PartnerConfirmationOutcome = (typeof PARTNER_CONFIRMATION_OUTCOMES)[number];

/**
 * A confirmation link sent to the foreign partner's PI, and what the partner answered through it. One row per
 * link: a newer link supersedes the unused one; only the token's keyed hash is stored.
 */
export const partnerConfirmations = pgTable(
  'partner_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    /** HMAC-SHA256 of the token the link carries (security/session-token.ts). */
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    /** The language the e-mail was written in, and the page first opens in. */
    language: text('language').$type<'en' | 'zh-CN'>().notNull(),
    sentAt: instant('sent_at').notNull(),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
    expiresAt: instant('expires_at').notNull(),
    /** A newer link was sent before this one was used. */
    supersededAt: instant('superseded_at'),
    usedAt: instant('used_at'),
    outcome: text('outcome').$type<PartnerConfirmationOutcome>(),
    /** Beijing date of the confirmation, as the 汇总表 prints it. */
    confirmedOn: day('confirmed_on'),
    /** The partner as the form named it when confirmed: a change of institution lapses the confirmation. */
    partnerName: text('partner_name'),
    country: text('country'),
    declared: jsonb('declared').$type<PartnerFacts>(),
    confirmed: jsonb('confirmed').$type<PartnerFacts>(),
    confirmerName: text('confirmer_name'),
    confirmerPosition: text('confirmer_position'),
    /** The signed agreement the partner uploaded, kept beside the application's own agreement. */
    agreementSha256: text('agreement_sha256').references(() => files.sha256),
    agreementFileName: text('agreement_file_name'),
    /** The applicant changed the partner's facts afterwards: the rules judge the applicant's answers again. */
    lapsedAt: instant('lapsed_at'),
  },
  (t) => [
    uniqueIndex('partner_confirmations_token_key').on(t.tokenHash),
    index('partner_confirmations_application_idx').on(t.applicationId, t.sentAt),
    check(
      'partner_confirmations_outcome',
      sql`${t.outcome} is null or ${t.outcome} in (${inList(PARTNER_CONFIRMATION_OUTCOMES)})`,
    ),
  ],
);
