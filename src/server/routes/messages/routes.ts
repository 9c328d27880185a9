import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import {
  messageResponseSchema,
  messagesQuerySchema,
  messagesResponseSchema,
  notificationPreferencesBodySchema,
  notificationPreferencesResponseSchema,
} from '../../../contract/notifications.js';
import { USER_ROLES } from '../../../contract/vocabulary.js';
import { presentMessage, presentPreference } from '../../presenters/notifications.js';
import type { RouteDeps } from '../deps.js';

// 我的消息 and e-mail preferences: /api/me/…, for every signed-in role, each reading only their own.

export const messageRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { inbox } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const tags = ['me'];

  app.get(
    '/me/messages',
    {
      schema: {
        summary: '我的消息：最新在前，含未读数',
        tags,
        querystring: messagesQuerySchema,
        response: { 200: messagesResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...USER_ROLES);
      const { rows, total, unread } = await inbox.messages(actor, request.query);
      return {
        messages: rows.map(presentMessage),
        total,
        unread,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/me/messages/:id/read',
    {
      schema: {
        summary: '标记消息为已读',
        tags,
        params: idParamsSchema,
        response: { 200: messageResponseSchema, ...errorResponses('NOT_FOUND'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...USER_ROLES);
      return { message: presentMessage(await inbox.markRead(actor, request.params.id)) };
    },
  );

  app.get(
    '/me/notification-preferences',
    {
      schema: {
        summary: '邮件接收设置',
        tags,
        response: { 200: notificationPreferencesResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...USER_ROLES);
      return { preferences: (await inbox.preferences(actor)).map(presentPreference) };
    },
  );

  app.put(
    '/me/notification-preferences',
    {
      schema: {
        summary: '修改邮件接收设置（必发类消息不能关闭）',
        tags,
        body: notificationPreferencesBodySchema,
        response: {
          200: notificationPreferencesResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...USER_ROLES);
      return {
        preferences: (await inbox.savePreferences(actor, request.body)).map(presentPreference),
      };
    },
  );
};
