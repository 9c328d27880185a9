import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkpointsQuerySchema, checkpointsResponseSchema } from '../../../contract/audit-checkpoints.js';
import { presentCheckpoints } from '../../presenters/audit-checkpoints.js';
import type { RouteDeps } from '../deps.js';

// Public, like the 公示: the checkpoints carry only sequence numbers, hashes and times.

export const auditCheckpointRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  app.get(
    '/public/audit-checkpoints',
    {
      schema: {
        summary: '审计日志的签名检查点（公开，无需登录）：序号、哈希与时间，可用公钥核验',
        tags: ['public'],
        querystring: checkpointsQuerySchema,
        response: { 200: checkpointsResponseSchema },
      },
    },
    async (request) => presentCheckpoints(await services.audit.checkpoints(request.query.after)),
  );
};
