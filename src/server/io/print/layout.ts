import type { PDFDocument, PDFPage } from 'pdf-lib';
import { degrees, rgb, type PDFFont, type PDFPageDrawTextOptions } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Block, Cell, PrintDocument, Run, SignatureBox } from '../../../core/print/blocks.js';
import type { Fonts } from './fonts.js';
import { lineWidth, textWidth, wrapRuns, type Line } from './wrap.js';

// Lays the documents' blocks out on A4 pages: flowing text, ruled tables that break across pages with their
// header repeated, signature boxes kept whole. Footers are stamped afterwards, once the total is known.

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = { left: 62, right: 62, top: 64, bottom: 72 };
const CONTENT = A4[0] - MARGIN.left - MARGIN.right;
const BODY = 10.5;
const LEADING = 1.55;
const PAD = 4;
const BORDER = rgb(0.25, 0.25, 0.25);
const SHADE = rgb(0.93, 0.94, 0.96);

class Flow {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {}

  newPage() {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN.top;
  }

  room() {
    return this.y - MARGIN.bottom;
  }

  /** Starts a new page unless `height` fits on this one (and this one has anything on it). */
  ensure(height: number) {
    if (height > this.room() && this.y < A4[1] - MARGIN.top) this.newPage();
  }

  drawLine(line: Line, x: number, baseline: number, size: number, color = rgb(0, 0, 0)) {
    let at = x;
    for (const piece of line) {
      if (piece.text.trim() !== '')
        drawText(this.page, piece.text, { x: at, y: baseline, size, font: piece.font, color });
      at += piece.width;
    }
  }
}

const current = new WeakMap<PDFPage, PDFFont>();

/**
 * `page.drawText`, selecting the font only when it changes: pdf-lib adds a resource entry each time a font is
 * passed, which would grow every page's resources by one entry per word.
 */
function drawText(
  page: PDFPage,
  text: string,
  options: Omit<PDFPageDrawTextOptions, 'font'> & { font: PDFFont },
) {
  const { font, ...rest } = options;
  if (current.get(page) !== font) {
    page.setFont(font);
    current.set(page, font);
  }
  page.drawText(text, rest);
}

const runsIn = (fonts: Fonts, runs: readonly Run[]) =>
  runs.map((r) => ({ text: r.text, font: r.bold ? fonts.bold : fonts.regular }));

function title(flow: Flow, text: string) {
  const size = 18;
  const lines = wrapRuns([{ text, font: flow.fonts.bold }], size, CONTENT);
  flow.ensure(lines.length * size * 1.5 + 12);
  for (const line of lines) {
    flow.y -= size * 1.4;
    flow.drawLine(line, MARGIN.left + (CONTENT - lineWidth(line)) / 2, flow.y, size);
  }
  flow.y -= 14;
}

function heading(flow: Flow, text: string) {
  const size = 12.5;
  // Kept with what follows: three lines of text, or a table's header and first rows.
  flow.ensure(size * 2 + BODY * LEADING * 5);
  flow.y -= size * 1.7;
  flow.drawLine(wrapRuns([{ text, font: flow.fonts.bold }], size, CONTENT)[0]!, MARGIN.left, flow.y, size);
  flow.y -= 6;
}

function paragraphLines(flow: Flow, lines: Line[], x: number, firstX = x) {
  const lh = BODY * LEADING;
  for (const [i, line] of lines.entries()) {
    flow.ensure(lh);
    flow.y -= lh;
    flow.drawLine(line, i === 0 ? firstX : x, flow.y + (lh - BODY) / 2 + 1, BODY);
  }
}

function paragraph(flow: Flow, runs: readonly Run[]) {
  const indent = BODY * 2;
  // The first line is indented two characters; wrapping it at the narrower width keeps it inside the margin.
  const text = runsIn(flow.fonts, runs);
  const lines = wrapRuns([{ text: '\u3000\u3000', font: flow.fonts.regular }, ...text], BODY, CONTENT);
  if (lines[0]?.[0]?.text === '\u3000\u3000') lines[0].shift();
  paragraphLines(flow, lines, MARGIN.left, MARGIN.left + indent);
  flow.y -= 3;
}

function list(flow: Flow, ordered: boolean, items: readonly Run[][]) {
  const hang = BODY * 2;
  for (const [i, item] of items.entries()) {
    const marker = ordered ? `${i + 1}.` : '•';
    const lines = wrapRuns(runsIn(flow.fonts, item), BODY, CONTENT - hang);
    const lh = BODY * LEADING;
    flow.ensure(lh);
    drawText(flow.page, marker, {
      x: MARGIN.left + BODY * 0.5,
      y: flow.y - lh + (lh - BODY) / 2 + 1,
      size: BODY,
      font: flow.fonts.regular,
    });
    paragraphLines(flow, lines, MARGIN.left + hang);
  }
  flow.y -= 3;
}

interface LaidCell {
  cell: Cell;
  x: number;
  width: number;
  lines: Line[];
}

function table(flow: Flow, widths: readonly number[], header: readonly Cell[][], rows: readonly Cell[][]) {
  const total = widths.reduce((a, w) => a + w, 0);
  const columns = widths.map((w) => (w / total) * CONTENT);
  const size = 9.5;
  const lh = size * 1.5;
  const lay = (row: readonly Cell[]): LaidCell[] => {
    let column = 0;
    let x = MARGIN.left;
    return row.map((cell) => {
      const span = cell.span ?? 1;
      const width = columns.slice(column, column + span).reduce((a, w) => a + w, 0);
      column += span;
      const laid = {
        cell,
        x,
        width,
        lines: wrapRuns(
          [{ text: cell.text, font: cell.label ? flow.fonts.bold : flow.fonts.regular }],
          size,
          width - PAD * 2,
        ),
      };
      x += width;
      return laid;
    });
  };
  const drawRow = (cells: LaidCell[], from: number, count: number) => {
    const height = count * lh + PAD * 2;
    const top = flow.y;
    for (const c of cells) {
      flow.page.drawRectangle({
        x: c.x,
        y: top - height,
        width: c.width,
        height,
        borderColor: BORDER,
        borderWidth: 0.6,
        ...(c.cell.label ? { color: SHADE } : {}),
      });
      for (const [i, line] of c.lines.slice(from, from + count).entries()) {
        const w = lineWidth(line);
        const x =
          c.cell.align === 'right'
            ? c.x + c.width - PAD - w
            : c.cell.align === 'center' || (c.cell.label && c.lines.length === 1)
              ? c.x + (c.width - w) / 2
              : c.x + PAD;
        flow.drawLine(line, x, top - PAD - (i + 1) * lh + (lh - size) / 2 + 1.5, size);
      }
    }
    flow.y -= height;
  };
  const headers = header.map(lay);
  const headerHeight = headers.reduce(
    (a, h) => a + Math.max(...h.map((c) => c.lines.length)) * lh + PAD * 2,
    0,
  );
  const drawHeader = () => headers.forEach((h) => drawRow(h, 0, Math.max(...h.map((c) => c.lines.length))));
  const body = rows.length > 0 ? rows : [[{ text: '（无）', span: widths.length, align: 'center' as const }]];
  // A header is never left at a page's foot: it goes on with at least two lines of its table.
  flow.ensure(headerHeight + (lh + PAD * 2) * 2);
  drawHeader();
  for (const row of body) {
    const cells = lay(row);
    const height = Math.max(...cells.map((c) => c.lines.length));
    let from = 0;
    while (from < height) {
      const fits = Math.floor((flow.room() - PAD * 2) / lh);
      // A row moves to the next page whole when it can, and is split only when taller than a page.
      const wanted = height - from;
      if (fits < Math.min(wanted, 3)) {
        flow.newPage();
        drawHeader();
        continue;
      }
      const count = Math.min(wanted, fits);
      drawRow(cells, from, count);
      from += count;
    }
  }
  flow.y -= 8;
}

function coverLines(flow: Flow, lines: readonly { label: string; value: string }[]) {
  const size = 14;
  const lh = size * 2.2;
  const labelWidth = size * 6;
  const x = MARGIN.left + 30;
  const valueWidth = CONTENT - 60 - labelWidth;
  for (const { label, value } of lines) {
    const wrapped = wrapRuns([{ text: value, font: flow.fonts.regular }], size, valueWidth - 8);
    flow.ensure(wrapped.length * lh);
    const labelLine = wrapRuns([{ text: `${label}：`, font: flow.fonts.bold }], size, labelWidth)[0]!;
    for (const [i, line] of wrapped.entries()) {
      flow.y -= lh;
      if (i === 0) flow.drawLine(labelLine, x + labelWidth - lineWidth(labelLine), flow.y + 6, size);
      flow.drawLine(line, x + labelWidth + 4, flow.y + 6, size);
      flow.page.drawLine({
        start: { x: x + labelWidth, y: flow.y + 2 },
        end: { x: x + labelWidth + valueWidth, y: flow.y + 2 },
        thickness: 0.6,
        color: BORDER,
      });
    }
  }
}

/** The QR code's modules as vector squares: sharp at any zoom and in print. */
function qr(flow: Flow, url: string, caption: string) {
  const modules = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
  const side = 92;
  const cell = side / modules.size;
  const captionSize = 8;
  flow.ensure(side + captionSize * 3);
  const x = A4[0] - MARGIN.right - side;
  const top = flow.y - 8;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (modules.get(r, c)) {
        flow.page.drawRectangle({
          x: x + c * cell,
          y: top - (r + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
      }
    }
  }
  const line = wrapRuns([{ text: caption, font: flow.fonts.regular }], captionSize, side + 60)[0]!;
  flow.drawLine(line, x + (side - lineWidth(line)) / 2, top - side - captionSize * 1.6, captionSize);
  flow.y = top - side - captionSize * 2.5;
}

function signatures(flow: Flow, boxes: readonly SignatureBox[]) {
  const size = 10;
  const lh = size * 1.7;
  const width = CONTENT / boxes.length;
  const laid = boxes.map((b) => ({
    box: b,
    title: b.title ? wrapRuns([{ text: b.title, font: flow.fonts.regular }], size, width - PAD * 3) : [],
    sign: b.sign
      .split('\n')
      .map((s) => wrapRuns([{ text: s, font: flow.fonts.regular }], size, width - PAD * 3)[0]!),
  }));
  const height =
    Math.max(...laid.map((l) => (l.title.length + l.box.room + l.sign.length + 1) * lh)) + PAD * 2;
  flow.ensure(height);
  const top = flow.y;
  for (const [i, l] of laid.entries()) {
    const x = MARGIN.left + i * width;
    if (l.box.title) {
      flow.page.drawRectangle({ x, y: top - height, width, height, borderColor: BORDER, borderWidth: 0.6 });
    }
    for (const [j, line] of l.title.entries())
      flow.drawLine(line, x + PAD * 1.5, top - PAD - (j + 1) * lh + 4, size);
    for (const [j, line] of l.sign.entries()) {
      const y = top - height + PAD + (l.sign.length - j) * lh - lh + 6;
      flow.drawLine(line, x + width - PAD * 3 - lineWidth(line), y, size);
    }
  }
  flow.y = top - height - 6;
}

function block(flow: Flow, b: Block) {
  switch (b.kind) {
    case 'title':
      return title(flow, b.text);
    case 'heading':
      return heading(flow, b.text);
    case 'paragraph':
      return paragraph(flow, b.runs);
    case 'list':
      return list(flow, b.ordered, b.items);
    case 'table':
      return table(flow, b.widths, b.header ?? [], b.rows);
    case 'cover-lines':
      return coverLines(flow, b.lines);
    case 'qr':
      return qr(flow, b.url, b.caption);
    case 'signatures':
      return signatures(flow, b.boxes);
    case 'space':
      flow.y -= b.lines * BODY * LEADING;
      return;
  }
}

/** Adds each document's pages to `doc`, each document starting on a new page; the pages, in order. */
export function layOut(doc: PDFDocument, fonts: Fonts, documents: readonly PrintDocument[]): PDFPage[] {
  const flow = new Flow(doc, fonts);
  for (const document of documents) {
    flow.newPage();
    for (const b of document.blocks) block(flow, b);
  }
  return flow.pages;
}

export interface FooterText {
  /** Left: the fingerprint and 受理编号, or the draft's warning. */
  left: string[];
  /** 第 n 页 / 共 N 页. */
  right: string;
  /** 草稿, diagonal across the page. */
  watermark?: string;
}

/** Stamps the footer (and the draft's watermark) on a page of any size: a form's or an attachment's. */
export function stampFooter(page: PDFPage, font: PDFFont, footer: FooterText) {
  const { width, height } = page.getSize();
  const size = 7.5;
  const left = Math.min(MARGIN.left, width * 0.08);
  const right = width - left;
  const baseline = 26;
  if (footer.watermark) {
    const wsize = Math.min(width, height) * 0.28;
    const w = textWidth(font, footer.watermark, wsize);
    const angle = Math.atan2(height, width);
    // Centred on the page along its diagonal.
    const cx = width / 2 - (Math.cos(angle) * w) / 2 + Math.sin(angle) * wsize * 0.35;
    const cy = height / 2 - (Math.sin(angle) * w) / 2 - Math.cos(angle) * wsize * 0.35;
    drawText(page, footer.watermark, {
      x: cx,
      y: cy,
      size: wsize,
      font,
      color: rgb(0.75, 0.1, 0.1),
      opacity: 0.18,
      rotate: degrees((angle * 180) / Math.PI),
    });
  }
  page.drawLine({
    start: { x: left, y: baseline + 12 },
    end: { x: right, y: baseline + 12 },
    thickness: 0.4,
    color: BORDER,
  });
  for (const [i, text] of footer.left.entries()) {
    drawText(page, text, { x: left, y: baseline - i * (size + 2.5), size, font, color: rgb(0.2, 0.2, 0.2) });
  }
  drawText(page, footer.right, {
    x: right - textWidth(font, footer.right, size + 1),
    y: baseline,
    size: size + 1,
    font,
    color: rgb(0.2, 0.2, 0.2),
  });
}

/** A page saying, in place of an attachment, why it is not there. */
export function noticePage(page: PDFPage, font: PDFFont, text: string) {
  const size = 12;
  const lines = wrapRuns([{ text, font }], size, CONTENT);
  for (const [i, line] of lines.entries()) {
    let x = MARGIN.left;
    for (const piece of line) {
      drawText(page, piece.text, { x, y: A4[1] - MARGIN.top - 40 - i * size * 1.8, size, font });
      x += piece.width;
    }
  }
}
