import { DISHONESTY } from './dishonesty.js';
import { EXTERNAL_SUBMISSIONS } from './external-submissions.js';
import { ONGOING_PROJECTS } from './ongoing-projects.js';
import { parseRegister, type Column, type RegisterParse, type Sheet } from './sheet.js';

export const REGISTER_KINDS = ['ongoing-projects', 'dishonesty', 'external-submissions'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

export const REGISTER_LABELS: Record<RegisterKind, string> = {
  'ongoing-projects': '在研项目',
  dishonesty: '失信记录',
  'external-submissions': '同年度其他部门申报',
};

/** The registers whose records belong to one call (the others hold whatever the province knows, dated). */
export const CALL_SCOPED: ReadonlySet<RegisterKind> = new Set(['external-submissions']);

const DEFINITIONS = {
  'ongoing-projects': ONGOING_PROJECTS,
  dishonesty: DISHONESTY,
  'external-submissions': EXTERNAL_SUBMISSIONS,
};

export type RegisterRecord<R extends RegisterKind> = (typeof DEFINITIONS)[R] extends {
  key(record: infer T): string;
}
  ? T
  : never;

/** The fields of the register's records, in template order. */
export function registerFields(kind: RegisterKind): string[] {
  return Object.keys(DEFINITIONS[kind].columns);
}

/** The register's columns in template order. */
export function registerColumns(kind: RegisterKind): Column[] {
  return Object.values<Column>(DEFINITIONS[kind].columns);
}

export function parseRegisterSheet<R extends RegisterKind>(
  kind: R,
  sheet: Sheet,
): RegisterParse<RegisterRecord<R>> {
  return parseRegister(DEFINITIONS[kind] as never, sheet) as RegisterParse<RegisterRecord<R>>;
}
