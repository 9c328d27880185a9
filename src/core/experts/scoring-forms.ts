import { SECTION_LABELS } from '../application/form.js';
import { SECTION_KEYS } from '../application/content.js';
import type { TopicNumber } from '../bundle/schema.js';
import type { Direction } from '../bundle/schema.js';
import { CENTRE_CONFIGURATION, type CallParameters, type Clause, streamOf } from '../calls/parameters.js';
import { fundingLimit } from '../decisions/funding-limit.js';
import { formatWanDecimal } from '../money.js';
import type { RoundKind } from './rounds.js';

// 评分表. 苏科资发〔2026〕26号 names no review criteria: the forms are the centre's configuration, not clauses of
// the notice. The province configures one per review round and topic (`scoring_forms`, versioned); until it
// saves one, the round uses the default of its kind below (函评: one per topic; 专家论证: one for every
// directed stream). Each form has 1–10 criteria whose weights add up to 100; an expert scores each criterion as
// a whole number from 0 to its `max`, reading the anchor of the band the score falls in, and the weighted total
// (0–100) is Σ weight × score ⁄ max. A submission's comment has at least the form's minimum length.

/** A band of the scale with what it means, e.g. 9–10 优秀：…. */
export interface Anchor {
  from: number;
  to: number;
  text: string;
}

export interface Criterion {
  id: string;
  label: string;
  /** Share of the total, in points out of 100. */
  weight: number;
  /** The highest score; the lowest is 0. */
  max: number;
  guidance: string;
  /** The bands of the scale 0–max, covering every score once. */
  anchors: Anchor[];
  /** The part of the 申报书 the criterion judges, which the scoring page links to. */
  section?: DocumentPart;
}

/** The parts of the 申报书 a criterion can point to: a section, or one of its tables. */
export const DOCUMENT_PARTS = [...SECTION_KEYS, 'team', 'indicators', 'milestones', 'budgetTable'] as const;
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];

export const DOCUMENT_PART_LABELS: Record<DocumentPart, string> = {
  ...SECTION_LABELS,
  team: '项目团队',
  indicators: '考核指标',
  milestones: '进度安排',
  budgetTable: '经费预算表',
};

/** What a form holds, as the province edits it. */
export interface FormContent {
  criteria: readonly Criterion[];
  /** What the form asks of experts as a whole, shown above its criteria. */
  guidance: string;
  /** The fewest characters a submitted comment has. */
  minCommentLength: number;
}

export interface ScoringForm extends FormContent {
  topic: TopicNumber;
}

/** Where a default form comes from: the centre's configuration, never a clause of the notice. */
export const DEFAULT_FORM_CLAUSE: Clause = CENTRE_CONFIGURATION;

export const MAX_CRITERIA = 10;
export const MAX_COMMENT_LENGTH = 3000;
export const MAX_GUIDANCE_LENGTH = 500;

export type Scores = Record<string, number>;

/** The default anchors of a 0–10 scale: four bands. */
const TEN_POINT_ANCHORS: Anchor[] = [
  { from: 9, to: 10, text: '优秀：完全达到要求，特色鲜明，无明显不足' },
  { from: 7, to: 8, text: '良好：较好达到要求，存在个别不足' },
  { from: 5, to: 6, text: '一般：基本达到要求，存在明显不足' },
  { from: 0, to: 4, text: '较差：未达到要求' },
];

const criterion = (c: Omit<Criterion, 'anchors' | 'max'>): Criterion => ({
  ...c,
  max: 10,
  anchors: TEN_POINT_ANCHORS,
});

const innovation = criterion({
  id: 'innovation',
  label: '创新性与技术先进性',
  weight: 30,
  guidance: '研究内容的创新点、技术水平及与国际前沿的差距',
  section: 'innovations',
});
const partnership = criterion({
  id: 'partnership',
  label: '合作基础与合作方实力',
  weight: 25,
  guidance: '前期合作成效、合作方的技术优势与实质性投入',
  section: 'cooperationBasis',
});
const feasibility = criterion({
  id: 'feasibility',
  label: '研究方案与可行性',
  weight: 20,
  guidance: '技术路线、进度安排、团队与条件保障',
  section: 'researchPlan',
});
const outcomes = criterion({
  id: 'outcomes',
  label: '预期成果与效益',
  weight: 15,
  guidance: '考核指标的明确性，对江苏产业和科技发展的带动作用',
  section: 'indicators',
});
const budget = criterion({
  id: 'budget',
  label: '经费预算合理性',
  weight: 10,
  guidance: '预算与任务的匹配程度、自筹经费落实情况',
  section: 'budgetTable',
});

const GENERAL = [innovation, partnership, feasibility, outcomes, budget];

/** The default forms' general guidance. */
export const DEFAULT_GUIDANCE =
  '请依据申报书内容独立、客观、公正地评审：对照各档说明逐项打分，并在评审意见中写明主要优点、不足和建议。';

/** 函评 comments: at least this many characters on submission (the centre's configuration). */
export const DEFAULT_MIN_COMMENT_LENGTH = 15;

/** The 函评 defaults, one per topic. */
export const SCORING_FORMS: Record<TopicNumber, ScoringForm> = {
  1: {
    topic: 1,
    minCommentLength: DEFAULT_MIN_COMMENT_LENGTH,
    guidance: DEFAULT_GUIDANCE,
    criteria: [
      { ...innovation, weight: 35 },
      criterion({
        id: 'platform',
        label: '平台支撑与国际影响',
        weight: 30,
        guidance: '依托大科学计划或国际合作平台的程度及国际影响力',
        section: 'cooperationBasis',
      }),
      feasibility,
      { ...budget, weight: 15 },
    ],
  },
  2: {
    topic: 2,
    minCommentLength: DEFAULT_MIN_COMMENT_LENGTH,
    guidance: DEFAULT_GUIDANCE,
    criteria: [
      { ...innovation, weight: 25 },
      criterion({
        id: 'joint-lab',
        label: '联合实验室建设与运行',
        weight: 30,
        guidance: '“一带一路”联合实验室的共建机制、人员交流与运行成效',
        section: 'division',
      }),
      feasibility,
      outcomes,
      budget,
    ],
  },
  3: {
    topic: 3,
    minCommentLength: DEFAULT_MIN_COMMENT_LENGTH,
    guidance: DEFAULT_GUIDANCE,
    criteria: GENERAL,
  },
  4: {
    topic: 4,
    minCommentLength: DEFAULT_MIN_COMMENT_LENGTH,
    guidance: DEFAULT_GUIDANCE,
    criteria: GENERAL,
  },
  5: {
    topic: 5,
    minCommentLength: DEFAULT_MIN_COMMENT_LENGTH,
    guidance: DEFAULT_GUIDANCE,
    criteria: [
      innovation,
      { ...partnership, label: '苏港澳台合作基础与合作方实力' },
      feasibility,
      outcomes,
      budget,
    ],
  },
};

/** 专家论证 of the directed streams: feasibility, conditions, budget; the expert also recommends an amount. */
export const FEASIBILITY_CRITERIA: readonly Criterion[] = [
  criterion({
    id: 'feasibility',
    label: '可行性',
    weight: 40,
    guidance: '目标是否明确，技术路线与合作方案是否可行，能否达成考核指标',
    section: 'researchPlan',
  }),
  criterion({
    id: 'conditions',
    label: '实施条件',
    weight: 35,
    guidance: '申报单位、合作方与团队的基础条件，平台支撑与配套保障',
    section: 'cooperationBasis',
  }),
  criterion({
    id: 'budget',
    label: '经费合理性',
    weight: 25,
    guidance: '经费预算与任务的匹配程度，省资助经费的必要性与自筹经费落实情况',
    section: 'budgetTable',
  }),
];

/** The form a round of `kind` uses for `topic` until the province saves one. */
export function defaultForm(kind: RoundKind, topic: TopicNumber): ScoringForm {
  return kind === 'feasibility'
    ? {
        topic,
        criteria: FEASIBILITY_CRITERIA,
        guidance: `${DEFAULT_GUIDANCE}专家论证还须给出建议资助经费（万元）。`,
        minCommentLength: DEFAULT_MIN_COMMENT_LENGTH,
      }
    : SCORING_FORMS[topic];
}

/** Whether experts of a round of `kind` recommend a funding amount (专家论证). */
export const recommendsFunding = (kind: RoundKind) => kind === 'feasibility';

export interface ScoreProblem {
  /** `scores.<criterion>`, `scores`, `comment`, `recommendedFunding`, or a path into a form. */
  path: string;
  message: string;
}

/** What is wrong with a form the province saves: paths into it (`criteria.0.weight`), Chinese messages. */
export function formProblems(form: FormContent): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const { criteria } = form;
  if (criteria.length === 0) add('criteria', '评分项：至少设一项');
  if (criteria.length > MAX_CRITERIA)
    add('criteria', `评分项：至多 ${MAX_CRITERIA} 项，现有 ${criteria.length} 项`);
  const seenIds = new Set<string>();
  const seenLabels = new Set<string>();
  criteria.forEach((c, i) => {
    const at = `criteria.${i}`;
    const name = c.label.trim() || `第 ${i + 1} 项`;
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(c.id)) {
      add(`${at}.id`, `${name}：编号应以小写字母开头，只含小写字母、数字和连字符，至多 40 字符`);
    } else if (seenIds.has(c.id)) {
      add(`${at}.id`, `${name}：编号“${c.id}”与前面的评分项重复`);
    }
    seenIds.add(c.id);
    if (!c.label.trim()) add(`${at}.label`, `第 ${i + 1} 项：请填写评分项名称`);
    else if (seenLabels.has(c.label.trim())) add(`${at}.label`, `${name}：名称与前面的评分项重复`);
    seenLabels.add(c.label.trim());
    if (c.guidance.length > MAX_GUIDANCE_LENGTH) {
      add(`${at}.guidance`, `${name}：评分指引不能超过 ${MAX_GUIDANCE_LENGTH} 字`);
    }
    if (!Number.isInteger(c.weight) || c.weight <= 0 || c.weight > 100) {
      add(`${at}.weight`, `${name}：权重应为 1–100 的整数`);
    }
    if (!Number.isInteger(c.max) || c.max < 1 || c.max > 100) {
      add(`${at}.max`, `${name}：满分应为 1–100 的整数`);
      return;
    }
    problems.push(...anchorProblems(c, `${at}.anchors`, name));
  });
  const sum = criteria.reduce((total, c) => total + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  if (criteria.length > 0 && sum !== 100) add('criteria', `评分项权重合计应为 100，现为 ${sum}`);
  if (form.guidance.length > MAX_GUIDANCE_LENGTH * 2) {
    add('guidance', `评审说明：不能超过 ${MAX_GUIDANCE_LENGTH * 2} 字`);
  }
  if (
    !Number.isInteger(form.minCommentLength) ||
    form.minCommentLength < 0 ||
    form.minCommentLength > MAX_COMMENT_LENGTH
  ) {
    add('minCommentLength', `评审意见最少字数：应为 0–${MAX_COMMENT_LENGTH} 的整数`);
  }
  return problems;
}

/** The anchors must cover 0–max, each score in exactly one band, each band described. */
function anchorProblems(c: Criterion, at: string, name: string): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  if (c.anchors.length === 0) return [{ path: at, message: `${name}：请为 0–${c.max} 分设定各档说明` }];
  c.anchors.forEach((a, j) => {
    if (!Number.isInteger(a.from) || !Number.isInteger(a.to) || a.from < 0 || a.to > c.max || a.from > a.to) {
      problems.push({
        path: `${at}.${j}`,
        message: `${name}：第 ${j + 1} 档分数段应在 0–${c.max} 之内，且起点不大于终点`,
      });
    }
    if (!a.text.trim())
      problems.push({ path: `${at}.${j}.text`, message: `${name}：第 ${j + 1} 档请填写说明` });
  });
  if (problems.length > 0) return problems;
  const covered = new Array<number>(c.max + 1).fill(0);
  for (const a of c.anchors) for (let s = a.from; s <= a.to; s += 1) covered[s]! += 1;
  const missing = covered.flatMap((n, s) => (n === 0 ? [s] : []));
  const twice = covered.flatMap((n, s) => (n > 1 ? [s] : []));
  if (missing.length > 0) {
    problems.push({ path: at, message: `${name}：各档未覆盖 ${ranges(missing)} 分` });
  }
  if (twice.length > 0) {
    problems.push({ path: at, message: `${name}：${ranges(twice)} 分落在不止一档` });
  }
  return problems;
}

/** 0,1,2,5 → 0–2、5. */
function ranges(scores: number[]): string {
  const parts: string[] = [];
  let start = scores[0]!;
  let previous = start;
  for (const s of [...scores.slice(1), Number.NaN]) {
    if (s === previous + 1) {
      previous = s;
      continue;
    }
    parts.push(start === previous ? `${start}` : `${start}–${previous}`);
    start = s;
    previous = s;
  }
  return parts.join('、');
}

/** The band `score` falls in. */
export function anchorOf(c: Criterion, score: number): Anchor | undefined {
  return c.anchors.find((a) => a.from <= score && score <= a.to);
}

/** What is wrong with `scores` on `form`; `complete` also wants every criterion scored (submission). */
export function scoreProblems(
  form: Pick<FormContent, 'criteria'>,
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

/** The comment's length as counted against the minimum: characters, without surrounding spaces. */
export const commentLength = (comment: string) => [...comment.trim()].length;

/**
 * What is wrong with a scoring as a whole: its scores, and on submission (`complete`) the comment too, which
 * must reach the form's minimum length.
 */
export function scoringProblems(
  form: Pick<FormContent, 'criteria'> & Partial<Pick<FormContent, 'minCommentLength'>>,
  scores: Scores,
  comment: string,
  complete: boolean,
): ScoreProblem[] {
  const problems = scoreProblems(form, scores, complete);
  if (!complete) return problems;
  const length = commentLength(comment);
  const least = form.minCommentLength ?? 0;
  if (length === 0) problems.push({ path: 'comment', message: '评审意见：请填写' });
  else if (length < least) {
    problems.push({ path: 'comment', message: `评审意见：至少 ${least} 字，现为 ${length} 字` });
  }
  return problems;
}

/** The most an expert may recommend: the smaller of the stream's cap and the 省资助经费 asked for, and why. */
export interface RecommendationLimit {
  amount: number;
  reason: string;
}

/** The limit of a recommendation: the stream's cap (the call's parameters) or the 省资助经费 requested. */
export function recommendationLimit(
  call: CallParameters,
  topic: TopicNumber,
  direction: Direction | null,
  requested: number,
): RecommendationLimit | null {
  const terms = streamOf(call, topic, direction ?? undefined);
  if (!terms) return null;
  const cap = { amount: terms.funding.value.cap, clause: terms.funding.clause, label: terms.label };
  return fundingLimit(requested, cap, call.notice.number.value);
}

/**
 * What is wrong with a 专家论证 recommended amount (yuan): whole yuan above 0, within `limit`; required on
 * submission.
 */
export function recommendationProblems(
  amount: number | null | undefined,
  limit: RecommendationLimit | null,
  complete: boolean,
): ScoreProblem[] {
  const path = 'recommendedFunding';
  if (amount === null || amount === undefined) {
    return complete ? [{ path, message: '建议资助经费：请填写（万元）' }] : [];
  }
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    return [{ path, message: '建议资助经费：应大于 0，精确到元' }];
  }
  if (limit && amount > limit.amount) {
    return [
      {
        path,
        message: `建议资助经费 ${formatWanDecimal(amount)}，超过${limit.reason} ${formatWanDecimal(limit.amount)}`,
      },
    ];
  }
  return [];
}

/** The weighted total out of 100, to two decimals, counting unscored criteria as 0. */
export function weightedTotal(form: Pick<FormContent, 'criteria'>, scores: Scores): number {
  const sum = form.criteria.reduce((total, c) => total + (c.weight * (scores[c.id] ?? 0)) / c.max, 0);
  return Math.round(sum * 100) / 100;
}

/** The anchors as one string, whatever order their keys were stored in (jsonb reorders them). */
const anchorsText = (c: Criterion) => c.anchors.map((a) => `${a.from}–${a.to}：${a.text}`).join('\n');

/** What changed from one version of a form to the next, as the version history lists it. */
export function formChanges(before: FormContent, after: FormContent): string[] {
  const changes: string[] = [];
  const old = new Map(before.criteria.map((c) => [c.id, c]));
  const now = new Map(after.criteria.map((c) => [c.id, c]));
  for (const c of after.criteria) {
    const was = old.get(c.id);
    if (!was) {
      changes.push(`新增评分项“${c.label}”（权重 ${c.weight}，满分 ${c.max}）`);
      continue;
    }
    const name = `“${c.label}”`;
    if (was.label !== c.label) changes.push(`评分项“${was.label}”改名为${name}`);
    if (was.weight !== c.weight) changes.push(`${name}权重 ${was.weight} → ${c.weight}`);
    if (was.max !== c.max) changes.push(`${name}满分 ${was.max} → ${c.max}`);
    if (was.guidance !== c.guidance) changes.push(`${name}评分指引已修改`);
    if ((was.section ?? null) !== (c.section ?? null)) {
      const part = (p?: DocumentPart) => (p ? DOCUMENT_PART_LABELS[p] : '不指定');
      changes.push(`${name}对应申报书部分 ${part(was.section)} → ${part(c.section)}`);
    }
    if (anchorsText(was) !== anchorsText(c)) changes.push(`${name}各档说明已修改`);
  }
  for (const c of before.criteria) {
    if (!now.has(c.id)) changes.push(`删除评分项“${c.label}”`);
  }
  const order = (f: FormContent) => f.criteria.map((c) => c.id).join();
  if (changes.length === 0 && order(before) !== order(after)) changes.push('评分项顺序已调整');
  if (before.guidance !== after.guidance) changes.push('评审说明已修改');
  if (before.minCommentLength !== after.minCommentLength) {
    changes.push(`评审意见最少字数 ${before.minCommentLength} → ${after.minCommentLength}`);
  }
  return changes;
}

/** The 专家论证 panel's view of one application: submitted totals and recommended amounts (yuan). */
export interface FeasibilityAggregate {
  experts: number;
  meanTotal: number;
  amounts: number[];
  /** The median recommended amount, whole yuan. */
  medianAmount: number;
}

export function feasibilityAggregate(
  submitted: readonly { total: number; recommendedFunding: number | null }[],
): FeasibilityAggregate | null {
  if (submitted.length === 0) return null;
  const amounts = submitted.flatMap((s) => (s.recommendedFunding === null ? [] : [s.recommendedFunding]));
  const sorted = [...amounts].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length === 0
      ? 0
      : sorted.length % 2
        ? sorted[middle]!
        : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
  const mean = submitted.reduce((sum, s) => sum + s.total, 0) / submitted.length;
  return {
    experts: submitted.length,
    meanTotal: Math.round(mean * 100) / 100,
    amounts: sorted,
    medianAmount: median,
  };
}
