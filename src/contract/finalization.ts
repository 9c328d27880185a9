import { z } from 'zod';

// 定稿 (a fixed snapshot of the application that the documents to sign are printed from), printing, and the
// public page that confirms a printed fingerprint.

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, '指纹应为 64 位十六进制数');

export const snapshotSchema = z
  .object({
    id: z.uuid(),
    /** SHA-256 of the snapshot's canonical JSON: the fingerprint on every printed page. */
    sha256: sha256Schema,
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Snapshot' });
export type SnapshotView = z.infer<typeof snapshotSchema>;

export const finalizationSchema = z
  .object({
    /** The 定稿 the documents to sign print from; null before 定稿 and after any later edit (reopened). */
    current: snapshotSchema.nullable(),
    /** Every 定稿 of the application, newest first: what a signed scan may declare it was printed from. */
    snapshots: z.array(snapshotSchema),
    /** The platform's notices on signed scans printed from another 定稿 than the current one. */
    scanNotices: z.array(z.string()),
  })
  .meta({ id: 'Finalization' });
export type FinalizationView = z.infer<typeof finalizationSchema>;

export const finalizeResponseSchema = z.object({ snapshot: snapshotSchema });

/** What the print routes make: each generated form, the four together, or the bound package of 三、2. */
export const PRINT_DOCUMENTS = [
  'cover',
  'unit-info',
  'info-form',
  'application-form',
  'forms',
  'package',
] as const;
export type PrintDocument = (typeof PRINT_DOCUMENTS)[number];

export const PRINT_DOCUMENT_LABELS: Record<PrintDocument, string> = {
  cover: '封面',
  'unit-info': '单位信息表',
  'info-form': '项目信息表',
  'application-form': '项目申报书',
  forms: '申报材料',
  package: '申报书装订本',
};

export const printParamsSchema = z.object({
  id: z.uuid().meta({ title: '申报书编号' }),
  document: z.enum(PRINT_DOCUMENTS, { error: '请选择要打印的材料' }).meta({ title: '材料' }),
});
export const printQuerySchema = z.object({
  preview: z.stringbool().default(false).meta({ title: '打印预览（草稿）' }),
});

export const fingerprintParamsSchema = z.object({ sha256: sha256Schema.meta({ title: '指纹' }) });

/** What anyone holding a printed page may learn from its fingerprint: nothing about the project itself. */
export const fingerprintResponseSchema = z
  .object({
    generatedAt: z.iso.datetime({ offset: true }),
    callName: z.string(),
    /** 受理编号, once the application was submitted. */
    acceptanceNo: z.string().nullable(),
    /** Whether it is still the application's current 定稿. */
    current: z.boolean(),
  })
  .meta({ id: 'Fingerprint' });
export type FingerprintView = z.infer<typeof fingerprintResponseSchema>;
