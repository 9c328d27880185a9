import { createHash } from 'node:crypto';

// Real PDFs for upload tests and the benchmark, written byte by byte so that every offset is exact.

const PAD_BLOCK = 64 * 1024;
/** Room for `/Length`'s digits, so that the offsets do not depend on the padding. */
const LENGTH_WIDTH = 12;

export interface PdfOptions {
  /** Makes the bytes (and the hash) unique. */
  seed?: string;
  /** The exact size in bytes, reached by padding the page's content stream with comment lines. */
  size?: number;
  /** Overrides the `startxref` offset (to build a broken file). */
  startxref?: number;
  version?: string;
}

const ascii = (text: string) => Buffer.from(text, 'latin1');

function paddingBlock(seed: string): Buffer {
  const line = `% padding ${seed} ${'.'.repeat(60)}\n`;
  return ascii(line.repeat(Math.ceil(PAD_BLOCK / line.length)).slice(0, PAD_BLOCK));
}

/**
 * A one-page PDF with a classic cross-reference table, as chunks: a large one is never held whole. The page's
 * content stream carries the padding, so the file stays valid at any size.
 */
export function* pdfChunks({ seed = 'shenbao', size, startxref, version = '1.7' }: PdfOptions = {}) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const header = ascii(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`);
  const drawing = `% ${seed}\n72 72 m 523 770 l S\n`;
  const offsets: number[] = [];
  let body = '';
  for (const [index, object] of objects.entries()) {
    offsets.push(header.length + body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  }
  offsets.push(header.length + body.length);
  const streamEnd = '\nendstream\nendobj\n';
  const trailer = (xref: number) => {
    const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
    return `xref\n0 5\n0000000000 65535 f \n${entries}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${startxref ?? xref}\n%%EOF\n`;
  };
  const streamStart = (length: number) =>
    `4 0 obj\n<< /Length ${String(length).padEnd(LENGTH_WIDTH)}>>\nstream\n${drawing}`;

  const fixed = header.length + body.length + streamStart(0).length + streamEnd.length;
  let padding = 0;
  if (size !== undefined) {
    // The trailer's length depends on the digits of its own offset: settle them, then pad to the exact size.
    for (let guess = size; ;) {
      padding = size - fixed - trailer(guess).length;
      const xref = fixed + padding;
      if (xref === guess) break;
      guess = xref;
    }
    if (padding < 0) throw new Error(`a PDF cannot be as small as ${size} bytes`);
  }
  const xref = fixed + padding;

  yield Buffer.concat([header, ascii(body), ascii(streamStart(drawing.length + padding))]);
  const block = paddingBlock(seed);
  for (let left = padding; left > 0; left -= block.length) {
    yield left >= block.length ? block : block.subarray(0, left);
  }
  yield ascii(streamEnd + trailer(xref));
}

export function pdf(options: PdfOptions = {}): Buffer {
  return Buffer.concat([...pdfChunks(options)]);
}

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
