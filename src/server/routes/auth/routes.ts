import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentCurrentUser, presentRegistration, presentResetRequested } from '../../presenters/users.js';
import { errorResponses, noContentSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import {
  currentUserResponseSchema,
  loginBodySchema,
  passwordResetAcceptedSchema,
  passwordResetCompleteBodySchema,
  passwordResetRequestBodySchema,
  registerOrganizationBodySchema,
  registeredOrganizationResponseSchema,
  sessionResponseSchema,
} from '../../../contract/auth.js';

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  app.post(
    '/auth/register-organization',
    {
      schema: {
        summary: '申报单位注册（同时创建单位管理员账号）',
        tags: ['auth'],
        body: registerOrganizationBodySchema,
        response: {
          201: registeredOrganizationResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'CREDIT_CODE_TAKEN', 'TOO_MANY_REQUESTS'),
        },
      },
    },
    async (request, reply) => {
      const registration = await services.accounts.registerOrganization(request.body);
      return reply.status(201).send(presentRegistration(registration));
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        summary: '登录',
        tags: ['auth'],
        body: loginBodySchema,
        response: {
          200: currentUserResponseSchema,
          ...errorResponses(
            'VALIDATION_FAILED',
            'INVALID_CREDENTIALS',
            'ACCOUNT_DISABLED',
            'TOO_MANY_LOGIN_ATTEMPTS',
            'TOO_MANY_REQUESTS',
          ),
        },
      },
    },
    async (request, reply) => {
      const session = await services.auth.login({
        ...request.body,
        ip: normalizeIP(request.ip),
        knownDevice: guard.knownDevice(request),
        userAgent: request.headers['user-agent'],
      });
      guard.setSessionCookie(request, reply, session.token, session.expiresAt);
      guard.setKnownDeviceCookie(request, reply, session.knownDevice);
      return { user: presentCurrentUser(await services.accounts.profile(session.user.id)) };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { summary: '退出登录', tags: ['auth'], response: { 204: noContentSchema } } },
    async (request, reply) => {
      const token = guard.sessionToken(request);
      if (token) await services.auth.logout(token);
      guard.clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        summary: '当前登录的用户',
        tags: ['auth'],
        response: { 200: sessionResponseSchema },
      },
    },
    async (request) => {
      const actor = await guard.current(request);
      return { user: actor ? presentCurrentUser(await services.accounts.profile(actor.userId)) : null };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        summary: '忘记密码：向账号的电子邮箱发送重置链接（无论账号是否存在，答复都相同）',
        tags: ['auth'],
        body: passwordResetRequestBodySchema,
        response: {
          202: passwordResetAcceptedSchema,
          ...errorResponses('VALIDATION_FAILED', 'TOO_MANY_REQUESTS'),
        },
      },
    },
    async (request, reply) => {
      await services.passwords.requestReset(request.body.account, normalizeIP(request.ip));
      return reply.status(202).send(presentResetRequested());
    },
  );

  app.post(
    '/auth/password-reset/complete',
    {
      schema: {
        summary: '用邮件中的重置链接设置新密码（该账号所有登录随即退出）',
        tags: ['auth'],
        body: passwordResetCompleteBodySchema,
        response: {
          204: noContentSchema,
          ...errorResponses(
            'VALIDATION_FAILED',
            'RESET_LINK_INVALID',
            'RESET_LINK_EXPIRED',
            'ACCOUNT_DISABLED',
            'TOO_MANY_REQUESTS',
          ),
        },
      },
    },
    async (request, reply) => {
      await services.passwords.completeReset(request.body);
      return reply.status(204).send(null);
    },
  );
};
