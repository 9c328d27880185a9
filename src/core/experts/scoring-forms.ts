import { SECTION_KEYS } from '../application/content.js';
import type { TopicNumber } from '../bundle/schema.js';

// 评分表. 苏科资发〔2026〕26号 names no review criteria: these forms are the centre's configuration, not
// clauses of the notice, and change without a change of policy in READING.md. Each form has 1–5 criteria whose
// weights add up to 100; an expert scores each criterion as a whole number from 0 to its `max`, and the
// weighted total (0–100) is Σ weight × score ⁄ max.

export interface Criterion {
  id: string;
  label: string;
  /** Share of the total, in points out of 100. */
  weight: number;
  /** The highest score; the lowest is 0. */
  max: number;
  guidance: string;
  /** The part of the 申报书 the criterion judges, which the scoring page links to. */
  section?: DocumentPart;
}

/** The parts of the 申报书 a criterion can point to: a section, or one of its tables. */
export const DOCUMENT_PARTS = [...SECTION_KEYS, 'team', 'indicators', 'milestones', 'budgetTable'] as const;
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];

export interface ScoringForm {
  topic: TopicNumber;
  criteria: readonly Criterion[];
}

export type Scores = Record<string, number>;

const innovation: Criterion = {
  id: 'innovation',
  label: '创新性与技术先进性',
  weight: 30,
  max: 10,
  guidance: '研究内容的创新点、技术水平及与国际前沿的差距',
  section: 'innovations',
};
const partnership: Criterion = {
  id: 'partnership',
  label: '合作基础与合作方实力',
  weight: 25,
  max: 10,
  guidance: '前期合作成效、合作方的技术优势与实质性投入',
  section: 'cooperationBasis',
};
const feasibility: Criterion = {
  id: 'feasibility',
  label: '研究方案与可行性',
  weight: 20,
  max: 10,
  guidance: '技术路线、进度安排、团队与条件保障',
  section: 'researchPlan',
};
const outcomes: Criterion = {
  id: 'outcomes',
  label: '预期成果与效益',
  weight: 15,
  max: 10,
  guidance: '考核指标的明确性，对江苏产业和科技发展的带动作用',
  section: 'indicators',
};
const budget: Criterion = {
  id: 'budget',
  label: '经费预算合理性',
  weight: 10,
  max: 10,
  guidance: '预算与任务的匹配程度、自筹经费落实情况',
  section: 'budgetTable',
};

const GENERAL = [innovation, partnership, feasibility, outcomes, budget];

export const SCORING_FORMS: Record<TopicNumber, ScoringForm> = {
  1: {
    topic: 1,
    criteria: [
      { ...innovation, weight: 35 },
      {
        id: 'platform',
        label: '平台支撑与国际影响',
        weight: 30,
        max: 10,
        guidance: '依托大科学计划或国际合作平台的程度及国际影响力',
        section: 'cooperationBasis',
      },
      feasibility,
      { ...budget, weight: 15 },
    ],
  },
  2: {
    topic: 2,
    criteria: [
      { ...innovation, weight: 25 },
      {
        id: 'joint-lab',
        label: '联合实验室建设与运行',
        weight: 30,
        max: 10,
        guidance: '“一带一路”联合实验室的共建机制、人员交流与运行成效',
        section: 'division',
      },
      feasibility,
      outcomes,
      budget,
    ],
  },
  3: { topic: 3, criteria: GENERAL },
  4: { topic: 4, criteria: GENERAL },
  5: {
    topic: 5,
    criteria: [
      innovation,
      { ...partnership, label: '苏港澳台合作基础与合作方实力' },
      feasibility,
      outcomes,
      budget,
    ],
  },
};

export interface ScoreProblem {
  /** `scores.<criterion>` or `scores`. */
  path: string;
  message: string;
}

/** What is wrong with `scores` on `form`; `complete` also wants every criterion scored (submission). */
export function scoreProblems(
  form: Pick<ScoringForm, 'criteria'>,
  scores: Scores,
  complete: boolean,
): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const known = new Set(form.criteria.map((c) => c.id));
  for (const id of Object.keys(scores).filter((k) => !known.has(k))) {
    problems.push({ path: `scores.${id}`, message: `评分表没有“${id}”这一项` });
  }
  for (const c of form.criteria) {
    const score = scores[c.id];
    if (score === undefined) {
      if (complete) problems.push({ path: `scores.${c.id}`, message: `${c.label}：请打分` });
    } else if (score > c.max) {
      problems.push({
        path: `scores.${c.id}`,
        message: `${c.label}：满分为 ${c.max} 分，不能打 ${score} 分`,
      });
    } else if (!Number.isInteger(score) || score < 0) {
      problems.push({ path: `scores.${c.id}`, message: `${c.label}：分数应为 0–${c.max} 的整数` });
    }
  }
  return problems;
}

/** What is wrong with a scoring as a whole: its scores, and on submission (`complete`) the comment too. */
export function scoringProblems(
  form: Pick<ScoringForm, 'criteria'>,
  scores: Scores,
  comment: string,
  complete: boolean,
): ScoreProblem[] {
  const problems = scoreProblems(form, scores, complete);
  if (complete && !comment.trim()) problems.push({ path: 'comment', message: '评审意见：请填写' });
  return problems;
}

/** The weighted total out of 100, to two decimals, counting unscored criteria as 0. */
export function weightedTotal(form: ScoringForm, scores: Scores): number {
  const sum = form.criteria.reduce((total, c) => total + (c.weight * (scores[c.id] ?? 0)) / c.max, 0);
  return Math.round(sum * 100) / 100;
}
