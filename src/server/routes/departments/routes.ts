import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentDepartment } from '../../presenters/departments.js';
import type { RouteDeps } from '../deps.js';
import { departmentsResponseSchema } from '../../../contract/departments.js';

export const departmentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  // Public: an organization picks its 项目主管部门 while registering, before it has an account.
  app.get(
    '/departments',
    {
      schema: {
        summary: '项目主管部门列表',
        tags: ['reference'],
        response: { 200: departmentsResponseSchema },
      },
    },
    async () => ({ departments: (await services.departments.list()).map(presentDepartment) }),
  );
};
