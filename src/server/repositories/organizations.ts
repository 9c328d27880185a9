import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { organizations } from '../db/schema.js';

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

export class OrganizationRepository {
  constructor(private readonly db: Database) {}

  async insert(organization: NewOrganization): Promise<Organization> {
    const [row] = await this.db.insert(organizations).values(organization).returning();
    return row!;
  }

  async findById(id: string): Promise<Organization | undefined> {
    const [row] = await this.db.select().from(organizations).where(eq(organizations.id, id));
    return row;
  }
}
