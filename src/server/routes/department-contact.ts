import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentManagedDepartment } from '../presenters/departments.js';
import { errorResponses, idParamsSchema } from '../../contract/common.js';
import { contactBodySchema, managedDepartmentSchema } from '../../contract/departments.js';
import type { RouteDeps } from './deps.js';

type App = Parameters<FastifyPluginAsyncZod<RouteDeps>>[0];

/** `PUT <url>` changing a department's contact: by the department itself (`/review/…`) or by the province. */
export function registerDepartmentContactUpdate(
  app: App,
  { services, guard }: RouteDeps,
  route: {
    url: string;
    role: 'province' | 'department';
    config?: { duties: { province: 'admin' } };
    summary: string;
    tags: string[];
  },
) {
  app.put(
    route.url,
    {
      ...(route.config && { config: route.config }),
      schema: {
        summary: route.summary,
        tags: route.tags,
        params: idParamsSchema,
        body: contactBodySchema,
        response: {
          200: managedDepartmentSchema,
          ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN'),
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, route.role);
      const entry = await services.departments.updateContact(actor, request.params.id, request.body.contact);
      return presentManagedDepartment(entry);
    },
  );
}
