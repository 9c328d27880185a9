import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  presentApplicationReview,
  presentAutoAssignOutcome,
  presentDeclaredConflict,
  presentExpert,
  presentExpertRecord,
  presentProvinceAssignment,
  presentReviewedList,
} from '../../presenters/experts.js';
import { presentRefusal } from '../../presenters/errors.js';
import { ERRORS } from '../../../contract/errors.js';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { provinceRoundRoutes } from './rounds.js';
import {
  assignBodySchema,
  assignmentResponseSchema,
  autoAssignBodySchema,
  autoAssignResponseSchema,
  conflictParamsSchema,
  conflictRefusedSchema,
  createExpertBodySchema,
  declareConflictBodySchema,
  declaredConflictSchema,
  expertListQuerySchema,
  expertListResponseSchema,
  expertResponseSchema,
  remindersResponseSchema,
  reviewedDetailResponseSchema,
  reviewedListQuerySchema,
  reviewedListResponseSchema,
  updateAssignmentBodySchema,
  updateExpertBodySchema,
} from '../../../contract/experts.js';

// 专家评审, the province's side: /api/province/experts/…, for the province only.

export const provinceExpertRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { services, guard } = deps;
  const { experts, expertScoring } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const invalid = errorResponses('VALIDATION_FAILED');
  const tags = ['experts'];

  app.get(
    '/province/experts',
    {
      schema: {
        summary: '专家库：专家、所在单位、领域、联系方式和评审任务数（q：按姓名、单位或领域搜索）',
        tags,
        querystring: expertListQuerySchema,
        response: { 200: expertListResponseSchema, ...invalid, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { experts: (await experts.list(actor, undefined, request.query.q)).map(presentExpert) };
    },
  );

  app.post(
    '/province/experts',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '新增专家，同时开通专家登录账号',
        tags,
        body: createExpertBodySchema,
        response: { 201: expertResponseSchema, ...invalid, ...errorResponses('LOGIN_TAKEN'), ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      return reply.status(201).send(presentExpertRecord(await experts.create(actor, request.body)));
    },
  );

  app.get(
    '/province/experts/applications',
    {
      schema: {
        summary: '已推荐的申报书：分配的专家、评分和汇总（均值、中位数、分差）',
        tags,
        querystring: reviewedListQuerySchema,
        response: { 200: reviewedListResponseSchema, ...invalid, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentReviewedList(await experts.applications(actor, request.query.callId, request.query.q));
    },
  );

  app.get(
    '/province/experts/applications/:id',
    {
      schema: {
        summary: '一项申报书的评审：已分配专家、可选专家（领域匹配与利益冲突）和评分表',
        tags,
        params: idParamsSchema,
        response: { 200: reviewedDetailResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentApplicationReview(await experts.application(actor, request.params.id));
    },
  );

  app.post(
    '/province/experts/applications/:id/assignments',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '分配专家：存在利益冲突的专家须填写理由才能分配（记入审计日志）',
        tags,
        params: idParamsSchema,
        body: assignBodySchema,
        response: {
          201: assignmentResponseSchema,
          409: conflictRefusedSchema,
          ...invalid,
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const outcome = await experts.assign(actor, request.params.id, request.body);
      if (!outcome.ok) {
        return reply
          .status(ERRORS.CONFLICT_OF_INTEREST.status)
          .send(presentRefusal('CONFLICT_OF_INTEREST', { conflicts: outcome.conflicts }));
      }
      return reply.status(201).send({ assignment: presentProvinceAssignment(outcome.assignment) });
    },
  );

  app.post(
    '/province/experts/auto-assign',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '自动分配：按领域匹配、负担均衡，为每项已推荐的申报书补足专家，回避利益冲突',
        tags,
        body: autoAssignBodySchema,
        response: { 200: autoAssignResponseSchema, ...invalid, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentAutoAssignOutcome(await experts.autoAssign(actor, request.body));
    },
  );

  app.patch(
    '/province/experts/assignments/:id',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '修改评审截止时间（专家提交评分之前）',
        tags,
        params: idParamsSchema,
        body: updateAssignmentBodySchema,
        response: {
          200: assignmentResponseSchema,
          ...errorResponses('SCORES_SUBMITTED'),
          ...invalid,
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const assignment = await experts.changeDue(actor, request.params.id, request.body.dueAt);
      return { assignment: presentProvinceAssignment(assignment) };
    },
  );

  app.delete(
    '/province/experts/assignments/:id',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '撤回分配（专家提交评分之前）',
        tags,
        params: idParamsSchema,
        response: { 204: z.null(), ...errorResponses('SCORES_SUBMITTED'), ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      await experts.unassign(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/province/experts/reminders',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '发送评审到期提醒：48 小时内到期且未提交的评审任务，每项只提醒一次',
        tags,
        response: { 200: remindersResponseSchema, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return { sent: await expertScoring.sendDueReminders() };
    },
  );

  app.get(
    '/province/experts/:id',
    {
      schema: {
        summary: '专家信息及其声明的回避',
        tags,
        params: idParamsSchema,
        response: { 200: expertResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentExpertRecord(await experts.detail(actor, request.params.id));
    },
  );

  app.put(
    '/province/experts/:id',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '修改专家信息；停用的专家不再分配评审任务、不再收到提醒',
        tags,
        params: idParamsSchema,
        body: updateExpertBodySchema,
        response: { 200: expertResponseSchema, ...invalid, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentExpertRecord(await experts.update(actor, request.params.id, request.body));
    },
  );

  app.post(
    '/province/experts/:id/conflicts',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '登记专家声明的回避：某单位（统一社会信用代码）或某项申报书，注明理由',
        tags,
        params: idParamsSchema,
        body: declareConflictBodySchema,
        response: { 201: z.object({ conflict: declaredConflictSchema }), ...invalid, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const conflict = await experts.declareConflict(actor, request.params.id, request.body);
      return reply.status(201).send({ conflict: presentDeclaredConflict(conflict) });
    },
  );

  app.delete(
    '/province/experts/:id/conflicts/:conflictId',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '删除专家声明的回避',
        tags,
        params: conflictParamsSchema,
        response: { 204: z.null(), ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      await experts.removeConflict(actor, request.params.id, request.params.conflictId);
      return reply.status(204).send(null);
    },
  );

  await provinceRoundRoutes(app, deps);
};
