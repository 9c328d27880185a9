import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toBeijingIso } from '../../../core/time.js';
import { presentEvent } from '../../presenters/applications.js';
import { presentDocument } from '../../presenters/documents.js';
import { presentConfirmation, presentReviewItem } from '../../presenters/review.js';
import type { ReviewItem } from '../../services/review.js';
import { errorResponses, idParamsSchema } from '../common/schema.js';
import type { RouteDeps } from '../deps.js';
import {
  callQuerySchema,
  changesResponseSchema,
  confirmationsQuerySchema,
  confirmationsResponseSchema,
  confirmBodySchema,
  confirmResponseSchema,
  decisionBodySchema,
  decisionRefusedSchema,
  quotaResponseSchema,
  returnBodySchema,
  reviewDetailResponseSchema,
  reviewListQuerySchema,
  reviewListResponseSchema,
} from './schema.js';

export const reviewRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { review, applications } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const closed = errorResponses('REVIEW_CLOSED', 'LIST_CONFIRMED', 'STATUS_CONFLICT');
  const present = async (items: ReviewItem[]) => {
    const named = new Map(
      (await Promise.all(items.map((i) => applications.named(i.row.id)))).map((n) => [n.id, n]),
    );
    return items.map((item) => presentReviewItem(item, named.get(item.row.id)!));
  };

  app.get(
    '/review/applications',
    {
      schema: {
        summary: '主管部门收到的申报书（设区市含所辖县（市），只读）及规则检查结果',
        tags: ['review'],
        querystring: reviewListQuerySchema,
        response: { 200: reviewListResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const items = await review.list(actor, request.query);
      return { applications: await present(items) };
    },
  );

  app.get(
    '/review/applications/:id',
    {
      schema: {
        summary: '审核：申报书、规则检查结果、附件和办理记录（只读）',
        tags: ['review'],
        params: idParamsSchema,
        response: { 200: reviewDetailResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const detail = await review.detail(actor, request.params.id);
      return {
        item: (await present([detail.item]))[0]!,
        documents: detail.documents.map(presentDocument),
        events: detail.events.map(presentEvent),
        reviewClosesAt: toBeijingIso(detail.reviewClosesAt.getTime()),
        confirmed: detail.confirmed,
      };
    },
  );

  app.get(
    '/review/applications/:id/changes',
    {
      schema: {
        summary: '最近两次提交之间的修改：表单逐项、附件增删替换',
        tags: ['review'],
        params: idParamsSchema,
        response: { 200: changesResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return review.changes(actor, request.params.id);
    },
  );

  app.post(
    '/review/applications/:id/return',
    {
      schema: {
        summary: '退回修改：注明理由；申报单位可在主管部门审核推荐截止前修改后重新提交',
        tags: ['review'],
        params: idParamsSchema,
        body: returnBodySchema,
        response: { 204: z.null(), ...errorResponses('VALIDATION_FAILED'), ...closed, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      await review.returnForRevision(actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/review/applications/:id/decision',
    {
      schema: {
        summary: '推荐或不推荐：推荐须无错误、在限额之内，且在主管部门审核推荐截止之前',
        tags: ['review'],
        params: idParamsSchema,
        body: decisionBodySchema,
        response: {
          204: z.null(),
          409: decisionRefusedSchema,
          422: decisionRefusedSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const outcome = await review.decide(actor, request.params.id, request.body);
      if (!outcome.ok) {
        return reply.status(outcome.error.status as 409 | 422).send({
          error: { code: outcome.error.code, message: outcome.error.message },
          findings: outcome.findings,
        });
      }
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/review/applications/:id/undo',
    {
      schema: {
        summary: '撤销推荐决定（确认提交之前）',
        tags: ['review'],
        params: idParamsSchema,
        response: { 204: z.null(), ...closed, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      await review.undo(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/review/quota',
    {
      schema: {
        summary:
          '推荐限额：专题四、五已用与限额（设区市含所辖县（市）），单独推荐名额，专题二每家高校、科研机构申报数',
        tags: ['review'],
        querystring: callQuerySchema,
        response: { 200: quotaResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const quota = await review.quota(actor, request.query.callId);
      return {
        ...quota,
        holder: { id: quota.holder.id, name: quota.holder.name, kind: quota.holder.kind },
      };
    },
  );

  app.post(
    '/review/confirm',
    {
      schema: {
        summary: '网上确认提交本部门推荐名单：此后一律不予退回，不能再推荐或撤销',
        tags: ['review'],
        body: confirmBodySchema,
        response: {
          201: confirmResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'REVIEW_CLOSED', 'LIST_CONFIRMED', 'DECISIONS_PENDING'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const confirmation = await review.confirm(actor, request.body.callId);
      return reply.status(201).send({ confirmation: presentConfirmation(confirmation) });
    },
  );

  app.get(
    '/review/confirmations',
    {
      schema: {
        summary: '省厅：各主管部门已确认提交的推荐名单',
        tags: ['review'],
        querystring: confirmationsQuerySchema,
        response: { 200: confirmationsResponseSchema, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return {
        confirmations: (await review.confirmations(request.query.callId)).map(presentConfirmation),
      };
    },
  );
};
