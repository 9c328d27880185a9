import { ROUND_KIND_LABELS } from '../../core/experts/rounds.js';
import { DEFAULT_FORM_CLAUSE, recommendsFunding } from '../../core/experts/scoring-forms.js';
import { TOPIC_LABELS } from '../../core/labels.js';
import { toBeijingIso } from '../../core/time.js';
import type { RoundRow } from '../repositories/scoring-forms.js';
import type { RoundForm, RoundForms } from '../services/scoring-forms.js';
import type { RoundFormsView, ScoringFormView } from '../../contract/scoring-forms.js';

// 评分表 as the province edits it: the current version (or the default, cited 中心配置), locked or not, and
// the history of versions with what changed.

const iso = (at: Date) => toBeijingIso(at.getTime());

const presentRound = (r: RoundRow) => ({
  id: r.id,
  callId: r.callId,
  name: r.name,
  kind: r.kind,
  kindLabel: ROUND_KIND_LABELS[r.kind],
});

export function presentScoringForm({ round, topic, current, locked, versions }: RoundForm): ScoringFormView {
  return {
    round: presentRound(round),
    topic,
    topicLabel: TOPIC_LABELS[topic],
    version: current.version,
    clause: current.version === null ? DEFAULT_FORM_CLAUSE : null,
    guidance: current.content.guidance,
    criteria: current.content.criteria.map((c) => ({ ...c, anchors: [...c.anchors] })),
    minCommentLength: current.content.minCommentLength,
    locked,
    recommendsFunding: recommendsFunding(round.kind),
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: iso(v.createdAt),
      createdBy: v.createdByName,
      changes: v.changes,
      scored: v.scored,
    })),
  };
}

export function presentRoundForms({ round, topics }: RoundForms): RoundFormsView {
  return {
    ...presentRound(round),
    topics: topics.map((t) => ({ ...t, topicLabel: TOPIC_LABELS[t.topic] })),
  };
}
