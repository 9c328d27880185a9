import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Principal, PrincipalOf } from '../principal.js';
import type { AuthService } from '../services/auth.js';
import type { UserRole } from '../../contract/vocabulary.js';

export const SESSION_COOKIE = 'shenbao_session';
/** Marks a client that has signed in to an account before (security/known-device.ts); only login reads it. */
const KNOWN_DEVICE_COOKIE = 'shenbao_device';
const LOGIN_PATH = '/api/auth/login';

/** The routes anyone may call: signing up and in, the public call list and 公示, receipt checks, health, audit checkpoints. */
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
  'POST /api/receipts/verify',
  'GET /api/public/announcements',
  'GET /api/public/announcements/:id',
  'GET /api/public/audit-checkpoints',
]);

/** Path prefixes and the only roles that may use anything under them; each handler still authorizes exactly. */
const FENCES: [prefix: string, roles: readonly UserRole[]][] = [
  ['/api/province/', ['province']],
  ['/api/expert/', ['expert']],
  ['/api/department/', ['department']],
  ['/api/review/', ['department', 'province']],
  ['/api/organization/', ['unit-admin']],
];

/** Authentication and authorization as the routes use them: one call at the top of each handler. */
export class AuthGuard {
  constructor(
    private readonly auth: AuthService,
    private readonly config: Pick<Config, 'cookieSecure'>,
  ) {}

  private readonly principals = new WeakMap<FastifyRequest, Promise<Principal | null>>();

  /**
   * An `onRequest` hook: refuses a request without a live session (401) or outside its role's prefixes (403)
   * before its body is read or validated, so that an anonymous or misplaced caller learns nothing of a route.
   */
  readonly fence = async (request: FastifyRequest): Promise<void> => {
    const url = request.routeOptions.url;
    if (url === undefined) return;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (PUBLIC_ROUTES.has(`${method} ${url}`)) return;
    const principal = await this.principal(request);
    if (!principal) throw new AppError('UNAUTHENTICATED');
    const fence = FENCES.find(([prefix]) => url.startsWith(prefix));
    if (fence && !fence[1].includes(principal.role)) throw new AppError('FORBIDDEN');
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

  /** Looked up once per request, whether by the fence or the handler. */
  private principal(request: FastifyRequest): Promise<Principal | null> {
    let found = this.principals.get(request);
    if (!found) {
      const token = request.cookies[SESSION_COOKIE];
      found = token ? this.auth.authenticate(token) : Promise.resolve(null);
      this.principals.set(request, found);
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
