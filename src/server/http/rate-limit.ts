import rateLimit, { type FastifyRateLimitStore, normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { RateLimitRepository } from '../repositories/rate-limits.js';
import { PUBLIC_ROUTES } from './auth.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

// Anonymous routes that cost nothing to answer and that monitoring or signing out must always reach.
const UNLIMITED = new Set(['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/logout']);

// Each one puts work before a department or the province (an organization to verify, a claim to answer, an
// objection to a 公示 to investigate): counted by the hour too.
const REGISTRATIONS = new Set([
  'POST /api/auth/register-organization',
  'POST /api/auth/claim-organization',
  'POST /api/public/announcements/:id/objections',
  'POST /api/public/objections/:reference/evidence',
]);

/** @fastify/rate-limit's store over the database, so that every instance counts against the same limits. */
function databaseStore(counters: RateLimitRepository, clock: Clock) {
  return class DatabaseStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const now = clock.now();
      counters.hit(key, now, timeWindow).then(
        ({ count, windowEndsAt }) =>
          callback(null, { current: count, ttl: windowEndsAt.getTime() - now.getTime() }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

const routeOf = (request: FastifyRequest) => {
  const url = request.routeOptions.url;
  return url === undefined ? undefined : `${request.method === 'HEAD' ? 'GET' : request.method} ${url}`;
};

const isLimited = (route: string | undefined) =>
  route !== undefined && PUBLIC_ROUTES.has(route) && !UNLIMITED.has(route);

/**
 * Limits the requests to the anonymous routes (sign-up, sign-in, receipt checks, the public lists and 公示)
 * per address and for everyone together, before anything else is done for them; registrations and claims
 * also per address by the hour.
 */
export async function registerRateLimits(
  api: FastifyInstance,
  {
    config,
    counters,
    clock,
  }: { config: Pick<Config, 'rateLimit'>; counters: RateLimitRepository; clock: Clock },
): Promise<void> {
  await api.register(rateLimit, { global: false, store: databaseStore(counters, clock) });
  const limits = [
    api.createRateLimit({
      max: config.rateLimit.perIp,
      timeWindow: MINUTE_MS,
      keyGenerator: (request) => `requests|ip|${normalizeIP(request.ip)}`,
    }),
    api.createRateLimit({
      max: config.rateLimit.global,
      timeWindow: MINUTE_MS,
      keyGenerator: () => 'requests|all',
    }),
  ];
  const registrations = api.createRateLimit({
    max: config.rateLimit.registrationsPerIpPerHour,
    timeWindow: HOUR_MS,
    keyGenerator: (request) => `registrations|ip|${normalizeIP(request.ip)}`,
  });
  api.addHook('onRequest', async (request) => {
    const route = routeOf(request);
    if (!isLimited(route)) return;
    for (const limit of REGISTRATIONS.has(route!) ? [registrations, ...limits] : limits) {
      const result = await limit(request);
      if (!result.isAllowed && result.isExceeded) {
        throw new AppError('TOO_MANY_REQUESTS', {
          headers: { 'retry-after': String(Math.max(1, result.ttlInSeconds)) },
        });
      }
    }
  });
}
