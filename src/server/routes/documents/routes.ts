import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse, notModifiedResponse, sendStoredFile } from '../../http/file-response.js';
import { readMultipartForm } from '../../http/multipart.js';
import { presentDocument } from '../../presenters/documents.js';
import { APPLICANT_ROLES, USER_ROLES } from '../../../contract/vocabulary.js';
import { errorResponses, idParamsSchema, noContentSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import {
  applicationDocumentParamsSchema,
  documentChangesSchema,
  documentListResponseSchema,
  documentParamsSchema,
  documentResponseSchema,
  FILE_FIELD,
  listDocumentsQuerySchema,
  patchDocumentBodySchema,
  PDF_MIME,
  uploadDocumentFormSchema,
} from '../../../contract/documents.js';

const FORM_FIELDS =
  '表单字段：kind（附件类型）、parties（签署方，可重复）、signedOn、validUntil（YYYY-MM-DD）、language（zh 或 foreign）、' +
  'chineseTranslation 以及 complete.signatures、complete.seals、complete.dates、complete.representatives、' +
  'complete.duties、complete.ipClause（true 或 false）';

export const documentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  await app.register(multipart);

  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND');
  const refusedFile = errorResponses(
    'VALIDATION_FAILED',
    'NOT_EDITABLE',
    'FILE_TOO_LARGE',
    'FILE_NOT_PDF',
    'PDF_MALFORMED',
  );
  const { documents } = services;
  const receive = {
    fileField: FILE_FIELD,
    maxFileBytes: documents.maxBytes,
    extension: '.pdf',
    receive: documents.stage.bind(documents),
  };

  app.get(
    '/applications/:id/documents',
    {
      schema: {
        summary: '申报书的附件（history=1 时含被替换、删除的历史版本）',
        tags: ['documents'],
        params: idParamsSchema,
        querystring: listDocumentsQuerySchema,
        response: { 200: documentListResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...USER_ROLES);
      const list = await documents.list(actor, request.params.id, request.query.history);
      return { documents: list.map(presentDocument) };
    },
  );

  app.post(
    '/applications/:id/documents',
    {
      schema: {
        summary: '上传附件（PDF）',
        description: `multipart/form-data：file（PDF 文件）；${FORM_FIELDS}`,
        tags: ['documents'],
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: documentResponseSchema, ...refusedFile, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      await documents.assertEditable(actor, request.params.id);
      const form = await readMultipartForm(request, { schema: uploadDocumentFormSchema, ...receive });
      const document = await documents.upload(actor, request.params.id, form.fields, form.file);
      return reply.status(201).send({ document: presentDocument(document) });
    },
  );

  app.put(
    '/applications/:id/documents/:docId',
    {
      schema: {
        summary: '替换附件的文件和/或信息（旧版本保留为历史）',
        description: `multipart/form-data：file（可选，新的 PDF 文件）；${FORM_FIELDS}。提交了信息字段时整体替换原信息，否则保留原信息`,
        tags: ['documents'],
        consumes: ['multipart/form-data'],
        params: applicationDocumentParamsSchema,
        response: { 200: documentResponseSchema, ...refusedFile, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      const { id, docId } = request.params;
      await documents.assertEditable(actor, id);
      const form = await readMultipartForm(request, { schema: documentChangesSchema, ...receive });
      return { document: presentDocument(await documents.replace(actor, id, docId, form.fields, form.file)) };
    },
  );

  app.patch(
    '/applications/:id/documents/:docId',
    {
      schema: {
        summary: '修改附件信息（旧版本保留为历史）',
        tags: ['documents'],
        params: applicationDocumentParamsSchema,
        body: patchDocumentBodySchema,
        response: {
          200: documentResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'NOT_EDITABLE'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      const { id, docId } = request.params;
      return { document: presentDocument(await documents.update(actor, id, docId, request.body)) };
    },
  );

  app.delete(
    '/applications/:id/documents/:docId',
    {
      schema: {
        summary: '删除附件（保留为历史版本）',
        tags: ['documents'],
        params: applicationDocumentParamsSchema,
        response: { 204: noContentSchema, ...errorResponses('NOT_EDITABLE'), ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      await documents.remove(actor, request.params.id, request.params.docId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/documents/:docId/file',
    {
      schema: {
        summary: '下载附件的 PDF 文件（ETag 为 SHA-256 指纹）',
        tags: ['documents'],
        produces: [PDF_MIME],
        params: documentParamsSchema,
        response: {
          200: fileResponse('PDF 文件'),
          304: notModifiedResponse,
          ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND'),
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...USER_ROLES);
      const { document, open } = await documents.file(actor, request.params.docId);
      return sendStoredFile(request, reply, PDF_MIME, document, open);
    },
  );
};
