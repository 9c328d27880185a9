import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { presentPublicAnnouncement, presentPublishedAnnouncement } from '../../presenters/announcements.js';
import { publicAnnouncementDetailSchema, publicAnnouncementListSchema } from '../../../contract/public.js';

// No session is read here: these routes answer anyone, with the published fields only.

export const publicRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const { announcements } = services;

  app.get(
    '/public/announcements',
    {
      schema: {
        summary: '拟立项项目公示（公开，无需登录）',
        tags: ['public'],
        response: { 200: publicAnnouncementListSchema },
      },
    },
    async () => ({
      announcements: (await announcements.published()).map(presentPublicAnnouncement),
    }),
  );

  app.get(
    '/public/announcements/:id',
    {
      schema: {
        summary: '一次拟立项项目公示的名单与公示期（公开，无需登录）',
        tags: ['public'],
        params: idParamsSchema,
        response: { 200: publicAnnouncementDetailSchema, ...errorResponses('NOT_FOUND') },
      },
    },
    async (request) => presentPublishedAnnouncement(await announcements.publishedOne(request.params.id)),
  );
};
