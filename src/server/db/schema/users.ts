import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DEPARTMENT_DUTIES, PROVINCE_DUTIES, USER_ROLES } from '../../../contract/vocabulary.js';
import { createdAt, instant, updatedAt } from './columns.js';
import { departments } from './departments.js';
import { organizations } from './organizations.js';
import { people } from './people.js';

const textArray = (values: readonly string[]) =>
  sql.raw(`array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`);

export const userRole = pgEnum('user_role', USER_ROLES);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored normalised (trimmed, lower case). */
    login: text('login').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    /** The account holder's real name (for a project leader, the person's). */
    displayName: text('display_name').notNull(),
    /** Where notifications and password resets go; stored normalised (trimmed, lower case). */
    email: text('email'),
    mobile: text('mobile'),
    /** Set on accounts created by someone else: the first login must choose the holder's own password. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    role: userRole('role').notNull(),
    /** A province or department account's duties (vocabulary.ts); other roles hold none. */
    duties: text('duties')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    organizationId: uuid('organization_id').references(() => organizations.id),
    personId: uuid('person_id').references(() => people.id),
    departmentId: uuid('department_id').references(() => departments.id),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: instant('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Each role carries exactly the scope it is authorized by. The organization's administrators and contacts
    // are the `else`: a check naming 'unit-contact' could not be added in the transaction that adds the value.
    check(
      'users_scope_matches_role',
      sql`case ${t.role}
        when 'pi' then ${t.organizationId} is not null and ${t.personId} is not null and ${t.departmentId} is null
        when 'department' then ${t.departmentId} is not null and ${t.organizationId} is null and ${t.personId} is null
        when 'province' then ${t.organizationId} is null and ${t.personId} is null and ${t.departmentId} is null
        when 'expert' then ${t.organizationId} is null and ${t.personId} is null and ${t.departmentId} is null
        else ${t.organizationId} is not null and ${t.personId} is null and ${t.departmentId} is null
      end`,
    ),
    check(
      'users_duties_match_role',
      sql`case ${t.role}
        when 'province' then ${t.duties} <@ ${textArray(PROVINCE_DUTIES)}
        when 'department' then ${t.duties} <@ ${textArray(DEPARTMENT_DUTIES)}
        else cardinality(${t.duties}) = 0
      end`,
    ),
    index('users_organization_idx').on(t.organizationId),
    index('users_email_idx').on(t.email),
    uniqueIndex('users_person_key').on(t.personId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** HMAC-SHA256 of the cookie's random 256-bit token: the database never holds a usable token. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    /** What signed in, so that its holder can tell their sessions apart; truncated, never trusted. */
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
