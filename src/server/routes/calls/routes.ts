import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentCall, presentCommitments, presentRequirements } from '../../presenters/calls.js';
import type { RouteDeps } from '../deps.js';
import {
  callListResponseSchema,
  commitmentsResponseSchema,
  requirementsQuerySchema,
  requirementsResponseSchema,
} from '../../../contract/calls.js';
import { callIdParamsSchema } from '../../../contract/province-calls.js';

// Public, like the notice itself: a draft call is the province's alone and answered as missing.
export const callRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
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

  app.get(
    '/calls/:id/requirements',
    {
      schema: {
        summary: '某专题（方向）须提交和可提交的申报材料',
        tags: ['calls'],
        params: callIdParamsSchema,
        querystring: requirementsQuerySchema,
        response: { 200: requirementsResponseSchema },
      },
    },
    async (request) => {
      const { topic, direction, ethics } = request.query;
      const found = await services.calls.documentRequirements(request.params.id, topic, direction, ethics);
      return presentRequirements(found.call, topic, found.direction, found.documents);
    },
  );

  app.get(
    '/calls/:id/commitments',
    {
      schema: {
        summary: '科研诚信承诺书：通知文号、标题及申报单位、项目负责人、主管部门的承诺事项',
        tags: ['calls'],
        params: callIdParamsSchema,
        response: { 200: commitmentsResponseSchema },
      },
    },
    async (request) => presentCommitments(await services.calls.requirePublished(request.params.id)),
  );
};
