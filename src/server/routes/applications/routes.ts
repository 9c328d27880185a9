import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  presentApplication,
  presentApplicationView,
  presentEvaluation,
  presentEvent,
  presentReceipt,
} from '../../presenters/applications.js';
import { presentRefusal } from '../../presenters/errors.js';
import { ERRORS } from '../../../contract/errors.js';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import { APPLICANT_ROLES } from '../../../contract/vocabulary.js';
import type { RouteDeps } from '../deps.js';
import {
  applicationListResponseSchema,
  applicationResponseSchema,
  blockedResponseSchema,
  createApplicationBodySchema,
  receiptResponseSchema,
  submitResponseSchema,
  timelineResponseSchema,
  updateApplicationBodySchema,
  verifyReceiptBodySchema,
  versionBodySchema,
} from '../../../contract/applications.js';
import { z } from 'zod';

const READERS = [...APPLICANT_ROLES, 'department', 'province'] as const;

export const applicationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  const { applications } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');

  app.get(
    '/applications',
    {
      schema: {
        summary: '本单位（或本人）的申报书',
        tags: ['applications'],
        response: { 200: applicationListResponseSchema, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      return { applications: (await applications.listNamed(actor)).map(presentApplication) };
    },
  );

  app.post(
    '/applications',
    {
      schema: {
        summary: '新建申报书（草稿）',
        tags: ['applications'],
        body: createApplicationBodySchema,
        response: {
          201: applicationResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'CALL_CLOSED', 'NO_DEPARTMENT'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      const row = await applications.create(actor, request.body);
      return reply.status(201).send(presentApplicationView(await applications.view(actor, row.id)));
    },
  );

  app.get(
    '/applications/:id',
    {
      schema: {
        summary: '申报书及其规则检查结果',
        tags: ['applications'],
        params: idParamsSchema,
        response: { 200: applicationResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...READERS);
      return presentApplicationView(await applications.view(actor, request.params.id));
    },
  );

  app.put(
    '/applications/:id',
    {
      schema: {
        summary: '保存申报书（自动保存）：须注明所修改的版本',
        tags: ['applications'],
        params: idParamsSchema,
        body: updateApplicationBodySchema,
        response: {
          200: applicationResponseSchema,
          ...errorResponses('VALIDATION_FAILED', 'VERSION_CONFLICT', 'NOT_EDITABLE'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      return presentApplicationView(await applications.save(actor, request.params.id, request.body));
    },
  );

  app.post(
    '/applications/:id/submit',
    {
      schema: {
        summary: '提交申报书：重新检查全部规则，通过即受理并出具签名回执',
        tags: ['applications'],
        params: idParamsSchema,
        body: versionBodySchema,
        response: {
          200: submitResponseSchema,
          422: blockedResponseSchema,
          ...errorResponses('VERSION_CONFLICT', 'NOT_EDITABLE', 'DEADLINE_PASSED', 'FILING_NOT_OPEN'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      const outcome = await applications.submit(actor, request.params.id, request.body.version);
      if (!outcome.submitted) {
        return reply
          .status(ERRORS.SUBMISSION_BLOCKED.status)
          .send(presentRefusal('SUBMISSION_BLOCKED', { evaluation: presentEvaluation(outcome.evaluation) }));
      }
      return {
        application: presentApplication(outcome.application),
        receipt: presentReceipt(outcome.receipt),
      };
    },
  );

  app.post(
    '/applications/:id/withdraw',
    {
      schema: {
        summary: '撤回（作废）未提交的申报书',
        tags: ['applications'],
        params: idParamsSchema,
        body: versionBodySchema,
        response: {
          204: z.null(),
          ...errorResponses('VERSION_CONFLICT', 'NOT_EDITABLE'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, ...APPLICANT_ROLES);
      await applications.withdraw(actor, request.params.id, request.body.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/applications/:id/receipt',
    {
      schema: {
        summary: '受理回执（签名）',
        tags: ['applications'],
        params: idParamsSchema,
        response: { 200: receiptResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...READERS);
      return { receipt: presentReceipt(await applications.receipt(actor, request.params.id)) };
    },
  );

  app.get(
    '/applications/:id/timeline',
    {
      schema: {
        summary: '办理记录',
        tags: ['applications'],
        params: idParamsSchema,
        response: { 200: timelineResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, ...READERS);
      return { events: (await applications.timeline(actor, request.params.id)).map(presentEvent) };
    },
  );

  // Public: anyone holding a receipt can check it against the server's key.
  app.post(
    '/receipts/verify',
    {
      schema: {
        summary: '核验受理回执的签名',
        tags: ['receipts'],
        body: verifyReceiptBodySchema,
        response: { 200: z.object({ valid: z.boolean(), publicKey: z.string() }) },
      },
    },
    async (request) => applications.verifyReceipt(request.body.payload, request.body.signature),
  );
};
