import type { TopicNumber } from '../../core/bundle/schema.js';
import { formBudget } from '../../core/application/bundle-fields.js';
import { NOT_STANDARDISED_LABELS } from '../../core/experts/normalisation.js';
import { toBeijingIso } from '../../core/time.js';
import type {
  NormalisationView,
  PanelComparisonView,
  PanelDetailView,
  PanelItemView,
} from '../../contract/panels.js';
import type {
  NormalisedCall,
  PanelComparison,
  PanelDetail,
  PanelItem,
  PanelSummary,
} from '../services/panels.js';

// 会评: meetings, their records and votes, the 函评's normalisation, and the comparison on the decision page.

const iso = (at: Date) => toBeijingIso(at.getTime());

export function presentPanelSummary({ meeting, chairName, members, items }: PanelSummary) {
  return {
    id: meeting.id,
    callId: meeting.callId,
    title: meeting.title,
    startsAt: iso(meeting.startsAt),
    place: meeting.place,
    onlineLink: meeting.onlineLink,
    chairName,
    members,
    items,
    signedOffAt: meeting.signedOffAt ? iso(meeting.signedOffAt) : null,
  };
}

export function presentPanelItem({ item, row, limit, letter, votes, tally }: PanelItem): PanelItemView {
  const a = row.application;
  return {
    id: item.id,
    version: item.version,
    application: {
      id: a.id,
      acceptanceNo: a.acceptanceNo,
      title: a.form.title ?? '',
      topic: a.topic as TopicNumber,
      direction: a.direction,
      organizationName: row.organizationName,
      requestedFunding: formBudget(a.form).provincialFunding,
    },
    limit,
    letter,
    votes: votes.map((v) => ({ expertId: v.expertId, vote: v.vote, version: v.version })),
    tally,
    notes: item.notes,
    consensusScore: item.consensusScore,
    recommendation: item.recommendation,
    proposedFunding: item.proposedFunding,
    updatedAt: item.updatedAt ? iso(item.updatedAt) : null,
  };
}

export function presentPanelDetail(detail: PanelDetail): PanelDetailView {
  const { meeting, members, items, call, chair, signer } = detail;
  return {
    meeting: {
      ...presentPanelSummary({
        meeting,
        chairName: chair.name,
        members: members.length,
        items: items.length,
      }),
      callName: call.row.name,
      chairExpertId: meeting.chairExpertId,
      signedOffBy: signer?.name ?? null,
    },
    members: members.map((m) => ({
      expertId: m.expertId,
      name: m.name,
      organizationName: m.organizationName,
      title: m.title,
      chair: m.expertId === meeting.chairExpertId,
    })),
    items: items.map(presentPanelItem),
  };
}

export function presentNormalisation(n: NormalisedCall): NormalisationView {
  const application = (id: string) => {
    const a = n.applications.get(id);
    return { acceptanceNo: a?.acceptanceNo ?? null, title: a?.form.title ?? '' };
  };
  return {
    thresholdZ: n.thresholdZ,
    expertsMean: n.result.expertsMean,
    expertsSd: n.result.expertsSd,
    leaningNote: n.result.leaningNote,
    experts: n.result.experts.map((e) => ({
      expertId: e.expertId,
      name: n.experts.get(e.expertId)?.name ?? '',
      organizationName: n.experts.get(e.expertId)?.organizationName ?? '',
      count: e.count,
      mean: e.mean,
      sd: e.sd,
      note: e.notStandardised ? NOT_STANDARDISED_LABELS[e.notStandardised] : null,
      leaning: e.leaning,
      meanZ: e.meanZ,
      scores: e.scores.map((s) => ({ ...s, ...application(s.applicationId) })),
    })),
    applications: n.result.applications.map((a) => ({ ...a, ...application(a.applicationId) })),
  };
}

export function presentPanelComparison(c: PanelComparison | undefined): PanelComparisonView | null {
  if (!c || (!c.letter && !c.meeting)) return null;
  return {
    letter: c.letter,
    meeting: c.meeting
      ? {
          id: c.meeting.meeting.id,
          title: c.meeting.meeting.title,
          startsAt: iso(c.meeting.meeting.startsAt),
          signedOffAt: c.meeting.meeting.signedOffAt ? iso(c.meeting.meeting.signedOffAt) : null,
          recommendation: c.meeting.item.recommendation,
          consensusScore: c.meeting.item.consensusScore,
          proposedFunding: c.meeting.item.proposedFunding,
          tally: c.meeting.tally,
        }
      : null,
  };
}
