import { and, desc, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { PartnerConfirmationRecord } from '../../core/application/partner-confirmation.js';
import type { Database } from '../db/database.js';
import { partnerConfirmations } from '../db/schema.js';

export type PartnerConfirmationRow = typeof partnerConfirmations.$inferSelect;
export type NewPartnerConfirmation = typeof partnerConfirmations.$inferInsert;
export type PartnerAnswer = Required<
  Pick<
    PartnerConfirmationRow,
    | 'outcome'
    | 'confirmedOn'
    | 'partnerName'
    | 'country'
    | 'declared'
    | 'confirmed'
    | 'confirmerName'
    | 'confirmerPosition'
  >
> &
  Pick<PartnerConfirmationRow, 'agreementSha256' | 'agreementFileName'>;

export class PartnerConfirmationRepository {
  constructor(private readonly db: Database) {}

  async insert(row: NewPartnerConfirmation): Promise<PartnerConfirmationRow> {
    const [inserted] = await this.db.insert(partnerConfirmations).values(row).returning();
    return inserted!;
  }

  /** Supersedes the application's unused links: a resent link is the only one that works. */
  async supersedeUnused(applicationId: string, now: Date): Promise<number> {
    const rows = await this.db
      .update(partnerConfirmations)
      .set({ supersededAt: now })
      .where(
        and(
          eq(partnerConfirmations.applicationId, applicationId),
          isNull(partnerConfirmations.usedAt),
          isNull(partnerConfirmations.supersededAt),
        ),
      )
      .returning({ id: partnerConfirmations.id });
    return rows.length;
  }

  async findByToken(tokenHash: string): Promise<PartnerConfirmationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(partnerConfirmations)
      .where(eq(partnerConfirmations.tokenHash, tokenHash));
    return row;
  }

  /**
   * Records the partner's answer, if the link is still live at `now` (unused, not superseded, unexpired); one
   * UPDATE, so that two submissions racing with one link cannot both succeed.
   */
  async answer(id: string, now: Date, answer: PartnerAnswer): Promise<PartnerConfirmationRow | undefined> {
    const [row] = await this.db
      .update(partnerConfirmations)
      .set({ ...answer, usedAt: now })
      .where(
        and(
          eq(partnerConfirmations.id, id),
          isNull(partnerConfirmations.usedAt),
          isNull(partnerConfirmations.supersededAt),
          gt(partnerConfirmations.expiresAt, now),
        ),
      )
      .returning();
    return row;
  }

  /** Every link of the application, newest first. */
  ofApplication(applicationId: string): Promise<PartnerConfirmationRow[]> {
    return this.db
      .select()
      .from(partnerConfirmations)
      .where(eq(partnerConfirmations.applicationId, applicationId))
      .orderBy(desc(partnerConfirmations.sentAt));
  }

  /** The answered confirmation that stands (not lapsed) for each of the applications, the latest one. */
  async standing(applicationIds: readonly string[]): Promise<Map<string, PartnerConfirmationRow>> {
    if (applicationIds.length === 0) return new Map();
    const rows = await this.db
      .select()
      .from(partnerConfirmations)
      .where(
        and(
          inArray(partnerConfirmations.applicationId, [...applicationIds]),
          isNotNull(partnerConfirmations.usedAt),
          isNull(partnerConfirmations.lapsedAt),
        ),
      )
      .orderBy(desc(partnerConfirmations.usedAt));
    return standingOf(rows);
  }

  async lapse(id: string, now: Date): Promise<void> {
    await this.db
      .update(partnerConfirmations)
      .set({ lapsedAt: now })
      .where(and(eq(partnerConfirmations.id, id), isNull(partnerConfirmations.lapsedAt)));
  }
}

/** Each application's newest of `rows` (answered and unlapsed confirmations, the newest first). */
export function standingOf(rows: readonly PartnerConfirmationRow[]): Map<string, PartnerConfirmationRow> {
  const standing = new Map<string, PartnerConfirmationRow>();
  for (const row of rows) if (!standing.has(row.applicationId)) standing.set(row.applicationId, row);
  return standing;
}

/** The partner's answer as the core reads it; `undefined` for a link not (yet) answered. */
export function confirmationRecordOf(row: PartnerConfirmationRow): PartnerConfirmationRecord | undefined {
  if (!row.usedAt || !row.confirmedOn || !row.declared || !row.confirmed) return undefined;
  return {
    confirmedOn: row.confirmedOn,
    partnerName: row.partnerName ?? '',
    country: row.country ?? '',
    declared: row.declared,
    confirmed: row.confirmed,
  };
}
