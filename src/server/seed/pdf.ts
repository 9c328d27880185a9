// Real PDFs, written byte by byte so that every offset is exact: the demo's documents, and the upload tests'
// and benchmark's files (the upload checks accept nothing else).

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

export const ascii = (text: string) => Buffer.from(text, 'latin1');

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
