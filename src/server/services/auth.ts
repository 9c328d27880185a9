import type { Config } from '../config.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { type Principal, principalOf } from '../principal.js';
import type { Repositories } from '../repositories/index.js';
import type { User } from '../repositories/users.js';
import { verifyPassword } from '../security/passwords.js';
import { newSessionToken, sessionIdOf } from '../security/session-token.js';

// Writing last_seen on every request would turn reads into writes; once a minute is enough to see activity.
const TOUCH_INTERVAL_MS = 60_000;

export interface LoginAttempt {
  login: string;
  password: string;
  ip: string;
}

export class AuthService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly config: Pick<Config, 'sessionSecret' | 'sessionTtlMs' | 'loginThrottle'>,
  ) {}

  async login(attempt: LoginAttempt): Promise<{ token: string; expiresAt: Date; user: User }> {
    const now = this.clock.now();
    const { maxFailures, windowMs } = this.config.loginThrottle;
    const key = `${attempt.ip}|${attempt.login}`;
    await this.repos.loginThrottle.pruneBefore(new Date(now.getTime() - windowMs));
    const { failures, windowStartedAt } = await this.repos.loginThrottle.countAttempt(key, now, windowMs);
    if (failures > maxFailures) {
      const waitMs = windowStartedAt.getTime() + windowMs - now.getTime();
      throw new AppError('TOO_MANY_LOGIN_ATTEMPTS', {
        message: `登录失败次数过多，请 ${Math.max(1, Math.ceil(waitMs / 60_000))} 分钟后再试`,
        headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
      });
    }

    const user = await this.repos.users.findByLogin(attempt.login);
    const valid = await verifyPassword(user?.passwordHash, attempt.password);
    if (!user || !valid) throw new AppError('INVALID_CREDENTIALS');
    await this.repos.loginThrottle.clear(key);
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED');

    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlMs);
    await this.repos.sessions.deleteExpiredOfUser(user.id, now);
    await this.repos.sessions.insert({
      id: sessionIdOf(token, this.config.sessionSecret),
      userId: user.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
    });
    await this.repos.users.recordLogin(user.id, now);
    return { token, expiresAt, user };
  }

  /** The principal a session token stands for, or null when it is unknown, expired or its user disabled. */
  async authenticate(token: string): Promise<Principal | null> {
    const id = sessionIdOf(token, this.config.sessionSecret);
    const found = await this.repos.sessions.findWithUser(id);
    if (!found) return null;
    const now = this.clock.now();
    if (found.session.expiresAt <= now) {
      await this.repos.sessions.delete(id);
      return null;
    }
    if (found.user.disabled) return null;
    if (now.getTime() - found.session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.repos.sessions.touch(id, now);
    }
    return principalOf(found.user);
  }

  async logout(token: string): Promise<void> {
    await this.repos.sessions.delete(sessionIdOf(token, this.config.sessionSecret));
  }
}
