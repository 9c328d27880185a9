// Exact containment search over many documents (READING.md, 二、3 "Duplicate submission"), by
// prefix filtering as in all-pairs similarity joins (Bayardo et al. 2007; PPJoin, Xiao et al. 2008).
//
// Containment is |A∩B| / min(|A|,|B|), so no length filter applies and the classic "both prefixes
// intersect" lemma is false here: a small B inside a large A can miss A's own prefix entirely.
// What holds: let B be the smaller set and need the least k with k/|B| ≥ t. Any L elements of B,
// taken first in some order, hold at least need − (|B| − L) of the elements B shares with A, since
// only |B| − L lie outside them. With L = min(|B|, |B| − need + 1 + EXTRA) that bound is at least 1
// (EXTRA + 1 unless L is all of B): A's whole set meets B's first L elements that many times. Hence:
//   • pairs: count each document's first L against the full postings of every document not smaller;
//   • query, stored document not smaller: count the query's first L against full postings;
//   • query, stored document smaller: count every query trigram against the stored first L.
// Candidates counted fewer times than that bound are dropped; the rest are verified exactly on the
// elements after the first L. Trigrams are ordered rarest first, so the probed postings are short;
// EXTRA > 0 probes a few more of them and in exchange drops the many candidates met only once.

import { containment, MIN_COMPARABLE_CODE_POINTS, sortIds, TrigramVocabulary } from './trigrams.js';

const EXTRA = 2;
// Up to this many documents a query compares each exactly: cheaper than building postings for a few.
const FEW = 8;

export interface SimilarityIndexOptions {
  /** The lowest share the index answers for; queries may ask for a higher one. */
  threshold: number;
  minCodePoints?: number;
  /** About how many trigrams the documents hold in all (their length): the vocabulary is sized once for them. */
  capacity?: number;
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
  /** Document number (by size, then insertion) → entry index (insertion order). */
  entryOf: Int32Array;
  /** Document d's ranks, ascending, are ranks[start[d] .. start[d + 1]). */
  start: Int32Array;
  size: Int32Array;
  ranks: Int32Array;
  full: Postings;
  /** Each document's first probeLength(size, threshold) ranks. */
  prefix: Postings;
  tally: Tally;
}

/** Rank r's documents, ascending, are docs[start[r] .. start[r + 1]). */
interface Postings {
  start: Int32Array;
  docs: Int32Array;
}

/** Per-document hit counts for one probe; the documents hit are listed so the counts can be cleared. */
interface Tally {
  counts: Int32Array;
  candidates: Int32Array;
}

/** The least k with k / size ≥ threshold, computed with the same division the share uses. */
export function minShared(size: number, threshold: number): number {
  let k = Math.ceil(threshold * size);
  while (k > 1 && (k - 1) / size >= threshold) k--;
  while (k < size && k / size < threshold) k++;
  return Math.max(k, 1);
}

/** L above: how many of a set's first elements are probed. */
function probeLength(size: number, threshold: number): number {
  return Math.min(size, size - minShared(size, threshold) + 1 + EXTRA);
}

function checkThreshold(threshold: number, floor: number): void {
  if (!(threshold > 0 && threshold >= floor && threshold <= 1)) {
    throw new RangeError(`相似度阈值 threshold 须大于 0、不低于 ${floor} 且不超过 1，收到 ${threshold}`);
  }
}

/** Items 0…n−1 by key ascending, ties by item: a counting sort, the keys being small counts. */
function orderByKey(keys: Int32Array): Int32Array {
  let bound = 0;
  for (let item = 0; item < keys.length; item++) if (keys[item]! >= bound) bound = keys[item]! + 1;
  const slots = new Int32Array(bound + 1);
  for (let item = 0; item < keys.length; item++) slots[keys[item]! + 1]!++;
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
  for (let d = 0; d < documents; d++) {
    for (let i = start[d]!; i < endOf(d); i++) docs[cursor[ranks[i]!]!++] = d;
  }
  return { start: postingStart, docs };
}

function tally(documents: number): Tally {
  return { counts: new Int32Array(documents), candidates: new Int32Array(documents) };
}

/** Counts one hit on `doc`; returns the number of candidates so far. */
function hit(tally: Tally, doc: number, found: number): number {
  if (tally.counts[doc]!++ === 0) tally.candidates[found++] = doc;
  return found;
}

function clear(tally: Tally, found: number): void {
  for (let c = 0; c < found; c++) tally.counts[tally.candidates[c]!] = 0;
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

/**
 * `shared` plus the elements common to xs[x..xEnd) and ys[from..yEnd), both ascending, where ys is
 * read from the first element not below xs[x]; returns less than `need` once `need` is out of reach.
 */
function sharedAfter(
  xs: Int32Array,
  x: number,
  xEnd: number,
  ys: Int32Array,
  from: number,
  yEnd: number,
  shared: number,
  need: number,
): number {
  let y = x < xEnd ? lowerBound(ys, from, yEnd, xs[x]!) : yEnd;
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

export class SimilarityIndex {
  readonly threshold: number;
  readonly minCodePoints: number;
  /** Each id added → its entry, or −1 for a document too short to compare. */
  private readonly entryOfId = new Map<string, number>();
  private readonly entryIds: string[] = [];
  /** Each entry's distinct trigram ids; those of entries [0, sorted) ascending. */
  private readonly entryTokens: Int32Array[] = [];
  private sorted = 0;
  private readonly vocabulary: TrigramVocabulary;
  private built: Built | undefined;

  constructor(options: SimilarityIndexOptions) {
    checkThreshold(options.threshold, 0);
    this.threshold = options.threshold;
    this.minCodePoints = options.minCodePoints ?? MIN_COMPARABLE_CODE_POINTS;
    this.vocabulary = new TrigramVocabulary(options.capacity);
  }

  /** Stores a document; one under the minimum length is kept out of every match. */
  add(id: string, text: string): void {
    if (this.entryOfId.has(id)) throw new Error(`文档 id 重复：${id}`);
    const tokens = this.vocabulary.distinctIds(text, this.minCodePoints);
    if (tokens === undefined || tokens.length === 0) {
      this.entryOfId.set(id, -1);
      return;
    }
    this.entryOfId.set(id, this.entryIds.length);
    this.entryIds.push(id);
    this.entryTokens.push(tokens);
    this.built = undefined;
  }

  /** Whether a document was stored under `id`. */
  has(id: string): boolean {
    return this.entryOfId.has(id);
  }

  /** The exact share of two stored documents; 0 when either is too short to compare. */
  share(a: string, b: string): number {
    this.sortEntries();
    const [x, y] = [this.entryOfId.get(a) ?? -1, this.entryOfId.get(b) ?? -1];
    return x < 0 || y < 0 ? 0 : containment(this.entryTokens[x]!, this.entryTokens[y]!);
  }

  /** Freezes the index; `query` and `pairs` call it when documents were added since. */
  build(): void {
    const tokenCount = this.vocabulary.size;
    const entries = this.entryTokens;
    const frequency = new Int32Array(tokenCount);
    let total = 0;
    for (const tokens of entries) {
      total += tokens.length;
      for (let i = 0; i < tokens.length; i++) frequency[tokens[i]!]!++;
    }
    const byRarity = orderByKey(frequency);
    const rank = new Int32Array(tokenCount);
    for (let r = 0; r < tokenCount; r++) rank[byRarity[r]!] = r;
    // From here on the vocabulary numbers trigrams by rank, so a query's ids are its ranks, in order.
    this.vocabulary.renumber(rank);
    for (const tokens of entries) {
      for (let i = 0; i < tokens.length; i++) tokens[i] = rank[tokens[i]!]!;
      sortIds(tokens, tokenCount);
    }
    this.sorted = entries.length;
    const order = orderByKey(Int32Array.from(entries, (tokens) => tokens.length));

    const start = new Int32Array(entries.length + 1);
    const ranks = new Int32Array(total);
    for (let d = 0; d < entries.length; d++) {
      const tokens = entries[order[d]!]!;
      ranks.set(tokens, start[d]!);
      start[d + 1] = start[d]! + tokens.length;
    }
    const size = Int32Array.from(order, (entry) => entries[entry]!.length);
    this.built = {
      entryOf: order,
      start,
      size,
      ranks,
      full: postings(tokenCount, start, ranks, (d) => start[d + 1]!),
      prefix: postings(tokenCount, start, ranks, (d) => start[d]! + probeLength(size[d]!, this.threshold)),
      tally: tally(entries.length),
    };
  }

  /** Stored documents whose share with `text` is at least `threshold`, highest share first. */
  query(text: string, threshold: number = this.threshold): SimilarityMatch[] {
    checkThreshold(threshold, this.threshold);
    const few = this.entryIds.length <= FEW;
    // Built first: building renumbers the trigrams, and a query's ids are then its ranks.
    const index = few ? undefined : this.ensureBuilt();
    const grams = this.vocabulary.known(text, this.minCodePoints);
    if (grams === undefined || grams.size === 0) return [];
    if (index === undefined) return this.compareEach(grams, threshold);
    const { start, size: sizes, ranks, full, prefix, tally } = index;

    const known = grams.ids;
    // Trigrams no stored document has come first in the order: the rarest of all.
    const size = grams.size;
    const unknown = size - known.length;
    const firstNotSmaller = lowerBound(sizes, 0, sizes.length, size);
    const matches: Array<{ doc: number; share: number }> = [];

    // Stored documents not smaller than the query: the query's first L meet their whole sets.
    const need = minShared(size, threshold);
    const probed = Math.max(0, probeLength(size, threshold) - unknown);
    const required = need - (size - unknown - probed);
    let candidates = 0;
    for (let x = 0; x < probed; x++) {
      const r = known[x]!;
      const end = full.start[r + 1]!;
      for (let k = lowerBound(full.docs, full.start[r]!, end, firstNotSmaller); k < end; k++) {
        candidates = hit(tally, full.docs[k]!, candidates);
      }
    }
    for (let c = 0; c < candidates; c++) {
      const doc = tally.candidates[c]!;
      const counted = tally.counts[doc]!;
      if (counted < required) continue;
      const shared = sharedAfter(
        known,
        probed,
        known.length,
        ranks,
        start[doc]!,
        start[doc + 1]!,
        counted,
        need,
      );
      if (shared >= need) matches.push({ doc, share: shared / size });
    }
    clear(tally, candidates);

    // Smaller stored documents: their first L, as indexed, meet the query's whole set.
    candidates = 0;
    for (let x = 0; x < known.length; x++) {
      const r = known[x]!;
      const end = prefix.start[r + 1]!;
      for (let k = prefix.start[r]!; k < end && prefix.docs[k]! < firstNotSmaller; k++) {
        candidates = hit(tally, prefix.docs[k]!, candidates);
      }
    }
    for (let c = 0; c < candidates; c++) {
      const doc = tally.candidates[c]!;
      const docSize = sizes[doc]!;
      const docNeed = minShared(docSize, threshold);
      const indexed = probeLength(docSize, this.threshold);
      const counted = tally.counts[doc]!;
      if (counted < docNeed - (docSize - indexed)) continue;
      const from = start[doc]! + indexed;
      const shared = sharedAfter(ranks, from, start[doc + 1]!, known, 0, known.length, counted, docNeed);
      if (shared >= docNeed) matches.push({ doc, share: shared / docSize });
    }
    clear(tally, candidates);

    return matches
      .map(({ doc, share }) => ({ entry: index.entryOf[doc]!, share }))
      .sort((p, q) => q.share - p.share || p.entry - q.entry)
      .map(({ entry, share }) => ({ id: this.entryIds[entry]!, share }));
  }

  /** Every pair of stored documents with a share of at least `threshold`, once, highest share first. */
  pairs(threshold: number = this.threshold): SimilarPair[] {
    checkThreshold(threshold, this.threshold);
    const { start, size: sizes, ranks, full, entryOf, tally } = this.ensureBuilt();
    const cursor = full.start.slice(0, -1);
    const found: Array<{ first: number; second: number; share: number }> = [];

    // Documents are numbered by size, so every later document is the not-smaller side of the pair.
    for (let d = 0; d < sizes.length; d++) {
      const from = start[d]!;
      const size = sizes[d]!;
      const need = minShared(size, threshold);
      const probed = probeLength(size, threshold);
      const required = need - (size - probed);
      let candidates = 0;
      for (let i = from; i < from + probed; i++) {
        const r = ranks[i]!;
        let k = cursor[r]!;
        while (full.docs[k] !== d) k++;
        cursor[r] = k + 1;
        const end = full.start[r + 1]!;
        for (k++; k < end; k++) candidates = hit(tally, full.docs[k]!, candidates);
      }
      for (let c = 0; c < candidates; c++) {
        const other = tally.candidates[c]!;
        const counted = tally.counts[other]!;
        if (counted < required) continue;
        const shared = sharedAfter(
          ranks,
          from + probed,
          from + size,
          ranks,
          start[other]!,
          start[other + 1]!,
          counted,
          need,
        );
        if (shared < need) continue;
        const [mine, theirs] = [entryOf[d]!, entryOf[other]!];
        found.push({ first: Math.min(mine, theirs), second: Math.max(mine, theirs), share: shared / size });
      }
      clear(tally, candidates);
    }

    return found
      .sort((p, q) => q.share - p.share || p.first - q.first || p.second - q.second)
      .map(({ first, second, share }) => ({ a: this.entryIds[first]!, b: this.entryIds[second]!, share }));
  }

  /** `query` by an exact comparison with each stored document, each stopped once `threshold` is out of reach. */
  private compareEach(grams: { ids: Int32Array; size: number }, threshold: number): SimilarityMatch[] {
    this.sortEntries();
    const matches: SimilarityMatch[] = [];
    this.entryTokens.forEach((tokens, entry) => {
      const size = Math.min(grams.size, tokens.length);
      const need = minShared(size, threshold);
      const shared = sharedAfter(grams.ids, 0, grams.ids.length, tokens, 0, tokens.length, 0, need);
      if (shared >= need) matches.push({ id: this.entryIds[entry]!, share: shared / size });
    });
    return matches.sort((p, q) => q.share - p.share);
  }

  /** Sorts the ids of the entries added since the last sort (build sorts them by rank). */
  private sortEntries(): void {
    for (; this.sorted < this.entryTokens.length; this.sorted++) {
      sortIds(this.entryTokens[this.sorted]!, this.vocabulary.size);
    }
  }

  private ensureBuilt(): Built {
    if (this.built === undefined) this.build();
    return this.built!;
  }
}
