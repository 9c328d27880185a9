import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Reads a PDF back as people would: the text of each page, in order (CJK included), for tests that check what
// a generated document says and where.

export interface PdfText {
  pages: string[];
  /** Every page's text, joined. */
  text: string;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (and detaches) the buffer it is given.
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      );
    }
  } finally {
    await doc.destroy();
  }
  return { pages, text: pages.join('\n') };
}

/** A stream's bytes, whole (tests only: the server streams them). */
export async function streamBytes(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
