import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import {
  contractBasicsBodySchema,
  contractConfirmBodySchema,
  contractListResponseSchema,
  contractResponseSchema,
  contractSignBodySchema,
} from '../../../contract/contracts.js';
import { callQuerySchema } from '../../../contract/formal-review.js';
import { APPLICANT_ROLES } from '../../../contract/vocabulary.js';
import { fileResponse, sendAttachment, XLSX_MIME } from '../../http/file-response.js';
import { PDF_MIME } from '../../../contract/documents.js';
import { presentContract } from '../../presenters/contracts.js';
import type { RouteDeps } from '../deps.js';

// 立项通知书, 合同签订 and 已签约, and the approved list for finance (issue 14 §9).

export const contractRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { contracts } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');

  app.get(
    '/province/contracts',
    {
      schema: {
        summary: '合同签订：已公示立项的项目，项目编号、各步骤及所缺内容、任务书与申报书的差异',
        tags: ['province'],
        querystring: callQuerySchema,
        response: { 200: contractListResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { items } = await contracts.list(actor, request.query.callId);
      return { items: items.map(presentContract) };
    },
  );

  app.get(
    '/province/contracts/approved-list.xlsx',
    {
      schema: {
        summary: '下载立项项目清单（财务用，xlsx）：项目编号、承担单位、资助经费（万元）、执行期、合同状态',
        tags: ['province'],
        produces: [XLSX_MIME],
        querystring: callQuerySchema,
        response: { 200: fileResponse('xlsx 文件'), ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const file = await contracts.approvedList(actor, request.query.callId);
      return sendAttachment(reply, { mime: XLSX_MIME, ...file });
    },
  );

  app.get(
    '/province/contracts/:id',
    {
      schema: {
        summary: '一个项目的合同签订情况',
        tags: ['province'],
        params: idParamsSchema,
        response: { 200: contractResponseSchema, ...errorResponses('NOT_FOUND'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { contract: presentContract(await contracts.get(actor, request.params.id)) };
    },
  );

  app.put(
    '/province/contracts/:id/basics',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary: '调整任务书的考核指标与经费预算（承担单位确认后调整须重新确认）',
        tags: ['province'],
        params: idParamsSchema,
        body: contractBasicsBodySchema,
        response: {
          200: contractResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'STATUS_CONFLICT', 'NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { contract: presentContract(await contracts.adjust(actor, request.params.id, request.body)) };
    },
  );

  app.post(
    '/province/contracts/:id/sign',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary:
          '签约：任务书已确认、正式合作协议已上传、纸质装订本已收件后，登记项目开始日期；项目列入在研项目名录',
        tags: ['province'],
        params: idParamsSchema,
        body: contractSignBodySchema,
        response: {
          200: contractResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'CONTRACT_INCOMPLETE', 'STATUS_CONFLICT', 'NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { contract: presentContract(await contracts.sign(actor, request.params.id, request.body)) };
    },
  );

  app.get(
    '/applications/:id/award-notice',
    {
      schema: {
        summary: '下载立项通知书（PDF）：省里与承担单位（含项目负责人）',
        tags: ['applications'],
        produces: [PDF_MIME],
        params: idParamsSchema,
        response: { 200: fileResponse('PDF 文件'), ...errorResponses('NOT_FOUND'), ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province', ...APPLICANT_ROLES);
      const { fileName, bytes } = await contracts.notice(actor, request.params.id);
      return sendAttachment(reply, { mime: PDF_MIME, fileName, body: Buffer.from(bytes) });
    },
  );

  app.get(
    '/applications/:id/contract',
    {
      schema: {
        summary: '承担单位查看合同签订：任务书与申报书的差异、各步骤（单位管理员、联系人和项目负责人）',
        tags: ['applications'],
        params: idParamsSchema,
        response: { 200: contractResponseSchema, ...errorResponses('NOT_FOUND'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      return { contract: presentContract(await contracts.forApplicant(actor, request.params.id)) };
    },
  );

  app.post(
    '/applications/:id/contract/confirm',
    {
      schema: {
        summary: '承担单位管理员确认任务书（所见版本）',
        tags: ['applications'],
        params: idParamsSchema,
        body: contractConfirmBodySchema,
        response: {
          200: contractResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'STATUS_CONFLICT', 'NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'unit-admin');
      return { contract: presentContract(await contracts.confirm(actor, request.params.id, request.body)) };
    },
  );
};
