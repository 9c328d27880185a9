import { ERRORS, type ErrorCode, type FieldError } from '../../contract/errors.js';
import type { ErrorBody } from '../../contract/common.js';

export function presentError(code: ErrorCode, message: string, fields?: FieldError[]): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

/** A refusal answered with what was found (findings, conflicts …) beside its error. */
export function presentRefusal<T extends object>(
  code: ErrorCode,
  found: T,
  message: string = ERRORS[code].message,
): ErrorBody & T {
  return { ...presentError(code, message), ...found };
}
