import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { applicationDocumentParamsSchema, PDF_MIME } from '../../../contract/documents.js';
import { fileResponse, notModifiedResponse, sendStoredFile } from '../../http/file-response.js';
import type { RouteDeps } from '../deps.js';
import {
  expertFileName,
  presentExpertDocument,
  presentMyAssignment,
  presentMyAssignmentDetail,
  presentNotification,
} from '../../presenters/expert.js';
import {
  expertDocumentsResponseSchema,
  myAssignmentResponseSchema,
  myAssignmentSchema,
  myAssignmentsResponseSchema,
  notificationSchema,
  notificationsResponseSchema,
  recusalBodySchema,
  scoresBodySchema,
} from '../../../contract/expert.js';
import { z } from 'zod';
import {
  acceptInvitationBodySchema,
  declineInvitationBodySchema,
  myInvitationResponseSchema,
  myInvitationsResponseSchema,
} from '../../../contract/review-rounds.js';
import { presentMyInvitation } from '../../presenters/review-rounds.js';

// 专家评审, the expert's side: /api/expert/…, for experts only, each seeing only their own assignments.

export const expertRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { expertScoring, expertDocuments, expertInvitations } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const closed = errorResponses('SCORES_SUBMITTED', 'REVIEW_OVERDUE', 'INVITATION_NOT_ACCEPTED');
  const answered = errorResponses('INVITATION_ANSWERED', 'INVITATION_CLOSED');
  const tags = ['expert'];

  app.get(
    '/expert/assignments',
    {
      schema: {
        summary: '我的评审任务',
        tags,
        response: { 200: myAssignmentsResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      return { assignments: (await expertScoring.mine(actor)).map(presentMyAssignment) };
    },
  );

  app.get(
    '/expert/assignments/:id',
    {
      schema: {
        summary: '评审任务：申报书（已隐去个人信息）、评分表和我的评分',
        tags,
        params: idParamsSchema,
        response: {
          200: myAssignmentResponseSchema,
          ...errorResponses('INVITATION_NOT_ACCEPTED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      return presentMyAssignmentDetail(await expertScoring.detail(actor, request.params.id));
    },
  );

  const writes = [
    { method: 'PUT', path: 'scores', summary: '保存评分草稿（截止之前，提交之前）', write: 'saveDraft' },
    {
      method: 'POST',
      path: 'submit',
      summary: '提交评分：每项须打分并填写评审意见，提交后不能修改',
      write: 'submit',
    },
  ] as const;
  for (const { method, path, summary, write } of writes) {
    app.route({
      method,
      url: `/expert/assignments/:id/${path}`,
      schema: {
        summary,
        tags,
        params: idParamsSchema,
        body: scoresBodySchema,
        response: {
          200: z.object({ assignment: myAssignmentSchema }),
          ...errorResponses('VALIDATION_FAILED'),
          ...closed,
          ...missing,
          ...denied,
        },
      },
      handler: async (request) => {
        const actor = await guard.require(request, 'expert');
        const task = await expertScoring[write](actor, request.params.id, request.body);
        return { assignment: presentMyAssignment(task) };
      },
    });
  }

  app.post(
    '/expert/assignments/:id/recuse',
    {
      schema: {
        summary: '申请回避：退回尚未提交评分的任务，理由记为本人申报的利益冲突，由省科技项目管理中心另行分配',
        tags,
        params: idParamsSchema,
        body: recusalBodySchema,
        response: {
          204: z.null(),
          ...errorResponses('VALIDATION_FAILED', 'SCORES_SUBMITTED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'expert');
      await expertScoring.recuse(actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/expert/assignments/:id/documents',
    {
      schema: {
        summary: '评审任务可查看的附件（评审计划列明的种类，如合作协议、平台证明）',
        tags,
        params: idParamsSchema,
        response: { 200: expertDocumentsResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      const documents = await expertDocuments.list(actor, request.params.id);
      return { documents: documents.map(presentExpertDocument) };
    },
  );

  app.get(
    '/expert/assignments/:id/documents/:docId/file',
    {
      schema: {
        summary: '下载评审任务可查看的附件（ETag 为 SHA-256 指纹）',
        tags,
        produces: [PDF_MIME],
        params: applicationDocumentParamsSchema,
        response: { 200: fileResponse('PDF 文件'), 304: notModifiedResponse, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'expert');
      const { document, open } = await expertDocuments.file(actor, request.params.id, request.params.docId);
      const file = { ...document, fileName: expertFileName(document) };
      return sendStoredFile(request, reply, PDF_MIME, file, open);
    },
  );

  app.get(
    '/expert/notifications',
    {
      schema: {
        summary: '我的通知（评审到期提醒等）',
        tags,
        response: { 200: notificationsResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      return { notifications: (await expertScoring.notifications(actor)).map(presentNotification) };
    },
  );

  app.post(
    '/expert/notifications/:id/read',
    {
      schema: {
        summary: '标记通知为已读',
        tags,
        params: idParamsSchema,
        response: { 200: z.object({ notification: notificationSchema }), ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      return { notification: presentNotification(await expertScoring.markRead(actor, request.params.id)) };
    },
  );

  app.get(
    '/expert/invitations',
    {
      schema: {
        summary: '我的评审邀请：待答复的在前，显示答复截止时间和拟评审的项目',
        tags,
        response: { 200: myInvitationsResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      return { invitations: (await expertInvitations.mine(actor)).map(presentMyInvitation) };
    },
  );

  app.post(
    '/expert/invitations/:id/accept',
    {
      schema: {
        summary:
          '接受评审邀请：同意保密承诺，并对每个拟评审项目声明是否存在利益冲突（存在的须说明理由，该项目回避）',
        tags,
        params: idParamsSchema,
        body: acceptInvitationBodySchema,
        response: {
          200: myInvitationResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...answered,
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      return {
        invitation: presentMyInvitation(
          await expertInvitations.accept(actor, request.params.id, request.body),
        ),
      };
    },
  );

  app.post(
    '/expert/invitations/:id/decline',
    {
      schema: {
        summary: '谢绝评审邀请（须说明理由），由省科技项目管理中心另行分配专家',
        tags,
        params: idParamsSchema,
        body: declineInvitationBodySchema,
        response: {
          200: myInvitationResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...answered,
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      return {
        invitation: presentMyInvitation(
          await expertInvitations.decline(actor, request.params.id, request.body),
        ),
      };
    },
  );
};
