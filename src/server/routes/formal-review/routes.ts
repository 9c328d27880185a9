import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { APPLICANT_ROLES } from '../../../contract/vocabulary.js';
import type { RouteDeps } from '../deps.js';
import { presentFormalReviewItem, presentProvinceResult } from '../../presenters/formal-review.js';
import {
  formalReviewBodySchema,
  formalReviewItemResponseSchema,
  formalReviewListQuerySchema,
  formalReviewListResponseSchema,
  provinceResultSchema,
} from '../../../contract/formal-review.js';

export const formalReviewRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { formalReview } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND', 'NOT_AT_PROVINCE');

  app.get(
    '/province/formal-review',
    {
      schema: {
        summary:
          '形式审查（信用审查）：主管部门已推荐并确认的申报书，附规则检查提示的理由（result=rejected 为不予受理名单）',
        tags: ['province'],
        querystring: formalReviewListQuerySchema,
        response: { 200: formalReviewListResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { items: (await formalReview.list(actor, request.query)).map(presentFormalReviewItem) };
    },
  );

  app.get(
    '/province/formal-review/:id',
    {
      schema: {
        summary: '一项申报书的形式审查结果与规则检查提示',
        tags: ['province'],
        params: idParamsSchema,
        response: { 200: formalReviewItemResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { item: presentFormalReviewItem(await formalReview.get(actor, request.params.id)) };
    },
  );

  app.put(
    '/province/formal-review/:id',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '记录形式审查结果：受理或不予受理（须写明理由）；作出立项决定前可以修改',
        tags: ['province'],
        params: idParamsSchema,
        body: formalReviewBodySchema,
        response: {
          200: formalReviewItemResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'FORMAL_REVIEW_LOCKED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return {
        item: presentFormalReviewItem(await formalReview.save(actor, request.params.id, request.body)),
      };
    },
  );

  app.get(
    '/applications/:id/province-result',
    {
      schema: {
        summary: '申报单位查看省里的形式审查结果及理由、公示立项情况（仅本单位管理员和项目负责人）',
        tags: ['applications'],
        params: idParamsSchema,
        response: { 200: provinceResultSchema, ...errorResponses('NOT_FOUND'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      return presentProvinceResult(await formalReview.resultFor(actor, request.params.id));
    },
  );
};
