import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentDepartment, presentManagedDepartment } from '../../presenters/departments.js';
import type { RouteDeps } from '../deps.js';
import { registerDepartmentContactUpdate } from '../department-contact.js';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { departmentsResponseSchema, managedDepartmentSchema } from '../../../contract/departments.js';

export const departmentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');

  // Public: an organization picks its 项目主管部门 while registering, before it has an account.
  app.get(
    '/departments',
    {
      schema: {
        summary: '项目主管部门列表（仅启用的，按所在设区市排列）',
        tags: ['reference'],
        response: { 200: departmentsResponseSchema },
      },
    },
    async () => ({ departments: (await services.departments.listActive()).map(presentDepartment) }),
  );

  // A department's own entry and the contact its 推荐项目汇总表 prints; another department's is answered as missing.
  app.get(
    '/review/departments/:id',
    {
      schema: {
        summary: '本部门的名录信息和联系人',
        tags: ['review'],
        params: idParamsSchema,
        response: { 200: managedDepartmentSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return presentManagedDepartment(await services.departments.own(actor, request.params.id));
    },
  );

  registerDepartmentContactUpdate(
    app,
    { services, guard },
    {
      url: '/review/departments/:id/contact',
      role: 'department',
      summary: '修改本部门的联系人和联系电话（打印在推荐项目汇总表上）',
      tags: ['review'],
    },
  );
};
