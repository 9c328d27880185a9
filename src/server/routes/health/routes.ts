import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentHealth } from '../../presenters/health.js';
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
      const health = presentHealth(await services.health.databaseReachable());
      return reply.status(health.status === 'ok' ? 200 : 503).send(health);
    },
  );
};
