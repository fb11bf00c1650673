import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The Content-Security-Policy every response carries, directive by directive. It is as tight as the
 * console, the H5 pages and the API docs allow; each loosening says which page needs it.
 */
export function contentSecurityPolicy(opts: { https: boolean }): Record<string, string[]> {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    // Vite's build emits only external module scripts and Swagger UI loads files from /docs: no
    // inline script and no eval anywhere, so script injection has nowhere to run.
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // antd 6 and antd-mobile style components by injecting <style> elements at run time (CSS-in-JS),
    // React and Swagger UI set style attributes. A nonce would need the static index.html rewritten
    // per request, and style attributes cannot carry one, so inline styles are allowed; styles
    // cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Product and cover images live wherever the company hosts them (a CDN, object storage, an
    // intranet server), so any image URL is allowed; data: for the QR codes and posters drawn on a
    // canvas, blob: for the signature pad and downloads.
    'img-src': ['*', 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // The API, the live stream (EventSource) and the downloads are all same-origin.
    'connect-src': ["'self'"],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'form-action': ["'self'"],
    'frame-src': ["'none'"],
    // Nobody may frame a page (clickjacking); X-Frame-Options DENY says the same to old browsers.
    'frame-ancestors': ["'none'"],
  };
  // Only behind HTTPS: on a plain-HTTP intranet install this would send the browser to an https://
  // address that does not answer.
  if (opts.https) directives['upgrade-insecure-requests'] = [];
  return directives;
}

/**
 * The helmet options. HSTS only when cookies are marked Secure (COOKIE_SECURE=true, i.e.
 * served over HTTPS): sent over plain HTTP it is ignored at best, and at worst, once a browser saw
 * it on an HTTPS name, it keeps that name unreachable over HTTP for a year.
 */
export function helmetOptions(opts: { https: boolean }): HelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(opts) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: opts.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xContentTypeOptions: true,
    // Images on other hosts are loaded by our pages, not the other way round; same-origin resource
    // policy keeps other sites from embedding our API answers and files.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // Requiring CORP from every embedded resource would break product images on other hosts.
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The security headers every response carries, computed once by helmet from `helmetOptions`. They
 * are the same for every request, and @fastify/helmet, which runs helmet's middleware on each
 * request, halved the rate of the lightest route and cut the order intake's by a quarter on this
 * machine (docs/BENCHMARKS.md, session 9); setting a ready-made object in the reply costs next to
 * nothing.
 */
export function securityHeaders(opts: { https: boolean }): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: number | string | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
      return res;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(helmetOptions(opts))({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  // helmet's middleware is synchronous; if a later version were not, the headers would be incomplete.
  if (!done) throw new Error('helmet did not finish synchronously');
  return Object.freeze(headers);
}
