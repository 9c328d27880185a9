// READING.md, 二、3 "Duplicate submission": texts are compared as sets of trigrams of Unicode code
// points after removing Unicode whitespace (U+3000 included); a text under 8 code points is not
// compared; the share is the containment of the text with fewer distinct trigrams in the other.

/** The call's default; the rule engine passes the call's own parameter. */
export const MIN_COMPARABLE_CODE_POINTS = 8;

const WHITE_SPACE = /\p{White_Space}/gu;

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
 * The code points of the normalized text, in a buffer reused from call to call (valid until the next call);
 * a lone surrogate counts as one code point, as `Array.from` has it.
 */
let pointBuffer = new Int32Array(1024);
function normalizedPoints(text: string): { points: Int32Array; length: number } {
  const normalized = normalize(text);
  if (pointBuffer.length < normalized.length) pointBuffer = new Int32Array(2 * normalized.length);
  let length = 0;
  for (let i = 0; i < normalized.length; i++) {
    const point = normalized.codePointAt(i)!;
    if (point > 0xffff) i++;
    pointBuffer[length++] = point;
  }
  return { points: pointBuffer, length };
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
  const { points, length } = normalizedPoints(text);
  if (length < minCodePoints) return false;
  for (let i = 2; i < length; i++) visit(points[i - 2]!, points[i - 1]!, points[i]!);
  return true;
}

// A trigram's three code points (21 bits each) packed exactly into two 32-bit words.
const low = (a: number, b: number) => a | (b << 21);
const high = (b: number, c: number) => (b >>> 11) | (c << 10);

/** MurmurHash3's finalizer: every bit of the input moves about half the bits of the output. */
function mix(value: number): number {
  let x = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** The index in `slots` (each slot three words: low, high, a value 0 when empty) of the key, or of its empty slot. */
function slotOf(slots: Int32Array, l: number, h: number): number {
  const mask = slots.length / 3 - 1;
  let s = 3 * (mix(l ^ mix(h)) & mask);
  while (slots[s + 2] !== 0 && (slots[s] !== l || slots[s + 1] !== h)) {
    s += 3;
    if (s === slots.length) s = 0;
  }
  return s;
}

let radixBuffer = new Int32Array(1024);
const radixCounts = new Int32Array(256);

/**
 * Sorts `values`, each in [0, bound), in place: a radix sort a byte at a time, several times faster on a
 * text's trigram ids than the typed array's own sort.
 */
export function sortIds(values: Int32Array, bound: number): void {
  const length = values.length;
  if (length < 48) {
    for (let i = 1; i < length; i++) {
      const value = values[i]!;
      let j = i - 1;
      for (; j >= 0 && values[j]! > value; j--) values[j + 1] = values[j]!;
      values[j + 1] = value;
    }
    return;
  }
  if (radixBuffer.length < length) radixBuffer = new Int32Array(2 * length);
  let from: Int32Array = values;
  let to: Int32Array = radixBuffer.subarray(0, length);
  for (let shift = 0; shift === 0 || (shift < 32 && (bound - 1) >>> shift > 0); shift += 8) {
    radixCounts.fill(0);
    for (let i = 0; i < length; i++) radixCounts[(from[i]! >>> shift) & 255]!++;
    for (let digit = 0, sum = 0; digit < 256; digit++) {
      const count = radixCounts[digit]!;
      radixCounts[digit] = sum;
      sum += count;
    }
    for (let i = 0; i < length; i++) {
      const value = from[i]!;
      to[radixCounts[(value >>> shift) & 255]!++] = value;
    }
    [from, to] = [to, from];
  }
  if (from !== values) values.set(from);
}

/** The sorted distinct values of values[0 .. length), each in [0, bound), as a new array; `values` is sorted in place. */
function sortedDistinct(values: Int32Array, length: number, bound: number): Int32Array {
  const sorted = values.subarray(0, length);
  sortIds(sorted, bound);
  let distinct = 0;
  for (let i = 0; i < length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.slice(0, distinct);
}

// The scratch space of a call, shared by all vocabularies.
/** A call's ids before they are sorted. */
let scratch = new Int32Array(1024);
/** The distinct trigrams `known` met that have no id: slots of low, high, the call that met them. */
let unknownSlots = new Int32Array(3 << 10);
let knownCalls = 0;
/** Per id, the call of `distinctIds` that last met it. */
let metAt = new Int32Array(1024);
let idCalls = 0;

/**
 * Numbers trigrams densely, 0, 1, 2… in the order first seen, so that texts compare as sorted arrays of
 * integers: far cheaper in time and memory than sets of strings. The table is open addressing over the packed
 * keys, a slot's two key words and id side by side (one cache line per probe).
 */
export class TrigramVocabulary {
  /** Slots of low, high, id + 1. */
  private slots: Int32Array;
  private count = 0;

  /**
   * `capacity`: about how many distinct trigrams it will number, to size the table once (the duplicate rules
   * build one vocabulary per group of submissions, most of them small).
   */
  constructor(capacity = 2048) {
    let length = 3 * 64;
    while (2 * 3 * capacity > length) length *= 2;
    this.slots = new Int32Array(length);
  }

  /** How many distinct trigrams have been numbered. */
  get size(): number {
    return this.count;
  }

  /**
   * The ascending ids of the text's distinct trigrams, numbering those not seen before; `undefined` when
   * the text is too short to compare.
   */
  ids(text: string, minCodePoints: number = MIN_COMPARABLE_CODE_POINTS): Int32Array | undefined {
    const ids = this.distinctIds(text, minCodePoints);
    if (ids !== undefined) sortIds(ids, this.count);
    return ids;
  }

  /** `ids` in no particular order (for a caller that orders them its own way). */
  distinctIds(text: string, minCodePoints: number = MIN_COMPARABLE_CODE_POINTS): Int32Array | undefined {
    const { points, length } = normalizedPoints(text);
    if (length < minCodePoints) return undefined;
    if (scratch.length < length) scratch = new Int32Array(2 * length);
    if (metAt.length < this.count + length) metAt = new Int32Array(2 * (this.count + length));
    const call = ++idCalls;
    let n = 0;
    for (let i = 2; i < length; i++) {
      const b = points[i - 1]!;
      const id = this.intern(low(points[i - 2]!, b), high(b, points[i]!));
      if (metAt[id] === call) continue;
      metAt[id] = call;
      scratch[n++] = id;
    }
    return scratch.slice(0, n);
  }

  /**
   * The ascending ids of the text's trigrams already numbered, and how many distinct trigrams it has in all,
   * numbering none; `undefined` when the text is too short to compare.
   */
  known(
    text: string,
    minCodePoints: number = MIN_COMPARABLE_CODE_POINTS,
  ): { ids: Int32Array; size: number } | undefined {
    const { points, length } = normalizedPoints(text);
    if (length < minCodePoints) return undefined;
    if (scratch.length < length) scratch = new Int32Array(2 * length);
    while (unknownSlots.length < 3 * 2 * length) unknownSlots = new Int32Array(2 * unknownSlots.length);
    const call = ++knownCalls;
    let [n, unknown] = [0, 0];
    for (let i = 2; i < length; i++) {
      const b = points[i - 1]!;
      const [l, h] = [low(points[i - 2]!, b), high(b, points[i]!)];
      const id = this.slots[slotOf(this.slots, l, h) + 2]! - 1;
      if (id >= 0) {
        scratch[n++] = id;
        continue;
      }
      // A slot of an earlier call counts as empty here; the calls' numbers never repeat.
      const mask = unknownSlots.length / 3 - 1;
      let s = 3 * (mix(l ^ mix(h)) & mask);
      while (unknownSlots[s + 2] === call && (unknownSlots[s] !== l || unknownSlots[s + 1] !== h)) {
        s = s + 3 === unknownSlots.length ? 0 : s + 3;
      }
      if (unknownSlots[s + 2] === call) continue;
      unknownSlots[s] = l;
      unknownSlots[s + 1] = h;
      unknownSlots[s + 2] = call;
      unknown++;
    }
    const ids = sortedDistinct(scratch, n, this.count);
    return { ids, size: ids.length + unknown };
  }

  /** Gives each trigram the id `to[id]`: `to` is a permutation of the ids. */
  renumber(to: Int32Array): void {
    for (let s = 2; s < this.slots.length; s += 3) {
      if (this.slots[s] !== 0) this.slots[s] = to[this.slots[s]! - 1]! + 1;
    }
  }

  private intern(l: number, h: number): number {
    let s = slotOf(this.slots, l, h);
    if (this.slots[s + 2] !== 0) return this.slots[s + 2]! - 1;
    if (2 * 3 * (this.count + 1) > this.slots.length) {
      this.grow(2 * this.slots.length);
      s = slotOf(this.slots, l, h);
    }
    this.slots[s] = l;
    this.slots[s + 1] = h;
    this.slots[s + 2] = ++this.count;
    return this.count - 1;
  }

  private grow(length: number): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(length));
    for (let s = 0; s < old.length; s += 3) {
      if (old[s + 2] === 0) continue;
      const to = slotOf(slots, old[s]!, old[s + 1]!);
      slots[to] = old[s]!;
      slots[to + 1] = old[s + 1]!;
      slots[to + 2] = old[s + 2]!;
    }
  }
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
