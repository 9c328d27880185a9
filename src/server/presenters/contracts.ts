import type { ApplicationForm } from '../../core/application/form.js';
import { DIFFERENCE_GROUP_LABELS } from '../../core/contracts/basics.js';
import { CONTRACT_STATUS_LABELS, missingOf } from '../../core/contracts/steps.js';
import { formatWanDecimal } from '../../core/money.js';
import { toBeijingIso } from '../../core/time.js';
import type { ContractView } from '../../contract/contracts.js';
import type { ContractState } from '../services/contracts.js';

// The contract stage as the province and the applicant read it: names, 万元, Chinese labels.

const month = (m: string | undefined) => (m ? `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月` : '（未填写）');
const iso = (at: Date | null | undefined) => (at ? toBeijingIso(at.getTime()) : null);

export function presentContract(state: ContractState): ContractView {
  const { project } = state;
  const form = project.application.form as ApplicationForm;
  const contract = project.contract;
  return {
    applicationId: project.application.id,
    acceptanceNo: project.application.acceptanceNo,
    projectNo: state.projectNo,
    title: form.title ?? '',
    organizationName: project.organizationName,
    piName: project.piName,
    topic: project.application.topic,
    funding: project.decision.funding!,
    fundingText: formatWanDecimal(project.decision.funding!),
    period: `${month(form.period?.start)} 至 ${month(form.period?.end)}`,
    announcement: {
      title: project.announcement.title,
      startsOn: project.announcement.startsOn!,
      endsOn: project.announcement.endsOn!,
    },
    contractStageAt: iso(project.decision.contractStageAt),
    status: state.status,
    statusLabel: CONTRACT_STATUS_LABELS[state.status],
    steps: state.steps,
    missing: state.steps ? missingOf(state.steps) : [],
    lines: state.lines?.map((l) => ({ ...l, groupLabel: DIFFERENCE_GROUP_LABELS[l.group] })) ?? null,
    basics: contract?.basics ?? null,
    basicsVersion: contract?.basicsVersion ?? null,
    confirmedVersion: contract?.confirmedVersion ?? null,
    confirmedAt: iso(contract?.confirmedAt),
    confirmed: !!contract && contract.confirmedVersion === contract.basicsVersion,
    agreementMissing: state.agreementMissing,
    paper: state.paper,
    signedAt: iso(contract?.signedAt),
    startsOn: contract?.startsOn ?? null,
    endsOn: contract?.endsOn ?? null,
  };
}
