// READING.md, 二、3 "Duplicate submission": texts are compared as sets of trigrams of Unicode code
// points after removing Unicode whitespace (U+3000 included); a text under 8 code points is not
// compared; the share is the containment of the text with fewer distinct trigrams in the other.

/** The call's default; the rule engine passes the call's own parameter. */
export const MIN_COMPARABLE_CODE_POINTS = 8;

const WHITE_SPACE = /\p{White_Space}/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

export function normalize(text: string): string {
  return text.replace(WHITE_SPACE, '');
}

/** Distinct code-point trigrams of the normalized text; `undefined` when it is too short to compare. */
export function trigrams(
  text: string,
  minCodePoints: number = MIN_COMPARABLE_CODE_POINTS,
): Set<string> | undefined {
  const set = new Set<string>();
  return forEachTrigram(text, minCodePoints, (gram) => set.add(gram)) ? set : undefined;
}

/**
 * Visits every code-point trigram of the normalized text in order, repeats included, without
 * building a set; returns false, visiting nothing, when the text is too short to compare.
 */
export function forEachTrigram(text: string, minCodePoints: number, visit: (gram: string) => void): boolean {
  const normalized = normalize(text);
  if (!SURROGATE.test(normalized)) {
    // Every UTF-16 unit is a code point here; slicing is markedly cheaper than splitting.
    if (normalized.length < minCodePoints) return false;
    for (let end = 3; end <= normalized.length; end++) visit(normalized.slice(end - 3, end));
    return true;
  }
  const points = Array.from(normalized);
  if (points.length < minCodePoints) return false;
  for (let i = 2; i < points.length; i++) visit(points[i - 2]! + points[i - 1]! + points[i]!);
  return true;
}

/** |a ∩ b| / min(|a|, |b|); 0 when either set is empty. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size;
}
