import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { summaryTableTexts } from '../../../core/summary/summary-table.js';
import { toBeijingIso } from '../../../core/time.js';
import { summaryXlsxBuffer } from '../../io/summary-xlsx.js';
import { attachmentDisposition } from '../../http/content-disposition.js';
import { readMultipartForm } from '../../http/multipart.js';
import { presentEvent } from '../../presenters/applications.js';
import { presentDocument } from '../../presenters/documents.js';
import { presentCommitment, presentConfirmation, presentReviewItem } from '../../presenters/review.js';
import type { ReviewItem } from '../../services/review.js';
import { errorResponses, idParamsSchema } from '../../../contract/common.js';
import type { RouteDeps } from '../deps.js';
import { FILE_FIELD, PDF_MIME } from '../../../contract/documents.js';
import {
  bundleExportSchema,
  callQuerySchema,
  changesResponseSchema,
  checklistBodySchema,
  checklistResponseSchema,
  commitmentFormSchema,
  commitmentOverviewResponseSchema,
  commitmentParamsSchema,
  commitmentResponseSchema,
  commitmentSchema,
  confirmationsQuerySchema,
  confirmationsResponseSchema,
  confirmBodySchema,
  confirmResponseSchema,
  ownConfirmationResponseSchema,
  decisionBodySchema,
  decisionRefusedSchema,
  importPreviewResponseSchema,
  importResultSchema,
  quotaResponseSchema,
  returnBodySchema,
  reviewDetailResponseSchema,
  reviewListQuerySchema,
  reviewListResponseSchema,
  summaryQuerySchema,
  summaryResponseSchema,
} from '../../../contract/review.js';

/** A bundle of a few thousand applications. */
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reviewRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, guard }) => {
  await app.register(multipart);

  const { review, applications, reviewReports, commitments, documents, bundleImport } = services;
  const denied = errorResponses('UNAUTHENTICATED', 'FORBIDDEN');
  const missing = errorResponses('NOT_FOUND');
  const closed = errorResponses('REVIEW_CLOSED', 'LIST_CONFIRMED', 'STATUS_CONFLICT');
  const present = async (items: ReviewItem[]) => {
    const named = new Map(
      (await Promise.all(items.map((i) => applications.named(i.row.id)))).map((n) => [n.id, n]),
    );
    return items.map((item) => presentReviewItem(item, named.get(item.row.id)!));
  };

  app.get(
    '/review/applications',
    {
      schema: {
        summary: '主管部门收到的申报书（设区市含所辖县（市），只读）及规则检查结果',
        tags: ['review'],
        querystring: reviewListQuerySchema,
        response: { 200: reviewListResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const items = await review.list(actor, request.query);
      return { applications: await present(items) };
    },
  );

  app.get(
    '/review/applications/:id',
    {
      schema: {
        summary: '审核：申报书、规则检查结果、附件和办理记录（只读）',
        tags: ['review'],
        params: idParamsSchema,
        response: { 200: reviewDetailResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const detail = await review.detail(actor, request.params.id);
      return {
        item: (await present([detail.item]))[0]!,
        documents: detail.documents.map(presentDocument),
        events: detail.events.map(presentEvent),
        reviewClosesAt: toBeijingIso(detail.reviewClosesAt.getTime()),
        confirmed: detail.confirmed,
      };
    },
  );

  app.get(
    '/review/applications/:id/changes',
    {
      schema: {
        summary: '最近两次提交之间的修改：表单逐项、附件增删替换',
        tags: ['review'],
        params: idParamsSchema,
        response: { 200: changesResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return review.changes(actor, request.params.id);
    },
  );

  app.post(
    '/review/applications/:id/return',
    {
      schema: {
        summary: '退回修改：注明理由；申报单位可在主管部门审核推荐截止前修改后重新提交',
        tags: ['review'],
        params: idParamsSchema,
        body: returnBodySchema,
        response: { 204: z.null(), ...errorResponses('VALIDATION_FAILED'), ...closed, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      await review.returnForRevision(actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/review/applications/:id/decision',
    {
      schema: {
        summary: '推荐或不推荐：推荐须无错误、在限额之内，且在主管部门审核推荐截止之前',
        tags: ['review'],
        params: idParamsSchema,
        body: decisionBodySchema,
        response: {
          204: z.null(),
          409: decisionRefusedSchema,
          422: decisionRefusedSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const outcome = await review.decide(actor, request.params.id, request.body);
      if (!outcome.ok) {
        return reply.status(outcome.error.status as 409 | 422).send({
          error: { code: outcome.error.code, message: outcome.error.message },
          findings: outcome.findings,
        });
      }
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/review/applications/:id/undo',
    {
      schema: {
        summary: '撤销推荐决定（确认提交之前）',
        tags: ['review'],
        params: idParamsSchema,
        response: { 204: z.null(), ...closed, ...missing, ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      await review.undo(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/review/quota',
    {
      schema: {
        summary:
          '推荐限额：专题四、五已用与限额（设区市含所辖县（市）），单独推荐名额，专题二每家高校、科研机构申报数',
        tags: ['review'],
        querystring: callQuerySchema,
        response: { 200: quotaResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const quota = await review.quota(actor, request.query.callId);
      return {
        ...quota,
        holder: { id: quota.holder.id, name: quota.holder.name, kind: quota.holder.kind },
      };
    },
  );

  app.post(
    '/review/confirm',
    {
      schema: {
        summary: '网上确认提交本部门推荐名单：此后一律不予退回，不能再推荐或撤销',
        tags: ['review'],
        body: confirmBodySchema,
        response: {
          201: confirmResponseSchema,
          ...errorResponses(
            'VALIDATION_FAILED',
            'REVIEW_CLOSED',
            'LIST_CONFIRMED',
            'DECISIONS_PENDING',
            'COMMITMENT_MISSING',
          ),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const confirmation = await review.confirm(actor, request.body.callId);
      return reply.status(201).send({ confirmation: presentConfirmation(confirmation) });
    },
  );

  app.get(
    '/review/confirmation',
    {
      schema: {
        summary: '本部门是否已确认提交推荐名单（未确认时为 null）',
        tags: ['review'],
        querystring: callQuerySchema,
        response: { 200: ownConfirmationResponseSchema, ...errorResponses('CALL_NOT_FOUND'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const confirmation = await review.ownConfirmation(actor, request.query.callId);
      return { confirmation: confirmation && presentConfirmation(confirmation) };
    },
  );

  app.get(
    '/review/confirmations',
    {
      schema: {
        summary: '省厅：各主管部门已确认提交的推荐名单',
        tags: ['review'],
        querystring: confirmationsQuerySchema,
        response: { 200: confirmationsResponseSchema, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      return {
        confirmations: (await review.confirmations(request.query.callId)).map(presentConfirmation),
      };
    },
  );

  app.get(
    '/review/applications/:id/checklist',
    {
      schema: {
        summary: '形式审查：汇总表各判断栏的答复（未保存时由规则检查结果和申报书推得）',
        tags: ['review'],
        params: idParamsSchema,
        response: { 200: checklistResponseSchema, ...missing, ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return review.checklist(actor, request.params.id);
    },
  );

  app.put(
    '/review/applications/:id/checklist',
    {
      schema: {
        summary: '保存形式审查（本部门的申报书，确认提交和审核推荐截止之前）',
        tags: ['review'],
        params: idParamsSchema,
        body: checklistBodySchema,
        response: {
          200: checklistResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...closed,
          ...missing,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      return review.saveChecklist(actor, request.params.id, request.body);
    },
  );

  app.get(
    '/review/summary',
    {
      schema: {
        summary: '推荐项目汇总表（打印视图用）：本部门（设区市含所辖县（市））推荐的项目，按推荐先后',
        tags: ['review'],
        querystring: summaryQuerySchema,
        response: { 200: summaryResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const table = await reviewReports.summary(actor, request.query);
      return { texts: summaryTableTexts(), ...table };
    },
  );

  app.get(
    '/review/summary.xlsx',
    {
      schema: {
        summary: '下载推荐项目汇总表（xlsx）',
        tags: ['review'],
        produces: [XLSX_MIME],
        querystring: summaryQuerySchema,
        response: {
          200: z.any().meta({ description: 'xlsx 文件', format: 'binary' }),
          ...errorResponses('VALIDATION_FAILED'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const table = await reviewReports.summary(actor, request.query);
      const fileName = `推荐项目汇总表-${table.header.departmentName}-${request.query.callId}.xlsx`;
      return reply
        .type(XLSX_MIME)
        .header('Content-Disposition', attachmentDisposition(fileName))
        .header('X-Content-Type-Options', 'nosniff')
        .send(await summaryXlsxBuffer(table));
    },
  );

  app.get(
    '/review/bundle',
    {
      schema: {
        summary:
          '导出 shenbao.bundle/1：本部门（设区市含所辖县（市））收到的申报书及规则比较所需的其他申报书，可用 shenbao check 检查',
        description:
          '演示计划以其基础计划的编号导出（shenbao check 只认识正式计划，并按基础计划的时间窗判断），响应头 X-Shenbao-Note 说明',
        tags: ['review'],
        querystring: callQuerySchema,
        response: { 200: bundleExportSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      const { bundle, note } = await reviewReports.exportBundle(actor, request.query.callId);
      if (note) reply.header('X-Shenbao-Note', note);
      return reply
        .header('Content-Disposition', attachmentDisposition(`bundle-${request.query.callId}.json`))
        .send(bundle);
    },
  );

  app.post(
    '/review/commitment',
    {
      schema: {
        summary: '上传项目主管部门诚信承诺书（PDF；新上传的替换当前的，旧的保留为历史）',
        description: `multipart/form-data：${FILE_FIELD}（PDF 文件）`,
        tags: ['review'],
        consumes: ['multipart/form-data'],
        querystring: callQuerySchema,
        response: {
          201: z.object({ commitment: commitmentSchema }),
          ...errorResponses('VALIDATION_FAILED', 'FILE_TOO_LARGE', 'FILE_NOT_PDF', 'PDF_MALFORMED'),
          ...closed,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department');
      await commitments.assertUploadable(actor, request.query.callId);
      const form = await readMultipartForm(request, {
        schema: commitmentFormSchema,
        fileField: FILE_FIELD,
        maxFileBytes: documents.maxBytes,
        receive: documents.stage.bind(documents),
      });
      const commitment = await commitments.upload(actor, request.query.callId, form.file);
      return reply.status(201).send({ commitment: presentCommitment(commitment) });
    },
  );

  app.get(
    '/review/commitment',
    {
      schema: {
        summary: '本部门的诚信承诺书：当前的一份（含 SHA-256 指纹）及历次上传',
        tags: ['review'],
        querystring: callQuerySchema,
        response: { 200: commitmentResponseSchema, ...errorResponses('VALIDATION_FAILED'), ...denied },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department');
      const { current, history } = await commitments.list(actor, request.query.callId);
      return {
        current: current ? presentCommitment(current) : null,
        history: history.map(presentCommitment),
      };
    },
  );

  app.get(
    '/review/commitments',
    {
      schema: {
        summary: '省厅：各主管部门推荐名单的确认情况及当前的诚信承诺书（含 SHA-256 指纹）',
        tags: ['review'],
        querystring: callQuerySchema,
        response: {
          200: commitmentOverviewResponseSchema,
          ...errorResponses('VALIDATION_FAILED'),
          ...denied,
        },
      },
    },
    async (request) => {
      await guard.require(request, 'province');
      const rows = await commitments.overview(request.query.callId);
      return {
        callId: request.query.callId,
        departments: rows.map(({ department, confirmation, commitment }) => ({
          department: { id: department.id, name: department.name, kind: department.kind },
          confirmation: confirmation ? presentConfirmation(confirmation) : null,
          commitment: commitment ? presentCommitment(commitment) : null,
        })),
      };
    },
  );

  app.get(
    '/review/commitments/:id/file',
    {
      schema: {
        summary: '下载诚信承诺书 PDF（本部门的任一版本，省厅可下载任何部门的；ETag 为 SHA-256 指纹）',
        tags: ['review'],
        produces: [PDF_MIME],
        params: commitmentParamsSchema,
        response: {
          200: z.any().meta({ description: 'PDF 文件', format: 'binary' }),
          ...missing,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = await guard.require(request, 'department', 'province');
      const { commitment, open } = await commitments.file(actor, request.params.id);
      return reply
        .type(PDF_MIME)
        .header('ETag', `"${commitment.fileSha256}"`)
        .header('Content-Length', commitment.size)
        .header('Content-Disposition', attachmentDisposition(commitment.fileName))
        .header('X-Content-Type-Options', 'nosniff')
        .send(open());
    },
  );

  app.post(
    '/review/import/preview',
    {
      schema: {
        summary:
          '导入预览：读取 shenbao.bundle/1，列出每个格式问题或每项申报书的规则检查结果，不写入任何数据',
        tags: ['review'],
        body: z.unknown().meta({ description: 'shenbao.bundle/1' }),
        response: { 200: importPreviewResponseSchema, ...denied },
      },
    },
    async (request) => {
      await guard.require(request, 'department', 'province');
      return reviewReports.previewImport(request.body);
    },
  );

  app.post(
    '/review/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        summary:
          '导入 shenbao.bundle/1：主管部门导入本部门的申报书，省厅可导入任何部门的；有任何问题则不写入任何数据',
        description:
          '按统一社会信用代码匹配或新建单位，在单位内按证件号码（people[i].idNumber，可选）或姓名匹配或新建项目负责人；同一计划、同一导入方再次导入同一包不作任何修改，修改过的包只更新有变化的部分（已提交申报书的内容不能通过导入修改）',
        tags: ['review'],
        querystring: callQuerySchema,
        body: z.unknown().meta({ description: 'shenbao.bundle/1' }),
        response: {
          200: importResultSchema,
          ...errorResponses('VALIDATION_FAILED', 'IMPORT_REFUSED', 'REVIEW_CLOSED'),
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = await guard.require(request, 'department', 'province');
      return bundleImport.commit(actor, request.query.callId, request.body);
    },
  );
};
