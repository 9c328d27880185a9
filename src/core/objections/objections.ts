// 公示异议 (issue 14 §7): what the public files during a 公示 and how the province handles it. Pure.

/** 已收到 → 已受理 → 调查中 → 已办结; a received or registered objection may be closed without investigation notes. */
export const OBJECTION_STATUSES = ['received', 'registered', 'investigating', 'closed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const OBJECTION_STATUS_LABELS: Readonly<Record<ObjectionStatus, string>> = {
  received: '已收到',
  registered: '已受理',
  investigating: '调查中',
  closed: '已办结',
};

/** 异议成立 / 异议不成立. */
export const OBJECTION_FINDINGS = ['upheld', 'dismissed'] as const;
export type ObjectionFinding = (typeof OBJECTION_FINDINGS)[number];

export const OBJECTION_FINDING_LABELS: Readonly<Record<ObjectionFinding, string>> = {
  upheld: '异议成立',
  dismissed: '异议不成立',
};

export type ObjectionStep = 'register' | 'investigate' | 'close';

export const OBJECTION_STEP_LABELS: Readonly<Record<ObjectionStep, string>> = {
  register: '受理',
  investigate: '记录调查情况',
  close: '办结',
};

const ALLOWED: Readonly<Record<ObjectionStep, readonly ObjectionStatus[]>> = {
  register: ['received'],
  investigate: ['registered', 'investigating'],
  close: ['registered', 'investigating'],
};

/** Why `step` cannot be taken from `status`, in Chinese; `null` when it can. */
export function objectionStepRefusal(status: ObjectionStatus, step: ObjectionStep): string | null {
  if (ALLOWED[step].includes(status)) return null;
  const now = OBJECTION_STATUS_LABELS[status];
  if (status === 'closed') return `该异议已办结，不能再${OBJECTION_STEP_LABELS[step]}`;
  if (step === 'register') return `该异议当前为“${now}”，已受理过，无需再次受理`;
  return `该异议当前为“${now}”，须先受理，才能${OBJECTION_STEP_LABELS[step]}`;
}

/** 异议编号: the prefix, the call's year and a four-digit sequence per call, e.g. `YY2026-0001`. */
export function objectionReference(year: number, sequence: number): string {
  return `YY${year}-${String(sequence).padStart(4, '0')}`;
}

/** Whether `day` (YYYY-MM-DD, Beijing) falls within the 公示期; otherwise why not, with the period. */
export function objectionPeriodRefusal(
  day: string,
  period: { startsOn: string; endsOn: string },
  format: (day: string) => string,
): string | null {
  const span = `${format(period.startsOn)}至${format(period.endsOn)}`;
  if (day < period.startsOn) return `公示期为${span}，公示期开始后才能提出异议`;
  if (day > period.endsOn) return `公示期为${span}，已过异议截止日期，不再受理网上异议`;
  return null;
}

/** Limits of what the public may send: grounds, evidence files per objection. */
export const OBJECTION_GROUNDS_MAX = 5000;
export const OBJECTION_GROUNDS_MIN = 10;
export const OBJECTION_EVIDENCE_MAX = 5;

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一, 二 … 十, 十一 … 九十九: the ordinal of a released opinion (1-based). */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return CHINESE_ORDINALS[n - 1]!;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : CHINESE_ORDINALS[tens - 1]}十${units === 0 ? '' : CHINESE_ORDINALS[units - 1]}`;
}

/** 专家意见一、专家意见二 …: how an applicant reads the n-th released comment; never which expert wrote it. */
export const opinionLabel = (n: number) => `专家意见${chineseOrdinal(n)}`;
export const PANEL_SUMMARY_LABEL = '会评意见';
