import { PDFDocument, type PDFFont } from 'pdf-lib';
import type { PrintDocument } from '../../../core/print/blocks.js';
import { printDocuments, PRINTED_FORM_LABELS, type FormsInput } from '../../../core/print/forms.js';
import { embedFonts } from './fonts.js';
import { A4, layOut, noticePage, stampFooter, type FooterText } from './layout.js';
import { PackageWriter } from './package-writer.js';
import type { PrintAttachment, PrintedForm, PrintOptions, PrintSubject } from './types.js';

// The generator itself, on whichever thread runs it (index.ts sends it to a worker).

function formsInput(subject: PrintSubject, options: PrintOptions): FormsInput {
  return {
    call: subject.call,
    bundle: subject.bundle,
    applicationId: subject.applicationId,
    ...(subject.unit ? { unit: subject.unit } : {}),
    ...(options.acceptanceNo ? { acceptanceNo: options.acceptanceNo } : {}),
    ...(options.verifyUrl ? { verifyUrl: options.verifyUrl } : {}),
    generatedAt: options.generatedAt,
    ...(options.hideIdNumbers ? { hideIdNumbers: true } : {}),
  };
}

export const DRAFT_NOTICE = '草稿，不作签字盖章用';

/** Every page's footer: the 定稿 fingerprint and 受理编号, or the draft's warning; the page number throughout. */
export function footerOf(options: PrintOptions, page: number, total: number): FooterText {
  const right = `第 ${page} 页 / 共 ${total} 页`;
  if (options.mode === 'draft') {
    return { left: [`${DRAFT_NOTICE}    生成于 ${stamp(options.generatedAt)}`], right, watermark: '草稿' };
  }
  if (!options.fingerprint) throw new Error('a final print needs the snapshot fingerprint');
  return {
    left: [
      `定稿指纹（SHA-256）：${options.fingerprint}`,
      options.acceptanceNo ? `受理编号：${options.acceptanceNo}` : '受理编号：（提交后生成）',
    ],
    right,
  };
}

/** `2026-05-18 17:30` Beijing time. */
function stamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The characters any footer may need, put in the font's subset before it is written (attachment pages). */
function footerCharacters(options: PrintOptions, extra: readonly string[]): string {
  const samples = [footerOf(options, 1234567890, 1234567890), ...extra];
  return JSON.stringify(samples) + '0123456789';
}

/** The forms, laid out and footed; `first` is the number of their first page, `total` the document's. */
async function formsDocument(
  subject: PrintSubject,
  forms: readonly PrintedForm[],
  options: PrintOptions,
  doc: PDFDocument,
  total?: (formPages: number) => Promise<number>,
): Promise<{ font: PDFFont; pages: number; total: number }> {
  const fonts = await embedFonts(doc);
  const pages = layOut(doc, fonts, printDocuments(formsInput(subject, options), forms));
  const all = total ? await total(pages.length) : pages.length;
  for (const [i, page] of pages.entries()) stampFooter(page, fonts.regular, footerOf(options, i + 1, all));
  return { font: fonts.regular, pages: pages.length, total: all };
}

export async function renderForms(
  subject: PrintSubject,
  forms: readonly PrintedForm[],
  options: PrintOptions,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${forms.map((f) => PRINTED_FORM_LABELS[f]).join('、')}`);
  doc.setProducer('shenbao');
  await formsDocument(subject, forms, options, doc);
  return doc.save({ useObjectStreams: false });
}

/** Documents modelled as blocks (会评纪要 …): laid out, each page footed with `footer` and its number. */
export async function renderDocuments(
  documents: readonly PrintDocument[],
  footer: string,
  title: string,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer('shenbao');
  const fonts = await embedFonts(doc);
  const pages = layOut(doc, fonts, documents);
  for (const [i, page] of pages.entries()) {
    stampFooter(page, fonts.regular, { left: [footer], right: `第 ${i + 1} 页 / 共 ${pages.length} 页` });
  }
  return doc.save({ useObjectStreams: false });
}

const unreadable = (a: PrintAttachment, reason: string) =>
  `附件“${a.label}”（${a.fileName}）无法并入装订本：${reason}。请查看原件，或重新上传未加密、可正常打开的 PDF。`;

const UNREADABLE = ['文件已加密', '文件无法解析', '文件无法读取'] as const;

/** The attachment's pages, or why it cannot be bound: a file missing from storage is said, not thrown. */
async function loadAttachment(attachment: PrintAttachment): Promise<PDFDocument | string> {
  let bytes: Uint8Array;
  try {
    bytes = await attachment.open();
  } catch {
    return UNREADABLE[2];
  }
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    return (error as Error).name === 'EncryptedPDFError' ? UNREADABLE[0] : UNREADABLE[1];
  }
}

/**
 * The bound package, written part by part to `emit`: the four forms, then each attachment in turn (one in
 * memory at a time). The total page count is known before the first page is footed: every attachment is
 * opened once to count its pages, then again to copy them. An attachment that cannot be read takes one page
 * saying so, in its place.
 */
export async function renderPackage(
  subject: PrintSubject,
  options: PrintOptions,
  attachments: readonly PrintAttachment[],
  emit: (chunk: Uint8Array) => void | Promise<void>,
): Promise<void> {
  let pending: Uint8Array[] = [];
  const writer = new PackageWriter((chunk) => pending.push(chunk));
  const flushOut = async () => {
    const chunks = pending;
    pending = [];
    if (chunks.length > 0) await emit(Buffer.concat(chunks));
  };

  const counts: number[] = [];
  const forms = await PackageWriter.part(writer);
  const { font, total } = await formsDocument(
    subject,
    ['cover', 'unit-info', 'info-form', 'application-form'],
    options,
    forms,
    async (formPages) => {
      for (const a of attachments) {
        const loaded = await loadAttachment(a);
        counts.push(typeof loaded === 'string' ? 1 : loaded.getPageCount());
      }
      return formPages + counts.reduce((x, n) => x + n, 0);
    },
  );
  // Attachment pages are footed with the forms' font, so its subset must already hold every character used.
  font.encodeText(
    footerCharacters(
      options,
      attachments.map((a) => unreadable(a, UNREADABLE.join(''))),
    ),
  );
  await writer.writePart(forms);
  await flushOut();

  for (const attachment of attachments) {
    const part = await PackageWriter.part(writer);
    const loaded = await loadAttachment(attachment);
    if (typeof loaded === 'string') {
      noticePage(part.addPage(A4), font, unreadable(attachment, loaded));
    } else {
      const copied = await part.copyPages(loaded, loaded.getPageIndices());
      for (const page of copied) part.addPage(page);
    }
    for (const [i, page] of part.getPages().entries()) {
      stampFooter(page, font, footerOf(options, writer.pageCount + i + 1, total));
    }
    await writer.writePart(part);
    await flushOut();
  }
  writer.finish();
  await flushOut();
}
