import type { PDFFont } from 'pdf-lib';

// Line breaking for Chinese with Latin words: a line may break between any two CJK characters, a Latin word
// or number stays whole when it fits, and no line starts with closing punctuation or ends with opening
// punctuation (禁则): the character before moves down with it.

const NO_START = new Set('，。、；：？！）》」』”’】〕〉…—·％‰,.;:?!)]}%');
const NO_END = new Set('（《「『“‘【〔〈([{');
const WORD = /[A-Za-z0-9@#&_+\-./\\:=~'%]+ ?|\s+|[^]/gu;

export interface Piece {
  text: string;
  font: PDFFont;
  width: number;
}

export type Line = Piece[];

const widthCache = new WeakMap<PDFFont, Map<string, number>>();

/** Width at size 1; glyph widths are cached per font, as a form measures the same characters many times. */
function unitWidth(font: PDFFont, text: string): number {
  let cache = widthCache.get(font);
  if (!cache) widthCache.set(font, (cache = new Map()));
  let total = 0;
  for (const ch of text) {
    let w = cache.get(ch);
    if (w === undefined) {
      w = font.widthOfTextAtSize(ch, 1);
      cache.set(ch, w);
    }
    total += w;
  }
  return total;
}

export function textWidth(font: PDFFont, text: string, size: number): number {
  return unitWidth(font, text) * size;
}

/** Runs of text (each in its font) as lines at most `width` wide; `\n` breaks a line. */
export function wrapRuns(
  runs: readonly { text: string; font: PDFFont }[],
  size: number,
  width: number,
): Line[] {
  const lines: Line[] = [[]];
  let used = 0;
  const newLine = () => {
    lines.push([]);
    used = 0;
  };
  const place = (piece: Piece) => {
    const line = lines.at(-1)!;
    if (used + piece.width > width && line.length > 0) {
      if (/^\s+$/.test(piece.text)) return;
      // 禁则: carry the last character down rather than start a line with a closing mark.
      const carry: Piece[] = [];
      const first = [...piece.text][0]!;
      if (NO_START.has(first) && line.length > 1) carry.push(line.pop()!);
      while (line.length > 1 && NO_END.has([...line.at(-1)!.text].at(-1)!)) carry.unshift(line.pop()!);
      newLine();
      for (const c of carry) {
        lines.at(-1)!.push(c);
        used += c.width;
      }
    }
    lines.at(-1)!.push(piece);
    used += piece.width;
  };
  for (const run of runs) {
    for (const segment of run.text.split('\n').entries()) {
      const [index, text] = segment;
      if (index > 0) newLine();
      for (const match of text.matchAll(WORD)) {
        const token = match[0];
        const w = unitWidth(run.font, token) * size;
        if (w <= width) {
          place({ text: token, font: run.font, width: w });
          continue;
        }
        // A word longer than the line (a URL, a hash): broken at any character.
        for (const ch of token) place({ text: ch, font: run.font, width: unitWidth(run.font, ch) * size });
      }
    }
  }
  return lines.map((line) => trimEnd(line));
}

function trimEnd(line: Line): Line {
  while (line.length > 0 && /^\s+$/.test(line.at(-1)!.text)) line.pop();
  return line;
}

export const lineWidth = (line: Line) => line.reduce((a, p) => a + p.width, 0);
