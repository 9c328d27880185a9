import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentSchema } from '../../../contract/common.js';
import {
  callDiffResponseSchema,
  callDocumentParamsSchema,
  callDocumentResponseSchema,
  callDocumentVersionParamsSchema,
  callPreviewResponseSchema,
  createCallBodySchema,
  previewCallDocumentBodySchema,
  saveCallDocumentBodySchema,
} from '../../../contract/call-documents.js';
import { presentCallDocument, presentCallPreview } from '../../presenters/call-documents.js';
import type { RouteDeps } from '../deps.js';

// The province's call editor (issue 15 §2): the call's parameters as a document, its versions' diffs, a preview
// of a change on every application, import as a new draft, and deletion of a call nothing names.
export const callDocumentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { callDocuments } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('CALL_NOT_FOUND');
  const tags = ['province-calls'];
  const admin = { duties: { province: 'admin' as const } };

  app.get(
    '/province/calls/:id/document',
    {
      schema: {
        summary: '申报计划的参数文件（shenbao.call/1）、版本号、是否已有申报书、是否只读，及本计划用到的规则',
        tags,
        params: callDocumentParamsSchema,
        response: { 200: callDocumentResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return presentCallDocument(await callDocuments.get(request.params.id));
    },
  );

  app.put(
    '/province/calls/:id/document',
    {
      config: admin,
      schema: {
        summary: '保存计划参数为新版本：须基于最新版本（baseVersion），否则答 409；每处问题按字段路径返回',
        tags,
        params: callDocumentParamsSchema,
        body: saveCallDocumentBodySchema,
        response: {
          200: callDocumentResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_VERSION_CONFLICT', 'CALL_READ_ONLY'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentCallDocument(await callDocuments.save(actor, request.params.id, request.body));
    },
  );

  app.post(
    '/province/calls/:id/document/preview',
    {
      config: admin,
      schema: {
        summary: '预览参数修改：与已保存版本的差异，及每份已有申报书的审查结果将如何变化（不保存）',
        tags,
        params: callDocumentParamsSchema,
        body: previewCallDocumentBodySchema,
        response: {
          200: callPreviewResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return presentCallPreview(await callDocuments.preview(request.params.id, request.body.document));
    },
  );

  app.get(
    '/province/calls/:id/versions/:version/diff',
    {
      schema: {
        summary: '某一版本与上一版本相比的变化：参数名称、修改前后的值和依据条款',
        tags,
        params: callDocumentVersionParamsSchema,
        response: {
          200: callDiffResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      const { id, version } = request.params;
      return { version, ...(await callDocuments.diff(id, version)) };
    },
  );

  app.post(
    '/province/calls',
    {
      config: admin,
      schema: {
        summary: '由参数文件（shenbao.call/1）新建申报计划，新建后为草稿',
        tags,
        body: createCallBodySchema,
        response: {
          201: callDocumentResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_ID_TAKEN'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const view = await callDocuments.create(actor, request.body.document);
      return reply.status(201).send(presentCallDocument(view));
    },
  );

  app.delete(
    '/province/calls/:id',
    {
      config: admin,
      schema: {
        summary: '删除申报计划：已有申报书或只读的计划不能删除',
        tags,
        params: callDocumentParamsSchema,
        response: {
          204: noContentSchema,
          ...errorResponses('CALL_IN_USE', 'CALL_READ_ONLY'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      await callDocuments.delete(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
