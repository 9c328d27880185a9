import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentCreatedOfficial, presentOfficial } from '../../presenters/staff-accounts.js';
import { errorResponses } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { registerOfficialAccountChanges } from '../official-account-changes.js';
import {
  createOfficialBodySchema,
  createdOfficialResponseSchema,
  officialListQuerySchema,
  officialListResponseSchema,
} from '../../../contract/accounts.js';

// 账号管理, the province's 管理员: its own staff with their duties, and the departments' accounts.

export const provinceAccountRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { staffAccounts } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const tags = ['accounts'];
  const config = { duties: { province: 'admin' } } as const;

  app.get(
    '/province/accounts',
    {
      config,
      schema: {
        summary: '省级和主管部门账号列表（可按登录名、姓名、邮箱、部门搜索）；手机号码部分隐去',
        tags,
        querystring: officialListQuerySchema,
        response: { 200: officialListResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return { accounts: (await staffAccounts.list(actor, request.query)).map((o) => presentOfficial(o)) };
    },
  );

  app.post(
    '/province/accounts',
    {
      config,
      schema: {
        summary: '新建省级工作人员账号（含职责）或主管部门账号',
        description:
          '不填初始密码时由系统生成并只在本次返回；新账号首次登录须修改密码，并收到“账号邀请”通知（不含密码）',
        tags,
        body: createOfficialBodySchema,
        response: {
          201: createdOfficialResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'LOGIN_TAKEN'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      return reply.status(201).send(presentCreatedOfficial(await staffAccounts.create(actor, request.body)));
    },
  );

  registerOfficialAccountChanges(
    app,
    { services, guard },
    {
      base: '/province/accounts',
      role: 'province',
      config,
      summaries: {
        disable: '停用账号（立即结束其全部登录会话）',
        enable: '重新启用账号',
        duties: '修改账号职责（省级：管理员、对外合作处、项目管理中心；主管部门：管理员）',
      },
    },
  );
};
