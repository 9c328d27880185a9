// Exact containment search over many documents (READING.md, 二、3 "Duplicate submission"), by
// prefix filtering as in all-pairs similarity joins (Bayardo et al. 2007; PPJoin, Xiao et al. 2008).
//
// Containment is |A∩B| / min(|A|,|B|), so no length filter applies and the classic "both prefixes
// intersect" lemma is false here (a small B inside a large A can miss A's own prefix entirely).
// What holds: let B be the smaller set (|B| ≤ |A|) and need = the least k with k/|B| ≥ t. Ordering
// both sets by one global order, the first shared trigram w sits at a position ≤ |B| − need + 1 in B,
// because at least need − 1 shared trigrams follow it. So B's own prefix of that length contains w,
// and w is in A's whole set. Hence:
//   • pairs: probe each document's prefix against the full postings of every document not smaller;
//   • query, stored document not smaller: probe the query's prefix against full postings;
//   • query, stored document smaller: probe every query trigram against the stored prefixes.
// The first posting that meets a document is w itself, so the remaining shared trigrams lie after
// w's position on both sides; that gives PPJoin's positional bound and a verification that resumes
// there. Trigrams are ordered rarest first, which keeps the probed postings short.

import { MIN_COMPARABLE_CODE_POINTS, trigrams } from './trigrams.js';

export interface SimilarityIndexOptions {
  /** The lowest share the index answers for; queries may ask for a higher one. */
  threshold: number;
  minCodePoints?: number;
}

export interface SimilarityMatch {
  id: string;
  share: number;
}

export interface SimilarPair {
  /** Added before `b`. */
  a: string;
  b: string;
  share: number;
}

interface Built {
  /** Token id → rank in the global order (rarest first). */
  rank: Int32Array;
  /** Document number (by size, then insertion) → entry index (insertion order). */
  entryOf: Int32Array;
  /** Document d's ranks, ascending, are ranks[start[d] .. start[d + 1]). */
  start: Int32Array;
  size: Int32Array;
  ranks: Int32Array;
  full: Postings;
  prefix: Postings;
  marks: Int32Array;
  generation: number;
}

/** Rank r's documents, ascending, are docs[start[r] .. start[r + 1]), each with the rank's position in it. */
interface Postings {
  start: Int32Array;
  docs: Int32Array;
  positions: Int32Array;
}

/** The least k with k / size ≥ threshold, computed with the same division the share uses. */
export function minShared(size: number, threshold: number): number {
  let k = Math.ceil(threshold * size);
  while (k > 1 && (k - 1) / size >= threshold) k--;
  while (k < size && k / size < threshold) k++;
  return Math.max(k, 1);
}

function prefixLength(size: number, threshold: number): number {
  return size - minShared(size, threshold) + 1;
}

function checkThreshold(threshold: number, floor: number): void {
  if (!(threshold > 0 && threshold >= floor && threshold <= 1)) {
    throw new RangeError(`相似度阈值 threshold 须大于 0、不低于 ${floor} 且不超过 1，收到 ${threshold}`);
  }
}

/** Items 0…n−1 by key ascending, ties by item: a counting sort, the keys being small counts. */
function orderByKey(keys: Int32Array): Int32Array {
  let bound = 0;
  for (const key of keys) if (key >= bound) bound = key + 1;
  const slots = new Int32Array(bound + 1);
  for (const key of keys) slots[key + 1]!++;
  for (let key = 1; key <= bound; key++) slots[key]! += slots[key - 1]!;
  const order = new Int32Array(keys.length);
  for (let item = 0; item < keys.length; item++) order[slots[keys[item]!]!++] = item;
  return order;
}

/** Postings of each document's ranks[start[d] .. endOf(d)). */
function postings(
  rankCount: number,
  start: Int32Array,
  ranks: Int32Array,
  endOf: (d: number) => number,
): Postings {
  const documents = start.length - 1;
  const postingStart = new Int32Array(rankCount + 1);
  for (let d = 0; d < documents; d++) {
    for (let i = start[d]!; i < endOf(d); i++) postingStart[ranks[i]! + 1]!++;
  }
  for (let r = 1; r <= rankCount; r++) postingStart[r]! += postingStart[r - 1]!;
  const cursor = postingStart.slice(0, -1);
  const docs = new Int32Array(postingStart[rankCount]!);
  const positions = new Int32Array(docs.length);
  for (let d = 0; d < documents; d++) {
    for (let i = start[d]!; i < endOf(d); i++) {
      const k = cursor[ranks[i]!]!++;
      docs[k] = d;
      positions[k] = i - start[d]!;
    }
  }
  return { start: postingStart, docs, positions };
}

/**
 * Shared trigrams of xs[x..xEnd) and ys[y..yEnd) (both ascending) added to `shared`; stops early,
 * returning less than `need`, once `need` is out of reach.
 */
function countShared(
  xs: Int32Array,
  x: number,
  xEnd: number,
  ys: Int32Array,
  y: number,
  yEnd: number,
  shared: number,
  need: number,
): number {
  while (x < xEnd && y < yEnd) {
    if (shared + Math.min(xEnd - x, yEnd - y) < need) return shared;
    const u = xs[x]!;
    const v = ys[y]!;
    if (u === v) {
      shared++;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return shared;
}

/** First index in the ascending values[from..to) holding at least `value`. */
function lowerBound(values: Int32Array, from: number, to: number, value: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (values[mid]! < value) from = mid + 1;
    else to = mid;
  }
  return from;
}

export class SimilarityIndex {
  readonly threshold: number;
  readonly minCodePoints: number;
  private readonly ids = new Set<string>();
  private readonly entryIds: string[] = [];
  private readonly entryTokens: Int32Array[] = [];
  private readonly vocabulary = new Map<string, number>();
  private built: Built | undefined;

  constructor(options: SimilarityIndexOptions) {
    checkThreshold(options.threshold, 0);
    this.threshold = options.threshold;
    this.minCodePoints = options.minCodePoints ?? MIN_COMPARABLE_CODE_POINTS;
  }

  /** Stores a document; one under the minimum length is kept out of every match. */
  add(id: string, text: string): void {
    if (this.ids.has(id)) throw new Error(`文档 id 重复：${id}`);
    this.ids.add(id);
    const grams = trigrams(text, this.minCodePoints);
    if (grams === undefined || grams.size === 0) return;
    const tokens = new Int32Array(grams.size);
    let i = 0;
    for (const gram of grams) {
      let token = this.vocabulary.get(gram);
      if (token === undefined) {
        token = this.vocabulary.size;
        this.vocabulary.set(gram, token);
      }
      tokens[i++] = token;
    }
    this.entryIds.push(id);
    this.entryTokens.push(tokens);
    this.built = undefined;
  }

  /** Freezes the index; `query` and `pairs` call it when documents were added since. */
  build(): void {
    const tokenCount = this.vocabulary.size;
    const entries = this.entryTokens;
    const frequency = new Int32Array(tokenCount);
    let total = 0;
    for (const tokens of entries) {
      total += tokens.length;
      for (const token of tokens) frequency[token]!++;
    }
    const byRarity = orderByKey(frequency);
    const rank = new Int32Array(tokenCount);
    for (let r = 0; r < tokenCount; r++) rank[byRarity[r]!] = r;
    const order = orderByKey(Int32Array.from(entries, (tokens) => tokens.length));

    const start = new Int32Array(entries.length + 1);
    const ranks = new Int32Array(total);
    for (let d = 0; d < entries.length; d++) {
      const tokens = entries[order[d]!]!;
      const from = start[d]!;
      for (let i = 0; i < tokens.length; i++) ranks[from + i] = rank[tokens[i]!]!;
      ranks.subarray(from, from + tokens.length).sort();
      start[d + 1] = from + tokens.length;
    }
    const prefixEnd = (d: number) => start[d]! + prefixLength(start[d + 1]! - start[d]!, this.threshold);
    this.built = {
      rank,
      entryOf: order,
      start,
      size: Int32Array.from(order, (entry) => entries[entry]!.length),
      ranks,
      full: postings(tokenCount, start, ranks, (d) => start[d + 1]!),
      prefix: postings(tokenCount, start, ranks, prefixEnd),
      marks: new Int32Array(entries.length).fill(-1),
      generation: 0,
    };
  }

  /** Stored documents whose share with `text` is at least `threshold`, highest share first. */
  query(text: string, threshold: number = this.threshold): SimilarityMatch[] {
    checkThreshold(threshold, this.threshold);
    const grams = trigrams(text, this.minCodePoints);
    if (grams === undefined || grams.size === 0) return [];
    const index = this.ensureBuilt();
    const { start, ranks, full, prefix, marks } = index;
    const generation = ++index.generation;

    const found: number[] = [];
    for (const gram of grams) {
      const token = this.vocabulary.get(gram);
      if (token !== undefined) found.push(index.rank[token]!);
    }
    const known = Int32Array.from(found).sort();
    const size = grams.size;
    const unknown = size - known.length;
    const firstNotSmaller = lowerBound(index.size, 0, index.size.length, size);
    const matches: Array<{ doc: number; share: number }> = [];

    // Stored documents not smaller than the query: the query's prefix meets their whole sets.
    const need = minShared(size, threshold);
    const probed = prefixLength(size, threshold) - unknown;
    for (let x = 0; x < probed && x < known.length; x++) {
      const r = known[x]!;
      const end = full.start[r + 1]!;
      for (let k = lowerBound(full.docs, full.start[r]!, end, firstNotSmaller); k < end; k++) {
        const doc = full.docs[k]!;
        if (marks[doc] === generation) continue;
        marks[doc] = generation;
        const from = start[doc]! + full.positions[k]! + 1;
        const to = start[doc + 1]!;
        if (1 + Math.min(known.length - x - 1, to - from) < need) continue;
        const shared = countShared(known, x + 1, known.length, ranks, from, to, 1, need);
        if (shared >= need) matches.push({ doc, share: shared / size });
      }
    }

    // Smaller stored documents: their prefixes meet the query's whole set.
    for (let x = 0; x < known.length; x++) {
      const r = known[x]!;
      const end = prefix.start[r + 1]!;
      for (let k = prefix.start[r]!; k < end; k++) {
        const doc = prefix.docs[k]!;
        if (doc >= firstNotSmaller) break;
        if (marks[doc] === generation) continue;
        marks[doc] = generation;
        const docSize = index.size[doc]!;
        const docNeed = minShared(docSize, threshold);
        const from = start[doc]! + prefix.positions[k]! + 1;
        const to = start[doc + 1]!;
        if (1 + Math.min(known.length - x - 1, to - from) < docNeed) continue;
        const shared = countShared(known, x + 1, known.length, ranks, from, to, 1, docNeed);
        if (shared >= docNeed) matches.push({ doc, share: shared / docSize });
      }
    }

    return matches
      .map(({ doc, share }) => ({ entry: index.entryOf[doc]!, share }))
      .sort((p, q) => q.share - p.share || p.entry - q.entry)
      .map(({ entry, share }) => ({ id: this.entryIds[entry]!, share }));
  }

  /** Every pair of stored documents with a share of at least `threshold`, once, highest share first. */
  pairs(threshold: number = this.threshold): SimilarPair[] {
    checkThreshold(threshold, this.threshold);
    const { start, ranks, full, entryOf } = this.ensureBuilt();
    const documents = start.length - 1;
    const marks = new Int32Array(documents).fill(-1);
    const cursor = full.start.slice(0, -1);
    const found: Array<{ first: number; second: number; share: number }> = [];

    // Documents are numbered by size, so every later document is the not-smaller side of the pair.
    for (let d = 0; d < documents; d++) {
      const from = start[d]!;
      const to = start[d + 1]!;
      const size = to - from;
      const need = minShared(size, threshold);
      const probed = size - need + 1;
      for (let i = 0; i < probed; i++) {
        const r = ranks[from + i]!;
        let k = cursor[r]!;
        while (full.docs[k] !== d) k++;
        cursor[r] = k + 1;
        const end = full.start[r + 1]!;
        for (k++; k < end; k++) {
          const other = full.docs[k]!;
          if (marks[other] === d) continue;
          marks[other] = d;
          const otherFrom = start[other]! + full.positions[k]! + 1;
          const otherTo = start[other + 1]!;
          if (1 + Math.min(size - i - 1, otherTo - otherFrom) < need) continue;
          const shared = countShared(ranks, from + i + 1, to, ranks, otherFrom, otherTo, 1, need);
          if (shared >= need) {
            const [mine, theirs] = [entryOf[d]!, entryOf[other]!];
            found.push({
              first: Math.min(mine, theirs),
              second: Math.max(mine, theirs),
              share: shared / size,
            });
          }
        }
      }
    }

    return found
      .sort((p, q) => q.share - p.share || p.first - q.first || p.second - q.second)
      .map(({ first, second, share }) => ({ a: this.entryIds[first]!, b: this.entryIds[second]!, share }));
  }

  private ensureBuilt(): Built {
    if (this.built === undefined) this.build();
    return this.built!;
  }
}
