import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minShared, SimilarityIndex } from './similarity-index.js';
import { setContainment, textContainment } from '../../../test/support/brute-force-containment.js';
import { trigrams } from './trigrams.js';

function indexOf(threshold: number, documents: Record<string, string>, minCodePoints?: number) {
  const index = new SimilarityIndex(
    minCodePoints === undefined ? { threshold } : { threshold, minCodePoints },
  );
  for (const [id, text] of Object.entries(documents)) index.add(id, text);
  return index;
}

const SHORT = '锂离子电池正极材料';
const LONG = '本项目面向新能源汽车，研究高能量密度锂离子电池正极材料的制备工艺与产业化应用';

describe('SimilarityIndex', () => {
  it('长文本查询命中其中包含的已存短文本，份额为 1', () => {
    expect(indexOf(0.5, { short: SHORT }).query(LONG)).toEqual([{ id: 'short', share: 1 }]);
  });

  it('短文本查询命中包含它的已存长文本，份额为 1', () => {
    expect(indexOf(0.5, { long: LONG }).query(SHORT)).toEqual([{ id: 'long', share: 1 }]);
  });

  it('包含关系的一对只报告一次，a 为先加入的文档', () => {
    const index = indexOf(0.5, { long: LONG, other: '面向国际合作的海洋生态环境监测技术', short: SHORT });
    expect(index.pairs()).toEqual([{ a: 'long', b: 'short', share: 1 }]);
  });

  it('不足最短长度的文档从不匹配，即使文本完全相同', () => {
    const index = indexOf(0.5, { seven: '国际科技合作项', eight: '国际科技合作项目' });
    expect(index.query('国际科技合作项')).toEqual([]);
    expect(index.query('国际科技合作项目')).toEqual([{ id: 'eight', share: 1 }]);
    expect(index.pairs()).toEqual([]);
  });

  it('份额恰为 0.55 时在阈值 0.55 下报告（0.55 × 100 的浮点误差不致漏报）', () => {
    expect(0.55 * 100).toBeGreaterThan(55);
    expect(minShared(100, 0.55)).toBe(55);
    const han = (from: number, count: number) =>
      String.fromCodePoint(...Array.from({ length: count }, (_, i) => 0x4e00 + from + i));
    const a = han(0, 102);
    const b = han(0, 57) + han(200, 45);
    const index = indexOf(0.55, { a, b });
    expect(index.pairs()).toEqual([{ a: 'a', b: 'b', share: 0.55 }]);
    expect(index.query(b)).toEqual([
      { id: 'b', share: 1 },
      { id: 'a', share: 0.55 },
    ]);
  });

  it('查询结果按份额从高到低排列，低于阈值的不报告', () => {
    const index = indexOf(0.5, {
      half: '一二三四五甲乙丙',
      full: '一二三四五六七八',
      none: '子丑寅卯辰巳午未',
    });
    expect(index.query('一二三四五六七八')).toEqual([
      { id: 'full', share: 1 },
      { id: 'half', share: 0.5 },
    ]);
  });

  it('可按高于建索引阈值的阈值查询', () => {
    const index = indexOf(0.5, { half: '一二三四五甲乙丙', full: '一二三四五六七八' });
    expect(index.query('一二三四五六七八', 0.8)).toEqual([{ id: 'full', share: 1 }]);
    expect(index.pairs(0.8)).toEqual([]);
  });

  it('低于建索引阈值的查询阈值被拒绝', () => {
    const index = indexOf(0.8, { full: '一二三四五六七八' });
    expect(() => index.query('一二三四五六七八', 0.5)).toThrow(RangeError);
    expect(() => index.pairs(0.5)).toThrow(RangeError);
    expect(() => new SimilarityIndex({ threshold: 0 })).toThrow(RangeError);
    expect(() => new SimilarityIndex({ threshold: 1.2 })).toThrow(RangeError);
  });

  it('重复的文档 id 被拒绝', () => {
    const index = indexOf(0.5, { x: SHORT });
    expect(() => index.add('x', LONG)).toThrow('文档 id 重复：x');
  });

  it('查询之后加入的文档在下一次查询中可见', () => {
    const index = indexOf(0.5, { long: LONG });
    expect(index.query(SHORT)).toEqual([{ id: 'long', share: 1 }]);
    index.add('short', SHORT);
    expect(index.query(SHORT)).toEqual([
      { id: 'long', share: 1 },
      { id: 'short', share: 1 },
    ]);
  });
});

describe('SimilarityIndex agrees with brute force', () => {
  // A few shared fragments over a tiny alphabet make containment common, sizes varied and rarity ties frequent.
  const alphabet = ['甲', '乙', '丙', '丁', '戊', '己', '🚀', '𠀀', ' ', '\u3000'];
  const piece = fc
    .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 10 })
    .map((cs) => cs.join(''));
  const corpus = fc.array(piece, { minLength: 1, maxLength: 5 }).chain((fragments) => {
    const text = fc
      .array(fc.oneof(fc.constantFrom(...fragments), piece), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join(''));
    return fc.record({
      documents: fc.array(text, { minLength: 0, maxLength: 25 }),
      queries: fc.array(text, { minLength: 1, maxLength: 5 }),
    });
  });

  function bruteForce(documents: string[], query: string, threshold: number, minCodePoints: number) {
    const q = trigrams(query, minCodePoints);
    if (q === undefined || q.size === 0) return [];
    return documents
      .map((text, i) => ({ id: `d${i}`, grams: trigrams(text, minCodePoints) }))
      .filter(({ grams }) => grams !== undefined && grams.size > 0)
      .map(({ id, grams }) => ({ id, share: setContainment(q, grams!) }))
      .filter(({ share }) => share >= threshold)
      .sort((x, y) => y.share - x.share);
  }

  function bruteForcePairs(documents: string[], threshold: number, minCodePoints: number) {
    const sets = documents.map((text) => trigrams(text, minCodePoints));
    const pairs: Array<{ a: string; b: string; share: number }> = [];
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const [x, y] = [sets[i], sets[j]];
        if (x === undefined || y === undefined || x.size === 0 || y.size === 0) continue;
        const share = setContainment(x, y);
        if (share >= threshold) pairs.push({ a: `d${i}`, b: `d${j}`, share });
      }
    }
    return pairs.sort((p, q) => q.share - p.share);
  }

  const settings = [
    { built: 0.5, asked: 0.5, minCodePoints: 8 },
    { built: 0.8, asked: 0.8, minCodePoints: 8 },
    { built: 0.5, asked: 0.8, minCodePoints: 8 },
    { built: 0.7, asked: 0.7, minCodePoints: 3 },
    { built: 0.5, asked: 0.5, minCodePoints: 3 },
  ];
  it.each(settings)(
    'built at $built, asked at $asked, minimum $minCodePoints: query, pairs and share return exactly the brute-force matches',
    ({ built, asked, minCodePoints }) => {
      fc.assert(
        fc.property(corpus, ({ documents, queries }) => {
          const index = new SimilarityIndex({ threshold: built, minCodePoints });
          documents.forEach((text, i) => index.add(`d${i}`, text));
          for (const query of [...queries, ...documents.slice(0, 3)]) {
            expect(index.query(query, asked)).toEqual(bruteForce(documents, query, asked, minCodePoints));
          }
          expect(index.pairs(asked)).toEqual(bruteForcePairs(documents, asked, minCodePoints));
          documents.slice(0, 3).forEach((a, i) =>
            documents.forEach((b, j) => {
              expect(index.share(`d${i}`, `d${j}`)).toBe(textContainment(a, b, minCodePoints));
            }),
          );
        }),
        { numRuns: 300 },
      );
    },
  );
});
