import { Readable } from 'node:stream';
import { pdfChunks } from '../../seed/pdf.js';
import type { PrintAttachment, PrintedForm, PrintOptions, PrintSubject } from './types.js';

// PLACEHOLDER until the generator lands (issue 13, the pdf part): same signatures, a blank one-page PDF.

/** The forms of `forms`, in that order, as one PDF. */
export async function printForms(
  subject: PrintSubject,
  forms: readonly PrintedForm[],
  options: PrintOptions,
): Promise<Readable> {
  return Readable.from(pdfChunks({ seed: `${subject.applicationId}|${forms.join()}|${options.mode}` }));
}

/** The bound package of 三、2: the four forms, then every attachment, page-numbered throughout, streamed. */
export async function printPackage(
  subject: PrintSubject,
  options: PrintOptions,
  attachments: readonly PrintAttachment[],
): Promise<Readable> {
  return Readable.from(
    pdfChunks({ seed: `${subject.applicationId}|package|${options.mode}|${attachments.length}` }),
  );
}
