const YUAN_PER_WAN = 10_000;

/** Yuan as 万元 for people: 800000 → `80 万元`, 805000 → `80.5 万元`. */
export function formatWan(yuan: number): string {
  return `${Number((yuan / YUAN_PER_WAN).toFixed(4))} 万元`;
}

/** 万元 as typed in a form (up to four decimals) to whole yuan. */
export function wanToYuan(wan: number): number {
  return Math.round(wan * YUAN_PER_WAN);
}

export function yuanToWan(yuan: number): number {
  return yuan / YUAN_PER_WAN;
}
