import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorCode } from '../../contract/errors.js';
import { AppError } from '../errors.js';
import { cleanFileName } from './file-name.js';
import { validate } from './validation.js';

/** Something received from a file part that must be released if the request fails after all. */
export interface Received {
  discard(): Promise<void>;
}

export interface MultipartForm<T, F extends Received> {
  fields: T;
  file: (F & { fileName: string }) | undefined;
}

export interface MultipartOptions<S extends z.ZodType, F extends Received> {
  /**
   * Validates the text fields. A field named `a.b` becomes `{ a: { b } }`; a repeated name a list, a single
   * one a string (so a list field should accept a lone string).
   */
  schema: S;
  fileField: string;
  maxFileBytes: number;
  /** The extension the saved name ends in, whatever the uploader's did (".pdf" for a PDF). */
  extension?: string;
  /** Consumes the file's bytes as they arrive; the form is never buffered whole. */
  receive(stream: Readable): Promise<F>;
}

// @fastify/multipart's errors, said in Chinese.
const MULTIPART_ERRORS: Partial<Record<string, { code: ErrorCode; message?: string }>> = {
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'MULTIPART_REQUIRED' },
  FST_FILES_LIMIT: { code: 'VALIDATION_FAILED', message: '每次只能上传一个文件' },
  FST_PARTS_LIMIT: { code: 'PAYLOAD_TOO_LARGE', message: '表单字段过多' },
  FST_FIELDS_LIMIT: { code: 'PAYLOAD_TOO_LARGE', message: '表单字段过多' },
  FST_REQ_FILE_TOO_LARGE: { code: 'FILE_TOO_LARGE' },
  FST_PROTO_VIOLATION: { code: 'BAD_REQUEST' },
  FST_MP_PREMATURE_CLOSE: { code: 'BAD_REQUEST', message: '上传中断，请重新上传' },
};

function translate(error: unknown): unknown {
  const known = MULTIPART_ERRORS[(error as { code?: string }).code ?? ''];
  return known ? new AppError(known.code, known.message ? { message: known.message } : {}) : error;
}

const MAX_FIELDS = 50;
const MAX_FIELD_BYTES = 64 * 1024;

const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

function nest(fields: Map<string, string[]>): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const [name, values] of fields) {
    const path = name.split('.');
    if (path.some((key) => UNSAFE_KEYS.has(key))) throw new AppError('BAD_REQUEST');
    let target = form;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[path.at(-1)!] = values.length === 1 ? values[0] : values;
  }
  return form;
}

/**
 * Reads a multipart form of text fields and at most one file. The file's stream goes to `receive` as it
 * arrives; whatever `receive` returned is discarded if the request then fails (a bad field, a second file).
 */
export async function readMultipartForm<S extends z.ZodType, F extends Received>(
  request: FastifyRequest,
  options: MultipartOptions<S, F>,
): Promise<MultipartForm<z.output<S>, F>> {
  const fields = new Map<string, string[]>();
  let file: (F & { fileName: string }) | undefined;
  try {
    const parts = request.parts({
      // Above the limit the receiver refuses the file itself, with the figure in its message.
      limits: {
        files: 1,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        fileSize: options.maxFileBytes + 1,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw AppError.invalidField(part.fieldname, `${part.fieldname}：内容过长`);
        fields.set(part.fieldname, [...(fields.get(part.fieldname) ?? []), String(part.value)]);
      } else if (part.fieldname !== options.fileField) {
        part.file.resume();
        throw AppError.invalidField(part.fieldname, `文件应放在字段 ${options.fileField} 中`);
      } else if (part.filename === '') {
        // A browser form with no file chosen still sends an empty file part.
        part.file.resume();
      } else {
        file = Object.assign(await options.receive(part.file), {
          fileName: cleanFileName(part.filename, options.extension),
        });
      }
    }
    const parsed = validate(options.schema, nest(fields));
    if ('error' in parsed) throw parsed.error;
    return { fields: parsed.value, file };
  } catch (error) {
    await file?.discard();
    const answer = translate(error);
    // Refused before the body was read to its end: close the connection after answering, so that no client
    // sends its next request on a socket that still carries the rest of this one.
    if (!request.raw.complete && answer instanceof AppError) {
      throw new AppError(answer.code, {
        message: answer.message,
        ...(answer.fields ? { fields: answer.fields } : {}),
        headers: { ...answer.headers, connection: 'close' },
      });
    }
    throw answer;
  }
}
