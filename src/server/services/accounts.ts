import { beijingDate } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { violatedUniqueConstraint } from '../repositories/constraint-violation.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { Organization } from '../repositories/organizations.js';
import type { User, UserProfile } from '../repositories/users.js';
import type { RegisterOrganizationBody } from '../../contract/auth.js';
import { hashPassword } from '../security/passwords.js';
import { requireAcceptablePassword } from '../security/password-policy.js';
import { coveringDepartment, requestRegistrationVerification } from './organization-verification.js';

/** Turns a broken unique constraint on users' login into the Chinese 409, and leaves other errors alone. */
export function rethrowLoginTaken(error: unknown): never {
  if (violatedUniqueConstraint(error) === 'users_login_unique') throw new AppError('LOGIN_TAKEN');
  throw error;
}

/**
 * Who creates an account for someone else: its holder chooses their own password at the first login, except in
 * the demo's seed, whose accounts log straight in with the demo password. Never taken from a request.
 */
export interface CreatedBy {
  seeded?: boolean;
}

/** Audits a new account as the log keeps it: its login and scope, never its password hash. */
export function auditUserCreated(repos: Repositories, at: Date, actorUserId: string, user: User) {
  return repos.audit.append({
    at,
    actorUserId,
    action: 'user.created',
    entityType: 'user',
    entityId: user.id,
    after: {
      login: user.login,
      role: user.role,
      displayName: user.displayName,
      organizationId: user.organizationId,
      personId: user.personId,
      departmentId: user.departmentId,
      mustChangePassword: user.mustChangePassword,
    },
  });
}

export class AccountService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The organization, pending its department's verification, and its unit administrator: both or neither. */
  async registerOrganization(
    input: RegisterOrganizationBody,
  ): Promise<{ organization: Organization; profile: UserProfile }> {
    if (input.organization.registeredOn > beijingDate(this.clock.now().getTime())) {
      throw AppError.invalidField('organization.registeredOn', '注册日期：不能晚于今天');
    }
    await coveringDepartment(
      this.repos,
      input.organization.departmentId,
      input.organization,
      'organization.departmentId',
    );
    requireAcceptablePassword(
      input.admin.password,
      { path: 'admin.password', label: '密码' },
      { login: input.admin.login },
    );
    const passwordHash = await hashPassword(input.admin.password);
    const { organization, userId } = await inTransaction(this.db, async (repos) => {
      // The lock a bundle import takes too: whichever comes second sees the first's organization.
      await repos.applications.lockKeys([`credit:${input.organization.creditCode}`]);
      const organization = await repos.organizations.insert({
        ...input.organization,
        verification: 'pending',
      });
      const user = await repos.users.insert({
        login: input.admin.login,
        passwordHash,
        displayName: input.admin.displayName,
        mobile: input.admin.mobile,
        email: input.admin.email,
        role: 'unit-admin',
        organizationId: organization.id,
      });
      // Registration is anonymous: the administrator it creates is the one who acted.
      const at = this.clock.now();
      await repos.audit.append({
        at,
        actorUserId: user.id,
        action: 'organization.registered',
        entityType: 'organization',
        entityId: organization.id,
        // A contact's mobile and e-mail stay out of the log, which is never erased.
        after: (({ contactMobile: _m, contactEmail: _e, ...kept }) => kept)(input.organization),
      });
      await auditUserCreated(repos, at, user.id, user);
      await requestRegistrationVerification(repos, organization, user.id, at);
      return { organization, userId: user.id };
    }).catch((error: unknown) => {
      if (violatedUniqueConstraint(error) === 'organizations_credit_code_unique') {
        throw new AppError('CREDIT_CODE_TAKEN', {
          fields: [
            { path: 'organization.creditCode', message: '统一社会信用代码：该代码已注册，可申请认领该单位' },
          ],
        });
      }
      return rethrowLoginTaken(error);
    });
    return { organization, profile: (await this.repos.users.profile(userId))! };
  }

  async profile(userId: string): Promise<UserProfile> {
    const profile = await this.repos.users.profile(userId);
    if (!profile) throw new AppError('UNAUTHENTICATED');
    return profile;
  }
}
