import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { presentContractItem, presentDecisionItem } from '../../presenters/decisions.js';
import { callQuerySchema } from '../../../contract/formal-review.js';
import {
  contractListResponseSchema,
  decisionBodySchema,
  decisionItemResponseSchema,
  decisionListQuerySchema,
  decisionListResponseSchema,
} from '../../../contract/decisions.js';

export const decisionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { decisions, panels } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND', 'NOT_AT_PROVINCE');

  app.get(
    '/province/decisions',
    {
      schema: {
        summary: '立项决定：形式审查受理的项目，附本专题资助上限（申报计划参数）与已作出的决定',
        tags: ['province'],
        querystring: decisionListQuerySchema,
        response: { 200: decisionListResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { call, items } = await decisions.list(actor, request.query.callId, request.query.q);
      const compared = await panels.comparisons(call.row.id);
      return { items: items.map((item) => presentDecisionItem(call, item, compared)) };
    },
  );

  app.put(
    '/province/decisions/:id',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary:
          '立项或不予立项（写明理由）；立项资助经费不超过本专题上限和申请的省资助经费；公示发布前可修改',
        tags: ['province'],
        params: idParamsSchema,
        body: decisionBodySchema,
        response: {
          200: decisionItemResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'NOT_ACCEPTED', 'FUNDING_OVER_CAP'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { call, item } = await decisions.decide(actor, request.params.id, request.body);
      return { item: presentDecisionItem(call, item, await panels.comparisons(call.row.id)) };
    },
  );

  app.post(
    '/province/decisions/:id/undo',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary: '撤销立项决定（公示发布前）',
        tags: ['province'],
        params: idParamsSchema,
        response: {
          200: decisionItemResponseSchema,
          ...errorResponses('DECISIONS_LOCKED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { call, item } = await decisions.undo(actor, request.params.id);
      return { item: presentDecisionItem(call, item, await panels.comparisons(call.row.id)) };
    },
  );

  app.get(
    '/province/decisions/contracts',
    {
      schema: {
        summary: '已公示立项的项目与合同签订：仅有合作意向书的项目是否已上传正式合作协议',
        tags: ['province'],
        querystring: callQuerySchema,
        response: { 200: contractListResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { items: (await decisions.contracts(actor, request.query.callId)).map(presentContractItem) };
    },
  );

  app.post(
    '/province/decisions/:id/contract-stage',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary: '进入合同签订：公示期满后；申报时仅有合作意向书的项目须先上传正式合作协议',
        tags: ['province'],
        params: idParamsSchema,
        response: {
          200: decisionItemResponseSchema,
          ...errorResponses('FORMAL_AGREEMENT_MISSING', 'STATUS_CONFLICT'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { call, item } = await decisions.enterContractStage(actor, request.params.id);
      return { item: presentDecisionItem(call, item, await panels.comparisons(call.row.id)) };
    },
  );
};
