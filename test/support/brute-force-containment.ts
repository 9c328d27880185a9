import { trigrams } from '../../src/core/text/trigrams.js';

// The oracle of the similarity tests: READING.md's containment (二、3) computed the plain way, on sets of
// trigram strings, every pair compared in full — the algorithm the index and the duplicate rules replaced.

/** |a ∩ b| / min(|a|, |b|) of two trigram sets; 0 when either is empty. */
export function setContainment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size;
}

/** The share of two texts; 0 when either is too short to compare. */
export function textContainment(a: string, b: string, minCodePoints: number): number {
  const [x, y] = [trigrams(a, minCodePoints), trigrams(b, minCodePoints)];
  return x && y ? setContainment(x, y) : 0;
}
