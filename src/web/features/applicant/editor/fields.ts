import type { Evaluation } from '../../../shared/api.js';

// Findings name the field to fix by its bundle path (`budget.provincialFunding`, `domesticPartners[0]`, …).
// Every input of the form carries the id fieldId(path), so a finding can open its step and focus it.

export const STEPS = [
  { key: 'basic', title: '基本信息' },
  { key: 'team', title: '项目团队' },
  { key: 'partner', title: '境外合作机构' },
  { key: 'domestic', title: '境内合作单位' },
  { key: 'sections', title: '申报书正文' },
  { key: 'indicators', title: '考核指标' },
  { key: 'budget', title: '经费预算' },
  { key: 'ethics', title: '伦理/保密/仪器' },
  { key: 'documents', title: '附件材料' },
] as const;

const STEP_OF_ROOT: Record<string, number> = {
  title: 0,
  summary: 0,
  field: 0,
  topic: 0,
  direction: 0,
  pi: 0,
  applicant: 0,
  department: 0,
  period: 0,
  keywords: 0,
  abstract: 0,
  team: 1,
  partner: 2,
  partnerInstitution: 2,
  domesticPartners: 3,
  sections: 4,
  indicators: 5,
  milestones: 5,
  budget: 6,
  budgetTable: 6,
  ethics: 7,
  ethicsApproval: 7,
  classified: 7,
  declassified: 7,
  largeInstrumentPurchase: 7,
  instruments: 7,
  documents: 8,
};

function rootOf(path: string): string {
  return path.split(/[.[]/)[0]!;
}

/** The step that holds the field, if the form has one for it. */
export function stepOfField(path: string): number | undefined {
  return STEP_OF_ROOT[rootOf(path)];
}

/** The steps holding an error or a missing answer, to mark them in the step bar. */
export function stepsWithProblems(evaluation: Evaluation): Set<number> {
  const fields = [
    ...evaluation.findings.filter((f) => f.severity === 'error').map((f) => f.field),
    ...evaluation.missing.map((m) => m.field),
  ];
  const steps = new Set<number>();
  for (const field of fields) {
    const step = field ? stepOfField(field) : undefined;
    if (step !== undefined) steps.add(step);
  }
  return steps;
}

export function fieldId(path: string): string {
  return `field-${path.replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '-')}`;
}

/** `domesticPartners[0].creditCode` → itself, `domesticPartners[0]`, `domesticPartners`. */
function withAncestors(path: string): string[] {
  const paths = [path];
  for (let p = path; /[.[]/.test(p);) {
    p = p.replace(/(\.[^.[]*|\[\d+\])$/, '');
    paths.push(p);
  }
  return paths;
}

const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Scrolls to the field (or its nearest enclosing one), focuses it and flashes it. False if none is shown. */
export function focusField(path: string): boolean {
  for (const candidate of withAncestors(path)) {
    const element = document.getElementById(fieldId(candidate));
    if (!element) continue;
    const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
    element.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
    const box = element.closest<HTMLElement>('.ant-form-item') ?? element;
    box.classList.remove('field-flash');
    void box.offsetWidth;
    box.classList.add('field-flash');
    return true;
  }
  return false;
}
