import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import {
  departments,
  organizationClaims,
  organizations,
  organizationVerificationRequests,
  users,
} from '../db/schema.js';
import type { Organization } from './organizations.js';

export type VerificationRequest = typeof organizationVerificationRequests.$inferSelect;
export type NewVerificationRequest = typeof organizationVerificationRequests.$inferInsert;
export type OrganizationClaim = typeof organizationClaims.$inferSelect;
export type NewOrganizationClaim = typeof organizationClaims.$inferInsert;

/** A request with the names people read: its department's and those of who asked and who decided. */
export interface VerificationRequestRecord extends VerificationRequest {
  departmentName: string;
  departmentKind: (typeof departments.$inferSelect)['kind'];
  requestedByName: string | null;
  decidedByName: string | null;
}

export type ClaimRecord = OrganizationClaim & { organizationName: string; creditCode: string };

// An organization with its pending request (if any), and whether a department answers for it: its own, or the
// department its pending request asks.
const pendingRequestOfOrganization = () =>
  and(
    eq(organizationVerificationRequests.organizationId, organizations.id),
    eq(organizationVerificationRequests.status, 'pending'),
  );

const answeredBy = (departmentId: string) =>
  or(
    eq(organizations.departmentId, departmentId),
    eq(organizationVerificationRequests.departmentId, departmentId),
  );

export class OrganizationVerificationRepository {
  constructor(private readonly db: Database) {}

  async insertRequest(request: NewVerificationRequest): Promise<VerificationRequest> {
    const [row] = await this.db.insert(organizationVerificationRequests).values(request).returning();
    return row!;
  }

  /** The pending request of the organization, locked until the transaction ends. */
  async lockPending(organizationId: string): Promise<VerificationRequest | undefined> {
    const [row] = await this.db
      .select()
      .from(organizationVerificationRequests)
      .where(
        and(
          eq(organizationVerificationRequests.organizationId, organizationId),
          eq(organizationVerificationRequests.status, 'pending'),
        ),
      )
      .for('update');
    return row;
  }

  async close(
    id: string,
    outcome: Pick<VerificationRequest, 'status' | 'reason' | 'decidedBy' | 'decidedAt'>,
  ): Promise<void> {
    await this.db
      .update(organizationVerificationRequests)
      .set(outcome)
      .where(eq(organizationVerificationRequests.id, id));
  }

  /** Every request of the organization, newest first, with the names people read. */
  async history(organizationId: string): Promise<VerificationRequestRecord[]> {
    const requester = this.db.select({ id: users.id, name: users.displayName }).from(users).as('requester');
    const decider = this.db.select({ id: users.id, name: users.displayName }).from(users).as('decider');
    const rows = await this.db
      .select({
        request: organizationVerificationRequests,
        departmentName: departments.name,
        departmentKind: departments.kind,
        requestedByName: requester.name,
        decidedByName: decider.name,
      })
      .from(organizationVerificationRequests)
      .innerJoin(departments, eq(departments.id, organizationVerificationRequests.departmentId))
      .leftJoin(requester, eq(requester.id, organizationVerificationRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, organizationVerificationRequests.decidedBy))
      .where(eq(organizationVerificationRequests.organizationId, organizationId))
      .orderBy(desc(organizationVerificationRequests.requestedAt));
    return rows.map(({ request, ...names }) => ({ ...request, ...names }));
  }

  /** The organizations a department answers for: its own, and those whose pending request it decides. */
  async ofDepartment(
    departmentId: string,
  ): Promise<{ organization: Organization; pending: VerificationRequest | null }[]> {
    const rows = await this.db
      .select({ organization: organizations, pending: organizationVerificationRequests })
      .from(organizations)
      .leftJoin(organizationVerificationRequests, pendingRequestOfOrganization())
      .where(answeredBy(departmentId))
      .orderBy(desc(organizations.createdAt));
    return rows;
  }

  /** Whether the department answers for the organization (as `ofDepartment` lists it). */
  async answersFor(departmentId: string, organizationId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: organizations.id })
      .from(organizations)
      .leftJoin(organizationVerificationRequests, pendingRequestOfOrganization())
      .where(and(eq(organizations.id, organizationId), answeredBy(departmentId)))
      .limit(1);
    return row !== undefined;
  }

  async updateOrganization(id: string, values: Partial<Organization>): Promise<Organization> {
    const [row] = await this.db.update(organizations).set(values).where(eq(organizations.id, id)).returning();
    return row!;
  }

  async lockOrganization(id: string): Promise<Organization | undefined> {
    const [row] = await this.db.select().from(organizations).where(eq(organizations.id, id)).for('update');
    return row;
  }

  async findByCreditCode(creditCode: string): Promise<Organization | undefined> {
    const [row] = await this.db.select().from(organizations).where(eq(organizations.creditCode, creditCode));
    return row;
  }

  async insertClaim(claim: NewOrganizationClaim): Promise<OrganizationClaim> {
    const [row] = await this.db.insert(organizationClaims).values(claim).returning();
    return row!;
  }

  async claims(departmentId: string): Promise<ClaimRecord[]> {
    return this.claimsWhere(eq(organizationClaims.departmentId, departmentId));
  }

  async lockClaim(id: string): Promise<OrganizationClaim | undefined> {
    const [row] = await this.db
      .select()
      .from(organizationClaims)
      .where(eq(organizationClaims.id, id))
      .for('update');
    return row;
  }

  async findClaim(id: string): Promise<ClaimRecord | undefined> {
    const [row] = await this.claimsWhere(inArray(organizationClaims.id, [id]));
    return row;
  }

  async decideClaim(
    id: string,
    outcome: Pick<OrganizationClaim, 'status' | 'reason' | 'decidedBy' | 'decidedAt'>,
  ): Promise<void> {
    await this.db.update(organizationClaims).set(outcome).where(eq(organizationClaims.id, id));
  }

  private async claimsWhere(where: ReturnType<typeof eq>): Promise<ClaimRecord[]> {
    const rows = await this.db
      .select({
        claim: organizationClaims,
        organizationName: organizations.name,
        creditCode: organizations.creditCode,
      })
      .from(organizationClaims)
      .innerJoin(organizations, eq(organizations.id, organizationClaims.organizationId))
      .where(where)
      .orderBy(desc(organizationClaims.createdAt));
    return rows.map(({ claim, ...names }) => ({ ...claim, ...names }));
  }
}
