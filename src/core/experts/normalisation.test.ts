import { describe, expect, it } from 'vitest';
import { normalise, type ScoreEntry } from './normalisation.js';

const scores = (expertId: string, totals: Record<string, number>): ScoreEntry[] =>
  Object.entries(totals).map(([applicationId, total]) => ({ expertId, applicationId, total }));

// A scores low (mean 70, sd √(200⁄3) ≈ 8.165), B high (mean 90, sd 5): raw, B's applications lead; standardised,
// each expert's best leads.
const strictAndLenient = [...scores('A', { p: 60, q: 70, r: 80 }), ...scores('B', { s: 85, t: 95 })];

const ranking = (entries: ScoreEntry[], threshold = 1) =>
  Object.fromEntries(
    normalise(entries, threshold).applications.map((a) => [
      a.applicationId,
      [a.rawMean, a.meanZ, a.rawRank, a.normalisedRank, a.rankChange],
    ]),
  );

describe('评分标准化', () => {
  it('每位专家的分数按其本人的均值和标准差折算为 z 分', () => {
    const { experts } = normalise(strictAndLenient, 1);
    expect(experts.find((e) => e.expertId === 'A')).toMatchObject({
      count: 3,
      mean: 70,
      sd: 8.16,
      notStandardised: null,
      scores: [
        { applicationId: 'p', total: 60, z: -1.225 },
        { applicationId: 'q', total: 70, z: 0 },
        { applicationId: 'r', total: 80, z: 1.225 },
      ],
    });
    expect(experts.find((e) => e.expertId === 'B')!.scores.map((s) => s.z)).toEqual([-1, 1]);
  });

  it.each([
    {
      name: '按原始均值与按标准化均值的排名比较（正数为上升）',
      entries: strictAndLenient,
      expected: {
        t: [95, 1, 1, 2, -1],
        s: [85, -1, 2, 4, -2],
        r: [80, 1.225, 3, 1, 2],
        q: [70, 0, 4, 3, 1],
        p: [60, -1.225, 5, 5, 0],
      },
    },
    {
      name: '仅评 1 项的专家计入原始均值，不计入标准化均值',
      entries: [...strictAndLenient, ...scores('C', { p: 50 })],
      expected: {
        t: [95, 1, 1, 2, -1],
        s: [85, -1, 2, 4, -2],
        r: [80, 1.225, 3, 1, 2],
        q: [70, 0, 4, 3, 1],
        p: [55, -1.225, 5, 5, 0],
      },
    },
    {
      name: '只有无法标准化的评分的项目不参加标准化排名',
      entries: [...scores('A', { p: 60, q: 80 }), ...scores('D', { u: 75, v: 75 })],
      expected: {
        q: [80, 1, 1, 1, 0],
        u: [75, null, 2, null, null],
        v: [75, null, 2, null, null],
        p: [60, -1, 4, 2, 2],
      },
    },
  ])('$name', ({ entries, expected }) => expect(ranking(entries)).toEqual(expected));

  it.each([
    { name: '一项分数', entries: scores('C', { p: 50 }), expected: 'single' },
    { name: '分数全部相同', entries: scores('D', { u: 75, v: 75, w: 75 }), expected: 'flat' },
    { name: '有差异', entries: scores('E', { u: 75, v: 76 }), expected: null },
  ])('无法标准化的情形：$name', ({ entries, expected }) =>
    expect(normalise(entries, 1).experts[0]!.notStandardised).toBe(expected),
  );

  it.each([
    { threshold: 0.5, A: 'strict', B: 'lenient', C: null },
    // 1.2247 standard deviations away: just beyond 1.22, just within 1.23.
    { threshold: 1.22, A: 'strict', B: 'lenient', C: null },
    { threshold: 1.23, A: null, B: null, C: null },
  ])('平均分偏离全体专家平均分超过 $threshold 个标准差的专家标为偏严或偏宽', ({ threshold, ...expected }) => {
    // Means 60, 90, 75: mean of means 75, sd √150 ≈ 12.247; A and B lie 1.2247 sd away.
    const entries = [
      ...scores('A', { p: 55, q: 65 }),
      ...scores('B', { p: 85, q: 95 }),
      ...scores('C', { p: 70, q: 80 }),
    ];
    const result = normalise(entries, threshold);
    expect(Object.fromEntries(result.experts.map((e) => [e.expertId, e.leaning]))).toEqual(expected);
    expect(result).toMatchObject({ expertsMean: 75, expertsSd: 12.25, leaningNote: null });
  });

  it('专家不足 2 位或平均分全部相同时不判断偏严偏宽，并说明原因', () => {
    expect(normalise(scores('A', { p: 60, q: 70 }), 1)).toMatchObject({
      expertsMean: null,
      leaningNote: '评分专家不足 2 位，无法判断偏严或偏宽',
    });
    const same = normalise([...scores('A', { p: 60, q: 80 }), ...scores('B', { p: 70, q: 70 })], 0.1);
    expect(same.leaningNote).toBe('各位专家的平均分相同，无偏严或偏宽');
    expect(same.experts.map((e) => e.leaning)).toEqual([null, null]);
  });

  it('没有已提交的评分时结果为空', () => {
    expect(normalise([], 1)).toEqual({
      experts: [],
      applications: [],
      expertsMean: null,
      expertsSd: null,
      leaningNote: '评分专家不足 2 位，无法判断偏严或偏宽',
    });
  });
});
