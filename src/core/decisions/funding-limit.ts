import { formatWanDecimal } from '../money.js';

// 立项资助经费 may exceed neither the stream's cap (the call's parameters) nor what the applicant asked for;
// whichever is smaller binds, and a refusal names that one and why.

export interface FundingCap {
  amount: number;
  clause: string;
  /** The stream the cap is for: 专题四, 专题一方向1 … */
  label: string;
}

export interface FundingLimit {
  amount: number;
  /** Why this amount binds, in Chinese. */
  reason: string;
}

/** The binding limit: the cap when it is below the amount requested (or equal to it), else the amount requested. */
export function fundingLimit(requested: number, cap: FundingCap, noticeNumber: string): FundingLimit {
  return cap.amount <= requested
    ? { amount: cap.amount, reason: `${cap.label}省资助经费上限（${noticeNumber} ${cap.clause}）` }
    : { amount: requested, reason: '申报单位申请的省资助经费' };
}

/** Why `funding` is refused, or `undefined` when it is within the limit. */
export function fundingOverLimit(funding: number, limit: FundingLimit): string | undefined {
  if (funding <= limit.amount) return undefined;
  const most = formatWanDecimal(limit.amount);
  return `立项资助经费 ${formatWanDecimal(funding)}，超过${limit.reason} ${most}，请调减至 ${most}以内`;
}
