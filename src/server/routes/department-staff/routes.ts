import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentCreatedOfficial, presentOfficial } from '../../presenters/staff-accounts.js';
import { errorResponses } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { registerOfficialAccountChanges } from '../official-account-changes.js';
import {
  createDepartmentStaffBodySchema,
  createdOfficialResponseSchema,
  departmentStaffQuerySchema,
  officialListResponseSchema,
} from '../../../contract/accounts.js';

// 本部门账号: a department's 管理员 manages its own department's staff (/api/department/…, departments only).

export const departmentStaffRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { staffAccounts } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const tags = ['accounts'];
  const config = { duties: { department: 'admin' } } as const;

  app.get(
    '/department/staff',
    {
      config,
      schema: {
        summary: '本部门账号列表；手机号码部分隐去',
        tags,
        querystring: departmentStaffQuerySchema,
        response: { 200: officialListResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const staff = await staffAccounts.listOwnDepartment(actor, request.query.q);
      return { accounts: staff.map((o) => presentOfficial(o)) };
    },
  );

  app.post(
    '/department/staff',
    {
      config,
      schema: {
        summary: '新建本部门账号',
        description: '不填初始密码时由系统生成并只在本次返回；新账号首次登录须修改密码',
        tags,
        body: createDepartmentStaffBodySchema,
        response: {
          201: createdOfficialResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'LOGIN_TAKEN'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const created = await staffAccounts.createInOwnDepartment(actor, request.body);
      return reply.status(201).send(presentCreatedOfficial(created));
    },
  );

  registerOfficialAccountChanges(
    app,
    { services, guard },
    {
      base: '/department/staff',
      role: 'department',
      config,
      summaries: {
        disable: '停用本部门账号（立即结束其全部登录会话）',
        enable: '重新启用本部门账号',
        duties: '设置或取消本部门账号的管理员职责',
      },
    },
  );
};
