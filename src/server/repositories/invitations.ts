import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { accountTokens, people, users } from '../db/schema.js';
import type { UnitRole } from '../../contract/vocabulary.js';

/** What an invitation's `account_tokens` row carries besides its address. */
export interface InvitationPayload {
  organizationId: string;
  role: UnitRole;
  /** A PI's invitation: the person of the organization the account is bound to. */
  personId: string | null;
  invitedBy: string;
  revokedAt?: string;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: UnitRole;
  personName: string | null;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
}

const payloadText = (key: keyof InvitationPayload) => sql<string | null>`${accountTokens.payload}->>${key}`;

/** Invitations are `account_tokens` of purpose `invitation`; these are the queries an organization's view needs. */
export class InvitationRepository {
  constructor(private readonly db: Database) {}

  /** The organization's invitations neither used, revoked nor expired at `now`, oldest first. */
  async pendingOf(organizationId: string, now: Date): Promise<PendingInvitation[]> {
    const rows = await this.db
      .select({
        id: accountTokens.id,
        email: accountTokens.email,
        role: payloadText('role'),
        personName: people.name,
        invitedBy: users.displayName,
        createdAt: accountTokens.createdAt,
        expiresAt: accountTokens.expiresAt,
      })
      .from(accountTokens)
      .leftJoin(people, sql`${people.id}::text = ${payloadText('personId')}`)
      .leftJoin(users, sql`${users.id}::text = ${payloadText('invitedBy')}`)
      .where(
        and(
          eq(accountTokens.purpose, 'invitation'),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, now),
          eq(payloadText('organizationId'), organizationId),
        ),
      )
      .orderBy(asc(accountTokens.createdAt), asc(accountTokens.id));
    return rows.map((r) => ({
      ...r,
      email: r.email ?? '',
      role: r.role as UnitRole,
      invitedBy: r.invitedBy ?? '',
    }));
  }

  /**
   * Closes the organization's open invitation `id` as revoked and returns whom it invited as what; undefined
   * when there is none (another organization's, used, expired or unknown alike).
   */
  async revoke(
    id: string,
    organizationId: string,
    now: Date,
  ): Promise<{ email: string | null; role: string | null } | undefined> {
    const [row] = await this.db
      .update(accountTokens)
      .set({
        usedAt: now,
        payload: sql`${accountTokens.payload} || ${JSON.stringify({ revokedAt: now.toISOString() })}::jsonb`,
      })
      .where(
        and(
          eq(accountTokens.id, id),
          eq(accountTokens.purpose, 'invitation'),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, now),
          eq(payloadText('organizationId'), organizationId),
        ),
      )
      .returning({ email: accountTokens.email, role: payloadText('role') });
    return row;
  }
}
