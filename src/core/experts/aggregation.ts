// Aggregation of the experts' weighted totals for one application. How wide a spread calls for a second look
// is the centre's choice, not the notice's.

/** A spread (highest − lowest total) of this many points or more out of 100 is flagged. */
export const WIDE_SPREAD_POINTS = 20;

export interface Aggregate {
  count: number;
  mean: number | null;
  median: number | null;
  /** Highest − lowest total. */
  spread: number | null;
  wideSpread: boolean;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function aggregate(totals: readonly number[], wideSpreadPoints = WIDE_SPREAD_POINTS): Aggregate {
  if (totals.length === 0) return { count: 0, mean: null, median: null, spread: null, wideSpread: false };
  const sorted = [...totals].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const spread = round2(sorted.at(-1)! - sorted[0]!);
  return {
    count: sorted.length,
    mean: round2(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    median: round2(median),
    spread,
    wideSpread: spread >= wideSpreadPoints,
  };
}
