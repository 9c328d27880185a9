import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse, notModifiedResponse, sendStoredFile } from '../../http/file-response.js';
import { readMultipartForm } from '../../http/multipart.js';
import { presentClaim, presentDossier, presentOrganizationSummary } from '../../presenters/organizations.js';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { FILE_FIELD, PDF_MIME } from '../../../contract/documents.js';
import type { RouteDeps } from '../deps.js';
import {
  claimAcceptedResponseSchema,
  claimBodySchema,
  claimListResponseSchema,
  claimSchema,
  declineBodySchema,
  licenceRequestBodySchema,
  organizationListResponseSchema,
  organizationProfileBodySchema,
  organizationProfileResponseSchema,
  rejectBodySchema,
} from '../../../contract/organizations.js';

// 属地审核: the unit administrator's organization profile and licence, the department's verification of its
// organizations and claims, and the anonymous claim of a registered credit code.

export const organizationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  await app.register(multipart);

  const { organizationVerification: verification, documents } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const profileResponse = { 200: organizationProfileResponseSchema };

  app.get(
    '/organization/profile',
    {
      schema: {
        summary: '本单位信息及主管部门审核情况（状态、理由、待审核的变更、历次审核）',
        tags: ['organization'],
        response: { ...profileResponse, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'unit-admin');
      return { organization: presentDossier(await verification.own(actor)) };
    },
  );

  app.put(
    '/organization/profile',
    {
      schema: {
        summary:
          '修改本单位信息：地址、联系人即时生效；单位类型、注册日期、独立法人、主管部门等须主管部门重新审核（审核通过前仍按原信息申报）',
        tags: ['organization'],
        body: organizationProfileBodySchema,
        response: { ...profileResponse, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'unit-admin');
      return { organization: presentDossier(await verification.updateProfile(actor, request.body)) };
    },
  );

  app.post(
    '/organization/licence',
    {
      schema: {
        summary: '上传营业执照（或事业单位法人证书）PDF，供主管部门审核',
        description: `multipart/form-data：${FILE_FIELD}（PDF 文件）`,
        tags: ['organization'],
        consumes: ['multipart/form-data'],
        response: {
          ...profileResponse,
          ...errorResponses('VALIDATION_FAILED', 'FILE_TOO_LARGE', 'FILE_NOT_PDF', 'PDF_MALFORMED'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'unit-admin');
      const form = await readMultipartForm(request, {
        schema: z.object({}),
        fileField: FILE_FIELD,
        maxFileBytes: documents.maxBytes,
        extension: '.pdf',
        receive: documents.stage.bind(documents),
      });
      return { organization: presentDossier(await verification.uploadLicence(actor, form.file)) };
    },
  );

  app.get(
    '/organization/licence',
    {
      schema: {
        summary: '下载本单位上传的营业执照 PDF',
        tags: ['organization'],
        produces: [PDF_MIME],
        response: { 200: fileResponse('PDF 文件'), 304: notModifiedResponse, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'unit-admin');
      const { file, open } = await verification.licence(actor, actor.organizationId);
      return sendStoredFile(request, reply, PDF_MIME, file, open);
    },
  );

  app.get(
    '/department/organizations',
    {
      schema: {
        summary: '本部门的申报单位（含待审核的注册和变更）',
        tags: ['department'],
        response: { 200: organizationListResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return { organizations: (await verification.list(actor)).map(presentOrganizationSummary) };
    },
  );

  app.get(
    '/department/organizations/:id',
    {
      schema: {
        summary: '申报单位申报的信息、营业执照和历次审核',
        tags: ['department'],
        params: idParamsSchema,
        response: { ...profileResponse, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return { organization: presentDossier(await verification.get(actor, request.params.id)) };
    },
  );

  app.post(
    '/department/organizations/:id/approve',
    {
      schema: {
        summary: '审核通过单位的注册或信息变更',
        tags: ['department'],
        params: idParamsSchema,
        response: { ...profileResponse, ...errorResponses('NOTHING_TO_VERIFY'), ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return { organization: presentDossier(await verification.approve(actor, request.params.id)) };
    },
  );

  app.post(
    '/department/organizations/:id/reject',
    {
      schema: {
        summary: '不予通过单位的注册或信息变更（须说明理由，通知单位）',
        tags: ['department'],
        params: idParamsSchema,
        body: rejectBodySchema,
        response: {
          ...profileResponse,
          ...errorResponses('VALIDATION_FAILED', 'NOTHING_TO_VERIFY'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const dossier = await verification.reject(actor, request.params.id, request.body.reason);
      return { organization: presentDossier(dossier) };
    },
  );

  app.post(
    '/department/organizations/:id/licence-request',
    {
      schema: {
        summary: '要求单位上传营业执照（或法人证书）PDF',
        tags: ['department'],
        params: idParamsSchema,
        body: licenceRequestBodySchema,
        response: { ...profileResponse, ...errorResponses('VALIDATION_FAILED'), ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const dossier = await verification.requestLicence(actor, request.params.id, request.body.note);
      return { organization: presentDossier(dossier) };
    },
  );

  app.get(
    '/department/organizations/:id/licence',
    {
      schema: {
        summary: '下载单位上传的营业执照 PDF',
        tags: ['department'],
        produces: [PDF_MIME],
        params: idParamsSchema,
        response: { 200: fileResponse('PDF 文件'), 304: notModifiedResponse, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const { file, open } = await verification.licence(actor, request.params.id);
      return sendStoredFile(request, reply, PDF_MIME, file, open);
    },
  );

  app.get(
    '/department/organization-claims',
    {
      schema: {
        summary: '认领本部门单位的申请',
        tags: ['department'],
        response: { 200: claimListResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return { claims: (await verification.claims(actor)).map(presentClaim) };
    },
  );

  app.post(
    '/department/organization-claims/:id/grant',
    {
      schema: {
        summary: '同意认领：向申请人的电子邮箱发送成为单位管理员的邀请链接',
        tags: ['department'],
        params: idParamsSchema,
        response: {
          200: z.object({ claim: claimSchema }),
          ...errorResponses('CLAIM_DECIDED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return { claim: presentClaim(await verification.grantClaim(actor, request.params.id)) };
    },
  );

  app.post(
    '/department/organization-claims/:id/decline',
    {
      schema: {
        summary: '拒绝认领（须说明理由，以邮件告知申请人）',
        tags: ['department'],
        params: idParamsSchema,
        body: declineBodySchema,
        response: {
          200: z.object({ claim: claimSchema }),
          ...errorResponses('VALIDATION_FAILED', 'CLAIM_DECIDED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const claim = await verification.declineClaim(actor, request.params.id, request.body.reason);
      return { claim: presentClaim(claim) };
    },
  );

  app.post(
    '/auth/claim-organization',
    {
      schema: {
        summary: '认领已注册的单位：向其项目主管部门申请单位管理员账号',
        tags: ['auth'],
        body: claimBodySchema,
        response: {
          202: claimAcceptedResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'TOO_MANY_REQUESTS'),
        },
      },
    },
    async (request, reply) => reply.status(202).send(await verification.claim(request.body)),
  );
};
