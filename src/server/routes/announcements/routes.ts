import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import {
  presentAnnouncement,
  presentAnnouncementDetail,
  presentPublishedAnnouncement,
} from '../../presenters/announcements.js';
import { publicAnnouncementDetailSchema } from '../../../contract/public.js';
import {
  announcementBodySchema,
  announcementDetailSchema,
  announcementListQuerySchema,
  announcementListResponseSchema,
} from '../../../contract/announcements.js';

export const announcementRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { announcements } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');

  app.get(
    '/province/announcements',
    {
      schema: {
        summary: '拟立项项目公示（含草稿）',
        tags: ['province'],
        querystring: announcementListQuerySchema,
        response: { 200: announcementListResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const list = await announcements.list(actor, request.query.callId);
      return { announcements: list.map((d) => presentAnnouncement(d.announcement, d.entries.length)) };
    },
  );

  app.post(
    '/province/announcements',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary: '新建公示草稿：列出已立项、尚未公示的项目；不填日期则发布之日起 5 个工作日',
        tags: ['province'],
        body: announcementBodySchema,
        response: {
          201: announcementDetailSchema,
          ...errorResponses('VALIDATION_FAILED', 'ANNOUNCEMENT_DRAFT_EXISTS'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      return reply
        .status(201)
        .send(presentAnnouncementDetail(await announcements.create(actor, request.body)));
    },
  );

  app.get(
    '/province/announcements/:id',
    {
      schema: {
        summary: '公示：草稿列出现在将公示的项目，已发布的列出发布时的名单',
        tags: ['province'],
        params: idParamsSchema,
        response: { 200: announcementDetailSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentAnnouncementDetail(await announcements.get(actor, request.params.id));
    },
  );

  app.get(
    '/province/announcements/:id/preview',
    {
      schema: {
        summary: '公示预览：草稿若现在发布，公众看到的公示页面（名单、公示期与联系方式）',
        tags: ['province'],
        params: idParamsSchema,
        response: { 200: publicAnnouncementDetailSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentPublishedAnnouncement(await announcements.preview(actor, request.params.id));
    },
  );

  app.post(
    '/province/announcements/:id/publish',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary: '发布公示：名单和公示期固定，本计划此前作出的立项决定全部锁定',
        tags: ['province'],
        params: idParamsSchema,
        response: {
          200: announcementDetailSchema,
          ...errorResponses('VALIDATION_FAILED', 'STATUS_CONFLICT'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentAnnouncementDetail(await announcements.publish(actor, request.params.id));
    },
  );

  app.delete(
    '/province/announcements/:id',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary: '删除公示草稿（已发布的不能删除）',
        tags: ['province'],
        params: idParamsSchema,
        response: { 204: z.null(), ...errorResponses('STATUS_CONFLICT'), ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      await announcements.remove(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
