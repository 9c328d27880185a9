import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REGISTER_LABELS } from '../../../core/registers/kinds.js';
import { toBeijingIso } from '../../../core/time.js';
import { attachmentDisposition } from '../../http/content-disposition.js';
import { readMultipartForm } from '../../http/multipart.js';
import { AppError } from '../../errors.js';
import type { RegisterOutcome } from '../../services/registers.js';
import { errorResponses } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { FILE_FIELD } from '../../../contract/documents.js';
import {
  batchesResponseSchema,
  importFormSchema,
  importQuerySchema,
  kindParamsSchema,
  registerOutcomeSchema,
  type RegisterOutcomeView,
} from '../../../contract/registers.js';
import { receiveSpreadsheet, SPREADSHEET_LIMITS, templateXlsx } from '../../io/register-spreadsheet.js';

// 登记库导入: the province only; every other role is refused before the upload is read.

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function present(outcome: RegisterOutcome): RegisterOutcomeView {
  return {
    kind: outcome.kind,
    callId: outcome.callId,
    fileName: outcome.fileName,
    sha256: outcome.sha256,
    fileProblems: outcome.fileProblems,
    rows: outcome.rows.map((r) => ({ ...r, record: r.record ?? null })),
    counts: outcome.counts,
    effect: outcome.effect,
    batchId: outcome.batch?.id ?? null,
  };
}

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
        response: { 200: z.any().meta({ description: 'xlsx 文件', format: 'binary' }), ...denied },
      },
    },
    async (request, reply) => {
      await guard.require(request, 'province');
      const { kind } = request.params;
      return reply
        .type(XLSX_MIME)
        .header('Content-Disposition', attachmentDisposition(`${REGISTER_LABELS[kind]}导入模板.xlsx`))
        .send(await templateXlsx(kind));
    },
  );

  app.post(
    '/province/registers/:kind/preview',
    {
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
      return present(await registers.preview(actor, request.params.kind, file, request.query.callId));
    },
  );

  app.post(
    '/province/registers/:kind/import',
    {
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
      return reply.status(201).send(present(outcome));
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
      const batches = await registers.batches();
      return {
        batches: batches.map((b) => ({
          id: b.id,
          kind: b.kind,
          callId: b.callId,
          fileName: b.fileName,
          sha256: b.fileSha256,
          importedBy: b.importedByName,
          importedAt: toBeijingIso(b.importedAt.getTime()),
          rows: b.rows,
          created: b.created,
          updated: b.updated,
          unchanged: b.unchanged,
        })),
      };
    },
  );
};
