import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../http/content-disposition.js';
import { errorResponses } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import {
  bundleExportSchema,
  callQuerySchema,
  importPreviewResponseSchema,
  importResultSchema,
} from '../../../contract/review.js';

// shenbao.bundle/1 in and out: a department exports what it received for `shenbao check`; a department or the
// province previews and imports a bundle.

/** A bundle of a few thousand applications. */
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

/** The posted bundle's bytes, parsed by the service in a worker thread; no body reads as no JSON. */
const bytesOf = (body: unknown) => (body instanceof Uint8Array ? body : new Uint8Array());

export const bundleImportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { reviewReports, bundleImport } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');

  // In these routes' scope only: a bundle is not JSON.parsed on the main thread, where a 50 MB one would stall
  // every other request; the service reads it after authorization, in a worker.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  app.addHook('onClose', () => bundleImport.close());

  app.get(
    '/review/bundle',
    {
      schema: {
        summary:
          '导出 shenbao.bundle/1：本部门（设区市含所辖县（市））收到的申报书及规则比较所需的其他申报书，可用 shenbao check 检查',
        description:
          '演示计划以其基础计划的编号导出（shenbao check 只认识正式计划，并按基础计划的时间窗判断），响应头 X-Shenbao-Note 说明',
        tags: ['review'],
        querystring: callQuerySchema,
        response: { 200: bundleExportSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const { bundle, note } = await reviewReports.exportBundle(actor, request.query.callId);
      if (note) reply.header('X-Shenbao-Note', note);
      return reply
        .header('Content-Disposition', attachmentDisposition(`bundle-${request.query.callId}.json`))
        .send(bundle);
    },
  );

  app.post(
    '/review/import/preview',
    {
      config: { duties: { province: 'center' } },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        summary:
          '导入预览：读取 shenbao.bundle/1，列出每个格式问题、每项申报书的规则检查结果和导入将如何处理它，不写入任何数据',
        description:
          '按 callId 指定的计划判断（数据包的 call 须为该计划或其基础计划），与主管部门审核时的判断一致；不指定 callId 时按数据包自己的计划判断。超过同时读取的上限时返回 429',
        tags: ['review'],
        querystring: callQuerySchema.partial(),
        body: z.unknown().meta({ description: 'shenbao.bundle/1' }),
        response: {
          200: importPreviewResponseSchema,
          ...errorResponses('CALL_NOT_FOUND', 'TOO_MANY_REQUESTS'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department', 'province');
      return bundleImport.preview(actor, bytesOf(request.body), request.query.callId);
    },
  );

  app.post(
    '/review/import',
    {
      config: { duties: { province: 'center' } },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        summary:
          '导入 shenbao.bundle/1：主管部门导入本部门的申报书，省厅可导入任何部门的；有任何问题则不写入任何数据',
        description:
          '按统一社会信用代码匹配或新建单位（主管部门只能新建系统中尚无的单位，只能修改本部门导入建立的单位），按证件号码（people[i].idNumber）匹配项目负责人，不按姓名匹配；同一计划、同一导入方再次导入同一包不作任何修改，修改过的包只更新有变化的部分（已提交申报书的内容不能通过导入修改）',
        tags: ['review'],
        querystring: callQuerySchema,
        body: z.unknown().meta({ description: 'shenbao.bundle/1' }),
        response: {
          200: importResultSchema,
          ...errorResponses('VALIDATION_FAILED', 'IMPORT_REFUSED', 'REVIEW_CLOSED', 'TOO_MANY_REQUESTS'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department', 'province');
      return bundleImport.commit(actor, request.query.callId, bytesOf(request.body));
    },
  );
};
