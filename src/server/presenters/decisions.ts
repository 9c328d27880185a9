import { toBeijingIso } from '../../core/time.js';
import type { FeasibilityAggregate } from '../../core/experts/scoring-forms.js';
import type { ContractItemView, DecisionItemView } from '../../contract/decisions.js';
import type { CallView } from '../services/calls.js';
import { capOf, limitOf, type ContractItem } from '../services/decisions.js';
import { loiFindings } from '../services/formal-review.js';
import type { ProvinceItem } from '../services/province-applications.js';
import { presentProvinceApplication } from './formal-review.js';
import { presentPanelComparison } from './panels.js';
import type { PanelComparison } from '../services/panels.js';

// 立项决定 and the contract stage after a published 公示.

export function presentDecisionItem(
  call: CallView,
  { row, feasibility }: ProvinceItem & { feasibility?: FeasibilityAggregate | null },
  panels?: Map<string, PanelComparison>,
): DecisionItemView {
  const d = row.decision;
  return {
    application: presentProvinceApplication(row),
    cap: capOf(call, row),
    limit: limitOf(call, row),
    decision: d
      ? {
          outcome: d.outcome,
          funding: d.funding,
          reason: d.reason,
          decidedAt: toBeijingIso(d.decidedAt.getTime()),
          locked: d.announcementId !== null,
        }
      : null,
    feasibility: feasibility ?? null,
    panel: presentPanelComparison(panels?.get(row.application.id)),
  };
}

export function presentContractItem({ row, findings, announcement }: ContractItem): ContractItemView {
  return {
    application: presentProvinceApplication(row),
    funding: row.decision!.funding!,
    announcement: {
      id: announcement.id,
      title: announcement.title,
      startsOn: announcement.startsOn!,
      endsOn: announcement.endsOn!,
    },
    formalAgreementMissing: loiFindings(findings).map((f) => f.message),
    contractStageAt: row.decision!.contractStageAt
      ? toBeijingIso(row.decision!.contractStageAt.getTime())
      : null,
  };
}
