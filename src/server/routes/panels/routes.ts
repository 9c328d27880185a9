import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { PDF_MIME } from '../../../contract/documents.js';
import {
  createPanelBodySchema,
  normalisationResponseSchema,
  panelCandidatesResponseSchema,
  panelDetailResponseSchema,
  panelItemParamsSchema,
  panelItemResponseSchema,
  panelListQuerySchema,
  panelListResponseSchema,
  panelRecordBodySchema,
  panelVoteBodySchema,
  panelVoteParamsSchema,
} from '../../../contract/panels.js';
import { fileResponse, sendAttachment } from '../../http/file-response.js';
import {
  presentNormalisation,
  presentPanelDetail,
  presentPanelItem,
  presentPanelSummary,
} from '../../presenters/panels.js';
import type { RouteDeps } from '../deps.js';

// 会评: the province's meetings under /api/province/panels (writes by 项目管理中心), the chair's under
// /api/expert/panels, and the 函评's normalisation under /api/province/experts/normalisation.

export const panelRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { panels } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const center = { duties: { province: 'center' as const } };
  const tags = ['province'];

  app.get(
    '/province/panels',
    {
      schema: {
        summary: '会评会议：本计划的会议，最近的在前',
        tags,
        querystring: panelListQuerySchema,
        response: {
          200: panelListResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { meetings: (await panels.list(actor, request.query.callId)).map(presentPanelSummary) };
    },
  );

  app.get(
    '/province/panels/candidates',
    {
      schema: {
        summary: '新建会评会议可选的专家（已接受本计划评审邀请）和项目（形式审查受理，附函评结果）',
        tags,
        querystring: panelListQuerySchema,
        response: {
          200: panelCandidatesResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { experts, applications } = await panels.candidates(actor, request.query.callId);
      return {
        experts,
        applications: applications.map((l) => ({
          id: l.application.id,
          acceptanceNo: l.application.acceptanceNo,
          title: l.application.form.title ?? '',
          organizationName: l.application.organization.name,
          letter: l.aggregate,
        })),
      };
    },
  );

  app.post(
    '/province/panels',
    {
      config: center,
      schema: {
        summary:
          '新建会评会议：时间、地点或线上链接、参会专家（须已接受邀请）、主持人（参会专家之一）、议程项目',
        tags,
        body: createPanelBodySchema,
        response: {
          201: panelDetailResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      return reply.status(201).send({ panel: presentPanelDetail(await panels.create(actor, request.body)) });
    },
  );

  app.get(
    '/province/panels/:id',
    {
      schema: {
        summary: '会评会议：参会专家、主持人、议程项目及其函评结果、表决和会评意见',
        tags,
        params: idParamsSchema,
        response: { 200: panelDetailResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { panel: presentPanelDetail(await panels.get(actor, request.params.id)) };
    },
  );

  const stale = errorResponses('VALIDATION_FAILED', 'PANEL_RECORD_STALE', 'PANEL_SIGNED_OFF');

  app.put(
    '/province/panels/:id/items/:itemId',
    {
      config: center,
      schema: {
        summary:
          '记录议程项目的讨论、一致评分、会评建议和建议资助经费（须写明读取时的版本，过期的修改被拒绝）',
        tags,
        params: panelItemParamsSchema,
        body: panelRecordBodySchema,
        response: {
          200: panelItemResponseSchema,
          ...stale,
          ...errorResponses('FUNDING_OVER_CAP'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { id, itemId } = request.params;
      return { item: presentPanelItem(await panels.saveRecord(actor, id, itemId, request.body)) };
    },
  );

  app.put(
    '/province/panels/:id/items/:itemId/votes/:expertId',
    {
      config: center,
      schema: {
        summary: '记录一位参会专家对议程项目的表决（支持、不支持、弃权；须写明读取时该专家表决的版本）',
        tags,
        params: panelVoteParamsSchema,
        body: panelVoteBodySchema,
        response: { 200: panelItemResponseSchema, ...stale, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { id, itemId, expertId } = request.params;
      return { item: presentPanelItem(await panels.vote(actor, id, itemId, expertId, request.body)) };
    },
  );

  app.get(
    '/province/panels/:id/minutes',
    {
      schema: {
        summary: '会评纪要（PDF）：会议情况、参会专家、逐项函评结果、表决、一致评分、会评建议和建议资助经费',
        tags,
        produces: [PDF_MIME],
        params: idParamsSchema,
        response: { 200: fileResponse('PDF 文件'), ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const minutes = await panels.minutes(actor, request.params.id);
      return sendAttachment(reply, { mime: PDF_MIME, fileName: minutes.fileName, body: minutes.body });
    },
  );

  app.get(
    '/province/experts/normalisation',
    {
      schema: {
        summary:
          '函评评分标准化：每位专家的评分按其本人均值和标准差折算（z 分），原始与标准化排名对比，偏严偏宽专家',
        tags,
        querystring: panelListQuerySchema,
        response: {
          200: normalisationResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentNormalisation(await panels.normalisation(actor, request.query.callId));
    },
  );

  const expertTags = ['expert'];

  app.get(
    '/expert/panels',
    {
      schema: {
        summary: '我主持的会评会议',
        tags: expertTags,
        response: { 200: panelListResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      return { meetings: (await panels.chaired(actor)).map(presentPanelSummary) };
    },
  );

  app.get(
    '/expert/panels/:id',
    {
      schema: {
        summary: '我主持的会评会议及其记录（只读）；非主持人答“不存在”',
        tags: expertTags,
        params: idParamsSchema,
        response: { 200: panelDetailResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      return { panel: presentPanelDetail(await panels.forChair(actor, request.params.id)) };
    },
  );

  app.post(
    '/expert/panels/:id/sign-off',
    {
      schema: {
        summary: '主持人签署会评纪要：每个议程项目须已形成会评建议；签署后记录冻结',
        tags: expertTags,
        params: idParamsSchema,
        response: {
          200: panelDetailResponseSchema,
          ...errorResponses('PANEL_SIGNED_OFF', 'STATUS_CONFLICT'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'expert');
      return { panel: presentPanelDetail(await panels.signOff(actor, request.params.id)) };
    },
  );

  app.get(
    '/expert/panels/:id/minutes',
    {
      schema: {
        summary: '我主持的会评会议的纪要（PDF）',
        tags: expertTags,
        produces: [PDF_MIME],
        params: idParamsSchema,
        response: { 200: fileResponse('PDF 文件'), ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'expert');
      const minutes = await panels.minutes(actor, request.params.id);
      return sendAttachment(reply, { mime: PDF_MIME, fileName: minutes.fileName, body: minutes.body });
    },
  );
};
