// 复核 of 不予受理: an appeal is open until the province decides it, upheld (the application becomes 受理) or
// dismissed (不予受理 stands, with the province's reason).

export const APPEAL_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  open: '待复核',
  upheld: '复核成立，予以受理',
  dismissed: '复核不成立，维持不予受理',
};

/** How many evidence PDFs one appeal carries at most. */
export const APPEAL_EVIDENCE_MAX = 5;
