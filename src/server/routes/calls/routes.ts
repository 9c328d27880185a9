import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentCall } from '../../presenters/calls.js';
import type { RouteDeps } from '../deps.js';
import { callListResponseSchema } from '../../../contract/calls.js';

export const callRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  // Public, like the notice itself: the calls, their windows and each topic's terms.
  app.get(
    '/calls',
    {
      schema: {
        summary: '申报计划及其专题、时间窗口',
        tags: ['calls'],
        response: { 200: callListResponseSchema },
      },
    },
    async () => ({ calls: (await services.calls.list()).map(presentCall) }),
  );
};
