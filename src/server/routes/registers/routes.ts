import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REGISTER_LABELS } from '../../../core/registers/kinds.js';
import { fileResponse, sendAttachment, XLSX_MIME } from '../../http/file-response.js';
import { readMultipartForm } from '../../http/multipart.js';
import { AppError } from '../../errors.js';
import { presentRegisterBatch, presentRegisterOutcome } from '../../presenters/registers.js';
import { errorResponses } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { FILE_FIELD } from '../../../contract/documents.js';
import {
  batchesResponseSchema,
  importFormSchema,
  importQuerySchema,
  kindParamsSchema,
  registerOutcomeSchema,
} from '../../../contract/registers.js';
import { receiveSpreadsheet, SPREADSHEET_LIMITS, templateXlsx } from '../../io/register-spreadsheet.js';

// 登记库导入: the province only; every other role is refused before the upload is read.

export const registerRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  await app.register(multipart);
  const { registers } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const upload = errorResponses(
    'VALIDATION_FAILED',
    'FILE_TOO_LARGE',
    'FILE_NOT_SPREADSHEET',
    'MULTIPART_REQUIRED',
  );
  const tags = ['province'];

  const readUpload = async (request: Parameters<typeof readMultipartForm>[0]) => {
    const form = await readMultipartForm(request, {
      schema: importFormSchema,
      fileField: FILE_FIELD,
      maxFileBytes: SPREADSHEET_LIMITS.maxBytes,
      receive: (stream) => receiveSpreadsheet(stream),
    });
    if (!form.file) throw AppError.invalidField(FILE_FIELD, '请选择要导入的登记表（.xlsx 或 .csv）');
    return { fileName: form.file.fileName, sha256: form.file.sha256, sheet: form.file.sheet };
  };

  app.get(
    '/province/registers/:kind/template',
    {
      schema: {
        summary: '下载登记表模板（.xlsx：第一个工作表为表头，第二个为填写说明）',
        tags,
        produces: [XLSX_MIME],
        params: kindParamsSchema,
        response: { 200: fileResponse('xlsx 文件'), ...denied },
      },
    },
    async (request, reply) => {
      await guard.require(request, 'province');
      const { kind } = request.params;
      return sendAttachment(reply, {
        mime: XLSX_MIME,
        fileName: `${REGISTER_LABELS[kind]}导入模板.xlsx`,
        body: await templateXlsx(kind),
      });
    },
  );

  app.post(
    '/province/registers/:kind/preview',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary:
          '预览导入：逐行检查（错误指明列），将新增、更新、不变的记录，及对申报书检查结论的影响；不写入',
        description: `multipart/form-data：${FILE_FIELD}（.xlsx 或 UTF-8 CSV）`,
        tags,
        consumes: ['multipart/form-data'],
        params: kindParamsSchema,
        querystring: importQuerySchema,
        response: { 200: registerOutcomeSchema, ...upload, ...errorResponses('NOT_FOUND'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const file = await readUpload(request);
      return presentRegisterOutcome(
        await registers.preview(actor, request.params.kind, file, request.query.callId),
      );
    },
  );

  app.post(
    '/province/registers/:kind/import',
    {
      config: { duties: { province: 'center' } },
      schema: {
        summary: '导入登记表：全部行无误才写入（按自然键新增或更新，重复导入不产生变化），否则一行也不写',
        description: `multipart/form-data：${FILE_FIELD}（.xlsx 或 UTF-8 CSV）`,
        tags,
        consumes: ['multipart/form-data'],
        params: kindParamsSchema,
        querystring: importQuerySchema,
        response: {
          201: registerOutcomeSchema,
          ...upload,
          ...errorResponses('REGISTER_ROWS_INVALID'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const file = await readUpload(request);
      const outcome = await registers.commit(actor, request.params.kind, file, request.query.callId);
      return reply.status(201).send(presentRegisterOutcome(outcome));
    },
  );

  app.get(
    '/province/registers/batches',
    {
      schema: {
        summary: '历次登记表导入：导入人、时间、文件 SHA-256 和新增、更新、不变的条数',
        tags,
        response: { 200: batchesResponseSchema, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return { batches: (await registers.batches()).map(presentRegisterBatch) };
    },
  );
};
