import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.js';
import { healthResponseSchema } from '../../../contract/health.js';

export const healthRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  app.get(
    '/health',
    {
      schema: {
        summary: '服务与数据库是否可用',
        tags: ['system'],
        response: { 200: healthResponseSchema, 503: healthResponseSchema },
      },
    },
    async (_request, reply) => {
      const reachable = await services.health.databaseReachable();
      return reachable
        ? { status: 'ok' as const, database: 'ok' as const }
        : reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    },
  );
};
