import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { AuthGuard } from './http/auth.js';
import { refuseCrossSite } from './http/cross-site.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { registerRateLimits } from './http/rate-limit.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { validatorCompiler } from './http/validation.js';
import { RateLimitRepository } from './repositories/rate-limits.js';
import { announcementRoutes } from './routes/announcements/routes.js';
import { appealRoutes } from './routes/appeals/routes.js';
import { avoidedExpertRoutes } from './routes/avoided-experts/routes.js';
import { applicationRoutes } from './routes/applications/routes.js';
import { auditRoutes } from './routes/audit/routes.js';
import { auditCheckpointRoutes } from './routes/audit-checkpoints/routes.js';
import { authRoutes } from './routes/auth/routes.js';
import { bundleImportRoutes } from './routes/bundle-import/routes.js';
import { callRoutes } from './routes/calls/routes.js';
import { commitmentRoutes } from './routes/commitments/routes.js';
import { dashboardRoutes } from './routes/dashboard/routes.js';
import { crossCheckRoutes } from './routes/cross-checks/routes.js';
import { decisionRoutes } from './routes/decisions/routes.js';
import { contractRoutes } from './routes/contracts/routes.js';
import { scoringFormRoutes } from './routes/scoring-forms/routes.js';
import type { RouteDeps } from './routes/deps.js';
import { departmentRoutes } from './routes/departments/routes.js';
import { provinceDepartmentRoutes } from './routes/province-departments/routes.js';
import { documentRoutes } from './routes/documents/routes.js';
import { entitlementRoutes } from './routes/entitlements/routes.js';
import { expertRoutes } from './routes/expert/routes.js';
import { provinceExpertRoutes } from './routes/experts/routes.js';
import { finalizationRoutes } from './routes/finalization/routes.js';
import { formalReviewRoutes } from './routes/formal-review/routes.js';
import { healthRoutes } from './routes/health/routes.js';
import { meRoutes } from './routes/me/routes.js';
import { organizationUserRoutes } from './routes/organization-users/routes.js';
import { messageRoutes } from './routes/messages/routes.js';
import { panelRoutes } from './routes/panels/routes.js';
import { paperRoutes } from './routes/paper/routes.js';
import { peopleRoutes } from './routes/people/routes.js';
import { organizationRoutes } from './routes/organizations/routes.js';
import { provinceCallRoutes } from './routes/province-calls/routes.js';
import { callDocumentRoutes } from './routes/call-documents/routes.js';
import { publicRoutes } from './routes/public/routes.js';
import { registerRoutes } from './routes/registers/routes.js';
import { objectionRoutes } from './routes/objections/routes.js';
import { provinceAccountRoutes } from './routes/accounts/routes.js';
import { departmentStaffRoutes } from './routes/department-staff/routes.js';
import { reviewRoutes } from './routes/review/routes.js';
import { createServices } from './services/index.js';
import { DebugRequestLog } from './http/request-log.js';

export interface AppDependencies {
  config: Config;
  db: Database;
  clock: Clock;
  /** Defaults to a pino logger at `config.logLevel`. */
  logger?: FastifyBaseLogger;
  /** Where that default logger writes, if not standard output. */
  logStream?: { write(line: string): void };
  /** The level of the per-request lines: `debug` for the demo (`npm start`). */
  requestLogLevel?: 'info' | 'debug';
}

// The web app as `npm run build:web` leaves it; src/server and dist/server are both two levels down.
const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Any other page of the web app is its index.html, which routes in the browser; `/api/*` stays JSON. */
function webAppFallback(request: FastifyRequest, reply: FastifyReply) {
  const page =
    (request.method === 'GET' || request.method === 'HEAD') && !/^\/api(\/|\?|$)/.test(request.url);
  if (!page) return notFoundHandler(request, reply);
  return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
}

export async function buildApp({
  config,
  db,
  clock,
  logger,
  logStream,
  requestLogLevel = 'info',
}: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger
      ? { loggerInstance: logger }
      : { logger: { level: config.logLevel, ...(logStream && { stream: logStream }) } }),
    ...(requestLogLevel === 'debug' && { logController: new DebugRequestLog() }),
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const serveWeb = existsSync(join(WEB_ROOT, 'index.html'));
  app.setNotFoundHandler(serveWeb ? webAppFallback : notFoundHandler);

  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'shenbao 申报',
        description: '江苏省科技计划项目申报与评审系统 API',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  const services = createServices({ db, clock, config });
  const deps: RouteDeps = { services, guard: new AuthGuard(services.auth, config) };

  await app.register(
    async (api) => {
      api.addHook('onRequest', refuseCrossSite);
      await registerRateLimits(api, { config, counters: new RateLimitRepository(db), clock });
      api.addHook('onRequest', deps.guard.fence);
      api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
      await api.register(healthRoutes, deps);
      await api.register(departmentRoutes, deps);
      await api.register(authRoutes, deps);
      await api.register(meRoutes, deps);
      await api.register(peopleRoutes, deps);
      await api.register(organizationUserRoutes, deps);
      await api.register(organizationRoutes, deps);
      await api.register(documentRoutes, deps);
      await api.register(callRoutes, deps);
      await api.register(provinceCallRoutes, deps);
      await api.register(callDocumentRoutes, deps);
      await api.register(provinceDepartmentRoutes, deps);
      await api.register(dashboardRoutes, deps);
      await api.register(auditRoutes, deps);
      await api.register(applicationRoutes, deps);
      await api.register(finalizationRoutes, deps);
      await api.register(reviewRoutes, deps);
      await api.register(commitmentRoutes, deps);
      await api.register(entitlementRoutes, deps);
      await api.register(bundleImportRoutes, deps);
      await api.register(provinceExpertRoutes, deps);
      await api.register(scoringFormRoutes, deps);
      await api.register(expertRoutes, deps);
      await api.register(panelRoutes, deps);
      await api.register(crossCheckRoutes, deps);
      await api.register(registerRoutes, deps);
      await api.register(formalReviewRoutes, deps);
      await api.register(appealRoutes, deps);
      await api.register(avoidedExpertRoutes, deps);
      await api.register(decisionRoutes, deps);
      await api.register(contractRoutes, deps);
      await api.register(announcementRoutes, deps);
      await api.register(paperRoutes, deps);
      await api.register(publicRoutes, deps);
      await api.register(objectionRoutes, deps);
      await api.register(messageRoutes, deps);
      await api.register(auditCheckpointRoutes, deps);
      await api.register(provinceAccountRoutes, deps);
      await api.register(departmentStaffRoutes, deps);
    },
    { prefix: '/api' },
  );

  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      // Vite names built assets by their content hash.
      setHeaders: (reply, path) =>
        reply.header(
          'Cache-Control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  }

  return app;
}
