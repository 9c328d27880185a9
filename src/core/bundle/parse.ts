import type { z } from 'zod';
import { isKnownCall } from '../calls/registry.js';
import { bundleSchema, type Bundle } from './schema.js';

export interface BundleProblem {
  /** JSON path in the spec's notation: `applications[2].budget.provincialFunding`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; bundle: Bundle } | { ok: false; problems: BundleProblem[] };

/** `a.b[0].c`, the path style of spec/bundle.md; `root` names the empty path. */
export function formatPath(path: readonly PropertyKey[], root = '(根)'): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? root : out;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '数组',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  return TYPE_NAMES[typeof value] ?? typeof value;
}

// Zod's own messages are English; every issue code that our schema can raise gets a Chinese one here.
export const chineseZodErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return '缺少必填字段';
  }
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际为${describeValue(issue.input)}`;
    case 'invalid_value':
      return `取值无效，应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一`;
    default:
      return undefined;
  }
};

function referenceProblems(bundle: Bundle): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const idsOf = (list: readonly { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) problems.push({ path: `${name}[${i}].id`, message: `id “${item.id}”重复` });
      seen.add(item.id);
    });
    return seen;
  };
  const orgs = idsOf(bundle.organizations, 'organizations');
  const people = idsOf(bundle.people, 'people');
  const departments = idsOf(bundle.departments, 'departments');
  idsOf(bundle.applications, 'applications');
  const cities = new Set(bundle.departments.filter((d) => d.kind === 'city').map((d) => d.id));

  const dangling = (path: string, id: string, set: Set<string>, what: string) => {
    if (!set.has(id)) problems.push({ path, message: `引用的${what} “${id}” 不存在` });
  };
  bundle.people.forEach((p, i) => dangling(`people[${i}].employer`, p.employer, orgs, '单位'));
  bundle.departments.forEach((d, i) => {
    const path = `departments[${i}].city`;
    if (d.kind === 'county') {
      if (d.city === undefined) problems.push({ path, message: '县（市）科技局须注明所属设区市（city）' });
      else if (!cities.has(d.city))
        problems.push({ path, message: `引用的设区市主管部门 “${d.city}” 不存在或不是设区市` });
    } else if (d.city !== undefined) {
      problems.push({ path, message: '只有县（市）科技局（kind 为 county）可以注明 city' });
    }
  });
  bundle.applications.forEach((a, i) => {
    dangling(`applications[${i}].applicant`, a.applicant, orgs, '单位');
    dangling(`applications[${i}].pi`, a.pi, people, '人员');
    dangling(`applications[${i}].department`, a.department, departments, '主管部门');
    a.domesticPartners.forEach((p, j) =>
      dangling(`applications[${i}].domesticPartners[${j}]`, p, orgs, '单位'),
    );
  });
  return problems;
}

export interface ParseOptions {
  /** Which `call` ids are known; by default the calls of src/core (a server adds its practice calls). */
  knownCall?: (id: string) => boolean;
}

/** Reads an already JSON-parsed bundle. Never throws on any JSON value. */
export function parseBundle(input: unknown, { knownCall = isKnownCall }: ParseOptions = {}): ParseResult {
  const problems: BundleProblem[] = [];
  const call = (input as { call?: unknown } | null)?.call;
  if (typeof call === 'string' && !knownCall(call)) {
    problems.push({ path: 'call', message: `未知的申报计划 “${call}”` });
  }
  const parsed = bundleSchema.safeParse(input, { error: chineseZodErrors });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ path: formatPath(issue.path), message: issue.message });
    return { ok: false, problems };
  }
  problems.push(...referenceProblems(parsed.data));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bundle: parsed.data };
}

/** Reads JSON text: a syntax error is a problem at the root, like any other. */
export function parseJson(
  text: string,
): { ok: true; json: unknown } | { ok: false; problems: BundleProblem[] } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '(根)', message: `不是有效的 JSON：${(error as Error).message}` }],
    };
  }
}

/** Reads bundle text: a JSON syntax error is a problem at the root, like any other. */
export function parseBundleText(text: string, options?: ParseOptions): ParseResult {
  const read = parseJson(text);
  return read.ok ? parseBundle(read.json, options) : read;
}
