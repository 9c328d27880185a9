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
  const comparable = forEachTrigramPoints(text, minCodePoints, (a, b, c) =>
    set.add(String.fromCodePoint(a, b, c)),
  );
  return comparable ? set : undefined;
}

/**
 * Calls `visit` with the code points of every trigram of the normalized text, in order, repeats included;
 * returns false, visiting nothing, when the text is too short to compare.
 */
function forEachTrigramPoints(
  text: string,
  minCodePoints: number,
  visit: (a: number, b: number, c: number) => void,
): boolean {
  const normalized = normalize(text);
  if (!SURROGATE.test(normalized)) {
    if (normalized.length < minCodePoints) return false;
    for (let i = 2; i < normalized.length; i++) {
      visit(normalized.charCodeAt(i - 2), normalized.charCodeAt(i - 1), normalized.charCodeAt(i));
    }
    return true;
  }
  const points = Array.from(normalized, (point) => point.codePointAt(0)!);
  if (points.length < minCodePoints) return false;
  for (let i = 2; i < points.length; i++) visit(points[i - 2]!, points[i - 1]!, points[i]!);
  return true;
}

const EMPTY = -1;

/**
 * Numbers trigrams densely, 0, 1, 2… in the order first seen, so that texts compare as sorted arrays of
 * integers: far cheaper in time and memory than sets of strings. A trigram's three code points (21 bits
 * each) are packed exactly into two 32-bit words, the keys of an open-addressing table.
 */
export class TrigramVocabulary {
  private low = new Int32Array(1 << 12);
  private high = new Int32Array(1 << 12);
  private id = new Int32Array(1 << 12).fill(EMPTY);
  private count = 0;
  private scratch: Int32Array = new Int32Array(256);

  /** How many distinct trigrams have been numbered. */
  get size(): number {
    return this.count;
  }

  /**
   * The ascending ids of the text's distinct trigrams, numbering those not seen before; `undefined` when
   * the text is too short to compare.
   */
  ids(text: string, minCodePoints: number = MIN_COMPARABLE_CODE_POINTS): Int32Array | undefined {
    let n = 0;
    const comparable = forEachTrigramPoints(text, minCodePoints, (a, b, c) => {
      if (n === this.scratch.length) this.scratch = growTo(this.scratch, 2 * n);
      this.scratch[n++] = this.intern(a | (b << 21), (b >>> 11) | (c << 10));
    });
    return comparable ? distinctSorted(this.scratch.subarray(0, n)) : undefined;
  }

  /**
   * The ascending ids of the text's trigrams already numbered, and how many distinct trigrams it has in all,
   * numbering none; `undefined` when the text is too short to compare.
   */
  known(
    text: string,
    minCodePoints: number = MIN_COMPARABLE_CODE_POINTS,
  ): { ids: Int32Array; size: number } | undefined {
    const found: number[] = [];
    const unknown = new Set<string>();
    const comparable = forEachTrigramPoints(text, minCodePoints, (a, b, c) => {
      const [low, high] = [a | (b << 21), (b >>> 11) | (c << 10)];
      const id = this.id[this.slot(low, high)]!;
      if (id === EMPTY) unknown.add(`${low}:${high}`);
      else found.push(id);
    });
    if (!comparable) return undefined;
    const ids = distinctSorted(Int32Array.from(found));
    return { ids, size: ids.length + unknown.size };
  }

  /** The slot holding the key, or the empty slot where it belongs. */
  private slot(low: number, high: number): number {
    const mask = this.id.length - 1;
    let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & mask;
    while (this.id[slot] !== EMPTY && (this.low[slot] !== low || this.high[slot] !== high)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private intern(low: number, high: number): number {
    let slot = this.slot(low, high);
    const found = this.id[slot]!;
    if (found !== EMPTY) return found;
    if (2 * (this.count + 1) > this.id.length) {
      this.grow();
      slot = this.slot(low, high);
    }
    this.low[slot] = low;
    this.high[slot] = high;
    this.id[slot] = this.count;
    return this.count++;
  }

  private grow(): void {
    const [low, high, id] = [this.low, this.high, this.id];
    this.low = new Int32Array(2 * low.length);
    this.high = new Int32Array(2 * high.length);
    this.id = new Int32Array(2 * id.length).fill(EMPTY);
    for (let old = 0; old < id.length; old++) {
      if (id[old] === EMPTY) continue;
      const slot = this.slot(low[old]!, high[old]!);
      this.low[slot] = low[old]!;
      this.high[slot] = high[old]!;
      this.id[slot] = id[old]!;
    }
  }
}

function growTo(values: Int32Array, length: number): Int32Array {
  const grown = new Int32Array(length);
  grown.set(values);
  return grown;
}

/** A sorted copy of the values without repeats. */
function distinctSorted(values: Int32Array): Int32Array {
  const sorted = Int32Array.from(values).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.slice(0, distinct);
}

/** |a ∩ b| / min(|a|, |b|) of two ascending arrays of distinct trigram ids; 0 when either is empty. */
export function containment(a: Int32Array, b: Int32Array): number {
  const small = Math.min(a.length, b.length);
  if (small === 0) return 0;
  let shared = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length;) {
    if (a[x] === b[y]) {
      shared++;
      x++;
      y++;
    } else if (a[x]! < b[y]!) x++;
    else y++;
  }
  return shared / small;
}
