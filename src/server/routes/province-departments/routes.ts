import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse, sendAttachment, XLSX_MIME } from '../../http/file-response.js';
import { readMultipartForm } from '../../http/multipart.js';
import { AppError } from '../../errors.js';
import {
  DEPARTMENT_SHEET_LIMITS,
  DEPARTMENT_SHEET_TITLE,
  departmentTemplateXlsx,
} from '../../io/department-spreadsheet.js';
import { receiveSpreadsheet } from '../../io/register-spreadsheet.js';
import {
  presentDepartmentDetail,
  presentDepartmentImport,
  presentManagedDepartment,
} from '../../presenters/departments.js';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import {
  departmentBodySchema,
  departmentDetailSchema,
  departmentImportSchema,
  departmentQuerySchema,
  managedDepartmentSchema,
  managedDepartmentsResponseSchema,
} from '../../../contract/departments.js';
import { FILE_FIELD } from '../../../contract/documents.js';
import type { RouteDeps } from '../deps.js';
import { registerDepartmentContactUpdate } from '../department-contact.js';

// 项目主管部门名录 as the province edits it: list, create, edit, deactivate, delete (when nothing refers to
// it), and import a list as .xlsx (preview, then apply). Each handler authorizes first.

const NOUN = '主管部门名单';

export const provinceDepartmentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { services, guard },
) => {
  await app.register(multipart);
  const { departments, departmentImport } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const invalid = errorResponses('VALIDATION_FAILED', 'DEPARTMENT_NAME_TAKEN');
  const upload = errorResponses(
    'VALIDATION_FAILED',
    'FILE_TOO_LARGE',
    'FILE_NOT_SPREADSHEET',
    'SPREADSHEET_OVER_LIMIT',
    'MULTIPART_REQUIRED',
  );
  const tags = ['province'];

  const readUpload = async (request: Parameters<typeof readMultipartForm>[0]) => {
    const form = await readMultipartForm(request, {
      schema: z.object({}),
      fileField: FILE_FIELD,
      maxFileBytes: DEPARTMENT_SHEET_LIMITS.maxBytes,
      receive: (stream) => receiveSpreadsheet(stream, DEPARTMENT_SHEET_LIMITS, NOUN),
    });
    if (!form.file) throw AppError.invalidField(FILE_FIELD, '请选择要导入的主管部门名单（.xlsx）');
    return { fileName: form.file.fileName, sheet: form.file.sheet };
  };

  app.get(
    '/province/departments',
    {
      schema: {
        summary: '项目主管部门名录：按名称搜索，按类型、所在设区市、状态筛选',
        tags,
        querystring: departmentQuerySchema,
        response: {
          200: managedDepartmentsResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      const entries = await departments.list(actor, request.query);
      return { departments: entries.map(presentManagedDepartment) };
    },
  );

  app.post(
    '/province/departments',
    {
      config: { duties: { province: 'admin' } },
      schema: {
        summary: '新增项目主管部门',
        tags,
        body: departmentBodySchema,
        response: { 201: managedDepartmentSchema, ...invalid, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const created = await departments.create(actor, request.body);
      return reply.status(201).send(presentManagedDepartment(created));
    },
  );

  app.get(
    '/province/departments/template',
    {
      schema: {
        summary: '下载主管部门名单导入模板（.xlsx：第一个工作表为表头，第二个为填写说明）',
        tags,
        produces: [XLSX_MIME],
        response: { 200: fileResponse('xlsx 文件'), ...denied },
      },
    },
    async (request, reply) => {
      await guard.require(request, 'province');
      return sendAttachment(reply, {
        mime: XLSX_MIME,
        fileName: `${DEPARTMENT_SHEET_TITLE}导入模板.xlsx`,
        body: await departmentTemplateXlsx(),
      });
    },
  );

  app.post(
    '/province/departments/import/preview',
    {
      config: { duties: { province: 'admin' } },
      schema: {
        summary: '预览导入主管部门名单：逐行检查（指明行和列），按名称将新增、更新或不变；不写入',
        description: `multipart/form-data：${FILE_FIELD}（.xlsx）`,
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: departmentImportSchema, ...upload, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentDepartmentImport(await departmentImport.preview(actor, await readUpload(request)));
    },
  );

  app.post(
    '/province/departments/import',
    {
      config: { duties: { province: 'admin' } },
      schema: {
        summary: '导入主管部门名单：全部行无误才写入（按名称新增或更新，重复导入不产生变化），否则一行也不写',
        description: `multipart/form-data：${FILE_FIELD}（.xlsx）`,
        tags,
        consumes: ['multipart/form-data'],
        response: {
          201: departmentImportSchema,
          ...upload,
          ...errorResponses('DEPARTMENT_ROWS_INVALID'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      const outcome = await departmentImport.apply(actor, await readUpload(request));
      return reply.status(201).send(presentDepartmentImport(outcome));
    },
  );

  app.get(
    '/province/departments/:id',
    {
      schema: {
        summary: '项目主管部门：当前内容、被引用情况和历次版本',
        tags,
        params: idParamsSchema,
        response: { 200: departmentDetailSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentDepartmentDetail(await departments.detail(actor, request.params.id));
    },
  );

  app.put(
    '/province/departments/:id',
    {
      config: { duties: { province: 'admin' } },
      schema: {
        summary: '修改项目主管部门（名称、类型、所属设区市、区划代码、联系人）',
        tags,
        params: idParamsSchema,
        body: departmentBodySchema,
        response: { 200: managedDepartmentSchema, ...invalid, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'province');
      return presentManagedDepartment(await departments.update(actor, request.params.id, request.body));
    },
  );

  registerDepartmentContactUpdate(
    app,
    { services, guard },
    {
      url: '/province/departments/:id/contact',
      role: 'province',
      config: { duties: { province: 'admin' } },
      summary: '修改项目主管部门的联系人（打印在推荐项目汇总表上）',
      tags,
    },
  );

  for (const [action, active, summary] of [
    ['deactivate', false, '停用项目主管部门：保留它和引用它的记录，但注册时不再列出'],
    ['activate', true, '重新启用项目主管部门'],
  ] as const) {
    app.post(
      `/province/departments/:id/${action}`,
      {
        config: { duties: { province: 'admin' } },
        schema: {
          summary,
          tags,
          params: idParamsSchema,
          response: {
            200: managedDepartmentSchema,
            ...errorResponses('STATUS_CONFLICT'),
            ...missing,
            ...denied,
          },
        },
      },
      async (request) => {
        const actor = await guard.require(request, 'province');
        return presentManagedDepartment(await departments.setActive(actor, request.params.id, active));
      },
    );
  }

  app.delete(
    '/province/departments/:id',
    {
      config: { duties: { province: 'admin' } },
      schema: {
        summary: '删除项目主管部门：已有申报书、单位、账号或所辖县（市）引用的不能删除（可停用）',
        tags,
        params: idParamsSchema,
        response: { 204: z.null(), ...errorResponses('DEPARTMENT_REFERENCED'), ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'province');
      await departments.delete(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
