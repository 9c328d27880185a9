import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { assertDuty, type Principal, type PrincipalOf } from '../principal.js';
import type { Authenticated, AuthService } from '../services/auth.js';
import type { Duty, UserRole } from '../../contract/vocabulary.js';

export const SESSION_COOKIE = 'shenbao_session';
/** Marks a client that has signed in to an account before (security/known-device.ts); only login reads it. */
const KNOWN_DEVICE_COOKIE = 'shenbao_device';
const LOGIN_PATH = '/api/auth/login';

/** The routes anyone may call: signing up and in, accepting an invitation, the public call list and 公示, receipt checks, health, audit checkpoints. */
export const PUBLIC_ROUTES = new Set([
  'GET /api/openapi.json',
  'GET /api/health',
  'GET /api/departments',
  'GET /api/calls',
  'GET /api/calls/:id/requirements',
  'GET /api/calls/:id/commitments',
  'POST /api/auth/register-organization',
  'POST /api/auth/claim-organization',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/complete',
  'POST /api/invitations/inspect',
  'POST /api/invitations/accept',
  'POST /api/receipts/verify',
  'GET /api/public/announcements',
  'GET /api/public/announcements/:id',
  'POST /api/public/announcements/:id/objections',
  'POST /api/public/objections/:reference/evidence',
  'GET /api/public/audit-checkpoints',
  'GET /api/public/fingerprints/:sha256',
  'POST /api/public/partner-confirmation/page',
  'POST /api/public/partner-confirmation/answer',
]);

/** What an account that must first choose its own password may still do (with the public routes). */
const BEFORE_OWN_PASSWORD = new Set(['POST /api/me/password']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The duty an official of a role needs for the route (管理员 holds every duty); a role not named needs none.
     * Reading needs none: a route that changes something names the duty it belongs to.
     */
    duties?: Partial<Record<'province' | 'department', Duty>>;
  }
}

/**
 * Path prefixes and the only roles that may use anything under them, the first matching prefix deciding; each
 * handler still authorizes exactly. Contacts read the unit's people (to name a PI), never its accounts.
 */
const FENCES: [prefix: string, roles: readonly UserRole[]][] = [
  ['/api/province/', ['province']],
  ['/api/expert/', ['expert']],
  ['/api/department/', ['department']],
  ['/api/review/', ['department', 'province']],
  ['/api/organization/users', ['unit-admin']],
  ['/api/organization/invitations', ['unit-admin']],
  ['/api/organization/', ['unit-admin', 'unit-contact']],
  ['/api/department/', ['department']],
];

/** Authentication and authorization as the routes use them: one call at the top of each handler. */
export class AuthGuard {
  constructor(
    private readonly auth: AuthService,
    private readonly config: Pick<Config, 'cookieSecure'>,
  ) {}

  private readonly sessions = new WeakMap<FastifyRequest, Promise<Authenticated | null>>();

  /**
   * An `onRequest` hook: refuses a request without a live session (401), outside its role's prefixes (403),
   * from an account that must first choose its own password (403), or without the duty its route names for the
   * role (403 MISSING_DUTY), before its body is read or validated, so
   * that an anonymous or misplaced caller learns nothing of a route.
   */
  readonly fence = async (request: FastifyRequest): Promise<void> => {
    const url = request.routeOptions.url;
    if (url === undefined) return;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const route = `${method} ${url}`;
    if (PUBLIC_ROUTES.has(route)) return;
    const session = await this.session(request);
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (session.mustChangePassword && !BEFORE_OWN_PASSWORD.has(route)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    const fence = FENCES.find(([prefix]) => url.startsWith(prefix));
    const principal = session.principal;
    if (fence && !fence[1].includes(principal.role)) throw new AppError('FORBIDDEN');
    const duty =
      principal.role === 'province' || principal.role === 'department'
        ? request.routeOptions.config.duties?.[principal.role]
        : undefined;
    if (duty) assertDuty(principal, duty);
  };

  /** The acting principal, if the request carries a live session and the role is one of `roles`. */
  async require<R extends UserRole>(request: FastifyRequest, ...roles: R[]): Promise<PrincipalOf<R>> {
    const principal = await this.principal(request);
    if (!principal) throw new AppError('UNAUTHENTICATED');
    if (!(roles as UserRole[]).includes(principal.role)) throw new AppError('FORBIDDEN');
    return principal as PrincipalOf<R>;
  }

  /** The acting principal of any role, or `null` for a visitor without a live session. */
  current(request: FastifyRequest): Promise<Principal | null> {
    return this.principal(request);
  }

  /** The live session the request came in, for what its holder does to their own account and sessions. */
  async requireSession(request: FastifyRequest): Promise<Authenticated> {
    const session = await this.session(request);
    if (!session) throw new AppError('UNAUTHENTICATED');
    return session;
  }

  private async principal(request: FastifyRequest): Promise<Principal | null> {
    return (await this.session(request))?.principal ?? null;
  }

  /** Looked up once per request, whether by the fence or the handler. */
  private session(request: FastifyRequest): Promise<Authenticated | null> {
    let found = this.sessions.get(request);
    if (!found) {
      const token = request.cookies[SESSION_COOKIE];
      found = token ? this.auth.authenticate(token) : Promise.resolve(null);
      this.sessions.set(request, found);
    }
    return found;
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

  knownDevice(request: FastifyRequest): string | undefined {
    return request.cookies[KNOWN_DEVICE_COOKIE];
  }

  setKnownDeviceCookie(
    request: FastifyRequest,
    reply: FastifyReply,
    knownDevice: { value: string; expiresAt: Date },
  ): void {
    reply.setCookie(KNOWN_DEVICE_COOKIE, knownDevice.value, {
      ...this.cookieOptions(request),
      sameSite: 'strict',
      path: LOGIN_PATH,
      expires: knownDevice.expiresAt,
    });
  }

  private cookieOptions(request: FastifyRequest) {
    const secure =
      this.config.cookieSecure === 'always' ||
      (this.config.cookieSecure === 'auto' && request.protocol === 'https');
    return { httpOnly: true, sameSite: 'lax', path: '/', secure } as const;
  }
}
