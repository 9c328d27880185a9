import { withoutIdNumbers } from '../audit/personal-data.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import { violatedUniqueConstraint } from '../repositories/constraint-violation.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { Person, PersonWithLogin } from '../repositories/people.js';
import type { CreatePersonBody, UpdatePersonBody } from '../../contract/people.js';
import { hashPassword } from '../security/passwords.js';
import { requireAcceptablePassword } from '../security/password-policy.js';
import { auditUserCreated, type CreatedBy, rethrowLoginTaken } from './accounts.js';

type UnitAdmin = PrincipalOf<'unit-admin'>;

function rethrowConflict(error: unknown): never {
  if (violatedUniqueConstraint(error) === 'people_employer_id_number_key') {
    throw new AppError('ID_NUMBER_TAKEN', {
      fields: [{ path: 'idNumber', message: '证件号码：本单位已登记该证件号码的人员' }],
    });
  }
  return rethrowLoginTaken(error);
}

const auditedPerson = (p: Person) =>
  withoutIdNumbers({
    name: p.name,
    idNumber: p.idNumber,
    ongoingProvincialProjects: p.ongoingProvincialProjects,
  });

/** A unit administrator's project leaders: always scoped to the administrator's own organization. */
export class PeopleService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** Contacts read the list too: an application names its PI from it. */
  list(actor: UnitAdmin | PrincipalOf<'unit-contact'>): Promise<PersonWithLogin[]> {
    return this.repos.people.listByEmployer(actor.organizationId);
  }

  /**
   * The person and, when asked for, their `pi` login: both or neither. The login must choose its own password
   * first, unless `seeded` (the demo's, which logs straight in).
   */
  async create(
    actor: UnitAdmin,
    input: CreatePersonBody,
    { seeded = false }: CreatedBy = {},
  ): Promise<PersonWithLogin> {
    if (input.account) {
      requireAcceptablePassword(
        input.account.password,
        { path: 'account.password', label: '密码' },
        { login: input.account.login },
      );
    }
    const passwordHash = input.account && (await hashPassword(input.account.password));
    return inTransaction(this.db, async (repos) => {
      const person = await repos.people.insert({
        name: input.name,
        idNumber: input.idNumber ?? null,
        ongoingProvincialProjects: input.ongoingProvincialProjects,
        employerId: actor.organizationId,
      });
      const at = this.clock.now();
      await repos.audit.append({
        at,
        actorUserId: actor.userId,
        action: 'person.created',
        entityType: 'person',
        entityId: person.id,
        after: { employerId: person.employerId, ...auditedPerson(person) },
      });
      if (!input.account || !passwordHash) return { ...person, login: null };
      const user = await repos.users.insert({
        login: input.account.login,
        passwordHash,
        displayName: person.name,
        email: input.account.email,
        mobile: input.account.mobile,
        role: 'pi',
        organizationId: actor.organizationId,
        personId: person.id,
        mustChangePassword: !seeded,
      });
      await auditUserCreated(repos, at, actor.userId, user);
      return { ...person, login: user.login };
    }).catch(rethrowConflict);
  }

  async update(actor: UnitAdmin, id: string, changes: UpdatePersonBody): Promise<PersonWithLogin> {
    return inTransaction(this.db, async (repos) => {
      const before = await repos.people.lockInOrganization(id, actor.organizationId);
      if (!before) throw new AppError('NOT_FOUND');
      const updated = (await repos.people.updateInOrganization(id, actor.organizationId, changes))!;
      if (changes.name !== undefined) await repos.users.renamePersonAccount(id, changes.name);
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'person.updated',
        entityType: 'person',
        entityId: id,
        before: auditedPerson(before),
        after: {
          ...auditedPerson(updated),
          ...(before.idNumber !== updated.idNumber ? { idNumberChanged: true } : {}),
        },
      });
      return (await repos.people.findInOrganization(id, actor.organizationId))!;
    }).catch(rethrowConflict);
  }
}
