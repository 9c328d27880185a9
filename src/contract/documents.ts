import { z } from 'zod';
import { type CompletenessFlag, dateSchema, DOCUMENT_KINDS } from '../core/bundle/schema.js';
import { MB } from '../core/file-size.js';

export { MB };
export const DEFAULT_UPLOAD_MAX_MB = 20;
/** The largest file the server accepts unless UPLOAD_MAX_MB says otherwise; the web app checks it before sending. */
export const UPLOAD_MAX_BYTES = DEFAULT_UPLOAD_MAX_MB * MB;
export const PDF_MIME = 'application/pdf';
/** The multipart field that carries the PDF. */
export const FILE_FIELD = 'file';

export const COMPLETENESS_LABELS = {
  signatures: '已签字',
  seals: '已盖章',
  dates: '已注明签署日期',
  representatives: '已写明各方代表姓名职务',
  duties: '已写明职责分工',
  ipClause: '含知识产权条款',
} as const satisfies Record<CompletenessFlag, string>;

// Multipart forms carry every value as text: an empty input means "not given", a checkbox or a select says
// "true"/"false" (or "on", "1", "0"). JSON bodies pass through these unchanged.
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);
const FORM_BOOLEANS: Record<string, boolean> = { true: true, on: true, '1': true, false: false, '0': false };
const formBoolean = (title: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (FORM_BOOLEANS[value] ?? value) : value),
    z.boolean().meta({ title }),
  );

const kindSchema = z.enum(DOCUMENT_KINDS).meta({ title: '附件类型' });
const partiesSchema = z
  .preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z.array(z.string().trim().min(1).max(200).meta({ title: '签署方' })).max(20),
  )
  .meta({ title: '签署方' });
const signedOnSchema = z.preprocess(blankToUndefined, dateSchema.meta({ title: '签署日期' }).optional());
const validUntilSchema = z.preprocess(blankToUndefined, dateSchema.meta({ title: '有效期至' }).optional());
const languageSchema = z.enum(['zh', 'foreign']).meta({ title: '文本语言' });
const chineseTranslationSchema = formBoolean('附有中文译本');
const captionSchema = z.preprocess(
  blankToUndefined,
  z.string().trim().max(100, '附件说明不能超过 100 字').meta({ title: '附件说明' }).optional(),
);
/** The 定稿 fingerprint a signed scan of a generated form was printed from, as the uploader declares it. */
const printedFromSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^[0-9a-f]{64}$/, '请选择扫描件打印自哪一版定稿')
    .meta({ title: '打印自定稿版本' })
    .optional(),
);

const completenessShape = <T extends z.ZodType>(flag: (title: string) => T) =>
  z.object({
    signatures: flag(COMPLETENESS_LABELS.signatures),
    seals: flag(COMPLETENESS_LABELS.seals),
    dates: flag(COMPLETENESS_LABELS.dates),
    representatives: flag(COMPLETENESS_LABELS.representatives),
    duties: flag(COMPLETENESS_LABELS.duties),
    ipClause: flag(COMPLETENESS_LABELS.ipClause),
  });

/** A document's description (spec/bundle.md, Document): absent values take the bundle's defaults. */
export const documentMetadataSchema = z.object({
  parties: partiesSchema.default([]),
  signedOn: signedOnSchema,
  validUntil: validUntilSchema,
  language: languageSchema.default('zh'),
  chineseTranslation: chineseTranslationSchema.default(false),
  complete: completenessShape((title) => formBoolean(title).default(false)).prefault({}),
  caption: captionSchema,
  printedFrom: printedFromSchema,
});
export type DocumentMetadataInput = z.infer<typeof documentMetadataSchema>;

/** `POST /applications/:id/documents`: the form fields beside the file (`complete.signatures` etc. for flags). */
export const uploadDocumentFormSchema = documentMetadataSchema.extend({ kind: kindSchema });
export type UploadDocumentForm = z.infer<typeof uploadDocumentFormSchema>;

/**
 * Changes to a document: only the fields given change; `null` clears a date. As the body of `PATCH
 * …/documents/:docId`, and as the form fields of `PUT …/documents/:docId`, where sent metadata replaces the
 * old as a whole (what is absent takes its default) and, with no metadata field sent, the old metadata stays.
 */
export const documentChangesSchema = z.object({
  kind: kindSchema.optional(),
  parties: partiesSchema.optional(),
  signedOn: signedOnSchema.nullable(),
  validUntil: validUntilSchema.nullable(),
  language: languageSchema.optional(),
  chineseTranslation: chineseTranslationSchema.optional(),
  complete: completenessShape((title) => formBoolean(title).optional()).optional(),
  caption: captionSchema,
  printedFrom: printedFromSchema,
});
export type DocumentChanges = z.infer<typeof documentChangesSchema>;

export const patchDocumentBodySchema = documentChangesSchema.refine(
  (changes) => Object.values(changes).some((value) => value !== undefined),
  '请至少修改一项',
);

export const applicationDocumentParamsSchema = z.object({
  id: z.uuid().meta({ title: '申报书编号' }),
  docId: z.uuid().meta({ title: '附件编号' }),
});
export const documentParamsSchema = z.object({ docId: z.uuid().meta({ title: '附件编号' }) });
export const listDocumentsQuerySchema = z.object({
  history: z.stringbool().default(false).meta({ title: '含历史版本' }),
});

export const documentSchema = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    kind: z.enum(DOCUMENT_KINDS),
    fileName: z.string(),
    /** SHA-256 of the file's bytes, lower-case hex: the fingerprint applicants and reviewers compare. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int(),
    metadata: z.object({
      parties: z.array(z.string()),
      signedOn: z.string().nullable(),
      validUntil: z.string().nullable(),
      language: languageSchema,
      chineseTranslation: z.boolean(),
      complete: completenessShape(() => z.boolean()),
      caption: z.string().nullable(),
      printedFrom: z.string().nullable(),
    }),
    uploadedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    uploadedAt: z.iso.datetime({ offset: true }),
    /** Set once the document was replaced or deleted; `replacedBy` names its successor, if any. */
    supersededAt: z.iso.datetime({ offset: true }).nullable(),
    replacedBy: z.uuid().nullable(),
  })
  .meta({ id: 'Document' });
export type DocumentView = z.infer<typeof documentSchema>;

export const documentResponseSchema = z.object({ document: documentSchema });
export const documentListResponseSchema = z.object({ documents: z.array(documentSchema) });
