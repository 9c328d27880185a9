import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import {
  presentFindingsPage,
  presentPairDetail,
  presentPairsPage,
  presentRun,
  presentRunList,
} from '../../presenters/cross-checks.js';
import {
  callQuerySchema,
  findingsQuerySchema,
  findingsResponseSchema,
  pairDetailResponseSchema,
  pairsQuerySchema,
  pairsResponseSchema,
  runResponseSchema,
  runsResponseSchema,
  startRunBodySchema,
} from '../../../contract/cross-checks.js';

// 全省交叉核查: the province only; every other role is refused before anything is read.

export const crossCheckRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { crossChecks } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const invalid = errorResponses('VALIDATION_FAILED');
  const missing = errorResponses('NOT_FOUND');
  const tags = ['province'];

  app.post(
    '/province/cross-checks/runs',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '发起全省交叉核查（后台运行）；已有排队中的核查时返回该次',
        tags,
        body: startRunBodySchema,
        response: { 202: runResponseSchema, 200: runResponseSchema, ...invalid, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const { view, created } = await crossChecks.request(actor, request.body.callId);
      return reply.code(created ? 202 : 200).send({ run: presentRun(view) });
    },
  );

  app.get(
    '/province/cross-checks/runs',
    {
      schema: {
        summary: '本计划最近的全省交叉核查及当前结果所属的一次',
        tags,
        querystring: callQuerySchema,
        response: { 200: runsResponseSchema, ...invalid, ...missing, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return presentRunList(await crossChecks.runs(request.query.callId));
    },
  );

  app.get(
    '/province/cross-checks/runs/:id',
    {
      schema: {
        summary: '一次全省交叉核查的状态与进度',
        tags,
        params: idParamsSchema,
        response: { 200: runResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return { run: presentRun(await crossChecks.run(request.params.id)) };
    },
  );

  app.get(
    '/province/cross-checks/findings',
    {
      schema: {
        summary: '当前核查结果：全省各申报书的规则检查结果，可按规则、级别、主管部门、专题筛选',
        tags,
        querystring: findingsQuerySchema,
        response: { 200: findingsResponseSchema, ...invalid, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { callId, ...filter } = request.query;
      return presentFindingsPage(await crossChecks.findings(actor, callId, filter));
    },
  );

  app.get(
    '/province/cross-checks/pairs',
    {
      schema: {
        summary: '相似度报告：全部申报书与外部门申报项目中重合度达到报告阈值的成对项目',
        tags,
        querystring: pairsQuerySchema,
        response: { 200: pairsResponseSchema, ...invalid, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { callId, ...filter } = request.query;
      return presentPairsPage(await crossChecks.pairs(actor, callId, filter));
    },
  );

  app.get(
    '/province/cross-checks/pairs/:id',
    {
      schema: {
        summary: '一对相似项目并排对照，重合文字高亮',
        tags,
        params: idParamsSchema,
        response: { 200: pairDetailResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentPairDetail(await crossChecks.pair(actor, request.params.id));
    },
  );
};
