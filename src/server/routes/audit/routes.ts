import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentAuditPage } from '../../presenters/audit.js';
import { errorResponses } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { auditPageSchema, auditQuerySchema, auditVerdictSchema } from '../../../contract/audit.js';

export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');

  app.get(
    '/province/audit',
    {
      schema: {
        summary: '审计日志（最新在前）：按操作、对象、操作人、日期筛选，按序号翻页',
        tags: ['audit'],
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const reader = await guard.require(request, 'province');
      return presentAuditPage(await services.audit.list(reader, request.query));
    },
  );

  app.get(
    '/province/audit/verify',
    {
      schema: {
        summary: '校验审计日志的哈希链：完整，或指出第一处断开的记录',
        tags: ['audit'],
        response: { 200: auditVerdictSchema, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return services.audit.verify();
    },
  );
};
