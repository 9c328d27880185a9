import type { Application, DocumentKind } from '../bundle/schema.js';
import type { CallParameters } from '../calls/parameters.js';
import { applicationContentShape, budgetFromTable, largeInstrumentPurchaseFrom } from './content.js';
import type { ApplicationForm } from './form.js';

type Derived = Pick<Application, 'summary' | 'budget' | 'largeInstrumentPurchase'> & {
  reviewApproved: boolean;
} & Partial<Pick<Application, keyof typeof applicationContentShape>>;

const CONTENT_KEYS = Object.keys(applicationContentShape) as (keyof typeof applicationContentShape)[];

/** The three totals of a form: from its 经费预算表, or, in a draft written before the table, as it gave them. */
export function formBudget(form: ApplicationForm): Application['budget'] {
  return form.budgetTable
    ? budgetFromTable(form.budgetTable)
    : {
        total: form.budget?.total ?? 0,
        jiangsuTotal: form.budget?.jiangsuTotal ?? 0,
        provincialFunding: form.budget?.provincialFunding ?? 0,
      };
}

/**
 * The bundle's fields that a form holds or implies. The three totals come from the 经费预算表, the
 * `largeInstrumentPurchase` flags from the instrument list and `reviewApproved` from the uploaded 伦理审查批件,
 * never from a second entry; a draft written before these existed keeps its own answers.
 */
export function bundleFieldsOf(
  form: ApplicationForm,
  call: CallParameters,
  documentKinds: readonly DocumentKind[],
): Derived {
  const content: Partial<Pick<Application, keyof typeof applicationContentShape>> = {};
  for (const key of CONTENT_KEYS) {
    if (form[key] !== undefined) Object.assign(content, { [key]: form[key] });
  }
  const purchase = form.instruments
    ? largeInstrumentPurchaseFrom(form.instruments, call.content.value.instrumentThreshold)
    : (form.largeInstrumentPurchase ?? undefined);
  const approval = form.ethicsApproval;
  return {
    ...content,
    summary: form.summary ?? form.abstract ?? '',
    budget: formBudget(form),
    ...(purchase ? { largeInstrumentPurchase: purchase } : {}),
    reviewApproved: approval
      ? documentKinds.includes('ethics-approval') && !!approval.number?.trim() && !!approval.date
      : (form.ethics?.reviewApproved ?? false),
  };
}
