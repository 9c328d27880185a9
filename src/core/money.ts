const YUAN_PER_WAN = 10_000;

/**
 * Yuan in 万元, rounded to the yuan: 800000 → 80, 800001 → 80.0001. Amounts are kept in whole yuan; only
 * aggregates such as a median have fractions.
 */
export function yuanToWan(yuan: number): number {
  return Math.round(yuan) / YUAN_PER_WAN;
}

/**
 * Yuan as 万元 for people, to the yuan: `80 万元`, `80.5 万元`, `80.0001 万元`. Not rounded to fewer decimals, so
 * that an amount one yuan over a cap never reads as the cap itself.
 */
export function formatWan(yuan: number): string {
  return `${yuanToWan(yuan)} 万元`;
}

/** 万元 as typed in a form (up to four decimals) to whole yuan. */
export function wanToYuan(wan: number): number {
  return Math.round(wan * YUAN_PER_WAN);
}

/**
 * Yuan as 万元 to at least two decimals, for amounts read beside a limit: `60.00 万元`, `80.50 万元`; more
 * decimals only when the yuan need them (`80.0001 万元`), for the reason `formatWan` gives.
 */
export function formatWanDecimal(yuan: number): string {
  return `${wanDecimal(yuan)} 万元`;
}

/** `formatWanDecimal`'s figure without the unit, for a table whose header names it: `60.00`. */
export function wanDecimal(yuan: number): string {
  const wan = yuanToWan(yuan);
  const exact = String(wan);
  const decimals = exact.includes('.') ? exact.split('.')[1]!.length : 0;
  return wan.toFixed(Math.max(2, decimals));
}
