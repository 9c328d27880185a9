import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentOfficial } from '../presenters/staff-accounts.js';
import { errorResponses, idParamsSchema } from '../../contract/common.js';
import { officialResponseSchema, setDutiesBodySchema } from '../../contract/accounts.js';
import type { RouteDeps } from './deps.js';

type App = Parameters<FastifyPluginAsyncZod<RouteDeps>>[0];

/** Where and by whom an official's account is disabled, enabled and given duties, with the routes' summaries. */
export interface OfficialAccountChanges {
  base: string;
  role: 'province' | 'department';
  config: { duties: { province: 'admin' } | { department: 'admin' } };
  summaries: { disable: string; enable: string; duties: string };
}

/** `POST <base>/:id/disable`, `POST <base>/:id/enable` and `PUT <base>/:id/duties`: the same for both 管理员. */
export function registerOfficialAccountChanges(
  app: App,
  { services: { staffAccounts }, guard }: RouteDeps,
  { base, role, config, summaries }: OfficialAccountChanges,
) {
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const tags = ['accounts'];

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `${base}/:id/${action}`,
      {
        config,
        schema: {
          summary: summaries[action],
          tags,
          params: idParamsSchema,
          response: {
            200: officialResponseSchema,
            ...errorResponses('NOT_FOUND', 'OWN_ACCOUNT', 'LAST_ADMIN'),
            ...denied,
          },
        },
      },
      async (request) => {
        const actor = await guard.require(request, role);
        return {
          account: presentOfficial(await staffAccounts.setDisabled(actor, request.params.id, disabled)),
        };
      },
    );
  }

  app.put(
    `${base}/:id/duties`,
    {
      config,
      schema: {
        summary: summaries.duties,
        tags,
        params: idParamsSchema,
        body: setDutiesBodySchema,
        response: {
          200: officialResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'OWN_ACCOUNT', 'LAST_ADMIN'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, role);
      const official = await staffAccounts.setDuties(actor, request.params.id, request.body.duties);
      return { account: presentOfficial(official) };
    },
  );
}
