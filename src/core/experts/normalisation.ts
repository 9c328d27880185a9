// 评分标准化 (issue 14 §5): each expert's 函评 totals standardised against that expert's own mean and standard
// deviation (z = (total − mean) ⁄ sd), so that a strict expert's 70 and a lenient one's 90 can be compared. Per
// application the raw mean and the mean z-score, and the rankings by each compared. An expert whose mean lies
// more than `thresholdZ` standard deviations below (above) the mean of all experts' means is flagged strict
// (lenient). Standard deviations are of the population (divided by n): the scores are all there is.

/** One submitted 函评 total. */
export interface ScoreEntry {
  expertId: string;
  applicationId: string;
  total: number;
}

/**
 * Why an expert's totals cannot be standardised: one score only, or every score the same (no spread). Their
 * scores then count in the raw means but not in the normalised ones.
 */
export type NotStandardised = 'single' | 'flat';

export const NOT_STANDARDISED_LABELS: Record<NotStandardised, string> = {
  single: '仅评 1 项，无法标准化，不计入标准化均值',
  flat: '所评分数全部相同（标准差为 0），无法标准化，不计入标准化均值',
};

export type Leaning = 'strict' | 'lenient';

export const LEANING_LABELS: Record<Leaning, string> = { strict: '偏严', lenient: '偏宽' };

export interface ExpertNormalisation {
  expertId: string;
  count: number;
  mean: number;
  sd: number;
  /** Null when the totals can be standardised. */
  notStandardised: NotStandardised | null;
  /** The expert's mean against every expert's: null when neither strict nor lenient (or it cannot be said). */
  leaning: Leaning | null;
  /** How many standard deviations of the experts' means this expert's mean lies from their mean. */
  meanZ: number | null;
  scores: { applicationId: string; total: number; z: number | null }[];
}

export interface ApplicationNormalisation {
  applicationId: string;
  count: number;
  rawMean: number;
  /** Over the standardised scores only; null when none of its experts could be standardised. */
  meanZ: number | null;
  /** 1 is best; ties share a rank (1, 2, 2, 4). */
  rawRank: number;
  normalisedRank: number | null;
  /** rawRank − normalisedRank: positive when normalising moves the application up. */
  rankChange: number | null;
}

export interface Normalisation {
  experts: ExpertNormalisation[];
  applications: ApplicationNormalisation[];
  /** The mean and standard deviation of the experts' means, against which strict and lenient are judged. */
  expertsMean: number | null;
  expertsSd: number | null;
  /** Why no expert could be flagged, when none could. */
  leaningNote: string | null;
}

const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

function meanOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function sdOf(values: readonly number[], mean: number): number {
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
}

/** Ranks by `value` descending; equal values share the best rank; absent values are unranked. */
function ranks<T>(items: readonly T[], value: (item: T) => number | null): Map<T, number> {
  const present = items.filter((i) => value(i) !== null);
  const sorted = [...present].sort((a, b) => value(b)! - value(a)!);
  const out = new Map<T, number>();
  sorted.forEach((item, index) => {
    const previous = sorted[index - 1];
    out.set(item, previous !== undefined && value(previous) === value(item) ? out.get(previous)! : index + 1);
  });
  return out;
}

/** Equal within what the shown figures resolve, so that rounding noise never splits a tie. */
const EPSILON = 1e-9;

export function normalise(entries: readonly ScoreEntry[], thresholdZ: number): Normalisation {
  const byExpert = new Map<string, ScoreEntry[]>();
  for (const e of entries) byExpert.set(e.expertId, [...(byExpert.get(e.expertId) ?? []), e]);

  const experts: ExpertNormalisation[] = [...byExpert.entries()].map(([expertId, own]) => {
    const totals = own.map((e) => e.total);
    const mean = meanOf(totals);
    const sd = sdOf(totals, mean);
    const notStandardised: NotStandardised | null =
      own.length === 1 ? 'single' : sd < EPSILON ? 'flat' : null;
    return {
      expertId,
      count: own.length,
      mean: round(mean, 2),
      sd: round(sd, 2),
      notStandardised,
      leaning: null,
      meanZ: null,
      scores: own.map((e) => ({
        applicationId: e.applicationId,
        total: e.total,
        z: notStandardised ? null : round((e.total - mean) / sd, 3),
      })),
    };
  });

  // Strict and lenient: each expert's mean against the mean and spread of all experts' means.
  let expertsMean: number | null = null;
  let expertsSd: number | null = null;
  let leaningNote: string | null = null;
  if (experts.length < 2) {
    leaningNote = '评分专家不足 2 位，无法判断偏严或偏宽';
  } else {
    const means = [...byExpert.values()].map((own) => meanOf(own.map((e) => e.total)));
    const m = meanOf(means);
    const s = sdOf(means, m);
    expertsMean = round(m, 2);
    expertsSd = round(s, 2);
    if (s < EPSILON) {
      leaningNote = '各位专家的平均分相同，无偏严或偏宽';
    } else {
      experts.forEach((expert, i) => {
        const z = (means[i]! - m) / s;
        expert.meanZ = round(z, 3);
        expert.leaning = z < -thresholdZ ? 'strict' : z > thresholdZ ? 'lenient' : null;
      });
    }
  }

  const byApplication = new Map<string, { totals: number[]; zs: number[] }>();
  for (const expert of experts) {
    for (const s of expert.scores) {
      const a = byApplication.get(s.applicationId) ?? { totals: [], zs: [] };
      a.totals.push(s.total);
      if (s.z !== null) a.zs.push(s.z);
      byApplication.set(s.applicationId, a);
    }
  }
  const rows = [...byApplication.entries()].map(([applicationId, a]) => ({
    applicationId,
    count: a.totals.length,
    rawMean: round(meanOf(a.totals), 2),
    meanZ: a.zs.length > 0 ? round(meanOf(a.zs), 3) : null,
  }));
  const raw = ranks(rows, (r) => r.rawMean);
  const normalised = ranks(rows, (r) => r.meanZ);
  const applications = rows
    .map((r) => {
      const rawRank = raw.get(r)!;
      const normalisedRank = normalised.get(r) ?? null;
      return {
        ...r,
        rawRank,
        normalisedRank,
        rankChange: normalisedRank === null ? null : rawRank - normalisedRank,
      };
    })
    .sort((a, b) => a.rawRank - b.rawRank || a.applicationId.localeCompare(b.applicationId));

  return { experts, applications, expertsMean, expertsSd, leaningNote };
}
