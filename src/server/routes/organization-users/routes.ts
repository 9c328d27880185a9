import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentInvitation, presentUnitUser } from '../../presenters/organization-users.js';
import { errorResponses, idParamsSchema, noContentSchema } from '../../../contract/common.js';
import {
  acceptInvitationBodySchema,
  invitationAcceptedResponseSchema,
  invitationCreatedResponseSchema,
  invitationParamsSchema,
  invitationsResponseSchema,
  invitationSummaryResponseSchema,
  invitationTokenBodySchema,
  inviteUserBodySchema,
  unitUserResponseSchema,
  unitUsersResponseSchema,
  updateUnitUserBodySchema,
} from '../../../contract/organization-users.js';
import type { RouteDeps } from '../deps.js';

export const organizationUserRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { organizationUsers } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');

  app.get(
    '/organization/users',
    {
      schema: {
        summary: '本单位的用户（管理员、联系人、项目负责人）',
        tags: ['organization'],
        response: { 200: unitUsersResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'unit-admin');
      return { users: (await organizationUsers.list(actor)).map(presentUnitUser) };
    },
  );

  app.patch(
    '/organization/users/:id',
    {
      schema: {
        summary: '设为管理员、卸任（改为联系人）、停用或启用本单位的用户',
        tags: ['organization'],
        params: idParamsSchema,
        body: updateUnitUserBodySchema,
        response: {
          200: unitUserResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'LAST_ADMIN'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'unit-admin');
      const user = await organizationUsers.update(actor, request.params.id, request.body);
      return { user: presentUnitUser(user) };
    },
  );

  app.get(
    '/organization/invitations',
    {
      schema: {
        summary: '本单位尚未接受的邀请',
        tags: ['organization'],
        response: { 200: invitationsResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'unit-admin');
      return { invitations: (await organizationUsers.invitations(actor)).map(presentInvitation) };
    },
  );

  app.post(
    '/organization/invitations',
    {
      schema: {
        summary: '以电子邮件邀请本单位的用户（链接仅在此显示一次）',
        tags: ['organization'],
        body: inviteUserBodySchema,
        response: {
          201: invitationCreatedResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'PERSON_HAS_ACCOUNT'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'unit-admin');
      const { invitation, link } = await organizationUsers.invite(actor, request.body);
      return reply.status(201).send({ invitation: presentInvitation(invitation), link });
    },
  );

  app.delete(
    '/organization/invitations/:id',
    {
      schema: {
        summary: '撤销邀请',
        tags: ['organization'],
        params: invitationParamsSchema,
        response: { 204: noContentSchema, ...errorResponses('NOT_FOUND'), ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'unit-admin');
      await organizationUsers.revoke(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // The token travels in the body, never in an API URL that logs would keep.
  app.post(
    '/invitations/inspect',
    {
      schema: {
        summary: '查看邀请（邀请单位和角色）',
        tags: ['auth'],
        body: invitationTokenBodySchema,
        response: {
          200: invitationSummaryResponseSchema,
          ...errorResponses(
            'VALIDATION_FAILED',
            'INVITATION_INVALID',
            'INVITATION_USED',
            'TOO_MANY_REQUESTS',
          ),
        },
      },
    },
    async (request) => organizationUsers.inspect(request.body.token),
  );

  app.post(
    '/invitations/accept',
    {
      schema: {
        summary: '接受邀请，设置登录名和密码，开通账号',
        tags: ['auth'],
        body: acceptInvitationBodySchema,
        response: {
          201: invitationAcceptedResponseSchema,
          ...errorResponses(
            'VALIDATION_FAILED',
            'INVITATION_INVALID',
            'INVITATION_USED',
            'LOGIN_TAKEN',
            'TOO_MANY_REQUESTS',
          ),
        },
      },
    },
    async (request, reply) => {
      const user = await organizationUsers.accept(request.body);
      return reply.status(201).send({ login: user.login });
    },
  );
};
