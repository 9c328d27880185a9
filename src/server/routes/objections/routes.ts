import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { FILE_FIELD, PDF_MIME } from '../../../contract/documents.js';
import {
  feedbackOverviewSchema,
  feedbackReleaseBodySchema,
  feedbackCandidateSchema,
  feedbackSettingBodySchema,
  feedbackSettingSchema,
  releasedOpinionsResponseSchema,
} from '../../../contract/feedback.js';
import {
  objectionCloseBodySchema,
  objectionDetailSchema,
  objectionEvidenceAddedSchema,
  objectionEvidenceFormSchema,
  objectionEvidenceParamsSchema,
  objectionFormSchema,
  objectionListQuerySchema,
  objectionListResponseSchema,
  objectionNoteBodySchema,
  objectionReceiptSchema,
  objectionReferenceParamsSchema,
} from '../../../contract/objections.js';
import { callIdParamsSchema } from '../../../contract/province-calls.js';
import { APPLICANT_ROLES } from '../../../contract/vocabulary.js';
import { fileResponse, notModifiedResponse, sendStoredFile } from '../../http/file-response.js';
import { readMultipartForm } from '../../http/multipart.js';
import {
  presentFeedbackCandidate,
  presentFeedbackOverview,
  presentObjectionDetail,
  presentObjectionReceipt,
  presentObjectionSummary,
  presentReleasedOpinion,
} from '../../presenters/objections.js';
import type { RouteDeps } from '../deps.js';

// 公示异议 (anyone, during the 公示 period; the province handles them) and 评审意见反馈 (issue 14 §6, §7).

export const objectionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  await app.register(multipart);

  const { objections, feedback, documents } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const upload = errorResponses('VALIDATION_FAILED', 'FILE_TOO_LARGE', 'FILE_NOT_PDF', 'PDF_MALFORMED');
  const pdfForm = {
    fileField: FILE_FIELD,
    maxFileBytes: documents.maxBytes,
    extension: '.pdf',
    receive: documents.stage.bind(documents),
  };
  const cooperation = { duties: { province: 'cooperation' as const } };

  app.post(
    '/public/announcements/:id/objections',
    {
      schema: {
        summary: '对公示项目提出异议（公开，无需登录；实名，公示期内）',
        description: `multipart/form-data：name、mobile 或 email（至少一项）、organization、acceptanceNo、grounds，可选 ${FILE_FIELD}（证明材料 PDF）`,
        tags: ['public'],
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: {
          201: objectionReceiptSchema,
          ...upload,
          ...errorResponses('OBJECTION_PERIOD_CLOSED', 'TOO_MANY_REQUESTS'),
          ...missing,
        },
      },
    },
    async (request, reply) => {
      const form = await readMultipartForm(request, { schema: objectionFormSchema, ...pdfForm });
      const receipt = await objections.file(request.params.id, form.fields, form.file, request.ip);
      return reply.status(201).send(presentObjectionReceipt(receipt));
    },
  );

  app.post(
    '/public/objections/:reference/evidence',
    {
      schema: {
        summary: '补充异议的证明材料（公开，凭提出异议时给出的凭证；公示期内）',
        description: `multipart/form-data：key（补充材料凭证）、${FILE_FIELD}（PDF）`,
        tags: ['public'],
        consumes: ['multipart/form-data'],
        params: objectionReferenceParamsSchema,
        response: {
          200: objectionEvidenceAddedSchema,
          ...upload,
          ...errorResponses('OBJECTION_PERIOD_CLOSED', 'TOO_MANY_REQUESTS'),
          ...missing,
        },
      },
    },
    async (request) => {
      const form = await readMultipartForm(request, { schema: objectionEvidenceFormSchema, ...pdfForm });
      return {
        evidenceCount: await objections.addEvidence(request.params.reference, form.fields.key, form.file),
      };
    },
  );

  app.get(
    '/province/objections',
    {
      schema: {
        summary: '公示异议：本计划收到的异议（编号、项目、状态、收到时间）',
        tags: ['province'],
        querystring: objectionListQuerySchema,
        response: {
          200: objectionListResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const list = await objections.list(actor, request.query.callId);
      return { objections: list.map(presentObjectionSummary) };
    },
  );

  app.get(
    '/province/objections/:id',
    {
      schema: {
        summary: '一件公示异议：异议人、理由、证明材料、调查情况和处理结论',
        tags: ['province'],
        params: idParamsSchema,
        response: { 200: objectionDetailSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentObjectionDetail(await objections.get(actor, request.params.id));
    },
  );

  app.get(
    '/province/objections/:id/evidence/:sha256',
    {
      schema: {
        summary: '下载异议的证明材料（PDF）',
        tags: ['province'],
        produces: [PDF_MIME],
        params: objectionEvidenceParamsSchema,
        response: { 200: fileResponse('PDF 文件'), 304: notModifiedResponse, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const { file, open } = await objections.evidenceFile(actor, request.params.id, request.params.sha256);
      return sendStoredFile(request, reply, PDF_MIME, file, open);
    },
  );

  const stepResponses = {
    200: objectionDetailSchema,
    ...errorResponses('VALIDATION_FAILED', 'STATUS_CONFLICT'),
    ...missing,
    ...denied,
  };

  app.post(
    '/province/objections/:id/register',
    {
      config: cooperation,
      schema: {
        summary: '受理公示异议',
        tags: ['province'],
        params: idParamsSchema,
        response: stepResponses,
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentObjectionDetail(await objections.register(actor, request.params.id));
    },
  );

  app.post(
    '/province/objections/:id/notes',
    {
      config: cooperation,
      schema: {
        summary: '记录公示异议的调查情况',
        tags: ['province'],
        params: idParamsSchema,
        body: objectionNoteBodySchema,
        response: stepResponses,
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentObjectionDetail(
        await objections.investigate(actor, request.params.id, request.body.note),
      );
    },
  );

  app.post(
    '/province/objections/:id/close',
    {
      config: cooperation,
      schema: {
        summary: '办结公示异议：异议成立或不成立；成立时可撤销该项目的立项（须填写理由）',
        tags: ['province'],
        params: idParamsSchema,
        body: objectionCloseBodySchema,
        response: stepResponses,
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentObjectionDetail(await objections.close(actor, request.params.id, request.body));
    },
  );

  app.get(
    '/province/calls/:id/feedback',
    {
      schema: {
        summary: '评审意见反馈：是否反馈，以及已公示项目的函评意见和已反馈内容',
        tags: ['province'],
        params: callIdParamsSchema,
        response: { 200: feedbackOverviewSchema, ...errorResponses('CALL_NOT_FOUND'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentFeedbackOverview(await feedback.overview(actor, request.params.id));
    },
  );

  app.put(
    '/province/calls/:id/feedback-setting',
    {
      config: cooperation,
      schema: {
        summary: '设置本计划是否向申报人反馈评审意见（默认不反馈）',
        tags: ['province'],
        params: callIdParamsSchema,
        body: feedbackSettingBodySchema,
        response: {
          200: feedbackSettingSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { enabled: await feedback.setEnabled(actor, request.params.id, request.body.enabled) };
    },
  );

  app.post(
    '/province/applications/:id/feedback',
    {
      config: cooperation,
      schema: {
        summary: '向申报人反馈评审意见：选定的函评意见（不含专家姓名和单位）和/或会评意见',
        tags: ['province'],
        params: idParamsSchema,
        body: feedbackReleaseBodySchema,
        response: {
          200: feedbackCandidateSchema,
          ...errorResponses('VALIDATION_FAILED', 'STATUS_CONFLICT', 'FEEDBACK_NOT_RELEASED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentFeedbackCandidate(await feedback.release(actor, request.params.id, request.body));
    },
  );

  app.get(
    '/applications/:id/feedback',
    {
      schema: {
        summary: '本项目已反馈的评审意见（专家意见一、二……，不含专家姓名）',
        tags: ['applications'],
        params: idParamsSchema,
        response: { 200: releasedOpinionsResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      const opinions = await feedback.released(actor, request.params.id);
      return { opinions: opinions.map(presentReleasedOpinion) };
    },
  );
};
