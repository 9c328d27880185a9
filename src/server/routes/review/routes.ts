import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse, sendAttachment, XLSX_MIME } from '../../http/file-response.js';
import { summaryXlsxBuffer } from '../../io/summary-xlsx.js';
import { presentRefusal } from '../../presenters/errors.js';
import {
  presentChanges,
  presentConfirmation,
  presentQuota,
  presentReviewDetail,
  presentReviewItem,
  presentSummary,
} from '../../presenters/review.js';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import {
  callQuerySchema,
  changesResponseSchema,
  checklistBodySchema,
  checklistResponseSchema,
  confirmationsQuerySchema,
  confirmationsResponseSchema,
  confirmBodySchema,
  confirmRefusedSchema,
  confirmResponseSchema,
  ownConfirmationResponseSchema,
  decisionBodySchema,
  decisionRefusedSchema,
  quotaResponseSchema,
  returnBodySchema,
  reviewDetailResponseSchema,
  reviewListQuerySchema,
  reviewListResponseSchema,
  summaryQuerySchema,
  summaryResponseSchema,
} from '../../../contract/review.js';

// 项目主管部门审核推荐: the department's queue, decisions, 形式审查, its confirmed list and 汇总表.

export const reviewRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { review, departmentQuota, applications, reviewReports } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const closed = errorResponses('REVIEW_CLOSED', 'LIST_CONFIRMED', 'STATUS_CONFLICT');

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
      const named = await applications.namedWithin(
        actor,
        items.map((item) => item.row.id),
      );
      return { applications: items.map((item, i) => presentReviewItem(item, named[i]!)) };
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
      const [named] = await applications.namedWithin(actor, [detail.item.row.id]);
      return presentReviewDetail(detail, named!);
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
      return presentChanges(await review.changes(actor, request.params.id));
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
      const outcome = await departmentQuota.decide(actor, request.params.id, request.body);
      if (!outcome.ok) {
        const { code, status, message } = outcome.error;
        return reply
          .status(status as 409 | 422)
          .send(presentRefusal(code, { findings: outcome.findings }, message));
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
      await departmentQuota.undo(actor, request.params.id);
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
      return presentQuota(await departmentQuota.quota(actor, request.query.callId));
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
          ...errorResponses('VALIDATION_FAILED'),
          // REVIEW_CLOSED, LIST_CONFIRMED, COMMITMENT_MISSING; and with the applications concerned
          // DECISIONS_PENDING and RECOMMENDED_WITH_ERRORS.
          409: confirmRefusedSchema,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const outcome = await review.confirm(actor, request.body.callId);
      if (!outcome.ok) {
        const { code, message } = outcome.error;
        return reply.status(409).send(presentRefusal(code, { problems: outcome.problems }, message));
      }
      return reply.status(201).send({ confirmation: presentConfirmation(outcome.confirmation) });
    },
  );

  app.get(
    '/review/confirmation',
    {
      schema: {
        summary: '本部门是否已确认提交推荐名单（未确认时为 null）',
        tags: ['review'],
        querystring: callQuerySchema,
        response: { 200: ownConfirmationResponseSchema, ...errorResponses('CALL_NOT_FOUND'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const confirmation = await review.ownConfirmation(actor, request.query.callId);
      return { confirmation: confirmation && presentConfirmation(confirmation) };
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

  app.get(
    '/review/applications/:id/checklist',
    {
      schema: {
        summary: '形式审查：汇总表各判断栏的答复（未保存时由规则检查结果和申报书推得）',
        tags: ['review'],
        params: idParamsSchema,
        response: { 200: checklistResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return review.checklist(actor, request.params.id);
    },
  );

  app.put(
    '/review/applications/:id/checklist',
    {
      schema: {
        summary: '保存形式审查（本部门的申报书，确认提交和审核推荐截止之前）',
        tags: ['review'],
        params: idParamsSchema,
        body: checklistBodySchema,
        response: {
          200: checklistResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...closed,
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return review.saveChecklist(actor, request.params.id, request.body);
    },
  );

  app.get(
    '/review/summary',
    {
      schema: {
        summary: '推荐项目汇总表（打印视图用）：本部门（设区市含所辖县（市））推荐的项目，按推荐先后',
        tags: ['review'],
        querystring: summaryQuerySchema,
        response: { 200: summaryResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return presentSummary(await reviewReports.summary(actor, request.query));
    },
  );

  app.get(
    '/review/summary.xlsx',
    {
      schema: {
        summary: '下载推荐项目汇总表（xlsx）',
        tags: ['review'],
        produces: [XLSX_MIME],
        querystring: summaryQuerySchema,
        response: {
          200: fileResponse('xlsx 文件'),
          ...errorResponses('VALIDATION_FAILED'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const table = await reviewReports.summary(actor, request.query);
      return sendAttachment(reply, {
        mime: XLSX_MIME,
        fileName: `推荐项目汇总表-${table.header.departmentName}-${request.query.callId}.xlsx`,
        body: await summaryXlsxBuffer(table),
      });
    },
  );
};
