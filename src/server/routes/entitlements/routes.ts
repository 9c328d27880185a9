import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse, notModifiedResponse, sendStoredFile } from '../../http/file-response.js';
import { readMultipartForm } from '../../http/multipart.js';
import {
  presentDirectedOverview,
  presentMyEntitlements,
  presentOrganizationSummary,
  presentPlatform,
} from '../../presenters/entitlements.js';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { FILE_FIELD, PDF_MIME } from '../../../contract/documents.js';
import {
  directedOverviewSchema,
  invitationBodySchema,
  markFormSchema,
  myEntitlementsSchema,
  organizationPlatformsResponseSchema,
  organizationSearchQuerySchema,
  organizationSearchResponseSchema,
  platformFormSchema,
  platformRecordSchema,
} from '../../../contract/entitlements.js';
import { callIdParamsSchema } from '../../../contract/province-calls.js';
import type { RouteDeps } from '../deps.js';

// 平台资质与定向组织: the province records them; applicants and departments read their own.

export const entitlementRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  await app.register(multipart);

  const { entitlements, documents } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const upload = errorResponses('VALIDATION_FAILED', 'FILE_TOO_LARGE', 'FILE_NOT_PDF', 'PDF_MALFORMED');
  const tags = ['entitlements'];
  const pdfForm = <S extends z.ZodType>(schema: S) => ({
    schema,
    fileField: FILE_FIELD,
    maxFileBytes: documents.maxBytes,
    extension: '.pdf',
    receive: documents.stage.bind(documents),
  });
  const evidenceFileRoute = (url: string, summary: string, load: typeof entitlements.platformEvidence) =>
    app.get(
      url,
      {
        schema: {
          summary,
          tags,
          produces: [PDF_MIME],
          params: idParamsSchema,
          response: { 200: fileResponse('PDF 文件'), 304: notModifiedResponse, ...missing, ...denied },
        },
      },
      async (request, reply) => {
        const actor = await guard.require(request, 'province');
        const { file, open } = await load(actor, request.params.id);
        return sendStoredFile(request, reply, PDF_MIME, file, open);
      },
    );

  app.get(
    '/province/organizations',
    {
      schema: {
        summary: '查找申报单位（名称或统一社会信用代码），以登记平台资质或邀请定向组织申报',
        tags,
        querystring: organizationSearchQuerySchema,
        response: {
          200: organizationSearchResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const found = await entitlements.searchOrganizations(actor, request.query.q);
      return { organizations: found.map(presentOrganizationSummary) };
    },
  );

  app.get(
    '/province/organizations/:id/platforms',
    {
      schema: {
        summary: '单位登记的平台资质（含有效期和证明文件）',
        tags,
        params: idParamsSchema,
        response: { 200: organizationPlatformsResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const { organization, platforms } = await entitlements.platforms(actor, request.params.id);
      return {
        organization: presentOrganizationSummary(organization),
        platforms: platforms.map(presentPlatform),
      };
    },
  );

  app.post(
    '/province/organizations/:id/platforms',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '登记单位的平台资质：平台类型、有效期和证明文件（PDF）',
        description: `multipart/form-data：platform、validFrom、validTo、note 和 ${FILE_FIELD}（PDF 文件）`,
        tags,
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: z.object({ platform: platformRecordSchema }), ...upload, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      await entitlements.assertOrganization(actor, request.params.id);
      const form = await readMultipartForm(request, pdfForm(platformFormSchema));
      const row = await entitlements.addPlatform(actor, request.params.id, form.fields, form.file);
      return reply.status(201).send({ platform: presentPlatform(row) });
    },
  );

  app.delete(
    '/province/organization-platforms/:id',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '删除单位的一项平台资质',
        tags,
        params: idParamsSchema,
        response: { 204: z.null(), ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      await entitlements.removePlatform(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  evidenceFileRoute(
    '/province/organization-platforms/:id/file',
    '下载平台资质的证明文件（PDF）',
    (actor, id) => entitlements.platformEvidence(actor, id),
  );

  app.get(
    '/province/calls/:id/directed',
    {
      schema: {
        summary: '定向组织：计划的定向方向、受邀单位，以及专题二申报书的定向标记',
        tags,
        params: callIdParamsSchema,
        response: { 200: directedOverviewSchema, ...errorResponses('CALL_NOT_FOUND'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentDirectedOverview(await entitlements.overview(actor, request.params.id));
    },
  );

  app.post(
    '/province/calls/:id/invitations',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary: '邀请单位申报定向组织方向',
        tags,
        params: callIdParamsSchema,
        body: invitationBodySchema,
        response: {
          201: z.object({ id: z.uuid() }),
          ...errorResponses('VALIDATION_FAILED', 'CALL_NOT_FOUND'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const row = await entitlements.invite(actor, request.params.id, request.body);
      return reply.status(201).send({ id: row.id });
    },
  );

  app.delete(
    '/province/invitations/:id',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary: '撤销定向组织邀请（该单位在此方向的申报书不再是定向组织）',
        tags,
        params: idParamsSchema,
        response: { 204: z.null(), ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      await entitlements.revoke(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/province/applications/:id/directed',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary:
          '将专题二申报书标记为定向组织（科技部 2026 年批复建设的联合实验室），附说明和证明文件（PDF）',
        description: `multipart/form-data：note 和 ${FILE_FIELD}（PDF 文件）`,
        tags,
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 204: z.null(), ...upload, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      await entitlements.assertMarkable(actor, request.params.id);
      const form = await readMultipartForm(request, pdfForm(markFormSchema));
      await entitlements.mark(actor, request.params.id, form.fields.note, form.file);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/province/applications/:id/directed',
    {
      config: { duties: { province: 'cooperation' } },
      schema: {
        summary: '取消专题二申报书的定向组织标记',
        tags,
        params: idParamsSchema,
        response: { 204: z.null(), ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      await entitlements.unmark(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  evidenceFileRoute(
    '/province/applications/:id/directed/file',
    '下载定向组织标记的证明文件（PDF）',
    (actor, id) => entitlements.markEvidence(actor, id),
  );

  app.get(
    '/entitlements',
    {
      schema: {
        summary: '本单位登记的平台资质，以及受邀申报的定向组织方向（只读）',
        tags,
        response: { 200: myEntitlementsSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'unit-admin', 'pi');
      return presentMyEntitlements(await entitlements.mine(actor));
    },
  );

  app.get(
    '/review/organizations/:id/platforms',
    {
      schema: {
        summary: '主管部门：所辖申报单位登记的平台资质（只读）',
        tags,
        params: idParamsSchema,
        response: { 200: organizationPlatformsResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department', 'province');
      const { organization, platforms } = await entitlements.platforms(actor, request.params.id);
      return {
        organization: presentOrganizationSummary(organization),
        platforms: platforms.map(presentPlatform),
      };
    },
  );
};
