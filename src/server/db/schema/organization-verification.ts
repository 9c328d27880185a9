import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  CLAIM_STATUSES,
  type RuleFacts,
  VERIFICATION_REQUEST_KINDS,
  VERIFICATION_REQUEST_STATUSES,
} from '../../../contract/organizations.js';
import { createdAt, instant } from './columns.js';
import { departments } from './departments.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

export const verificationRequestKind = pgEnum('verification_request_kind', VERIFICATION_REQUEST_KINDS);
export const verificationRequestStatus = pgEnum('verification_request_status', VERIFICATION_REQUEST_STATUSES);
export const claimStatus = pgEnum('organization_claim_status', CLAIM_STATUSES);

/**
 * Every registration and every change of the facts the rules read, as put to a department and as it decided:
 * the history the department sees. At most one is pending per organization.
 */
export const organizationVerificationRequests = pgTable(
  'organization_verification_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: verificationRequestKind('kind').notNull(),
    /** Who decides: the 主管部门 the facts name (for a change of 主管部门, the new one). */
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    facts: jsonb('facts').$type<RuleFacts>().notNull(),
    /** The approved facts a change would replace. */
    previous: jsonb('previous').$type<RuleFacts>(),
    status: verificationRequestStatus('status').notNull().default('pending'),
    reason: text('reason'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
  },
  (t) => [
    index('organization_verification_requests_organization_idx').on(t.organizationId),
    uniqueIndex('organization_verification_requests_one_pending')
      .on(t.organizationId)
      .where(sql`${t.status} = 'pending'`),
    index('organization_verification_requests_department_idx').on(t.departmentId, t.status),
  ],
);

/** Someone who found their credit code registered asks the organization's department for an administrator account. */
export const organizationClaims = pgTable(
  'organization_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    name: text('name').notNull(),
    mobile: text('mobile').notNull(),
    email: text('email').notNull(),
    note: text('note').notNull(),
    status: claimStatus('status').notNull().default('pending'),
    reason: text('reason'),
    createdAt: createdAt(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
  },
  (t) => [index('organization_claims_department_idx').on(t.departmentId, t.status)],
);
