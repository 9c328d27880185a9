import { ERRORS, type ErrorCode, type FieldError } from '../contract/errors.js';

// Services throw AppError; http/error-handler.ts is the one place that turns errors into responses.

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; fields?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(options.message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.fields = options.fields;
    this.headers = options.headers;
  }

  static invalidField(path: string, message: string): AppError {
    return new AppError('VALIDATION_FAILED', { message, fields: [{ path, message }] });
  }
}
