import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { SimilarityIndex as Index } from '../src/core/text/similarity-index.js';
import { ids, texts, THRESHOLD } from './dedup-corpus.js';

// Child of bench:dedup: the similarity index under <tree>/src (this checkout's or the baseline's) adds the
// corpus, builds and joins. Prints one line of JSON: milliseconds, pairs found, peak RSS in bytes.

const [tree] = process.argv.slice(2) as [string];
const { SimilarityIndex } = (await import(
  pathToFileURL(join(tree, 'src/core/text/similarity-index.ts')).href
)) as { SimilarityIndex: typeof Index };
const index = new SimilarityIndex({ threshold: THRESHOLD });
let start = performance.now();
texts.forEach((text, i) => index.add(ids[i]!, text));
index.build();
const build = performance.now() - start;
start = performance.now();
const found = index.pairs().length;
const pairs = performance.now() - start;
console.log(JSON.stringify({ build, pairs, found, rss: process.resourceUsage().maxRSS * 1024 }));
