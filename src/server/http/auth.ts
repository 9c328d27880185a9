import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { AuthService } from '../services/auth.js';
import type { UserRole } from '../vocabulary.js';

export const SESSION_COOKIE = 'shenbao_session';

/** Authentication and authorization as the routes use them: one call at the top of each handler. */
export class AuthGuard {
  constructor(
    private readonly auth: AuthService,
    private readonly config: Pick<Config, 'cookieSecure'>,
  ) {}

  /** The acting principal, if the request carries a live session and the role is one of `roles`. */
  async require<R extends UserRole>(request: FastifyRequest, ...roles: R[]): Promise<PrincipalOf<R>> {
    const token = request.cookies[SESSION_COOKIE];
    const principal = token ? await this.auth.authenticate(token) : null;
    if (!principal) throw new AppError('UNAUTHENTICATED');
    if (!(roles as UserRole[]).includes(principal.role)) throw new AppError('FORBIDDEN');
    return principal as PrincipalOf<R>;
  }

  sessionToken(request: FastifyRequest): string | undefined {
    return request.cookies[SESSION_COOKIE];
  }

  setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date): void {
    reply.setCookie(SESSION_COOKIE, token, { ...this.cookieOptions(request), expires });
  }

  clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, this.cookieOptions(request));
  }

  private cookieOptions(request: FastifyRequest) {
    const secure =
      this.config.cookieSecure === 'always' ||
      (this.config.cookieSecure === 'auto' && request.protocol === 'https');
    return { httpOnly: true, sameSite: 'lax', path: '/', secure } as const;
  }
}
