import type { Bundle } from './bundle/schema.js';
import type { CallParameters } from './calls/parameters.js';
import { getCall } from './calls/registry.js';
import { createContext, type FindingsByTarget } from './rules/context.js';
import { RULES } from './rules/catalogue.js';
import type { Finding } from './rules/rule.js';

export const REPORT_FORMAT = 'shenbao.report/1';

export interface ApplicationReport {
  id: string;
  eligible: boolean;
  findings: Finding[];
}

export interface DepartmentReport {
  id: string;
  withinQuota: boolean;
  findings: Finding[];
}

export interface Report {
  format: typeof REPORT_FORMAT;
  call: string;
  applications: ApplicationReport[];
  departments: DepartmentReport[];
}

const hasError = (findings: readonly Finding[]) => findings.some((f) => f.severity === 'error');

/**
 * Judges every application and department of a parsed bundle by the call's rules. The one rule engine
 * behind the CLI, the API and the web forms. `call` defaults to the bundle's own call.
 */
export function checkBundle(bundle: Bundle, call: CallParameters | undefined = getCall(bundle.call)): Report {
  if (!call) throw new Error(`unknown call ${bundle.call}`);
  const findings: FindingsByTarget = {
    applications: new Map(bundle.applications.map((a) => [a.id, []])),
    departments: new Map(bundle.departments.map((d) => [d.id, []])),
  };
  const ctx = createContext(bundle, call, findings);
  for (const rule of RULES) rule.run(ctx);
  return {
    format: REPORT_FORMAT,
    call: call.id,
    applications: bundle.applications.map((a) => {
      const list = findings.applications.get(a.id)!;
      return { id: a.id, eligible: !hasError(list), findings: list };
    }),
    departments: bundle.departments.map((d) => {
      const list = findings.departments.get(d.id)!;
      return { id: d.id, withinQuota: !hasError(list), findings: list };
    }),
  };
}
