import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { PDF_MIME } from '../../../contract/documents.js';
import { APPLICANT_ROLES, USER_ROLES } from '../../../contract/vocabulary.js';
import {
  APPEAL_FILE_FIELD,
  appealDecisionBodySchema,
  appealEvidenceParamsSchema,
  appealFormSchema,
  appealParamsSchema,
  appealResponseSchema,
  applicantAppealsSchema,
  provinceAppealListQuerySchema,
  provinceAppealListSchema,
  provinceAppealResponseSchema,
} from '../../../contract/appeals.js';
import { fileResponse, notModifiedResponse, sendStoredFile } from '../../http/file-response.js';
import { readMultipartForm } from '../../http/multipart.js';
import { AppError } from '../../errors.js';
import { presentAppeal, presentApplicantAppeals, presentProvinceAppeal } from '../../presenters/appeals.js';
import type { RouteDeps } from '../deps.js';

// 复核 of 不予受理 (issue 14 §8): the applicant files within the window with reasons and evidence PDFs (checked
// and bounded like every upload, before the body is read); the province (项目管理中心) lists and decides.

export const appealRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  await app.register(multipart);
  const { appeals, documents } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND');
  const refusedFile = errorResponses('VALIDATION_FAILED', 'FILE_TOO_LARGE', 'FILE_NOT_PDF', 'PDF_MALFORMED');
  const receive = {
    fileField: APPEAL_FILE_FIELD,
    maxFileBytes: documents.maxBytes,
    extension: '.pdf',
    receive: documents.stage.bind(documents),
  };

  app.get(
    '/applications/:id/appeals',
    {
      schema: {
        summary: '申报单位查看不予受理的复核期限、可否申请复核及复核结果',
        tags: ['applications'],
        params: idParamsSchema,
        response: { 200: applicantAppealsSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      return presentApplicantAppeals(await appeals.forApplicant(actor, request.params.id));
    },
  );

  app.post(
    '/applications/:id/appeals',
    {
      schema: {
        summary: '对不予受理申请复核（须在期限内，写明理由，可附一份 PDF 证明材料，其余可随后补充）',
        description: 'multipart/form-data：reasons（复核理由）；file（可选，PDF 证明材料）',
        tags: ['applications'],
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: {
          201: appealResponseSchema,
          ...refusedFile,
          ...errorResponses(
            'APPEAL_NOT_ALLOWED',
            'APPEAL_WINDOW_CLOSED',
            'APPEAL_ALREADY_OPEN',
            'APPEAL_DECIDED',
          ),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      await appeals.assertMayFile(actor, request.params.id);
      const form = await readMultipartForm(request, { schema: appealFormSchema, ...receive });
      const { appeal, window } = await appeals.file(actor, request.params.id, form.fields, form.file);
      return reply.status(201).send({ appeal: presentAppeal(appeal, window) });
    },
  );

  app.post(
    '/appeals/:id/evidence',
    {
      schema: {
        summary: '为待复核的申请补充一份 PDF 证明材料（复核期限内）',
        description: 'multipart/form-data：file（PDF 证明材料）',
        tags: ['applications'],
        consumes: ['multipart/form-data'],
        params: appealParamsSchema,
        response: {
          201: applicantAppealsSchema,
          ...refusedFile,
          ...errorResponses('APPEAL_DECIDED', 'APPEAL_WINDOW_CLOSED', 'APPEAL_EVIDENCE_FULL'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      await appeals.assertMayAddEvidence(actor, request.params.id);
      const form = await readMultipartForm(request, { schema: z.object({}), ...receive });
      if (!form.file) {
        throw AppError.invalidField(APPEAL_FILE_FIELD, '证明材料：请选择 PDF 文件');
      }
      const appeal = await appeals.addEvidence(actor, request.params.id, form.file);
      return reply
        .status(201)
        .send(presentApplicantAppeals(await appeals.forApplicant(actor, appeal.applicationId)));
    },
  );

  app.get(
    '/appeals/:id/evidence/:index',
    {
      schema: {
        summary: '下载复核申请的证明材料（申报单位、主管部门和省里可见）',
        tags: ['applications'],
        produces: [PDF_MIME],
        params: appealEvidenceParamsSchema,
        response: {
          200: fileResponse('PDF 文件'),
          304: notModifiedResponse,
          ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND'),
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...USER_ROLES);
      const { evidence, open } = await appeals.evidence(actor, request.params.id, request.params.index);
      return sendStoredFile(
        request,
        reply,
        PDF_MIME,
        { fileSha256: evidence.sha256, size: evidence.size, fileName: evidence.fileName },
        open,
      );
    },
  );

  app.get(
    '/province/appeals',
    {
      schema: {
        summary: '不予受理的复核申请（含复核期限和状态；status 可筛选）',
        tags: ['province'],
        querystring: provinceAppealListQuerySchema,
        response: {
          200: provinceAppealListSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { appeals: (await appeals.list(actor, request.query)).map(presentProvinceAppeal) };
    },
  );

  app.get(
    '/province/appeals/:id',
    {
      schema: {
        summary: '一项复核申请',
        tags: ['province'],
        params: appealParamsSchema,
        response: { 200: provinceAppealResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { appeal: presentProvinceAppeal(await appeals.get(actor, request.params.id)) };
    },
  );

  app.post(
    '/province/appeals/:id/decision',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '作出复核结论：予以受理（形式审查结果改为受理）或维持不予受理（须写明理由）',
        tags: ['province'],
        params: appealParamsSchema,
        body: appealDecisionBodySchema,
        response: {
          200: provinceAppealResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'APPEAL_DECIDED', 'FORMAL_REVIEW_LOCKED', 'NOT_AT_PROVINCE'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { appeal: presentProvinceAppeal(await appeals.decide(actor, request.params.id, request.body)) };
    },
  );
};
