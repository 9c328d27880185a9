import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { attachmentDisposition } from './content-disposition.js';
import { cleanFileName } from './file-name.js';

// Files leave as downloads (`attachment`, nosniff): a user-supplied PDF is never rendered on our origin.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 200 of a route that sends a file. */
export const fileResponse = (description: string) => z.any().meta({ description, format: 'binary' });

export const notModifiedResponse = z.void().meta({ description: '未修改（无内容）' });

/** A file in the store, as its records name it. */
export interface StoredFile {
  fileSha256: string;
  size: number;
  fileName: string;
}

const EXTENSIONS: Partial<Record<string, string>> = { 'application/pdf': '.pdf' };

/**
 * Sends a stored file with its SHA-256 as ETag: a matching If-None-Match is answered 304 without the body.
 * The name is cleaned again on the way out: names saved before uploads were cleaned may still hide bidi
 * controls or end in ".html".
 */
export function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  mime: string,
  file: StoredFile,
  open: () => Readable,
) {
  const etag = `"${file.fileSha256}"`;
  reply
    .header('ETag', etag)
    .header('Cache-Control', 'private, no-cache')
    .header('X-Content-Type-Options', 'nosniff');
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply
    .type(mime)
    .header('Content-Length', file.size)
    .header(
      'Content-Disposition',
      attachmentDisposition(
        cleanFileName(file.fileName, EXTENSIONS[mime]) || `附件${EXTENSIONS[mime] ?? ''}`,
      ),
    )
    .send(open());
}

/** Sends a file made for this request (a spreadsheet). */
export function sendAttachment(reply: FastifyReply, file: { mime: string; fileName: string; body: Buffer }) {
  return reply
    .type(file.mime)
    .header('Content-Disposition', attachmentDisposition(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .send(file.body);
}

/** Streams a file made for this request (a printed PDF) as it is generated, never whole in memory. */
export function sendGeneratedStream(
  reply: FastifyReply,
  file: { mime: string; fileName: string; body: Readable },
) {
  return reply
    .type(file.mime)
    .header('Cache-Control', 'private, no-store')
    .header(
      'Content-Disposition',
      attachmentDisposition(cleanFileName(file.fileName, EXTENSIONS[file.mime]) || '打印.pdf'),
    )
    .header('X-Content-Type-Options', 'nosniff')
    .send(file.body);
}
