import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { FILE_FIELD, PDF_MIME } from '../../../contract/documents.js';
import {
  partnerAnswerFormSchema,
  partnerAnswerResponseSchema,
  partnerConfirmationStatusSchema,
  partnerPageSchema,
  partnerTokenBodySchema,
} from '../../../contract/partner-confirmations.js';
import { APPLICANT_ROLES } from '../../../contract/vocabulary.js';
import { fileResponse, notModifiedResponse, sendStoredFile } from '../../http/file-response.js';
import { readMultipartForm } from '../../http/multipart.js';
import {
  presentPartnerConfirmationStatus,
  presentPartnerPage,
} from '../../presenters/partner-confirmations.js';
import type { RouteDeps } from '../deps.js';

// A foreign partner confirms its own facts (issue 15 §5): the applicant sends the link and reads its status
// (its department and the province read it too); the partner's page needs no account, only the link.

const READERS = [...APPLICANT_ROLES, 'department', 'province'] as const;

export const partnerConfirmationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { services, guard },
) => {
  await app.register(multipart);
  const { partnerConfirmations, documents } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const invalidLink = errorResponses('PARTNER_LINK_INVALID');

  app.get(
    '/applications/:id/partner-confirmation',
    {
      schema: {
        summary: '境外合作方确认：确认链接的发送记录、状态和合作方的答复',
        tags: ['applications'],
        params: idParamsSchema,
        response: { 200: partnerConfirmationStatusSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...READERS);
      return presentPartnerConfirmationStatus(await partnerConfirmations.status(actor, request.params.id));
    },
  );

  app.post(
    '/applications/:id/partner-confirmation',
    {
      schema: {
        summary: '向境外方负责人发送确认链接（重新发送即作废尚未使用的旧链接）',
        tags: ['applications'],
        params: idParamsSchema,
        response: {
          201: partnerConfirmationStatusSchema,
          ...errorResponses('PARTNER_NOT_NAMED', 'NOT_EDITABLE', 'TOO_MANY_REQUESTS'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      await partnerConfirmations.send(actor, request.params.id);
      return reply
        .status(201)
        .send(presentPartnerConfirmationStatus(await partnerConfirmations.status(actor, request.params.id)));
    },
  );

  app.get(
    '/applications/:id/partner-confirmation/:confirmationId/agreement',
    {
      schema: {
        summary: '下载境外合作方上传的已签署合作协议（PDF）',
        tags: ['applications'],
        params: idParamsSchema.extend({ confirmationId: z.uuid() }),
        response: { 200: fileResponse('PDF'), 304: notModifiedResponse, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...READERS);
      const { file, open } = await partnerConfirmations.agreement(
        actor,
        request.params.id,
        request.params.confirmationId,
      );
      return sendStoredFile(request, reply, PDF_MIME, file, open);
    },
  );

  app.post(
    '/public/partner-confirmation/page',
    {
      schema: {
        summary:
          '境外合作方打开确认链接（公开，凭链接凭证；只答本项目的英文名称、摘要、合作方角色和六项情况）',
        tags: ['public'],
        body: partnerTokenBodySchema,
        response: { 200: partnerPageSchema, ...errorResponses('VALIDATION_FAILED'), ...invalidLink },
      },
    },
    async (request) => presentPartnerPage(await partnerConfirmations.page(request.body.token)),
  );

  app.post(
    '/public/partner-confirmation/answer',
    {
      schema: {
        summary: '境外合作方确认或更正六项情况（公开，凭链接凭证，只能提交一次）',
        description: `multipart/form-data：token、六项情况（true/false）、name、position，可选 ${FILE_FIELD}（已签署的合作协议 PDF）`,
        tags: ['public'],
        consumes: ['multipart/form-data'],
        response: {
          200: partnerAnswerResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'FILE_TOO_LARGE', 'FILE_NOT_PDF', 'PDF_MALFORMED'),
          ...invalidLink,
        },
      },
    },
    async (request) => {
      const form = await readMultipartForm(request, {
        schema: partnerAnswerFormSchema,
        fileField: FILE_FIELD,
        maxFileBytes: documents.maxBytes,
        extension: '.pdf',
        receive: documents.stage.bind(documents),
      });
      const row = await partnerConfirmations.answer(form.fields, form.file);
      return { outcome: row.outcome!, confirmedOn: row.confirmedOn! };
    },
  );
};
