import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ErrorCode } from '../../contract/errors.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError } from '../errors.js';
import { FileStoreUnavailable } from '../storage/file-store.js';
import { presentError } from '../presenters/errors.js';
import { RequestValidationError } from './validation.js';

// Fastify's own client errors (malformed JSON, oversized body …) keep their status with a Chinese message.
const BY_FASTIFY_CODE: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
};
const BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  404: 'ROUTE_NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The one place where an error becomes an HTTP response. Nothing internal leaves the server. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // A file's stream that fails before its first byte (a store that cannot be reached) lands here with the
  // file's headers already set: the answer is JSON, not a PDF of the file's length.
  for (const header of ['content-type', 'content-length', 'content-disposition', 'etag']) {
    reply.removeHeader(header);
  }
  if (error instanceof RequestValidationError) {
    return reply.status(400).send(presentError('VALIDATION_FAILED', error.message, error.fields));
  }
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return reply.status(error.status).send(presentError(error.code, error.message, error.fields));
  }
  // Before the database's check, which would take the store's refused connection for its own.
  if (error instanceof FileStoreUnavailable) {
    request.log.error({ err: error }, 'file store unavailable');
    return reply
      .status(503)
      .send(presentError('FILE_STORE_UNAVAILABLE', ERRORS.FILE_STORE_UNAVAILABLE.message));
  }
  const status = error.statusCode ?? 500;
  const code = status < 500 ? (BY_FASTIFY_CODE[error.code] ?? BY_STATUS[status] ?? 'BAD_REQUEST') : undefined;
  if (code) {
    request.log.info({ err: error }, 'client error');
    return reply.status(status).send(presentError(code, ERRORS[code].message));
  }
  if (isDatabaseUnavailable(error)) {
    request.log.error({ err: error }, 'database unavailable');
    return reply.status(503).send(presentError('DATABASE_UNAVAILABLE', ERRORS.DATABASE_UNAVAILABLE.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(presentError('INTERNAL', ERRORS.INTERNAL.message));
}

export function notFoundHandler(_request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send(presentError('ROUTE_NOT_FOUND', ERRORS.ROUTE_NOT_FOUND.message));
}
