import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containment,
  MIN_COMPARABLE_CODE_POINTS,
  normalize,
  sortIds,
  TrigramVocabulary,
  trigrams,
} from './trigrams.js';

const vocabulary = new TrigramVocabulary();
const set = (text: string) => vocabulary.ids(text)!;

describe('normalize', () => {
  const cases: Array<{ name: string; text: string; expected: string }> = [
    { name: '去掉半角空格、制表符和换行', text: '国际 科技\t合作\r\n项目', expected: '国际科技合作项目' },
    { name: '去掉全角空格 U+3000', text: '国际\u3000科技\u3000合作', expected: '国际科技合作' },
    { name: '去掉不换行空格和行分隔符', text: '国际\u00a0科技\u2028合作', expected: '国际科技合作' },
    { name: '零宽空格不是空白，保留', text: '国际\u200b科技', expected: '国际\u200b科技' },
    { name: '只有空白的文本归一为空串', text: ' \u3000\n', expected: '' },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(normalize(text)).toBe(expected);
  });
});

describe('trigrams', () => {
  const cases: Array<{ name: string; text: string; expected: string[] | undefined }> = [
    {
      name: '10 个汉字得到 8 个三元组',
      text: '国际科技合作项目申报',
      expected: ['国际科', '际科技', '科技合', '技合作', '合作项', '作项目', '项目申', '目申报'],
    },
    { name: '恰好 7 个码点的文本不比较', text: '国际科技合作项', expected: undefined },
    {
      name: '恰好 8 个码点的文本得到 6 个三元组',
      text: '国际科技合作项目',
      expected: ['国际科', '际科技', '科技合', '技合作', '合作项', '作项目'],
    },
    {
      name: '空白不计入码点数：去空白后 7 个码点不比较',
      text: '国际 科技\u3000合作 项',
      expected: undefined,
    },
    {
      name: '三元组跨越被去掉的空白',
      text: '国际\u3000科技 合作项目',
      expected: ['国际科', '际科技', '科技合', '技合作', '合作项', '作项目'],
    },
    {
      name: '7 个 emoji 算 7 个码点（14 个 UTF-16 单元），不比较',
      text: '🚀'.repeat(7),
      expected: undefined,
    },
    { name: '8 个相同 emoji 只有 1 个不同三元组', text: '🚀'.repeat(8), expected: ['🚀🚀🚀'] },
    {
      name: '补充平面字符各算一个码点',
      text: '研究🧬基因编辑技术',
      expected: ['研究🧬', '究🧬基', '🧬基因', '基因编', '因编辑', '编辑技', '辑技术'],
    },
    { name: '重复的三元组只计一次', text: '啊啊啊啊啊啊啊啊', expected: ['啊啊啊'] },
    { name: '空文本不比较', text: '', expected: undefined },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    const grams = trigrams(text);
    expect(grams === undefined ? undefined : [...grams].sort()).toEqual(expected?.sort());
  });

  it('默认最短长度为 8 个码点', () => {
    expect(MIN_COMPARABLE_CODE_POINTS).toBe(8);
  });

  it('调用方传入的最短长度取代默认值', () => {
    expect(trigrams('国际科技', 4)).toEqual(new Set(['国际科', '际科技']));
    expect(trigrams('国际科技合作项目', 9)).toBeUndefined();
  });
});

describe('containment', () => {
  const cases: Array<{ name: string; a: string; b: string; expected: number }> = [
    { name: '相同文本份额为 1', a: '国际科技合作项目申报', b: '国际科技合作项目申报', expected: 1 },
    {
      name: '只差空白的文本份额为 1',
      a: '国际科技合作 项目申报',
      b: '国际科技\u3000合作项目申报',
      expected: 1,
    },
    { name: '没有共同三元组的文本份额为 0', a: '国际科技合作项目', b: '新能源汽车动力电池', expected: 0 },
    {
      name: '短文本完整出现在长文本中份额为 1',
      a: '高性能锂离子电池正极材料',
      b: '本项目研究高性能锂离子电池正极材料的制备工艺与产业化应用',
      expected: 1,
    },
    {
      name: '长文本在前时份额同样为 1',
      a: '本项目研究高性能锂离子电池正极材料的制备工艺与产业化应用',
      b: '高性能锂离子电池正极材料',
      expected: 1,
    },
    { name: '6 个三元组共享 3 个份额为 0.5', a: '一二三四五六七八', b: '一二三四五甲乙丙', expected: 0.5 },
    {
      name: '分母是不同三元组较少的一方，而非码点较少的一方',
      a: '啊啊啊啊啊啊啊啊啊啊啊啊',
      b: '啊啊啊国际科技合作',
      expected: 1,
    },
    {
      name: 'emoji 三元组与汉字三元组同样比较',
      a: '🚀火箭发动机研制成功🚀',
      b: '火箭发动机研制成功',
      expected: 1,
    },
  ];
  it.each(cases)('$name', ({ a, b, expected }) => {
    expect(containment(set(a), set(b))).toBe(expected);
  });

  it('空集合的份额为 0', () => {
    expect(containment(new Int32Array(), set('国际科技合作项目'))).toBe(0);
  });
});

describe('TrigramVocabulary', () => {
  it('同一三元组在不同文本中编号相同，编号升序且不重复', () => {
    const words = new TrigramVocabulary();
    const a = words.ids('国际科技合作项目申报')!;
    const b = words.ids('科技合作项目国际合作')!;
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
    expect(new Set(a).size).toBe(a.length);
    expect(a.length).toBe(8);
    const shared = [...a].filter((id) => b.includes(id));
    expect(shared.length).toBe(4);
    expect(words.size).toBe(8 + b.length - 4);
  });

  it('补充平面字符与只差高位的基本平面字符编号不同', () => {
    const words = new TrigramVocabulary();
    const ids = new Set([
      ...words.ids('𠀀𠀀𠀀', 3)!,
      ...words.ids('\u0000\u0000\u0000', 3)!,
      ...words.ids('🚀🚀🚀', 3)!,
      ...words.ids('\uf680\uf680\uf680', 3)!,
    ]);
    expect(ids.size).toBe(4);
  });

  it('编号足够多时表扩容，先前的编号不变', () => {
    const words = new TrigramVocabulary();
    const first = words.ids('国际科技合作项目申报')!;
    const many = Array.from({ length: 5000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    expect(words.ids(many)!.length).toBe(4998);
    expect(words.ids('国际科技合作项目申报')).toEqual(first);
  });

  it('known 不编号新三元组，但把它们计入不同三元组总数', () => {
    const words = new TrigramVocabulary();
    const stored = words.ids('国际科技合作项目')!;
    const before = words.size;
    const known = words.known('国际科技合作项目申报书')!;
    expect(known.ids).toEqual(stored);
    expect(known.size).toBe(9);
    expect(words.size).toBe(before);
    expect(words.known('国际科技')).toBeUndefined();
  });
});

describe('sortIds', () => {
  it('sorts ids below any bound as the typed array sort does, short and long arrays alike', () => {
    const bound = fc.constantFrom(1, 200, 256, 257, 70_000, 2 ** 24, 2 ** 31 - 1);
    const ids = bound.chain((b) =>
      fc.tuple(fc.constant(b), fc.array(fc.integer({ min: 0, max: b - 1 }), { maxLength: 600 })),
    );
    fc.assert(
      fc.property(ids, ([b, values]) => {
        const sorted = Int32Array.from(values);
        sortIds(sorted, b);
        expect(sorted).toEqual(Int32Array.from(values).sort());
      }),
      { numRuns: 300 },
    );
  });
});
