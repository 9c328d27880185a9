import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import {
  createRoundBodySchema,
  inviteBodySchema,
  inviteResponseSchema,
  reassignBodySchema,
  reassignResponseSchema,
  roundDetailResponseSchema,
  roundListQuerySchema,
  roundListResponseSchema,
  roundResponseSchema,
  vacancyListQuerySchema,
  vacancyListResponseSchema,
} from '../../../contract/review-rounds.js';
import {
  presentProvinceInvitation,
  presentRound,
  presentRoundDetail,
  presentReassignment,
  presentVacancy,
} from '../../presenters/review-rounds.js';
import type { RouteDeps } from '../deps.js';

// 评审轮次和邀请, the province's side: /api/province/review-rounds/… and the vacancies of /api/province/experts/….

export const provinceRoundRoutes: FastifyPluginAsyncZod<RouteDeps> = async (api, { services, guard }) => {
  const { reviewRounds } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const invalid = errorResponses('VALIDATION_FAILED');
  const tags = ['experts'];

  api.get(
    '/province/review-rounds',
    {
      schema: {
        summary: '评审轮次（函评、专家论证）及各轮邀请的答复情况',
        tags,
        querystring: roundListQuerySchema,
        response: { 200: roundListResponseSchema, ...invalid, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { rounds: (await reviewRounds.list(actor, request.query.callId)).map(presentRound) };
    },
  );

  api.post(
    '/province/review-rounds',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary:
          '新建评审轮次：评审方式、名称、邀请答复截止时间（不填按计划配置的天数）和评分截止时间（北京时间）',
        tags,
        body: createRoundBodySchema,
        response: { 201: roundResponseSchema, ...invalid, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      return reply.status(201).send({ round: presentRound(await reviewRounds.create(actor, request.body)) });
    },
  );

  api.get(
    '/province/review-rounds/:id',
    {
      schema: {
        summary: '评审轮次：邀请的专家、答复状态、谢绝理由和声明的利益冲突',
        tags,
        params: idParamsSchema,
        response: { 200: roundDetailResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentRoundDetail(await reviewRounds.detail(actor, request.params.id));
    },
  );

  api.post(
    '/province/review-rounds/:id/invitations',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '邀请专家参加本轮评审（已邀请的专家不重复邀请）；专家须在截止时间前接受或谢绝',
        tags,
        params: idParamsSchema,
        body: inviteBodySchema,
        response: { 200: inviteResponseSchema, ...invalid, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { invited, alreadyInvited } = await reviewRounds.invite(actor, request.params.id, request.body);
      return { invited: invited.map(presentProvinceInvitation), alreadyInvited };
    },
  );

  api.get(
    '/province/experts/vacancies',
    {
      schema: {
        summary: '待重新分配专家的项目：因专家谢绝、邀请逾期或声明利益冲突而缺少评审专家',
        tags,
        querystring: vacancyListQuerySchema,
        response: { 200: vacancyListResponseSchema, ...invalid, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { vacancies: (await reviewRounds.vacancies(actor, request.query.callId)).map(presentVacancy) };
    },
  );

  api.post(
    '/province/experts/vacancies/:id/reassign',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '一键重新分配：选取无利益冲突、未谢绝本轮邀请、领域匹配且任务最少的专家，并发出邀请',
        tags,
        params: idParamsSchema,
        body: reassignBodySchema,
        response: {
          201: reassignResponseSchema,
          ...errorResponses('NO_EXPERT_AVAILABLE', 'VACANCY_FILLED', 'NOT_REVIEWABLE'),
          ...invalid,
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const result = await reviewRounds.reassign(actor, request.params.id, request.body ?? {});
      return reply.status(201).send(presentReassignment(result));
    },
  );
};
