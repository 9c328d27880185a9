// Duplicate detection at provincial scale: 100,000 synthetic project texts (title + summary) with a few
// thousand planted near-duplicates; the index's pairs at 0.5 are checked against brute force for a sample.

import { SimilarityIndex } from '../src/core/text/similarity-index.js';
import { trigrams } from '../src/core/text/trigrams.js';
import { runChild, unpackBaseline } from './baseline.js';
import { DOCUMENTS, ids, pick, PLANTED, planted, random, SAMPLE, texts, THRESHOLD } from './dedup-corpus.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;

const index = new SimilarityIndex({ threshold: THRESHOLD });
let start = performance.now();
texts.forEach((text, i) => index.add(ids[i]!, text));
index.build();
const buildTime = ms(start);

start = performance.now();
const pairs = index.pairs();
const pairsTime = ms(start);
const indexPeak = process.resourceUsage().maxRSS * 1024;

const sample = new Set<number>();
while (sample.size < SAMPLE / 2) sample.add(pick(planted));
while (sample.size < SAMPLE) sample.add(Math.floor(random() * DOCUMENTS));
const number = new Map(ids.map((id, i) => [id, i]));
const byPairs = new Map<number, Set<number>>([...sample].map((doc) => [doc, new Set<number>()]));
for (const { a, b } of pairs) {
  byPairs.get(number.get(a)!)?.add(number.get(b)!);
  byPairs.get(number.get(b)!)?.add(number.get(a)!);
}
const byQuery = new Map<number, Set<number>>();
start = performance.now();
for (const doc of sample) {
  const found = index.query(texts[doc]!).map(({ id }) => number.get(id)!);
  byQuery.set(doc, new Set(found.filter((other) => other !== doc)));
}
const queryTime = (performance.now() - start) / sample.size;

const json = JSON.stringify(texts);
JSON.parse(json);
start = performance.now();
JSON.parse(json);
const jsonTime = ms(start);
start = performance.now();
const sets = texts.map((text) => trigrams(text)!);
const trigramTime = ms(start);

// Brute force: each sampled document against every other, counting the other's trigrams it marks.
const dictionary = new Map<string, number>();
const numbered = sets.map((set) =>
  Int32Array.from(set, (gram) => {
    let id = dictionary.get(gram);
    if (id === undefined) dictionary.set(gram, (id = dictionary.size));
    return id;
  }),
);
const marked = new Uint8Array(dictionary.size);
const recall = { truth: 0, pairs: 0, query: 0, extraPairs: 0, extraQuery: 0 };
start = performance.now();
for (const doc of sample) {
  const mine = numbered[doc]!;
  for (const id of mine) marked[id] = 1;
  const truth = new Set<number>();
  for (let other = 0; other < DOCUMENTS; other++) {
    const theirs = numbered[other]!;
    let shared = 0;
    for (const id of theirs) shared += marked[id]!;
    if (other !== doc && shared / Math.min(mine.length, theirs.length) >= THRESHOLD) truth.add(other);
  }
  for (const id of mine) marked[id] = 0;
  recall.truth += truth.size;
  for (const [method, found] of [
    ['pairs', byPairs.get(doc)!] as const,
    ['query', byQuery.get(doc)!] as const,
  ]) {
    const hits = [...found].filter((other) => truth.has(other)).length;
    recall[method] += hits;
    recall[method === 'pairs' ? 'extraPairs' : 'extraQuery'] += found.size - hits;
  }
}
const bruteTime = ms(start);
const ratio = (found: number) => (recall.truth === 0 ? 1 : found / recall.truth).toFixed(4);

console.log(`documents: ${DOCUMENTS} (${PLANTED} planted near-duplicates), threshold ${THRESHOLD}`);
console.log(`build (add + freeze): ${buildTime}`);
console.log(`pairs: ${pairsTime}`);
console.log(`pairs found: ${pairs.length} (share ≥ 0.8: ${pairs.filter((p) => p.share >= 0.8).length})`);
console.log(`peak RSS after build and pairs: ${mb(indexPeak)}`);
console.log(`query: ${queryTime.toFixed(2)} ms per document`);
console.log(
  `trigram sets of all texts: ${trigramTime} (JSON.parse of the same texts as a JSON array: ${jsonTime})`,
);
console.log(
  `brute force for ${sample.size} sampled documents (${SAMPLE / 2} planted copies, ${SAMPLE / 2} at random) ` +
    `against all ${DOCUMENTS}: ${bruteTime}, ${recall.truth} pairs`,
);
console.log(
  `recall of pairs: ${recall.pairs}/${recall.truth} = ${ratio(recall.pairs)}, not in brute force: ${recall.extraPairs}`,
);
console.log(
  `recall of query: ${recall.query}/${recall.truth} = ${ratio(recall.query)}, not in brute force: ${recall.extraQuery}`,
);
console.log(`peak RSS of the whole run: ${mb(process.resourceUsage().maxRSS * 1024)}`);

// Before and after, each in a fresh process so that each peak RSS is its own: the index of the baseline commit
// and this checkout's, adding the same 100,000 texts, building and joining.
type Joined = { build: number; pairs: number; found: number; rss: number };
const joinedLine = (who: string, run: Joined) =>
  console.log(
    `index and join, ${who}, in a fresh process: add + build ${run.build.toFixed(0)} ms, pairs ${run.pairs.toFixed(0)} ms, ` +
      `together ${(run.build + run.pairs).toFixed(0)} ms, ${run.found} pairs, peak RSS ${mb(run.rss)}`,
  );
const after = runChild<Joined>('bench/dedup-child.ts', ['.']);
joinedLine('this checkout', after);
const baselineTree = unpackBaseline(['package.json', 'src']);
if (baselineTree) {
  try {
    const before = runChild<Joined>('bench/dedup-child.ts', [baselineTree.root]);
    joinedLine(`baseline ${baselineTree.commit}`, before);
    console.log(
      `index and join: ${((before.build + before.pairs) / (after.build + after.pairs)).toFixed(1)}× faster, ` +
        `peak RSS ${(before.rss / after.rss).toFixed(1)}× smaller than at baseline ${baselineTree.commit}`,
    );
  } finally {
    baselineTree.dispose();
  }
}
