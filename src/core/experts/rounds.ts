// 评审轮次: a call's experts review in rounds. 函评 scores every application 受理 at 形式审查; 专家论证 judges the
// directed streams (经专家论证予以支持) on its own form with a recommended amount. 会评 meets after either, as a
// panel meeting (`panels`), not as a round.

export const ROUND_KINDS = ['letter', 'feasibility'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  letter: '函评',
  feasibility: '专家论证',
};

/** An invitation to a round: awaiting an answer, accepted, declined with a reason, or unanswered past its date. */
export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: '待答复',
  accepted: '已接受',
  declined: '已谢绝',
  expired: '逾期未答复',
};
