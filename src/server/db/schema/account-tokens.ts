import { index, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ACCOUNT_TOKEN_PURPOSES } from '../../../contract/vocabulary.js';
import { createdAt, instant } from './columns.js';
import { users } from './users.js';

export const accountTokenPurpose = pgEnum('account_token_purpose', ACCOUNT_TOKEN_PURPOSES);

/** Single-use links sent by e-mail (password reset, invitation). Only the token's keyed hash is stored. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    /** HMAC-SHA256 of the token the link carries (security/session-token.ts). */
    id: text('id').primaryKey(),
    purpose: accountTokenPurpose('purpose').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    email: text('email'),
    /** What the purpose needs to complete, e.g. an invitation's organization and role. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId)],
);
