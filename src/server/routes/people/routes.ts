import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentPerson } from '../../presenters/people.js';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import {
  createPersonBodySchema,
  peopleResponseSchema,
  personResponseSchema,
  updatePersonBodySchema,
} from '../../../contract/people.js';

export const peopleRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');

  app.get(
    '/organization/people',
    {
      schema: {
        summary: '本单位的项目负责人（联系人可读，用于选择申报书的负责人）',
        tags: ['organization'],
        response: { 200: peopleResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'unit-admin', 'unit-contact');
      return { people: (await services.people.list(actor)).map(presentPerson) };
    },
  );

  app.post(
    '/organization/people',
    {
      schema: {
        summary: '登记项目负责人（可同时开通其登录账号）',
        tags: ['organization'],
        body: createPersonBodySchema,
        response: {
          201: personResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'LOGIN_TAKEN'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'unit-admin');
      const person = await services.people.create(actor, request.body);
      return reply.status(201).send({ person: presentPerson(person) });
    },
  );

  app.patch(
    '/organization/people/:id',
    {
      schema: {
        summary: '修改项目负责人信息',
        tags: ['organization'],
        params: idParamsSchema,
        body: updatePersonBodySchema,
        response: {
          200: personResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'ID_NUMBER_TAKEN'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'unit-admin');
      return { person: presentPerson(await services.people.update(actor, request.params.id, request.body)) };
    },
  );
};
