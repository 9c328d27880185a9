import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { departments, organizations, people, users } from '../db/schema.js';

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export interface UserProfile {
  user: User;
  organization: { id: string; name: string; creditCode: string } | null;
  person: { id: string; name: string } | null;
  department: { id: string; name: string; kind: (typeof departments.$inferSelect)['kind'] } | null;
}

export class UserRepository {
  constructor(private readonly db: Database) {}

  async insert(user: NewUser): Promise<User> {
    const [row] = await this.db.insert(users).values(user).returning();
    return row!;
  }

  async findByLogin(login: string): Promise<User | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.login, login));
    return row;
  }

  async profile(id: string): Promise<UserProfile | undefined> {
    const [row] = await this.db
      .select({
        user: users,
        organization: {
          id: organizations.id,
          name: organizations.name,
          creditCode: organizations.creditCode,
        },
        person: { id: people.id, name: people.name },
        department: { id: departments.id, name: departments.name, kind: departments.kind },
      })
      .from(users)
      .leftJoin(organizations, eq(organizations.id, users.organizationId))
      .leftJoin(people, eq(people.id, users.personId))
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(eq(users.id, id));
    return row;
  }

  /** A project leader's login shows the person's name. */
  async renamePersonAccount(personId: string, displayName: string): Promise<void> {
    await this.db.update(users).set({ displayName }).where(eq(users.personId, personId));
  }

  async recordLogin(id: string, at: Date): Promise<void> {
    await this.db.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
  }

  /** The enabled accounts a notification addressed to these users, organizations or departments reaches. */
  async recipients(to: Recipients): Promise<Recipient[]> {
    const scopes: SQL[] = [];
    if (to.userIds?.length) scopes.push(inArray(users.id, [...to.userIds]));
    if (to.organizationIds?.length) scopes.push(inArray(users.organizationId, [...to.organizationIds]));
    if (to.organizationAdminIds?.length)
      scopes.push(and(inArray(users.organizationId, [...to.organizationAdminIds]), ne(users.role, 'pi'))!);
    if (to.personIds?.length) scopes.push(inArray(users.personId, [...to.personIds]));
    if (to.departmentIds?.length) scopes.push(inArray(users.departmentId, [...to.departmentIds]));
    if (scopes.length === 0) return [];
    return this.db
      .select({ id: users.id, email: users.email, mobile: users.mobile })
      .from(users)
      .where(and(eq(users.disabled, false), or(...scopes)));
  }
}

export interface Recipients {
  userIds?: readonly string[];
  /** Every account of the organizations: administrators, contacts and project leaders. */
  organizationIds?: readonly string[];
  /** The organizations' accounts other than project leaders: what concerns one project goes to its PI only. */
  organizationAdminIds?: readonly string[];
  /** The project leaders' accounts of these people. */
  personIds?: readonly string[];
  departmentIds?: readonly string[];
}

export interface Recipient {
  id: string;
  email: string | null;
  mobile: string | null;
}
