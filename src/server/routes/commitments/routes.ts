import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse, notModifiedResponse, sendStoredFile } from '../../http/file-response.js';
import { readMultipartForm } from '../../http/multipart.js';
import {
  presentCommitment,
  presentCommitmentHistory,
  presentCommitmentOverview,
} from '../../presenters/commitments.js';
import { errorResponses } from '../../../contract/common.js';
import { FILE_FIELD, PDF_MIME } from '../../../contract/documents.js';
import type { RouteDeps } from '../deps.js';
import {
  callQuerySchema,
  commitmentFormSchema,
  commitmentOverviewResponseSchema,
  commitmentParamsSchema,
  commitmentResponseSchema,
  commitmentSchema,
} from '../../../contract/review.js';

// 项目主管部门诚信承诺书: a department uploads its PDF before confirming its list; the province sees every department's.

export const commitmentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  await app.register(multipart);

  const { commitments, documents } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const closed = errorResponses('REVIEW_CLOSED', 'LIST_CONFIRMED', 'STATUS_CONFLICT');

  app.post(
    '/review/commitment',
    {
      schema: {
        summary: '上传项目主管部门诚信承诺书（PDF；新上传的替换当前的，旧的保留为历史）',
        description: `multipart/form-data：${FILE_FIELD}（PDF 文件）`,
        tags: ['review'],
        consumes: ['multipart/form-data'],
        querystring: callQuerySchema,
        response: {
          201: z.object({ commitment: commitmentSchema }),
          ...errorResponses('VALIDATION_FAILED', 'FILE_TOO_LARGE', 'FILE_NOT_PDF', 'PDF_MALFORMED'),
          ...closed,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      await commitments.assertUploadable(actor, request.query.callId);
      const form = await readMultipartForm(request, {
        schema: commitmentFormSchema,
        fileField: FILE_FIELD,
        maxFileBytes: documents.maxBytes,
        extension: '.pdf',
        receive: documents.stage.bind(documents),
      });
      const commitment = await commitments.upload(actor, request.query.callId, form.file);
      return reply.status(201).send({ commitment: presentCommitment(commitment) });
    },
  );

  app.get(
    '/review/commitment',
    {
      schema: {
        summary: '本部门的诚信承诺书：当前的一份（含 SHA-256 指纹）及历次上传',
        tags: ['review'],
        querystring: callQuerySchema,
        response: { 200: commitmentResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return presentCommitmentHistory(await commitments.list(actor, request.query.callId));
    },
  );

  app.get(
    '/review/commitments',
    {
      schema: {
        summary: '省厅：各主管部门推荐名单的确认情况及当前的诚信承诺书（含 SHA-256 指纹）',
        tags: ['review'],
        querystring: callQuerySchema,
        response: {
          200: commitmentOverviewResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const rows = await commitments.overview(actor, request.query.callId);
      return presentCommitmentOverview(request.query.callId, rows);
    },
  );

  app.get(
    '/review/commitments/:id/file',
    {
      schema: {
        summary: '下载诚信承诺书 PDF（本部门的任一版本，省厅可下载任何部门的；ETag 为 SHA-256 指纹）',
        tags: ['review'],
        produces: [PDF_MIME],
        params: commitmentParamsSchema,
        response: {
          200: fileResponse('PDF 文件'),
          304: notModifiedResponse,
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department', 'province');
      const { commitment, open } = await commitments.file(actor, request.params.id);
      return sendStoredFile(request, reply, PDF_MIME, commitment, open);
    },
  );
};
