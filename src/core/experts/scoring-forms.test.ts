import { describe, expect, it } from 'vitest';
import { TOPICS } from '../bundle/schema.js';
import {
  SCORING_FORMS,
  type Scores,
  scoreProblems,
  scoringProblems,
  weightedTotal,
} from './scoring-forms.js';

const form = SCORING_FORMS[4];
const full = Object.fromEntries(form.criteria.map((c) => [c.id, c.max]));

describe('评分表', () => {
  it.each(TOPICS)('专题%s 的评分表有 1–5 项，权重合计 100', (topic) => {
    const { criteria } = SCORING_FORMS[topic];
    expect(criteria.length).toBeGreaterThanOrEqual(1);
    expect(criteria.length).toBeLessThanOrEqual(5);
    expect(criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    expect(new Set(criteria.map((c) => c.id)).size).toBe(criteria.length);
  });

  it('满分为 100，零分为 0，按权重折算', () => {
    expect(weightedTotal(form, full)).toBe(100);
    expect(weightedTotal(form, {})).toBe(0);
    // 30 × 5/10 + 25 × 10/10 = 40
    expect(weightedTotal(form, { innovation: 5, partnership: 10 })).toBe(40);
  });

  it.each<{ name: string; scores: Scores; path: string; message: RegExp }>([
    {
      name: '超过满分',
      scores: { innovation: 11 },
      path: 'scores.innovation',
      message: /满分为 10 分，不能打 11 分/,
    },
    { name: '负分', scores: { budget: -1 }, path: 'scores.budget', message: /经费预算合理性/ },
    { name: '小数', scores: { outcomes: 7.5 }, path: 'scores.outcomes', message: /整数/ },
    { name: '评分表没有的项', scores: { charm: 3 }, path: 'scores.charm', message: /没有/ },
  ])('分数有误：$name', (c) => {
    expect(scoreProblems(form, c.scores, false)).toEqual([
      { path: c.path, message: expect.stringMatching(c.message) },
    ]);
  });

  it('草稿可缺项，提交须每项打分', () => {
    expect(scoreProblems(form, { innovation: 8 }, false)).toEqual([]);
    const missing = scoreProblems(form, { innovation: 8 }, true);
    expect(missing.map((p) => p.path)).toEqual(form.criteria.slice(1).map((c) => `scores.${c.id}`));
    expect(scoreProblems(form, full, true)).toEqual([]);
  });

  it('提交须填写评审意见，草稿不必', () => {
    expect(scoringProblems(form, full, '  ', true)).toEqual([
      { path: 'comment', message: '评审意见：请填写' },
    ]);
    expect(scoringProblems(form, full, '', false)).toEqual([]);
  });
});
