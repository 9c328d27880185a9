import { formatPath } from '../../core/bundle/parse.js';
import type { FieldError } from '../../contract/errors.js';

// PostgreSQL stores no NUL character in text or JSON, and a lone UTF-16 surrogate is not Unicode at all: either
// would fail deep in a query as a 500. They are refused with the request's other validation errors instead.

// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MESSAGE = '含有不能保存的字符（空字符 \\0 或不成对的代理字符），请删除后重新填写';

/** Every string (and object key) in `value` holding a NUL or a lone surrogate, by its path; bytes are not text. */
export function unsafeTextFields(
  value: unknown,
  path: PropertyKey[] = [],
  found: FieldError[] = [],
): FieldError[] {
  const where = formatPath(path, '');
  if (typeof value === 'string') {
    if (UNSAFE.test(value)) found.push({ path: where, message: `${where || '请求内容'}${MESSAGE}` });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unsafeTextFields(item, [...path, i], found));
  } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (UNSAFE.test(key)) found.push({ path: where, message: `${where || '请求内容'}的字段名${MESSAGE}` });
      else unsafeTextFields(item, [...path, key], found);
    }
  }
  return found;
}
