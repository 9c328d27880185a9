import { z } from 'zod';
import { USER_ROLES } from './vocabulary.js';

const dateSchema = z.iso.date({ error: '日期应为 YYYY-MM-DD' });

export const auditQuerySchema = z
  .object({
    action: z.string().trim().min(1).max(100).optional().meta({ title: '操作' }),
    entityType: z.string().trim().min(1).max(50).optional().meta({ title: '对象类型' }),
    entityId: z.string().trim().min(1).max(100).optional().meta({ title: '对象编号' }),
    actor: z.uuid().optional().meta({ title: '操作人' }),
    from: dateSchema.optional().meta({ title: '起始日期（北京时间，含）' }),
    to: dateSchema.optional().meta({ title: '截止日期（北京时间，含）' }),
    beforeSeq: z.coerce.number().int().positive().optional().meta({ title: '从此序号之前（翻页）' }),
    limit: z.coerce.number().int().min(1).max(200).default(50).meta({ title: '每页条数' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '不能早于起始日期' });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

const snapshotSchema = z.record(z.string(), z.unknown()).nullable();

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.iso.datetime({ offset: true }),
    actor: z
      .object({
        id: z.uuid(),
        name: z.string().nullable(),
        role: z.enum(USER_ROLES).nullable(),
        scope: z.string().nullable(),
      })
      .nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: snapshotSchema,
    after: snapshotSchema,
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBeforeSeq: z.number().int().nullable(),
});
export type AuditPageDto = z.infer<typeof auditPageSchema>;

export const auditVerdictSchema = z.discriminatedUnion('intact', [
  z.object({ intact: z.literal(true), entries: z.number().int(), headHash: z.string() }),
  z.object({
    intact: z.literal(false),
    entries: z.number().int(),
    brokenAt: z.number().int(),
    reason: z.string(),
  }),
]);
export type AuditVerdictDto = z.infer<typeof auditVerdictSchema>;
