// Highlighting for the side-by-side view of a suspected duplicate (READING.md, 二、3): the parts of
// each original text covered by trigrams the other text shares, in code points of the original.

import { normalize, trigrams } from './trigrams.js';

/** Code-point offsets into the original text; `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface OverlapSpans {
  a: Span[];
  b: Span[];
}

export function overlapSpans(a: string, b: string): OverlapSpans {
  return { a: coveredSpans(a, trigrams(b, 0) ?? new Set()), b: coveredSpans(b, trigrams(a, 0) ?? new Set()) };
}

/**
 * Maximal runs of normalized code points covered by a shared trigram, each mapped back to the original
 * from its first to its last code point, so whitespace inside a run is highlighted with it.
 */
function coveredSpans(text: string, shared: ReadonlySet<string>): Span[] {
  const points = Array.from(text);
  const kept: number[] = [];
  for (let i = 0; i < points.length; i++) if (normalize(points[i]!) !== '') kept.push(i);

  const spans: Span[] = [];
  let runStart = -1;
  let coveredUntil = -1;
  for (let k = 0; k + 2 < kept.length; k++) {
    if (!shared.has(points[kept[k]!]! + points[kept[k + 1]!]! + points[kept[k + 2]!]!)) continue;
    if (runStart < 0 || k > coveredUntil + 1) {
      if (runStart >= 0) spans.push({ start: kept[runStart]!, end: kept[coveredUntil]! + 1 });
      runStart = k;
    }
    coveredUntil = k + 2;
  }
  if (runStart >= 0) spans.push({ start: kept[runStart]!, end: kept[coveredUntil]! + 1 });
  return spans;
}
