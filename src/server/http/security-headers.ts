import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';

/** A year: what browsers' preload lists ask for. Not includeSubDomains: the parent domain's other sites are not ours. */
const HSTS = 'max-age=31536000';

/**
 * Security headers on every response, the web app's pages, the API's JSON and files alike. The built web app
 * has no inline script (Vite emits modules), so scripts are 'self' only; Ant Design writes its styles inline,
 * hence style-src 'unsafe-inline'. The PDF preview frames a blob: address of bytes fetched from us, so
 * frame-src is blob: and nothing needs to frame our responses: frame-ancestors 'none' throughout.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ['blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    // 'same-origin', not helmet's 'no-referrer': under no-referrer a browser sends `Origin: null` on our own
    // POSTs, which the cross-site check must refuse; our addresses (with record ids) still never leave the site.
    referrerPolicy: { policy: 'same-origin' },
    // Only over HTTPS, below: on plain HTTP the header is ignored at best.
    hsts: false,
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', HSTS);
  });
}
