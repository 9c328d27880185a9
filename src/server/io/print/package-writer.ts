import { PDFDocument, PDFRef, type PDFObject } from 'pdf-lib';

// A PDF written as it is produced, part by part, so that a bound package of many attachments is never held
// whole: each part is a pdf-lib document whose new objects are numbered above the previous part's; its objects
// are serialized, their byte offsets recorded, and the part released. Every part's page tree is object 1 and its
// catalog object 2 (pdf-lib numbers them so in a new document): the writer skips both and writes the package's
// own at the end, so each page's /Parent already points at the package's page tree.

const PAGES = PDFRef.of(1);
const CATALOG = PDFRef.of(2);
const encoder = new TextEncoder();

export class PackageWriter {
  private offset = 0;
  private readonly offsets = new Map<number, number>();
  private readonly pageRefs: PDFRef[] = [];
  /** The largest object number written so far: the next part numbers its objects above it. */
  largest = CATALOG.objectNumber;

  constructor(private readonly emit: (chunk: Uint8Array) => void) {
    this.raw('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', true);
  }

  /** A new part document whose objects will not collide with those already written. */
  static async part(writer: PackageWriter): Promise<PDFDocument> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.context.largestObjectNumber = writer.largest;
    return doc;
  }

  /** Writes a part's pages and everything they use; the part may be dropped afterwards. */
  async writePart(doc: PDFDocument): Promise<void> {
    await doc.flush();
    for (const page of doc.getPages()) this.pageRefs.push(page.ref);
    for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
      if (ref === PAGES || ref === CATALOG) continue;
      this.object(ref, object);
    }
    this.largest = Math.max(this.largest, doc.context.largestObjectNumber);
  }

  /** The page tree, the catalog, the cross-reference table and the trailer. */
  finish(): void {
    const kids = this.pageRefs.map((r) => r.toString()).join(' ');
    this.rawObject(PAGES, `<< /Type /Pages /Kids [${kids}] /Count ${this.pageRefs.length} >>`);
    this.rawObject(CATALOG, `<< /Type /Catalog /Pages ${PAGES.toString()} >>`);
    const size = this.largest + 1;
    let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let n = 1; n < size; n++) {
      const at = this.offsets.get(n);
      xref += at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`;
    }
    const start = this.offset;
    this.raw(`${xref}trailer\n<< /Size ${size} /Root ${CATALOG.toString()} >>\nstartxref\n${start}\n%%EOF\n`);
  }

  get pageCount(): number {
    return this.pageRefs.length;
  }

  private object(ref: PDFRef, object: PDFObject) {
    const head = encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    this.offsets.set(ref.objectNumber, this.offset);
    this.bytes(head);
    this.bytes(body);
    this.raw('\nendobj\n');
  }

  private rawObject(ref: PDFRef, text: string) {
    this.offsets.set(ref.objectNumber, this.offset);
    this.raw(`${ref.objectNumber} 0 obj\n${text}\nendobj\n`);
  }

  private raw(text: string, latin1 = false) {
    this.bytes(latin1 ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : encoder.encode(text));
  }

  private bytes(chunk: Uint8Array) {
    this.offset += chunk.length;
    this.emit(chunk);
  }
}
