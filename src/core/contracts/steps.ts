import { formatWanDecimal } from '../money.js';
import type { TaskBasics } from './basics.js';

// The contract stage's steps (issue 14 §9): what must hold before the province marks a project 已签约, each
// with what is missing in words people read. Pure: the service gathers the facts.

export const CONTRACT_STEPS = ['basics', 'agreement', 'paper'] as const;
export type ContractStep = (typeof CONTRACT_STEPS)[number];

export const CONTRACT_STEP_LABELS: Readonly<Record<ContractStep, string>> = {
  basics: '任务书确认',
  agreement: '正式合作协议',
  paper: '纸质申报书装订本',
};

export const CONTRACT_STATUSES = ['not-started', 'in-progress', 'ready', 'signed'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_STATUS_LABELS: Readonly<Record<ContractStatus, string>> = {
  'not-started': '未进入合同签订',
  'in-progress': '合同签订中',
  ready: '待签约',
  signed: '已签约',
};

export interface ContractFacts {
  /** 立项资助经费, yuan. */
  funding: number;
  basics: TaskBasics;
  basicsVersion: number;
  /** The version the applicant confirmed, if any. */
  confirmedVersion: number | null;
  /** The core's 申报时仅有合作意向书 findings still open (their messages). */
  agreementMissing: readonly string[];
  /** 三、2's bound copies: owed and received so far. */
  paper: { copies: number; received: number };
}

export interface StepState {
  step: ContractStep;
  label: string;
  done: boolean;
  /** What is missing, when not done. */
  missing: string[];
}

/** Each step, done or with what is missing. */
export function contractSteps(facts: ContractFacts): StepState[] {
  const basics: string[] = [];
  if (facts.basics.budget.sources.provincial !== facts.funding) {
    basics.push(
      `任务书中的省拨款（${formatWanDecimal(facts.basics.budget.sources.provincial)}）与立项资助经费（${formatWanDecimal(facts.funding)}）不一致，须由对外合作处调整任务书`,
    );
  }
  if (facts.confirmedVersion === null) basics.push('承担单位尚未确认任务书');
  else if (facts.confirmedVersion !== facts.basicsVersion)
    basics.push('任务书在承担单位确认后又经调整，须承担单位重新确认');
  const paper =
    facts.paper.received >= facts.paper.copies
      ? []
      : [
          `纸质申报书装订本尚未收齐（应交 ${facts.paper.copies} 份，已收 ${facts.paper.received} 份，三、2），须在纸质材料登记中登记收件`,
        ];
  const agreement = facts.agreementMissing.map((m) => `须上传正式合作协议：${m}`);
  const states: Record<ContractStep, string[]> = { basics, agreement, paper };
  return CONTRACT_STEPS.map((step) => ({
    step,
    label: CONTRACT_STEP_LABELS[step],
    done: states[step].length === 0,
    missing: states[step],
  }));
}

/** Every missing item, in the steps' order. */
export const missingOf = (steps: readonly StepState[]) => steps.flatMap((s) => s.missing);

/** 项目编号: the call's prefix and the serial, at least three digits (BZ2026001). */
export function projectNumber(prefix: string, serial: number): string {
  return `${prefix}${String(serial).padStart(3, '0')}`;
}

/** The last day of a YYYY-MM month: a project's 执行期 ends with its end month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/**
 * Why a 签约 start date is refused, or `null`: not before the approval (Beijing date), and within the 申报书's
 * period (not after its end month).
 */
export function startDateProblem(
  startsOn: string,
  approvedOn: string,
  periodEnd: string | undefined,
): string | null {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(startsOn) && !Number.isNaN(Date.parse(startsOn));
  if (!valid || new Date(`${startsOn}T00:00:00Z`).toISOString().slice(0, 10) !== startsOn)
    return '应为有效日期';
  if (startsOn < approvedOn) return `开始日期不能早于立项日期 ${approvedOn}`;
  if (!periodEnd) return '申报书未填写执行期，无法确定项目执行期';
  if (startsOn > monthEnd(periodEnd)) return `开始日期不能晚于申报书执行期的结束月份 ${periodEnd}`;
  return null;
}
