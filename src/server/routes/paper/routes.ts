import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import {
  correctReceiptBodySchema,
  paperCallQuerySchema,
  paperOwedResponseSchema,
  paperReceiptResponseSchema,
  paperRegisterQuerySchema,
  paperRegisterResponseSchema,
  recordReceiptBodySchema,
} from '../../../contract/paper.js';
import { APPLICANT_ROLES } from '../../../contract/vocabulary.js';
import { presentPaperOwed, presentPaperReceipt, presentPaperRegister } from '../../presenters/paper.js';
import type { RouteDeps } from '../deps.js';

// 纸质材料登记: the 项目管理中心 records receipts; departments and applicants see what they still owe.

export const paperRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { paper } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const invalid = errorResponses('VALIDATION_FAILED');
  const missing = errorResponses('NOT_FOUND');
  const callMissing = errorResponses('CALL_NOT_FOUND');

  app.get(
    '/province/paper',
    {
      schema: {
        summary: '纸质材料登记：本计划应收的纸质材料、收件情况与逾期（可按种类、状态、主管部门筛选）',
        tags: ['province'],
        querystring: paperRegisterQuerySchema,
        response: { 200: paperRegisterResponseSchema, ...invalid, ...callMissing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentPaperRegister(await paper.register(actor, request.query));
    },
  );

  app.post(
    '/province/paper/receipts',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '登记收到的纸质材料（收件时间、收件人、份数、备注）',
        tags: ['province'],
        body: recordReceiptBodySchema,
        response: { 201: paperReceiptResponseSchema, ...invalid, ...callMissing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const receipt = await paper.record(actor, request.body);
      const { parameters } = await services.calls.require(receipt.callId);
      return reply.status(201).send({ receipt: presentPaperReceipt(parameters, receipt) });
    },
  );

  app.post(
    '/province/paper/receipts/:id/correction',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '更正一条收件登记：新登记取代原登记，原登记保留为历史',
        tags: ['province'],
        params: idParamsSchema,
        body: correctReceiptBodySchema,
        response: { 201: paperReceiptResponseSchema, ...invalid, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const receipt = await paper.correct(actor, request.params.id, request.body);
      const { parameters } = await services.calls.require(receipt.callId);
      return reply.status(201).send({ receipt: presentPaperReceipt(parameters, receipt) });
    },
  );

  app.get(
    '/review/paper',
    {
      schema: {
        summary: '本部门应报送的纸质材料：部门材料、所推荐申报书的纸质材料、立项项目装订本，及收件情况',
        tags: ['review'],
        querystring: paperCallQuerySchema,
        response: { 200: paperOwedResponseSchema, ...invalid, ...callMissing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return presentPaperOwed(await paper.forDepartment(actor, request.query.callId));
    },
  );

  app.get(
    '/applications/paper',
    {
      schema: {
        summary: '本单位（或本人）申报书应提交的纸质材料及收件情况',
        tags: ['applications'],
        querystring: paperCallQuerySchema,
        response: { 200: paperOwedResponseSchema, ...invalid, ...callMissing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      return presentPaperOwed(await paper.forApplicant(actor, request.query.callId));
    },
  );
};
