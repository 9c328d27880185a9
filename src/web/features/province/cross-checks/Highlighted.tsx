import type { ReactNode } from 'react';

/** The text with the spans (code-point offsets, `end` exclusive) marked. */
export function Highlighted({ text, spans }: { text: string; spans: { start: number; end: number }[] }) {
  const points = Array.from(text);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    if (start > at) parts.push(points.slice(at, start).join(''));
    parts.push(
      <mark key={start} data-testid="overlap">
        {points.slice(start, end).join('')}
      </mark>,
    );
    at = end;
  }
  if (at < points.length) parts.push(points.slice(at).join(''));
  return <span style={{ whiteSpace: 'pre-wrap' }}>{parts}</span>;
}
