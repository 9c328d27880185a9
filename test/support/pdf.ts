import { createHash } from 'node:crypto';

// Test-only PDFs and files beside the generator the demo uses.

export { pdf, pdfChunks, type PdfOptions } from '../../src/server/seed/pdf.js';
import { ascii } from '../../src/server/seed/pdf.js';

/** A PDF 1.5+ file whose cross-reference section is a stream object (`/Type /XRef`) instead of a table. */
export function pdfWithXrefStream(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = text.length;
  offsets.push(xref);
  // Entries of W [1 4 2]: type, offset, generation.
  const entry = (type: number, field2: number, field3: number) => {
    const bytes = Buffer.alloc(7);
    bytes.writeUInt8(type, 0);
    bytes.writeUInt32BE(field2, 1);
    bytes.writeUInt16BE(field3, 5);
    return bytes;
  };
  const table = Buffer.concat([entry(0, 0, 65535), ...offsets.map((offset) => entry(1, offset, 0))]);
  return Buffer.concat([
    ascii(text),
    ascii(`4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length ${table.length} >>\nstream\n`),
    table,
    ascii(`\nendstream\nendobj\nstartxref\n${xref}\n%%EOF\n`),
  ]);
}

/** A real 1×1 PNG image. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The fingerprint the server must report for `bytes`. */
export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
