// 会评 (issue 14 §5): a panel meeting of experts who accepted an invitation to a round of the call, chaired by
// one of them, with applications 受理 on its agenda. Per item the secretary records the discussion, a vote of
// each member or a consensus score, and the panel's recommendation with a proposed amount. Once the chair signs
// the minutes off in the system the record is frozen.

export const PANEL_VOTES = ['support', 'oppose', 'abstain'] as const;
export type PanelVote = (typeof PANEL_VOTES)[number];

export const PANEL_VOTE_LABELS: Record<PanelVote, string> = {
  support: '支持',
  oppose: '不支持',
  abstain: '弃权',
};

export const PANEL_RECOMMENDATIONS = ['approve', 'reject', 'undecided'] as const;
export type PanelRecommendation = (typeof PANEL_RECOMMENDATIONS)[number];

export const PANEL_RECOMMENDATION_LABELS: Record<PanelRecommendation, string> = {
  approve: '建议立项',
  reject: '不建议立项',
  undecided: '待定',
};

export const CONSENSUS_SCORE_MAX = 100;

/** How many of each vote, and how many members have not voted. */
export interface VoteTally {
  support: number;
  oppose: number;
  abstain: number;
  notVoted: number;
}

export function tally(votes: readonly PanelVote[], members: number): VoteTally {
  const count = (v: PanelVote) => votes.filter((x) => x === v).length;
  return {
    support: count('support'),
    oppose: count('oppose'),
    abstain: count('abstain'),
    notVoted: Math.max(0, members - votes.length),
  };
}

/** `支持 3 票，不支持 1 票，弃权 0 票，未投票 1 人`. */
export function tallyText(t: VoteTally): string {
  const parts = [`支持 ${t.support} 票`, `不支持 ${t.oppose} 票`, `弃权 ${t.abstain} 票`];
  if (t.notVoted > 0) parts.push(`未投票 ${t.notVoted} 人`);
  return parts.join('，');
}

/**
 * What a recommendation asks of the amount: 建议立项 names one, 不建议立项 none; 待定 may. The message names the
 * field's problem, or undefined.
 */
export function amountProblem(
  recommendation: PanelRecommendation | null,
  amount: number | null,
): string | undefined {
  if (recommendation === 'approve' && amount === null) return '建议立项须填写建议资助经费（万元）';
  if (recommendation === 'reject' && amount !== null) return '不建议立项的项目不填写建议资助经费';
  if (recommendation === null && amount !== null) return '请先选择会评建议，再填写建议资助经费';
  return undefined;
}
