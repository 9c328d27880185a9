import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { formatPath } from '../../core/bundle/parse.js';
import type { FieldError } from '../../contract/errors.js';
import { unsafeTextFields } from './unsafe-text.js';

// Chinese messages for Zod issues. Pure (zod and the core only), so the web forms can use the same words.

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否（true/false）',
  object: '对象',
  array: '列表',
  date: '日期',
  null: '空值',
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: '应为 YYYY-MM-DD 格式的日期',
  datetime: '应为带时区的时间，例如 2026-05-18T17:30:00+08:00',
  uuid: '应为有效的编号（UUID）',
  email: '应为有效的电子邮箱地址',
  url: '应为有效的网址',
};

const zhLocale = z.locales.zhCN();

export const zhErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填' : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
    }
    case 'invalid_format':
      return FORMAT_MESSAGES[issue.format] ?? '格式不正确';
    case 'invalid_value':
      return `应为以下之一：${issue.values.map((value) => JSON.stringify(value)).join('、')}`;
    case 'unrecognized_keys':
      return `含有不允许的字段：${issue.keys.join('、')}`;
    default:
      return zhLocale.localeError(issue);
  }
};

function titleOf(schema: z.core.$ZodType): string | undefined {
  const meta = z.globalRegistry.get(schema);
  return typeof meta?.title === 'string' ? meta.title : undefined;
}

/** The Chinese label (`.meta({ title })`) of the field at `path`, looking through wrappers. */
export function fieldLabel(root: z.core.$ZodType, path: readonly PropertyKey[]): string | undefined {
  let schema: z.core.$ZodType | undefined = root;
  let label: string | undefined;
  for (let depth = 0; schema;) {
    if (depth === path.length) label = titleOf(schema) ?? label;
    const def: z.core.$ZodTypeDef = schema._zod.def;
    if ('innerType' in def) schema = def.innerType as z.core.$ZodType;
    else if (def.type === 'pipe') schema = (def as z.core.$ZodPipeDef).in;
    else if (def.type === 'lazy') schema = (def as z.core.$ZodLazyDef).getter();
    else if (depth === path.length) break;
    else {
      const key = path[depth++];
      if (def.type === 'object') schema = (def as z.core.$ZodObjectDef).shape[String(key)];
      else if (def.type === 'array') schema = (def as z.core.$ZodArrayDef).element;
      else if (def.type === 'record') schema = (def as z.core.$ZodRecordDef).valueType;
      else schema = undefined;
    }
  }
  return label;
}

export function fieldErrors(root: z.core.$ZodType, error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path, '');
    const label = fieldLabel(root, issue.path) ?? (path || '请求内容');
    const message = issue.message.startsWith(label) ? issue.message : `${label}：${issue.message}`;
    return { path, message };
  });
}

export class RequestValidationError extends Error {
  override name = 'RequestValidationError';
  constructor(readonly fields: FieldError[]) {
    super(fields.map((field) => field.message).join('；'));
  }
}

/** `data` judged by `schema`: every issue in Chinese with its field path, unsafe text refused first. */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  data: unknown,
): { value: z.output<S> } | { error: RequestValidationError } {
  const unsafe = unsafeTextFields(data);
  if (unsafe.length > 0) return { error: new RequestValidationError(unsafe) };
  const result = z.safeParse(schema, data, { error: zhErrorMap });
  return result.success
    ? { value: result.data }
    : { error: new RequestValidationError(fieldErrors(schema, result.error)) };
}

/** Fastify's validator for Zod schemas. */
export const validatorCompiler: FastifySchemaCompiler<z.core.$ZodType> =
  ({ schema }) =>
  (data) =>
    validate(schema, data);
