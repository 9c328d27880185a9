import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentSession } from '../../presenters/sessions.js';
import { errorResponses, noContentSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import {
  changePasswordBodySchema,
  sessionsResponseSchema,
  signedOutOthersResponseSchema,
} from '../../../contract/auth.js';

// 账号与安全: what every signed-in person does to their own password and sessions, whatever their role.
export const meRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  app.post(
    '/me/password',
    {
      schema: {
        summary: '修改自己的密码（其他设备上的登录随即退出，本次登录保留）',
        tags: ['me'],
        body: changePasswordBodySchema,
        response: {
          204: noContentSchema,
          ...errorResponses('VALIDATION_FAILED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS'),
        },
      },
    },
    async (request, reply) => {
      const session = await guard.requireSession(request);
      await services.passwords.change(session, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/sessions',
    {
      schema: {
        summary: '自己当前有效的登录（本次登录标出）',
        tags: ['me'],
        response: { 200: sessionsResponseSchema, ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      const session = await guard.requireSession(request);
      const sessions = await services.passwords.sessions(session);
      return { sessions: sessions.map((s) => presentSession(s, session.sessionId)) };
    },
  );

  app.post(
    '/me/sessions/sign-out-others',
    {
      schema: {
        summary: '退出其他设备上的登录（本次登录保留）',
        tags: ['me'],
        response: { 200: signedOutOthersResponseSchema, ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      const session = await guard.requireSession(request);
      return { ended: await services.passwords.signOutOthers(session) };
    },
  );
};
