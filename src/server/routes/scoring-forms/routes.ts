import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/common.js';
import { callQuerySchema } from '../../../contract/formal-review.js';
import {
  roundFormsResponseSchema,
  scoringFormBodySchema,
  scoringFormParamsSchema,
  scoringFormResponseSchema,
} from '../../../contract/scoring-forms.js';
import { presentRoundForms, presentScoringForm } from '../../presenters/scoring-forms.js';
import type { RouteDeps } from '../deps.js';

// 评分表 per review round and topic: read by any province account, saved (a new version) by 项目管理中心.

export const scoringFormRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { scoringForms } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');

  app.get(
    '/province/scoring-forms',
    {
      schema: {
        summary: '评分表：申报计划的各评审轮次，各专题当前版本及是否已锁定',
        tags: ['province'],
        querystring: callQuerySchema,
        response: { 200: roundFormsResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { rounds: (await scoringForms.rounds(actor, request.query.callId)).map(presentRoundForms) };
    },
  );

  app.get(
    '/province/scoring-forms/:roundId/:topic',
    {
      schema: {
        summary: '评分表：一个评审轮次一个专题的当前版本（未保存时为默认评分表，中心配置）与版本历史',
        tags: ['province'],
        params: scoringFormParamsSchema,
        response: {
          200: scoringFormResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { roundId, topic } = request.params;
      return { form: presentScoringForm(await scoringForms.get(actor, roundId, topic)) };
    },
  );

  app.put(
    '/province/scoring-forms/:roundId/:topic',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary:
          '保存评分表的新版本：评分项、权重、满分与各档说明、评分指引、对应申报书部分、评审意见最少字数；本轮该专题已有专家评分后不能再改',
        tags: ['province'],
        params: scoringFormParamsSchema,
        body: scoringFormBodySchema,
        response: {
          200: scoringFormResponseSchema,
          ...errorResponses(
            'VALIDATION_FAILED',
            'NOT_FOUND',
            'SCORING_FORM_LOCKED',
            'SCORING_FORM_UNCHANGED',
          ),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { roundId, topic } = request.params;
      return { form: presentScoringForm(await scoringForms.save(actor, roundId, topic, request.body)) };
    },
  );
};
