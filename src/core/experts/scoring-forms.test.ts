import { describe, expect, it } from 'vitest';
import { TOPICS } from '../bundle/schema.js';
import {
  type Criterion,
  defaultForm,
  feasibilityAggregate,
  FEASIBILITY_CRITERIA,
  type FormContent,
  formChanges,
  formProblems,
  recommendationProblems,
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
    expect(formProblems(SCORING_FORMS[topic])).toEqual([]);
  });

  it('专家论证的默认评分表：可行性、实施条件、经费合理性', () => {
    const feasibility = defaultForm('feasibility', 1);
    expect(feasibility.criteria.map((c) => c.label)).toEqual(['可行性', '实施条件', '经费合理性']);
    expect(formProblems(feasibility)).toEqual([]);
    expect(defaultForm('letter', 2)).toBe(SCORING_FORMS[2]);
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

  it('提交的评审意见须达到评分表的最少字数（按字计，不计首尾空格）', () => {
    const strict = { ...form, minCommentLength: 10 };
    expect(scoringProblems(strict, full, '  创新性较强，方案可行 ', true)).toEqual([]);
    expect(scoringProblems(strict, full, '  方案可行  ', true)).toEqual([
      { path: 'comment', message: '评审意见：至少 10 字，现为 4 字' },
    ]);
    expect(scoringProblems(strict, full, '方案可行', false)).toEqual([]);
  });
});

const anchors = (max: number) => [{ from: 0, to: max, text: '说明' }];
const item = (c: Partial<Criterion> & { id: string }): Criterion => ({
  label: c.id,
  weight: 50,
  max: 10,
  guidance: '',
  anchors: anchors(c.max ?? 10),
  ...c,
});
const valid: FormContent = {
  criteria: [item({ id: 'a' }), item({ id: 'b' })],
  guidance: '',
  minCommentLength: 20,
};

describe('评分表的校验', () => {
  it('合格的评分表没有问题', () => {
    expect(formProblems(valid)).toEqual([]);
  });

  it.each<{ name: string; form: FormContent; path: string; message: string }>([
    {
      name: '权重合计不为 100',
      form: { ...valid, criteria: [item({ id: 'a', weight: 60 }), item({ id: 'b' })] },
      path: 'criteria',
      message: '评分项权重合计应为 100，现为 110',
    },
    {
      name: '编号重复',
      form: { ...valid, criteria: [item({ id: 'a', label: '甲' }), item({ id: 'a', label: '乙' })] },
      path: 'criteria.1.id',
      message: '乙：编号“a”与前面的评分项重复',
    },
    {
      name: '编号含大写',
      form: { ...valid, criteria: [item({ id: 'A', label: '甲' }), item({ id: 'b' })] },
      path: 'criteria.0.id',
      message: '甲：编号应以小写字母开头，只含小写字母、数字和连字符，至多 40 字符',
    },
    {
      name: '名称为空',
      form: { ...valid, criteria: [item({ id: 'a', label: ' ' }), item({ id: 'b' })] },
      path: 'criteria.0.label',
      message: '第 1 项：请填写评分项名称',
    },
    {
      name: '各档未覆盖满分',
      form: {
        ...valid,
        criteria: [
          item({
            id: 'a',
            label: '甲',
            anchors: [
              { from: 0, to: 5, text: '差' },
              { from: 8, to: 10, text: '好' },
            ],
          }),
          item({ id: 'b' }),
        ],
      },
      path: 'criteria.0.anchors',
      message: '甲：各档未覆盖 6–7 分',
    },
    {
      name: '各档重叠',
      form: {
        ...valid,
        criteria: [
          item({
            id: 'a',
            label: '甲',
            anchors: [
              { from: 0, to: 6, text: '差' },
              { from: 5, to: 10, text: '好' },
            ],
          }),
          item({ id: 'b' }),
        ],
      },
      path: 'criteria.0.anchors',
      message: '甲：5–6 分落在不止一档',
    },
    {
      name: '分数段超出满分',
      form: {
        ...valid,
        criteria: [
          item({ id: 'a', label: '甲', anchors: [{ from: 0, to: 12, text: '全' }] }),
          item({ id: 'b' }),
        ],
      },
      path: 'criteria.0.anchors.0',
      message: '甲：第 1 档分数段应在 0–10 之内，且起点不大于终点',
    },
    {
      name: '档位无说明',
      form: {
        ...valid,
        criteria: [
          item({ id: 'a', label: '甲', anchors: [{ from: 0, to: 10, text: '' }] }),
          item({ id: 'b' }),
        ],
      },
      path: 'criteria.0.anchors.0.text',
      message: '甲：第 1 档请填写说明',
    },
    {
      name: '最少字数为负',
      form: { ...valid, minCommentLength: -1 },
      path: 'minCommentLength',
      message: '评审意见最少字数：应为 0–3000 的整数',
    },
    { name: '没有评分项', form: { ...valid, criteria: [] }, path: 'criteria', message: '评分项：至少设一项' },
  ])('$name', ({ form: f, path, message }) => {
    expect(formProblems(f)).toContainEqual({ path, message });
  });
});

describe('评分表的版本', () => {
  it('列出两版之间的改动', () => {
    const next: FormContent = {
      guidance: '',
      minCommentLength: 30,
      criteria: [
        item({ id: 'a', label: '甲', weight: 60, anchors: [{ from: 0, to: 10, text: '新说明' }] }),
        item({ id: 'c', label: '丙', weight: 40 }),
      ],
    };
    const before: FormContent = {
      ...valid,
      criteria: [item({ id: 'a', label: '甲' }), item({ id: 'b', label: '乙' })],
    };
    expect(formChanges(before, next)).toEqual([
      '“甲”权重 50 → 60',
      '“甲”各档说明已修改',
      '新增评分项“丙”（权重 40，满分 10）',
      '删除评分项“乙”',
      '评审意见最少字数 20 → 30',
    ]);
    expect(formChanges(before, before)).toEqual([]);
  });

  it('按评分时所用的版本计算总分', () => {
    const v1: FormContent = valid;
    const v2: FormContent = {
      ...valid,
      criteria: [item({ id: 'a', weight: 80 }), item({ id: 'b', weight: 20 })],
    };
    const scores = { a: 10, b: 0 };
    expect(weightedTotal(v1, scores)).toBe(50);
    expect(weightedTotal(v2, scores)).toBe(80);
  });
});

describe('专家论证', () => {
  const limit = { amount: 2_000_000, reason: '申报单位申请的省资助经费' };

  it('建议资助经费提交时必填，草稿可空', () => {
    expect(recommendationProblems(null, limit, true)).toEqual([
      { path: 'recommendedFunding', message: '建议资助经费：请填写（万元）' },
    ]);
    expect(recommendationProblems(undefined, limit, false)).toEqual([]);
  });

  it('建议资助经费不超过上限，且为正的整数元', () => {
    expect(recommendationProblems(2_000_000, limit, true)).toEqual([]);
    expect(recommendationProblems(2_000_001, limit, true)).toEqual([
      {
        path: 'recommendedFunding',
        message: expect.stringMatching(/^建议资助经费 .*万元，超过申报单位申请的省资助经费 200\.00 万元$/),
      },
    ]);
    expect(recommendationProblems(0, limit, true)).toHaveLength(1);
    expect(recommendationProblems(1.5, limit, true)).toHaveLength(1);
  });

  it('论证汇总：平均分、建议金额及其中位数', () => {
    expect(feasibilityAggregate([])).toBeNull();
    expect(
      feasibilityAggregate([
        { total: 80, recommendedFunding: 1_000_000 },
        { total: 90, recommendedFunding: 2_000_000 },
        { total: 70, recommendedFunding: 1_500_001 },
        { total: 60, recommendedFunding: 500_000 },
      ]),
    ).toEqual({
      experts: 4,
      meanTotal: 75,
      amounts: [500_000, 1_000_000, 1_500_001, 2_000_000],
      medianAmount: 1_250_001,
    });
    expect(FEASIBILITY_CRITERIA.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });
});
