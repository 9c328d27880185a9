import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { AccountToken } from '../repositories/account-tokens.js';
import { violatedUniqueConstraint } from '../repositories/constraint-violation.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { InvitationPayload, PendingInvitation } from '../repositories/invitations.js';
import type { User } from '../repositories/users.js';
import { requireAcceptablePassword } from '../security/password-policy.js';
import { hashPassword } from '../security/passwords.js';
import { sessionIdOf } from '../security/session-token.js';
import { USER_ROLE_LABELS } from '../../contract/vocabulary.js';
import {
  type AcceptInvitationBody,
  INVITATION_VALID_DAYS,
  type InviteUserBody,
  type UpdateUnitUserBody,
} from '../../contract/organization-users.js';
import { writeInvitation } from './invitations.js';
import { notifyAddress } from './notifications/notify.js';
import { auditUserCreated, rethrowLoginTaken } from './accounts.js';

type UnitAdmin = PrincipalOf<'unit-admin'>;

export type UnitUser = User & { personName: string | null };

/**
 * An organization's accounts, managed by its administrators: invitations by e-mail (administrators, contacts,
 * PIs), roles handed over, accounts disabled; an organization always keeps one enabled administrator.
 */
export class OrganizationUserService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly config: Pick<Config, 'sessionSecret' | 'publicUrl'>,
  ) {}

  list(actor: UnitAdmin): Promise<UnitUser[]> {
    return this.repos.users.listOfOrganization(actor.organizationId);
  }

  invitations(actor: UnitAdmin): Promise<PendingInvitation[]> {
    return this.repos.invitations.pendingOf(actor.organizationId, this.clock.now());
  }

  /** Writes the invitation and its e-mail; the link is returned this once, since only its hash is kept. */
  async invite(
    actor: UnitAdmin,
    input: InviteUserBody,
  ): Promise<{ invitation: PendingInvitation; link: string }> {
    const now = this.clock.now();
    const personId = input.role === 'pi' ? input.personId! : null;
    if (personId) {
      const person = await this.repos.people.findInOrganization(personId, actor.organizationId);
      if (!person) throw AppError.invalidField('personId', '项目负责人：请选择本单位登记的人员');
      if (person.login)
        throw new AppError('PERSON_HAS_ACCOUNT', {
          fields: [{ path: 'personId', message: '项目负责人：该人员已开通登录账号' }],
        });
    }
    const organization = (await this.repos.organizations.findById(actor.organizationId))!;
    const payload: InvitationPayload = {
      organizationId: actor.organizationId,
      role: input.role,
      personId,
      invitedBy: actor.userId,
    };
    const { id, link } = await inTransaction(this.db, async (repos) => {
      const written = await writeInvitation(repos, this.config, now, input.email, { ...payload });
      const { id, link, expiresAt } = written;
      await notifyAddress(repos, input.email, {
        kind: 'account.invited',
        key: `invitation:${id}`,
        subject: `${organization.name}邀请您开通项目网上申报系统账号`,
        body: [
          `${organization.name}邀请您以“${USER_ROLE_LABELS[input.role]}”身份开通项目网上申报系统账号。`,
          `请在 ${INVITATION_VALID_DAYS} 天内打开以下链接，设置登录名和密码：`,
          link,
          '该链接只能使用一次。如您并未期待此邀请，请忽略本邮件。',
        ].join('\n\n'),
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'invitation.created',
        entityType: 'organization',
        entityId: actor.organizationId,
        after: { email: input.email, role: input.role, personId, expiresAt: expiresAt.toISOString() },
      });
      return written;
    });
    const invitation = (await this.invitations(actor)).find((i) => i.id === id)!;
    return { invitation, link };
  }

  async revoke(actor: UnitAdmin, id: string): Promise<void> {
    await inTransaction(this.db, async (repos) => {
      const now = this.clock.now();
      const revoked = await repos.invitations.revoke(id, actor.organizationId, now);
      if (!revoked) throw new AppError('NOT_FOUND');
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'invitation.revoked',
        entityType: 'organization',
        entityId: actor.organizationId,
        before: revoked,
      });
    });
  }

  /**
   * Gives an account of the organization another role or disables / enables it. The organization keeps at
   * least one enabled administrator; a disabled account's sessions end at once.
   */
  async update(actor: UnitAdmin, userId: string, changes: UpdateUnitUserBody): Promise<UnitUser> {
    await inTransaction(this.db, async (repos) => {
      const accounts = await repos.users.lockOfOrganization(actor.organizationId);
      const before = accounts.find((u) => u.id === userId);
      if (!before) throw new AppError('NOT_FOUND');
      if (changes.role !== undefined && changes.role !== before.role && before.role === 'pi') {
        throw AppError.invalidField('role', '角色：项目负责人的账号不能改为管理员或联系人，请另行邀请');
      }
      if (changes.disabled === true && userId === actor.userId) {
        throw AppError.invalidField('disabled', '不能停用自己的账号；如不再担任管理员，请先卸任');
      }
      const after = { ...before, ...changes };
      const admins = accounts.filter((u) => (u.id === userId ? after : u).role === 'unit-admin');
      if (!admins.some((u) => !(u.id === userId ? after : u).disabled)) throw new AppError('LAST_ADMIN');

      const now = this.clock.now();
      const updated = await repos.users.update(userId, changes);
      if (updated.role !== before.role) {
        await repos.audit.append({
          at: now,
          actorUserId: actor.userId,
          action: 'user.role-changed',
          entityType: 'user',
          entityId: userId,
          before: { role: before.role },
          after: { role: updated.role },
        });
      }
      if (updated.disabled !== before.disabled) {
        if (updated.disabled) await repos.sessions.deleteOfUser(userId);
        await repos.audit.append({
          at: now,
          actorUserId: actor.userId,
          action: updated.disabled ? 'user.disabled' : 'user.enabled',
          entityType: 'user',
          entityId: userId,
          before: { disabled: before.disabled },
          after: { disabled: updated.disabled },
        });
      }
    });
    return (await this.repos.users.listOfOrganization(actor.organizationId)).find((u) => u.id === userId)!;
  }

  /** Whose invitation the link is, and for which role; nothing else, to anyone holding it. */
  async inspect(token: string): Promise<{ organizationName: string; role: InvitationPayload['role'] }> {
    const { payload } = await this.openInvitation(token);
    const organization = (await this.repos.organizations.findById(payload.organizationId))!;
    return { organizationName: organization.name, role: payload.role };
  }

  /** Creates the account the invitation is for, and uses the invitation up, both or neither. */
  async accept(input: AcceptInvitationBody): Promise<User> {
    const { id, payload } = await this.openInvitation(input.token);
    // A PI's account carries the person's name as the organization registered it: the holder must give it.
    if (payload.personId) {
      const person = await this.repos.people.findInOrganization(payload.personId, payload.organizationId);
      if (person && person.name !== input.displayName) {
        throw AppError.invalidField(
          'displayName',
          '姓名：与单位登记的项目负责人姓名不一致，请核对或联系单位管理员',
        );
      }
    }
    requireAcceptablePassword(input.password, { path: 'password', label: '密码' }, { login: input.login });
    const passwordHash = await hashPassword(input.password);
    return inTransaction(this.db, async (repos) => {
      const now = this.clock.now();
      const token = await repos.accountTokens.consume(id, 'invitation', now);
      if (!token) return this.refuse(await repos.accountTokens.find(id), now);
      const user = await repos.users.insert({
        login: input.login,
        passwordHash,
        displayName: input.displayName,
        email: token.email,
        mobile: input.mobile,
        role: payload.role,
        organizationId: payload.organizationId,
        personId: payload.personId,
      });
      await repos.audit.append({
        at: now,
        actorUserId: user.id,
        action: 'invitation.accepted',
        entityType: 'user',
        entityId: user.id,
        after: { role: user.role, organizationId: user.organizationId, invitedBy: payload.invitedBy },
      });
      await auditUserCreated(repos, now, user.id, user);
      return user;
    }).catch((error: unknown) => {
      if (violatedUniqueConstraint(error) === 'users_person_key') throw new AppError('PERSON_HAS_ACCOUNT');
      return rethrowLoginTaken(error);
    });
  }

  /** The invitation the token opens, if it can still be accepted; otherwise the reason, in Chinese. */
  private async openInvitation(token: string): Promise<{ id: string; payload: InvitationPayload }> {
    const id = sessionIdOf(token, this.config.sessionSecret);
    const row = await this.repos.accountTokens.find(id);
    const now = this.clock.now();
    if (!row || row.purpose !== 'invitation' || row.usedAt || row.expiresAt <= now)
      return this.refuse(row, now);
    return { id, payload: row.payload as unknown as InvitationPayload };
  }

  private refuse(row: AccountToken | undefined, now: Date): never {
    if (!row || row.purpose !== 'invitation' || (row.payload as Partial<InvitationPayload>).revokedAt) {
      throw new AppError('INVITATION_INVALID');
    }
    if (row.usedAt) throw new AppError('INVITATION_USED');
    if (row.expiresAt <= now) throw new AppError('INVITATION_EXPIRED');
    throw new AppError('INVITATION_INVALID');
  }
}
