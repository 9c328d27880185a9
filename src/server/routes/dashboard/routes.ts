import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toBeijingIso } from '../../../core/time.js';
import type { TopicNumber } from '../../../core/bundle/schema.js';
import { errorResponses } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { dashboardQuerySchema, dashboardSchema, type DashboardDto } from '../../../contract/dashboard.js';

const iso = (date: Date) => toBeijingIso(date.getTime());

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
    async (request): Promise<DashboardDto> => {
      await guard.require(request, 'province');
      const d = await services.dashboard.get(request.query.call, request.query.days);
      return {
        call: { id: d.call.row.id, name: d.call.row.name },
        byStatus: d.byStatus,
        byTopic: d.byTopic.map((t) => ({ ...t, topic: t.topic as TopicNumber })),
        byDepartment: d.byDepartment,
        byCountry: d.byCountry,
        funding: d.funding,
        submissions: {
          from: iso(d.submissions.from),
          to: iso(d.submissions.to),
          closesAt: iso(d.submissions.closesAt),
          hours: d.submissions.hours.map((h) => ({ hour: iso(h.hour), count: h.count })),
        },
      };
    },
  );
};
