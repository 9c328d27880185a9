import type { Config } from '../config.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { type Principal, principalOf } from '../principal.js';
import type { Repositories } from '../repositories/index.js';
import type { User } from '../repositories/users.js';
import { isKnownDevice, markKnownDevice } from '../security/known-device.js';
import type { PasswordChecks } from '../security/passwords.js';
import { newSessionToken, sessionIdOf } from '../security/session-token.js';

// Writing last_seen on every request would turn reads into writes; once a minute is enough to see activity.
const TOUCH_INTERVAL_MS = 60_000;

interface FailureCounter {
  key: string;
  max: number;
  /** An account's failures are forgiven by its sign-in; an address's or everyone's only lose that attempt. */
  of: 'account' | 'ip' | 'all';
}

export interface LoginAttempt {
  /** Trimmed and in lower case, as the body's schema leaves it. */
  login: string;
  password: string;
  ip: string;
  /** The known-device cookie the client sent, if any. */
  knownDevice: string | undefined;
  /** The client's User-Agent header, kept so that its holder can tell their sessions apart. */
  userAgent: string | undefined;
}

/** A live session: who acts, which session it is, and whether they must first choose their own password. */
export interface Authenticated {
  principal: Principal;
  sessionId: string;
  mustChangePassword: boolean;
}

// Enough of a User-Agent to name the browser and system; a longer header is someone's padding.
const USER_AGENT_MAX = 256;

export interface LoginSuccess {
  token: string;
  expiresAt: Date;
  user: User;
  /** The known-device cookie to set, and until when. */
  knownDevice: { value: string; expiresAt: Date };
}

// A client stays known to an account for a season of calls after its last sign-in.
const KNOWN_DEVICE_TTL_MS = 180 * 24 * 3_600_000;

export class AuthService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly config: Pick<Config, 'sessionSecret' | 'sessionTtlMs' | 'loginThrottle'>,
    private readonly passwords: PasswordChecks,
  ) {}

  async login(attempt: LoginAttempt): Promise<LoginSuccess> {
    const now = this.clock.now();
    const user = await this.repos.users.findByLogin(attempt.login);
    const known =
      user !== undefined && isKnownDevice(attempt.knownDevice, user.id, this.config.sessionSecret, now);
    const counters = this.failureCounters(attempt, known);
    await this.countAttempt(counters, now);

    const valid = await this.passwords.verify(user?.passwordHash, attempt.password).catch(async (error) => {
      // Refused before any check (too many in flight): not a failure of this login.
      await this.uncount(counters, now);
      throw error;
    });
    if (!user || !valid) throw new AppError('INVALID_CREDENTIALS');
    await this.forgiveAttempt(counters, now);
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
      userAgent: attempt.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      ip: attempt.ip,
    });
    await this.repos.users.recordLogin(user.id, now);
    const knownUntil = new Date(now.getTime() + KNOWN_DEVICE_TTL_MS);
    return {
      token,
      expiresAt,
      user,
      knownDevice: {
        value: markKnownDevice(attempt.knownDevice, user.id, this.config.sessionSecret, now, knownUntil),
        expiresAt: knownUntil,
      },
    };
  }

  /**
   * The failure counters an attempt counts against. A client that signed in to the account before is held
   * back only by its own address's failures: whoever sprays the account (or everyone) cannot lock it out.
   */
  private failureCounters(attempt: LoginAttempt, knownDevice: boolean): FailureCounter[] {
    const limits = this.config.loginThrottle;
    const ip: FailureCounter = {
      key: `login-failures|ip|${attempt.ip}`,
      max: limits.ipMaxFailures,
      of: 'ip',
    };
    if (knownDevice) return [ip];
    return [
      {
        key: `login-failures|ip-login|${attempt.ip}|${attempt.login}`,
        max: limits.maxFailures,
        of: 'account',
      },
      { key: `login-failures|login|${attempt.login}`, max: limits.accountMaxFailures, of: 'account' },
      ip,
      { key: 'login-failures|all', max: limits.globalMaxFailures, of: 'all' },
    ];
  }

  /**
   * Counts the attempt as a failure before the password is checked, so that concurrent guesses cannot slip
   * past a limit; an attempt over a limit is taken back and refused without a check.
   */
  private async countAttempt(counters: FailureCounter[], now: Date): Promise<void> {
    const { windowMs } = this.config.loginThrottle;
    await this.repos.rateLimits.pruneEndedBy(now);
    const counts = [];
    for (const counter of counters) {
      counts.push({ counter, ...(await this.repos.rateLimits.hit(counter.key, now, windowMs)) });
    }
    const over = counts.filter(({ counter, count }) => count > counter.max);
    if (over.length === 0) return;
    await this.uncount(counters, now);
    const waitMs = Math.max(...over.map(({ windowEndsAt }) => windowEndsAt.getTime() - now.getTime()));
    throw new AppError('TOO_MANY_LOGIN_ATTEMPTS', {
      message: `登录失败次数过多，请 ${Math.max(1, Math.ceil(waitMs / 60_000))} 分钟后再试`,
      headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
    });
  }

  private async uncount(counters: FailureCounter[], now: Date): Promise<void> {
    for (const counter of counters) await this.repos.rateLimits.unhit(counter.key, now);
  }

  /** A successful sign-in: the account's failures are forgiven, and this attempt no longer counts elsewhere. */
  private async forgiveAttempt(counters: FailureCounter[], now: Date): Promise<void> {
    for (const counter of counters) {
      if (counter.of === 'account') await this.repos.rateLimits.clear(counter.key);
      else await this.repos.rateLimits.unhit(counter.key, now);
    }
  }

  /** The session a token stands for, or null when it is unknown, expired or its user disabled. */
  async authenticate(token: string): Promise<Authenticated | null> {
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
    return {
      principal: principalOf(found.user),
      sessionId: id,
      mustChangePassword: found.user.mustChangePassword,
    };
  }

  async logout(token: string): Promise<void> {
    await this.repos.sessions.delete(sessionIdOf(token, this.config.sessionSecret));
  }
}
