import { and, arrayContains, asc, eq, getTableColumns, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { departments, organizations, people, users } from '../db/schema.js';
import type { Duty } from '../../contract/vocabulary.js';
import { officialMatches } from './search.js';

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** A province or department account with its department's name. */
export interface Official {
  user: User;
  department: { id: string; name: string } | null;
}

/** Whose administrators a last-administrator check counts: the province's, or one department's. */
export type AdminScope = { role: 'province' } | { role: 'department'; departmentId: string };

const scopeOf = (scope: AdminScope): SQL =>
  scope.role === 'province'
    ? eq(users.role, 'province')
    : and(eq(users.role, 'department'), eq(users.departmentId, scope.departmentId))!;

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

  async findById(id: string): Promise<User | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row;
  }

  /** Province and department accounts, or those of one role or department, by department and login. */
  async listOfficials(filter: {
    role?: 'province' | 'department' | undefined;
    departmentId?: string | undefined;
    q?: string | undefined;
  }): Promise<Official[]> {
    return this.db
      .select({ user: users, department: { id: departments.id, name: departments.name } })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(
        and(
          filter.role ? eq(users.role, filter.role) : inArray(users.role, ['province', 'department']),
          filter.departmentId ? eq(users.departmentId, filter.departmentId) : undefined,
          officialMatches(filter.q),
        ),
      )
      .orderBy(asc(users.role), asc(departments.name), asc(users.login));
  }

  async official(id: string): Promise<Official | undefined> {
    const [row] = await this.db
      .select({ user: users, department: { id: departments.id, name: departments.name } })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(eq(users.id, id));
    return row;
  }

  /** The enabled administrators of `scope` other than `exceptId`. */
  async countEnabledAdmins(scope: AdminScope, exceptId?: string): Promise<number> {
    const rows = await this.db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          scopeOf(scope),
          eq(users.disabled, false),
          arrayContains(users.duties, ['admin']),
          exceptId ? ne(users.id, exceptId) : undefined,
        ),
      );
    return rows.length;
  }

  async setDisabled(id: string, disabled: boolean, at: Date): Promise<User> {
    const [row] = await this.db
      .update(users)
      .set({ disabled, updatedAt: at })
      .where(eq(users.id, id))
      .returning();
    return row!;
  }

  async setDuties(id: string, duties: readonly Duty[], at: Date): Promise<User> {
    const [row] = await this.db
      .update(users)
      .set({ duties: [...duties], updatedAt: at })
      .where(eq(users.id, id))
      .returning();
    return row!;
  }

  async findByLogin(login: string): Promise<User | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.login, login));
    return row;
  }

  /** The accounts that give `email` (stored normalised) as their address. */
  async findByEmail(email: string): Promise<User[]> {
    return this.db.select().from(users).where(eq(users.email, email)).orderBy(users.createdAt);
  }

  /** A password its holder chose: whatever an administrator required of the next login is done. */
  async setPassword(id: string, passwordHash: string, at: Date): Promise<void> {
    await this.db
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: at })
      .where(eq(users.id, id));
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

  /** The organization's accounts with their person's name (a PI's), administrators first. */
  listOfOrganization(organizationId: string): Promise<(User & { personName: string | null })[]> {
    return this.db
      .select({ ...getTableColumns(users), personName: people.name })
      .from(users)
      .leftJoin(people, eq(people.id, users.personId))
      .where(eq(users.organizationId, organizationId))
      .orderBy(asc(users.role), asc(users.createdAt), asc(users.id));
  }

  /**
   * Every account of the organization, row-locked until the transaction ends: whoever changes an
   * administrator waits for whoever else is, so two cannot each remove one of the last two.
   */
  lockOfOrganization(organizationId: string): Promise<User[]> {
    return this.db
      .select()
      .from(users)
      .where(eq(users.organizationId, organizationId))
      .orderBy(asc(users.id))
      .for('update');
  }

  async update(id: string, changes: Partial<Pick<NewUser, 'role' | 'disabled'>>): Promise<User> {
    const [row] = await this.db.update(users).set(changes).where(eq(users.id, id)).returning();
    return row!;
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
