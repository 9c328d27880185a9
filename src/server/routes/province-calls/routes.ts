import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentAdminCall, presentCallParameters, presentCallVersion } from '../../presenters/call-admin.js';
import { errorResponses } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import {
  adminCallListSchema,
  adminCallSchema,
  callDetailSchema,
  callIdParamsSchema,
  callVersionsSchema,
  cloneBodySchema,
  deadlinesBodySchema,
} from '../../../contract/province-calls.js';

export const provinceCallRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { callAdmin, calls } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const refused = errorResponses('CALL_READ_ONLY', 'STATUS_CONFLICT');
  const tags = ['province-calls'];

  app.get(
    '/province/calls',
    {
      schema: {
        summary: '全部申报计划（含未开放的草稿）及其状态、时间窗口和版本号',
        tags,
        response: { 200: adminCallListSchema, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return { calls: (await callAdmin.list()).map(presentAdminCall) };
    },
  );

  app.get(
    '/province/calls/:id',
    {
      schema: {
        summary: '申报计划及各专题的参数：数值、依据条款和通知原文',
        tags,
        params: callIdParamsSchema,
        response: { 200: callDetailSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      const call = await calls.require(request.params.id);
      return { call: presentAdminCall(call), parameters: presentCallParameters(call.parameters) };
    },
  );

  app.get(
    '/province/calls/:id/versions',
    {
      schema: {
        summary: '申报计划的版本记录（最新在前）',
        tags,
        params: callIdParamsSchema,
        response: { 200: callVersionsSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return { versions: (await callAdmin.versions(request.params.id)).map(presentCallVersion) };
    },
  );

  app.post(
    '/province/calls/:id/open',
    {
      config: { duties: { province: 'admin' } },
      schema: {
        summary: '开放申报：草稿或已关闭的计划开始受理（网上填报截止时间须未到）',
        tags,
        params: callIdParamsSchema,
        response: { 200: adminCallSchema, ...refused, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentAdminCall(await callAdmin.open(actor, request.params.id));
    },
  );

  app.post(
    '/province/calls/:id/close',
    {
      config: { duties: { province: 'admin' } },
      schema: {
        summary: '关闭申报：不再新建或提交申报书；主管部门审核不受影响',
        tags,
        params: callIdParamsSchema,
        response: { 200: adminCallSchema, ...refused, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentAdminCall(await callAdmin.close(actor, request.params.id));
    },
  );

  app.put(
    '/province/calls/:id/deadlines',
    {
      config: { duties: { province: 'admin' } },
      schema: {
        summary: '修改三个截止时间（北京时间）：网上填报、主管部门审核推荐、纸质材料',
        tags,
        params: callIdParamsSchema,
        body: deadlinesBodySchema,
        response: {
          200: adminCallSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...refused,
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentAdminCall(await callAdmin.changeDeadlines(actor, request.params.id, request.body));
    },
  );

  app.post(
    '/province/calls/:id/clone',
    {
      config: { duties: { province: 'admin' } },
      schema: {
        summary: '复制为新年度计划：新编号、新名称、新截止时间，参数沿用；复制后为草稿，开放后申报单位才可见',
        tags,
        params: callIdParamsSchema,
        body: cloneBodySchema,
        response: {
          201: adminCallSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_ID_TAKEN'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const call = await callAdmin.clone(actor, request.params.id, request.body);
      return reply.status(201).send(presentAdminCall(call));
    },
  );
};
