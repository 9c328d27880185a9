import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { people, users } from '../db/schema.js';

export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;
export type PersonChanges = Partial<Pick<NewPerson, 'name' | 'idNumber' | 'ongoingProvincialProjects'>>;
export type PersonWithLogin = Person & { login: string | null };

export class PersonRepository {
  constructor(private readonly db: Database) {}

  listByEmployer(organizationId: string): Promise<PersonWithLogin[]> {
    return this.withLogin()
      .where(eq(people.employerId, organizationId))
      .orderBy(asc(people.createdAt), asc(people.id));
  }

  /** Scoped to the employer: another organization's person is not found, exactly like a missing one. */
  async findInOrganization(id: string, organizationId: string): Promise<PersonWithLogin | undefined> {
    const [row] = await this.withLogin().where(and(eq(people.id, id), eq(people.employerId, organizationId)));
    return row;
  }

  /** The person, row-locked until the transaction ends: the state a change starts from. */
  async lockInOrganization(id: string, organizationId: string): Promise<Person | undefined> {
    const [row] = await this.db
      .select()
      .from(people)
      .where(and(eq(people.id, id), eq(people.employerId, organizationId)))
      .for('update');
    return row;
  }

  async insert(person: NewPerson): Promise<Person> {
    const [row] = await this.db.insert(people).values(person).returning();
    return row!;
  }

  async updateInOrganization(
    id: string,
    organizationId: string,
    changes: PersonChanges,
  ): Promise<Person | undefined> {
    const [row] = await this.db
      .update(people)
      .set(changes)
      .where(and(eq(people.id, id), eq(people.employerId, organizationId)))
      .returning();
    return row;
  }

  private withLogin() {
    return this.db
      .select({ ...getTableColumns(people), login: users.login })
      .from(people)
      .leftJoin(users, eq(users.personId, people.id))
      .$dynamic();
  }
}
