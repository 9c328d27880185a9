import { describe, expect, it } from 'vitest';
import { overlapSpans, type OverlapSpans } from './overlap.js';

describe('overlapSpans', () => {
  const cases: Array<{ name: string; a: string; b: string; expected: OverlapSpans }> = [
    {
      name: '相同文本各自整段高亮',
      a: '国际科技合作项目',
      b: '国际科技合作项目',
      expected: { a: [{ start: 0, end: 8 }], b: [{ start: 0, end: 8 }] },
    },
    {
      name: '没有共同三元组时不高亮',
      a: '国际科技合作项目',
      b: '新能源汽车动力电池',
      expected: { a: [], b: [] },
    },
    {
      name: '段内的空白和全角空格随原文位置一并高亮',
      a: '国际 科技\u3000合作',
      b: '开展国际科技合作研究',
      expected: { a: [{ start: 0, end: 8 }], b: [{ start: 2, end: 8 }] },
    },
    {
      name: '段首段尾的空白不高亮',
      a: '  国际科技  ',
      b: '国际科技',
      expected: { a: [{ start: 2, end: 6 }], b: [{ start: 0, end: 4 }] },
    },
    {
      name: 'emoji 按一个码点计位置',
      a: '🚀火箭发动机',
      b: '火箭发动机研制',
      expected: { a: [{ start: 1, end: 6 }], b: [{ start: 0, end: 5 }] },
    },
    {
      name: '被不共享的文字隔开的部分分成两段，首尾相接的部分合成一段',
      a: '甲乙丙子丑寅丁戊己',
      b: '甲乙丙丁戊己',
      expected: {
        a: [
          { start: 0, end: 3 },
          { start: 6, end: 9 },
        ],
        b: [{ start: 0, end: 6 }],
      },
    },
    {
      name: '不足三个码点的文本不高亮',
      a: '国际',
      b: '国际科技',
      expected: { a: [], b: [] },
    },
  ];
  it.each(cases)('$name', ({ a, b, expected }) => {
    expect(overlapSpans(a, b)).toEqual(expected);
  });
});
