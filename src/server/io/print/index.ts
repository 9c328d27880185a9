import { Readable } from 'node:stream';
import { renderForms, renderPackage } from './render.js';
import type { PrintAttachment, PrintedForm, PrintOptions, PrintSubject } from './types.js';

/** The forms of `forms`, in that order, as one PDF. */
export async function printForms(
  subject: PrintSubject,
  forms: readonly PrintedForm[],
  options: PrintOptions,
): Promise<Readable> {
  return Readable.from([await renderForms(subject, forms, options)]);
}

/** The bound package of 三、2: the four forms, then every attachment, page-numbered throughout, streamed. */
export async function printPackage(
  subject: PrintSubject,
  options: PrintOptions,
  attachments: readonly PrintAttachment[],
): Promise<Readable> {
  let wake: (() => void) | undefined;
  let closed = false;
  const stream = new Readable({
    read() {
      wake?.();
    },
  });
  // The client may go away: the generator stops at its next chunk instead of waiting for a reader forever.
  stream.on('close', () => {
    closed = true;
    wake?.();
  });
  const emit = async (chunk: Uint8Array) => {
    if (closed) throw new Error('print stream closed');
    if (!stream.push(chunk)) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  };
  renderPackage(subject, options, attachments, emit).then(
    () => {
      if (!closed) stream.push(null);
    },
    (error: Error) => {
      if (!closed) stream.destroy(error);
    },
  );
  return stream;
}
