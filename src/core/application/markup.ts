// The simple markup of the 申报书's sections (content.ts, sectionTextSchema): paragraphs separated by blank lines,
// `**bold**`, and lines starting `- ` (a bullet list) or `1. ` (a numbered list). Read by the form's preview and
// by whatever prints the 申报书, so that both show the same structure.

export interface Run {
  text: string;
  bold: boolean;
}

export type Block =
  | { kind: 'paragraph'; lines: Run[][] }
  | { kind: 'bullets'; items: Run[][] }
  | { kind: 'numbered'; items: Run[][] };

const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*\d{1,3}[.、．]\s*/;

/** A line's text as plain and bold runs; an unclosed `**` stays as typed. */
export function runsOf(line: string): Run[] {
  const runs: Run[] = [];
  let rest = line;
  for (let match = /\*\*(.+?)\*\*/.exec(rest); match; match = /\*\*(.+?)\*\*/.exec(rest)) {
    if (match.index > 0) runs.push({ text: rest.slice(0, match.index), bold: false });
    runs.push({ text: match[1]!, bold: true });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest !== '') runs.push({ text: rest, bold: false });
  return runs;
}

const newBlock = (kind: Block['kind']): Block =>
  kind === 'paragraph' ? { kind, lines: [] } : kind === 'bullets' ? { kind, items: [] } : { kind, items: [] };

export function parseMarkup(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.trim() === '') {
      current = undefined;
      continue;
    }
    const kind: Block['kind'] = BULLET.test(raw) ? 'bullets' : NUMBERED.test(raw) ? 'numbered' : 'paragraph';
    const block: Block = current?.kind === kind ? current : newBlock(kind);
    if (block !== current) blocks.push(block);
    current = block;
    if (block.kind === 'paragraph') block.lines.push(runsOf(raw.trim()));
    else block.items.push(runsOf(raw.replace(block.kind === 'bullets' ? BULLET : NUMBERED, '').trim()));
  }
  return blocks;
}
