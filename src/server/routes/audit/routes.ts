import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toBeijingIso } from '../../../core/time.js';
import { errorResponses } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { auditPageSchema, auditQuerySchema, auditVerdictSchema } from '../../../contract/audit.js';

const DAY_MS = 86_400_000;
/** The start of a Beijing calendar day. */
const beijingDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

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
      await guard.require(request, 'province');
      const { actor, from, to, ...rest } = request.query;
      const page = await services.audit.list({
        ...rest,
        actorUserId: actor,
        from: from ? beijingDayStart(from) : undefined,
        to: to ? new Date(beijingDayStart(to).getTime() + DAY_MS) : undefined,
      });
      return {
        entries: page.entries.map((e) => ({
          seq: e.seq,
          at: toBeijingIso(e.at.getTime()),
          actor: e.actor,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          before: e.before,
          after: e.after,
          hash: e.hash,
        })),
        nextBeforeSeq: page.nextBeforeSeq,
      };
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
