import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

// CSRF: the session cookie goes with any request the browser makes to us, so a state-changing request must
// show that it came from our own pages. Browsers send Origin on every cross-origin POST, PUT, PATCH and
// DELETE (forms included) and Sec-Fetch-Site on every request; neither can be set by a page. A request with
// neither is no browser's cross-site request (curl, the CLI, monitoring) and passes.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Bodies a cross-site form cannot send without Origin; text/plain and urlencoded are what forms send. */
const BODY_TYPES = new Set(['application/json', 'multipart/form-data']);
/** `same-site` is refused too: a sibling subdomain is another party. `none`: typed or bookmarked by the user. */
const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

/** The origin the browser shows for this server: the request's protocol and host, as trusted proxies forward them. */
const ownOrigin = (request: FastifyRequest) => originOf(`${request.protocol}://${request.host}`);

/** Serialised as browsers do (lower case, no default port); undefined when it is not an origin at all ("null"). */
function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

const hasBody = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] !== undefined ||
  (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/** An `onRequest` hook: refuses a state-changing request from another site (403) or of another body type (415). */
export async function refuseCrossSite(request: FastifyRequest): Promise<void> {
  if (!STATE_CHANGING.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  if (
    (site !== undefined && !ALLOWED_FETCH_SITES.has(site)) ||
    (origin !== undefined && (originOf(origin) ?? 'refused') !== ownOrigin(request))
  ) {
    // The operator's clue when every browser is refused: a proxy that does not forward the host or protocol.
    request.log.info({ origin, site, expected: ownOrigin(request) }, 'cross-site request refused');
    throw new AppError('CROSS_SITE_REFUSED');
  }
  const contentType = request.headers['content-type'];
  const mediaType = contentType?.split(';')[0]!.trim().toLowerCase();
  if (mediaType === undefined ? hasBody(request) : !BODY_TYPES.has(mediaType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      message: '不支持的内容类型，请以 JSON（application/json）或表单（multipart/form-data）提交',
    });
  }
}
