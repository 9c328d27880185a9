import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { AppealStatus } from '../../core/appeals/statuses.js';
import type { Database } from '../db/database.js';
import { applications, formalReviewAppeals, organizations } from '../db/schema.js';

export type AppealRow = typeof formalReviewAppeals.$inferSelect;

/** An appeal with what the province's list shows of its application. */
export interface AppealListing {
  appeal: AppealRow;
  application: { id: string; acceptanceNo: string | null; title: string; callId: string };
  organizationName: string;
}

// 复核 of 不予受理: the applicant's requests and the province's answers.

export class AppealRepository {
  constructor(private readonly db: Database) {}

  async insert(row: typeof formalReviewAppeals.$inferInsert): Promise<AppealRow> {
    const [inserted] = await this.db.insert(formalReviewAppeals).values(row).returning();
    return inserted!;
  }

  async findById(id: string): Promise<AppealRow | undefined> {
    const [row] = await this.db.select().from(formalReviewAppeals).where(eq(formalReviewAppeals.id, id));
    return row;
  }

  async lock(id: string): Promise<AppealRow | undefined> {
    const [row] = await this.db
      .select()
      .from(formalReviewAppeals)
      .where(eq(formalReviewAppeals.id, id))
      .for('update');
    return row;
  }

  /** The application's appeals, newest first. */
  ofApplication(applicationId: string): Promise<AppealRow[]> {
    return this.db
      .select()
      .from(formalReviewAppeals)
      .where(eq(formalReviewAppeals.applicationId, applicationId))
      .orderBy(desc(formalReviewAppeals.filedAt), desc(formalReviewAppeals.id));
  }

  async update(id: string, patch: Partial<typeof formalReviewAppeals.$inferInsert>): Promise<AppealRow> {
    const [row] = await this.db
      .update(formalReviewAppeals)
      .set(patch)
      .where(eq(formalReviewAppeals.id, id))
      .returning();
    return row!;
  }

  /** The appeals of a call (one of `status`, or all), open first and newest first. */
  list(filter: { callId: string; status?: AppealStatus | undefined; id?: string }): Promise<AppealListing[]> {
    const where: (SQL | undefined)[] = [eq(applications.callId, filter.callId)];
    if (filter.status) where.push(eq(formalReviewAppeals.status, filter.status));
    if (filter.id) where.push(eq(formalReviewAppeals.id, filter.id));
    return this.db
      .select({
        appeal: getTableColumns(formalReviewAppeals),
        application: {
          id: applications.id,
          acceptanceNo: applications.acceptanceNo,
          title: sql<string>`coalesce(${applications.form}->>'title', '')`,
          callId: applications.callId,
        },
        organizationName: organizations.name,
      })
      .from(formalReviewAppeals)
      .innerJoin(applications, eq(applications.id, formalReviewAppeals.applicationId))
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(and(...where))
      .orderBy(desc(eq(formalReviewAppeals.status, 'open')), desc(formalReviewAppeals.filedAt));
  }
}
