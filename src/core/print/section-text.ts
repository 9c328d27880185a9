import type { Block, Run } from './blocks.js';

// The 申报书's section text (content.ts): paragraphs separated by blank lines, `**bold**`, and lines starting
// `- ` or `1. ` as list items.

const BULLET = /^\s*[-•]\s+/;
const NUMBERED = /^\s*\d+[.、]\s*/;

/** `**bold**` runs of a line; an unclosed `**` is kept as written. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  const pattern = /\*\*(.+?)\*\*/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index) });
    runs.push({ text: match[1]!, bold: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

/** The blocks of a section's text: paragraphs and lists, in order. */
export function sectionBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let list: { ordered: boolean; items: Run[][] } | undefined;
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', runs: runsOf(paragraph.join('')) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ kind: 'list', ...list });
    list = undefined;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      endParagraph();
      endList();
      continue;
    }
    const ordered = NUMBERED.test(line);
    if (ordered || BULLET.test(line)) {
      endParagraph();
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push(runsOf(line.replace(ordered ? NUMBERED : BULLET, '')));
      continue;
    }
    endList();
    paragraph.push(line);
  }
  endParagraph();
  endList();
  return blocks;
}
