import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema, noContentSchema } from '../../../contract/common.js';
import { APPLICANT_ROLES, USER_ROLES } from '../../../contract/vocabulary.js';
import {
  avoidedExpertBodySchema,
  avoidedExpertListSchema,
  avoidedExpertParamsSchema,
  avoidedExpertSchema,
} from '../../../contract/avoided-experts.js';
import { presentAvoidedExpert, presentAvoidedExperts } from '../../presenters/appeals.js';
import type { RouteDeps } from '../deps.js';

// 回避专家 (issue 14 §2): the applicant names them while the application is editable; whoever reads the
// application (never an expert) sees them.

export const avoidedExpertRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { avoidedExperts } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND');

  app.get(
    '/applications/:id/avoided-experts',
    {
      schema: {
        summary: '申请人要求回避的专家（申报单位、项目负责人、主管部门和省里可见，评审专家不可见）',
        tags: ['applications'],
        params: idParamsSchema,
        response: { 200: avoidedExpertListSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...USER_ROLES);
      return presentAvoidedExperts(await avoidedExperts.list(actor, request.params.id));
    },
  );

  app.post(
    '/applications/:id/avoided-experts',
    {
      schema: {
        summary: '添加一位要求回避的专家（姓名、所在单位、理由；不超过本计划允许的人数，申报书可修改时）',
        tags: ['applications'],
        params: idParamsSchema,
        body: avoidedExpertBodySchema,
        response: {
          201: avoidedExpertSchema,
          ...errorResponses('VALIDATION_FAILED', 'NOT_EDITABLE', 'AVOIDED_EXPERTS_FULL'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      const row = await avoidedExperts.add(actor, request.params.id, request.body);
      return reply.status(201).send(presentAvoidedExpert(row));
    },
  );

  app.delete(
    '/applications/:id/avoided-experts/:avoidedId',
    {
      schema: {
        summary: '删除一位要求回避的专家（申报书可修改时）',
        tags: ['applications'],
        params: avoidedExpertParamsSchema,
        response: { 204: noContentSchema, ...errorResponses('NOT_EDITABLE'), ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      await avoidedExperts.remove(actor, request.params.id, request.params.avoidedId);
      return reply.status(204).send(null);
    },
  );
};
