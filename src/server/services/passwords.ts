import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { Session } from '../repositories/sessions.js';
import type { User } from '../repositories/users.js';
import { requireAcceptablePassword } from '../security/password-policy.js';
import { hashPassword, type PasswordChecks } from '../security/passwords.js';
import { newSessionToken, sessionIdOf } from '../security/session-token.js';
import { notify } from './notifications/notify.js';
import type { Authenticated } from './auth.js';
import {
  type ChangePasswordBody,
  PASSWORD_RESET_TTL_MINUTES,
  type PasswordResetCompleteBody,
} from '../../contract/auth.js';

const NEW_PASSWORD_FIELD = { path: 'newPassword', label: '新密码' };
const RESET_TTL_MS = PASSWORD_RESET_TTL_MINUTES * 60_000;
const THROTTLE_WINDOW_MS = 15 * 60_000;
// Reset requests from one address in the window: a family or an office asks a few times, a script many.
const RESET_REQUESTS_PER_IP = 10;
// Reset e-mails to one account in the window; more are dropped silently, so nobody can flood its inbox.
const RESET_MAILS_PER_ACCOUNT = 3;
// Wrong current passwords in the window before a change is refused: a borrowed session cannot guess on.
const CHANGE_FAILURES_PER_ACCOUNT = 5;

/** Changing and resetting passwords, and the holder's view of their sessions. */
export class PasswordService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly config: Pick<Config, 'sessionSecret' | 'publicUrl'>,
    private readonly passwords: PasswordChecks,
  ) {}

  /** A new password chosen by its holder, who proves the current one; their other sessions end, this one stays. */
  async change(session: Authenticated, body: ChangePasswordBody): Promise<void> {
    const now = this.clock.now();
    const user = await this.repos.users.findById(session.principal.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const failures = `password-change-failures|${user.id}`;
    const { count } = await this.repos.rateLimits.hit(failures, now, THROTTLE_WINDOW_MS);
    if (count > CHANGE_FAILURES_PER_ACCOUNT) {
      await this.repos.rateLimits.unhit(failures, now);
      throw new AppError('TOO_MANY_REQUESTS', { message: '当前密码输错次数过多，请 15 分钟后再试' });
    }
    if (!(await this.passwords.verify(user.passwordHash, body.currentPassword))) {
      throw AppError.invalidField('currentPassword', '当前密码：不正确');
    }
    await this.repos.rateLimits.clear(failures);
    requireAcceptablePassword(body.newPassword, NEW_PASSWORD_FIELD, { login: user.login });
    const passwordHash = await hashPassword(body.newPassword);
    await inTransaction(this.db, async (repos) => {
      await repos.users.setPassword(user.id, passwordHash, now);
      const ended = await repos.sessions.deleteOfUser(user.id, session.sessionId);
      await repos.accountTokens.voidOfUser(user.id, 'password-reset', now);
      await repos.audit.append({
        at: now,
        actorUserId: user.id,
        action: 'user.password-changed',
        entityType: 'user',
        entityId: user.id,
        after: { otherSessionsEnded: ended, firstPassword: user.mustChangePassword },
      });
    });
  }

  /**
   * E-mails a reset link to each enabled account whose login or e-mail address is `account`. Whoever asks is
   * told the same whether or not there is one, and the work done is the same up to the writing of the message.
   */
  async requestReset(account: string, ip: string): Promise<void> {
    const now = this.clock.now();
    const perIp = `password-reset|ip|${ip}`;
    const { count } = await this.repos.rateLimits.hit(perIp, now, THROTTLE_WINDOW_MS);
    if (count > RESET_REQUESTS_PER_IP) {
      throw new AppError('TOO_MANY_REQUESTS', { message: '重置密码申请过于频繁，请 15 分钟后再试' });
    }
    for (const user of await this.resettable(account)) {
      const perAccount = `password-reset|user|${user.id}`;
      const sent = await this.repos.rateLimits.hit(perAccount, now, THROTTLE_WINDOW_MS);
      if (sent.count > RESET_MAILS_PER_ACCOUNT) continue;
      await this.sendResetLink(user, now);
    }
  }

  private async resettable(account: string): Promise<User[]> {
    const byLogin = await this.repos.users.findByLogin(account);
    const byEmail = account.includes('@') ? await this.repos.users.findByEmail(account) : [];
    const found = new Map([...(byLogin ? [byLogin] : []), ...byEmail].map((user) => [user.id, user]));
    // A disabled account cannot come back by e-mail; one without an address has nowhere to be sent.
    return [...found.values()].filter((user) => !user.disabled && user.email);
  }

  private async sendResetLink(user: User, now: Date): Promise<void> {
    const token = newSessionToken();
    const id = sessionIdOf(token, this.config.sessionSecret);
    const link = `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await inTransaction(this.db, async (repos) => {
      await repos.accountTokens.insert({
        id,
        purpose: 'password-reset',
        userId: user.id,
        email: user.email,
        expiresAt: new Date(now.getTime() + RESET_TTL_MS),
      });
      await notify(
        repos,
        { userIds: [user.id] },
        {
          kind: 'account.password-reset',
          subject: '重置密码',
          body: [
            `${user.displayName}（登录名 ${user.login}）：`,
            '',
            `有人（可能是您本人）申请重置您在申报系统的登录密码。请在 ${PASSWORD_RESET_TTL_MINUTES} 分钟内打开下面的链接设置新密码，链接只能使用一次：`,
            '',
            link,
            '',
            '如果不是您本人申请，请忽略本邮件，您的密码不会改变。',
          ].join('\n'),
          key: `password-reset:${id}`,
        },
      );
      await repos.audit.append({
        at: now,
        actorUserId: null,
        action: 'user.password-reset-requested',
        entityType: 'user',
        entityId: user.id,
        after: { expiresAt: new Date(now.getTime() + RESET_TTL_MS).toISOString() },
      });
    });
  }

  /**
   * Sets the password the link's holder chose: the link is spent, every session of the account ends (whoever
   * held one may be why the password was reset), and whatever an administrator required of it is done.
   */
  async completeReset(body: PasswordResetCompleteBody): Promise<void> {
    const now = this.clock.now();
    const id = sessionIdOf(body.token, this.config.sessionSecret);
    const stored = await this.repos.accountTokens.find(id);
    if (!stored || stored.purpose !== 'password-reset' || !stored.userId) {
      throw new AppError('RESET_LINK_INVALID');
    }
    if (stored.usedAt) throw new AppError('RESET_LINK_USED');
    if (stored.expiresAt <= now) throw new AppError('RESET_LINK_EXPIRED');
    const user = await this.repos.users.findById(stored.userId);
    if (!user) throw new AppError('RESET_LINK_INVALID');
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
    // Checked before the link is spent, so that a refused password leaves it usable.
    requireAcceptablePassword(body.newPassword, NEW_PASSWORD_FIELD, { login: user.login });
    const passwordHash = await hashPassword(body.newPassword);
    await inTransaction(this.db, async (repos) => {
      // The one UPDATE that decides a race between two submissions of the same link.
      if (!(await repos.accountTokens.consume(id, 'password-reset', now))) {
        throw new AppError('RESET_LINK_USED');
      }
      await repos.users.setPassword(user.id, passwordHash, now);
      const ended = await repos.sessions.deleteOfUser(user.id);
      await repos.accountTokens.voidOfUser(user.id, 'password-reset', now);
      await repos.audit.append({
        at: now,
        actorUserId: user.id,
        action: 'user.password-reset',
        entityType: 'user',
        entityId: user.id,
        after: { sessionsEnded: ended },
      });
    });
  }

  /** The holder's live sessions, oldest first. */
  sessions(session: Authenticated): Promise<Session[]> {
    return this.repos.sessions.listLiveOfUser(session.principal.userId, this.clock.now());
  }

  /** Ends every session of the holder but this one; how many ended. */
  async signOutOthers(session: Authenticated): Promise<number> {
    const userId = session.principal.userId;
    return inTransaction(this.db, async (repos) => {
      const ended = await repos.sessions.deleteOfUser(userId, session.sessionId);
      if (ended > 0) {
        await repos.audit.append({
          at: this.clock.now(),
          actorUserId: userId,
          action: 'user.other-sessions-ended',
          entityType: 'user',
          entityId: userId,
          after: { sessionsEnded: ended },
        });
      }
      return ended;
    });
  }
}
