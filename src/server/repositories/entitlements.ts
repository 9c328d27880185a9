import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  applications,
  departments,
  directedInvitations,
  directedMarks,
  organizationPlatforms,
  organizations,
  people,
} from '../db/schema.js';
import { containsPattern } from './search.js';

export type OrganizationPlatformRow = typeof organizationPlatforms.$inferSelect;
export type DirectedInvitationRow = typeof directedInvitations.$inferSelect;
export type DirectedMarkRow = typeof directedMarks.$inferSelect;

/** An organization as the province finds it to record its entitlements. */
export interface OrganizationSummary {
  id: string;
  name: string;
  creditCode: string;
  kind: (typeof organizations.$inferSelect)['kind'];
  departmentId: string | null;
  departmentName: string | null;
}

const summary = {
  id: organizations.id,
  name: organizations.name,
  creditCode: organizations.creditCode,
  kind: organizations.kind,
  departmentId: organizations.departmentId,
  departmentName: departments.name,
};

/** A 专题二 application of a call, with its applicant, PI and mark if the province marked it. */
export interface TopicTwoApplication {
  id: string;
  title: string;
  status: (typeof applications.$inferSelect)['status'];
  directed: boolean;
  organizationId: string;
  organizationName: string;
  piName: string;
  mark: DirectedMarkRow | null;
}

export class EntitlementRepository {
  constructor(private readonly db: Database) {}

  /** Organizations applying through a department, by name or credit code containing `q`, by name. */
  async searchOrganizations(q: string | undefined, limit: number): Promise<OrganizationSummary[]> {
    const term = q?.trim();
    const matches: SQL | undefined = term
      ? or(
          ilike(organizations.name, containsPattern(term)),
          ilike(organizations.creditCode, containsPattern(term)),
        )
      : undefined;
    return this.db
      .select(summary)
      .from(organizations)
      .innerJoin(departments, eq(departments.id, organizations.departmentId))
      .where(matches)
      .orderBy(asc(organizations.name))
      .limit(limit);
  }

  async organization(id: string): Promise<OrganizationSummary | undefined> {
    const [row] = await this.db
      .select(summary)
      .from(organizations)
      .leftJoin(departments, eq(departments.id, organizations.departmentId))
      .where(eq(organizations.id, id));
    return row;
  }

  async platformsOf(organizationId: string): Promise<OrganizationPlatformRow[]> {
    return this.db
      .select()
      .from(organizationPlatforms)
      .where(eq(organizationPlatforms.organizationId, organizationId))
      .orderBy(asc(organizationPlatforms.platform), desc(organizationPlatforms.validTo));
  }

  /** The platforms valid on `date` (YYYY-MM-DD, both ends of the validity included). */
  async platformsValidOn(
    organizationIds: readonly string[],
    date: string,
  ): Promise<Pick<OrganizationPlatformRow, 'organizationId' | 'platform'>[]> {
    if (organizationIds.length === 0) return [];
    return this.db
      .selectDistinct({
        organizationId: organizationPlatforms.organizationId,
        platform: organizationPlatforms.platform,
      })
      .from(organizationPlatforms)
      .where(
        and(
          inArray(organizationPlatforms.organizationId, [...organizationIds]),
          lte(organizationPlatforms.validFrom, date),
          gte(organizationPlatforms.validTo, date),
        ),
      );
  }

  async findPlatform(id: string): Promise<OrganizationPlatformRow | undefined> {
    const [row] = await this.db.select().from(organizationPlatforms).where(eq(organizationPlatforms.id, id));
    return row;
  }

  async insertPlatform(row: typeof organizationPlatforms.$inferInsert): Promise<OrganizationPlatformRow> {
    const [inserted] = await this.db.insert(organizationPlatforms).values(row).returning();
    return inserted!;
  }

  async deletePlatform(id: string): Promise<void> {
    await this.db.delete(organizationPlatforms).where(eq(organizationPlatforms.id, id));
  }

  /** Invitations of a call, with the organizations' names, by organization name. */
  async invitations(
    callId: string,
  ): Promise<(DirectedInvitationRow & { organization: OrganizationSummary })[]> {
    const rows = await this.db
      .select({ invitation: directedInvitations, organization: summary })
      .from(directedInvitations)
      .innerJoin(organizations, eq(organizations.id, directedInvitations.organizationId))
      .leftJoin(departments, eq(departments.id, organizations.departmentId))
      .where(eq(directedInvitations.callId, callId))
      .orderBy(asc(directedInvitations.topic), asc(directedInvitations.direction), asc(organizations.name));
    return rows.map((r) => ({ ...r.invitation, organization: r.organization }));
  }

  async invitationsOf(organizationId: string): Promise<DirectedInvitationRow[]> {
    return this.db
      .select()
      .from(directedInvitations)
      .where(eq(directedInvitations.organizationId, organizationId));
  }

  async findInvitation(id: string): Promise<DirectedInvitationRow | undefined> {
    const [row] = await this.db.select().from(directedInvitations).where(eq(directedInvitations.id, id));
    return row;
  }

  /** The invitation of `organizationId` to the stream, if any. */
  async invitationTo(
    callId: string,
    topic: number,
    direction: DirectedInvitationRow['direction'],
    organizationId: string,
  ): Promise<DirectedInvitationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(directedInvitations)
      .where(
        and(
          eq(directedInvitations.callId, callId),
          eq(directedInvitations.topic, topic),
          direction === null
            ? isNull(directedInvitations.direction)
            : eq(directedInvitations.direction, direction),
          eq(directedInvitations.organizationId, organizationId),
        ),
      );
    return row;
  }

  /** Inserts the invitation; `undefined` when the organization is already invited to the stream. */
  async insertInvitation(
    row: typeof directedInvitations.$inferInsert,
  ): Promise<DirectedInvitationRow | undefined> {
    const [inserted] = await this.db
      .insert(directedInvitations)
      .values(row)
      .onConflictDoNothing()
      .returning();
    return inserted;
  }

  async deleteInvitation(id: string): Promise<void> {
    await this.db.delete(directedInvitations).where(eq(directedInvitations.id, id));
  }

  /** Sets `directed` on the organization's applications in the stream; returns the ids it changed. */
  async setStreamDirected(invitation: DirectedInvitationRow, directed: boolean): Promise<string[]> {
    const rows = await this.db
      .update(applications)
      .set({ directed })
      .where(
        and(
          eq(applications.callId, invitation.callId),
          eq(applications.organizationId, invitation.organizationId),
          eq(applications.topic, invitation.topic),
          invitation.direction === null ? undefined : eq(applications.direction, invitation.direction),
          eq(applications.directed, !directed),
        ),
      )
      .returning({ id: applications.id });
    return rows.map((r) => r.id);
  }

  async findMark(applicationId: string): Promise<DirectedMarkRow | undefined> {
    const [row] = await this.db
      .select()
      .from(directedMarks)
      .where(eq(directedMarks.applicationId, applicationId));
    return row;
  }

  /** Marks the application (replacing an earlier mark's evidence). */
  async upsertMark(row: typeof directedMarks.$inferInsert): Promise<DirectedMarkRow> {
    const [saved] = await this.db
      .insert(directedMarks)
      .values(row)
      .onConflictDoUpdate({
        target: directedMarks.applicationId,
        set: {
          note: row.note,
          evidenceSha256: row.evidenceSha256,
          evidenceName: row.evidenceName,
          createdBy: row.createdBy,
          createdAt: row.createdAt!,
        },
      })
      .returning();
    return saved!;
  }

  async deleteMark(applicationId: string): Promise<void> {
    await this.db.delete(directedMarks).where(eq(directedMarks.applicationId, applicationId));
  }

  async setDirected(applicationId: string, directed: boolean): Promise<void> {
    await this.db.update(applications).set({ directed }).where(eq(applications.id, applicationId));
  }

  /** The call's live applications of `topic`, with their marks. */
  async topicApplications(callId: string, topic: number): Promise<TopicTwoApplication[]> {
    const rows = await this.db
      .select({
        id: applications.id,
        form: applications.form,
        status: applications.status,
        directed: applications.directed,
        organizationId: applications.organizationId,
        organizationName: organizations.name,
        piName: people.name,
        mark: directedMarks,
      })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .innerJoin(people, eq(people.id, applications.piId))
      .leftJoin(directedMarks, eq(directedMarks.applicationId, applications.id))
      .where(and(eq(applications.callId, callId), eq(applications.topic, topic)))
      .orderBy(asc(organizations.name), asc(applications.createdAt));
    return rows
      .filter((r) => r.status !== 'withdrawn')
      .map(({ form, ...r }) => ({ ...r, title: form.title ?? '' }));
  }
}
