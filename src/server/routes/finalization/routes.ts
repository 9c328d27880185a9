import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { PDF_MIME } from '../../../contract/documents.js';
import {
  finalizeResponseSchema,
  fingerprintParamsSchema,
  fingerprintResponseSchema,
  printParamsSchema,
  printQuerySchema,
} from '../../../contract/finalization.js';
import { APPLICANT_ROLES, USER_ROLES } from '../../../contract/vocabulary.js';
import { fileResponse, sendGeneratedStream } from '../../http/file-response.js';
import { presentFingerprint, presentSnapshot } from '../../presenters/finalization.js';
import type { RouteDeps } from '../deps.js';

/** Says which kind of print a response is: `final` (from the current 定稿) or `draft` (watermarked 草稿). */
export const PRINT_MODE_HEADER = 'x-shenbao-print-mode';

export const finalizationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { finalization } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');

  app.post(
    '/applications/:id/finalize',
    {
      schema: {
        summary: '定稿：固定申报书当前内容，供打印签字盖章（未修改时再次定稿返回同一版）',
        tags: ['applications'],
        params: idParamsSchema,
        response: {
          200: finalizeResponseSchema,
          ...errorResponses('FORM_INCOMPLETE', 'NOT_EDITABLE'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      return { snapshot: presentSnapshot(await finalization.finalize(actor, request.params.id)) };
    },
  );

  app.get(
    '/applications/:id/print/:document',
    {
      schema: {
        summary: '打印申报材料（PDF）：有定稿时打印定稿，否则或 preview=1 时打印带“草稿”水印的预览',
        tags: ['applications'],
        produces: [PDF_MIME],
        params: printParamsSchema,
        querystring: printQuerySchema,
        response: { 200: fileResponse('PDF 文件'), ...missing, ...denied },
      },
    },
    async (request, reply) => {
      // Every role: whoever may not read the application (an expert too) is answered as for a missing one.
      const actor = await guard.require(request, ...USER_ROLES);
      const { id, document } = request.params;
      const printed = await finalization.print(actor, id, document, request.query.preview);
      reply.header(PRINT_MODE_HEADER, printed.mode);
      return sendGeneratedStream(reply, { mime: PDF_MIME, fileName: printed.fileName, body: printed.body });
    },
  );

  // Public: the QR code on a printed 封面 leads here. It confirms the fingerprint, never the project.
  app.get(
    '/public/fingerprints/:sha256',
    {
      schema: {
        summary: '核验打印材料上的定稿指纹（公开，无需登录）',
        tags: ['public'],
        params: fingerprintParamsSchema,
        response: { 200: fingerprintResponseSchema, ...errorResponses('NOT_FOUND') },
      },
    },
    async (request) => presentFingerprint(await finalization.fingerprint(request.params.sha256)),
  );
};
