import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentDashboard } from '../../presenters/dashboard.js';
import { errorResponses } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { dashboardQuerySchema, dashboardSchema } from '../../../contract/dashboard.js';

export const dashboardRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  app.get(
    '/province/dashboard',
    {
      schema: {
        summary: '总览：按专题、主管部门、合作国别（地区）的申报数，申请省资助经费与上限，截止前逐小时提交数',
        tags: ['dashboard'],
        querystring: dashboardQuerySchema,
        response: {
          200: dashboardSchema,
          ...errorResponses('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'),
        },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return presentDashboard(await services.dashboard.get(request.query.call, request.query.days));
    },
  );
};
