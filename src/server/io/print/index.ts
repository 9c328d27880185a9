import { Readable } from 'node:stream';
import type { PrintDocument } from '../../../core/print/blocks.js';
import { PrintPool } from './pool.js';
import type { PrintAttachment, PrintedForm, PrintOptions, PrintSubject } from './types.js';

// The generator's entry points for the server: the work runs in the process's pool of print workers.
let pool: PrintPool | undefined;
const printPool = () => (pool ??= new PrintPool());

/** The forms of `forms`, in that order, as one PDF. */
export async function printForms(
  subject: PrintSubject,
  forms: readonly PrintedForm[],
  options: PrintOptions,
): Promise<Readable> {
  const bytes = await printPool().forms(subject, forms, options);
  return Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)], {
    objectMode: false,
  });
}

/** Documents modelled as blocks (会评纪要 …) as one PDF, each page footed with `footer`. */
export async function printBlockDocuments(
  documents: readonly PrintDocument[],
  footer: string,
  title: string,
): Promise<Buffer> {
  const bytes = await printPool().documents(documents, footer, title);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The bound package of 三、2: the four forms, then every attachment, page-numbered throughout, streamed. */
export async function printPackage(
  subject: PrintSubject,
  options: PrintOptions,
  attachments: readonly PrintAttachment[],
): Promise<Readable> {
  return printPool().package(subject, options, attachments);
}
