// The 申报书's section markup (src/core/application/content.ts): paragraphs separated by blank lines,
// `**bold**`, and lines starting `- ` or `1. ` as list items. Parsed into blocks so that the web app and the
// printed PDF render the same text the same way; nothing in it is HTML, so nothing needs sanitising.

export interface Span {
  text: string;
  bold: boolean;
}

/** A line of text, as its spans. */
export type MarkupLine = Span[];

export type MarkupBlock =
  /** Lines of one paragraph: a single line break inside a paragraph is kept. */
  | { kind: 'paragraph'; lines: MarkupLine[] }
  | { kind: 'bullets'; items: MarkupLine[] }
  /** `start` is the first item's number as written. */
  | { kind: 'numbered'; start: number; items: MarkupLine[] };

const BULLET = /^\s*[-•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,3})\.\s+(.*)$/;

/** `**bold**` spans; an unmatched `**` stays as written. */
export function parseSpans(line: string): MarkupLine {
  const spans: Span[] = [];
  let rest = line;
  for (;;) {
    const open = rest.indexOf('**');
    const close = open < 0 ? -1 : rest.indexOf('**', open + 2);
    if (close < 0) break;
    if (open > 0) spans.push({ text: rest.slice(0, open), bold: false });
    const bold = rest.slice(open + 2, close);
    if (bold) spans.push({ text: bold, bold: true });
    rest = rest.slice(close + 2);
  }
  if (rest || spans.length === 0) spans.push({ text: rest, bold: false });
  return spans;
}

export function parseMarkup(text: string): MarkupBlock[] {
  const blocks: MarkupBlock[] = [];
  let current: MarkupBlock | undefined;
  const close = () => {
    if (current) blocks.push(current);
    current = undefined;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!raw.trim()) {
      close();
      continue;
    }
    const bullet = BULLET.exec(raw);
    const numbered = bullet ? null : NUMBERED.exec(raw);
    if (bullet) {
      if (current?.kind !== 'bullets') {
        close();
        current = { kind: 'bullets', items: [] };
      }
      current.items.push(parseSpans(bullet[1]!));
    } else if (numbered) {
      if (current?.kind !== 'numbered') {
        close();
        current = { kind: 'numbered', start: Number(numbered[1]), items: [] };
      }
      current.items.push(parseSpans(numbered[2]!));
    } else {
      if (current?.kind !== 'paragraph') {
        close();
        current = { kind: 'paragraph', lines: [] };
      }
      current.lines.push(parseSpans(raw.trim()));
    }
  }
  close();
  return blocks;
}
