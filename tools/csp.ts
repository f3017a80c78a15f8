// The site's Content-Security-Policy and security headers: the ONE definition every context uses.
//
// - `npm start` and the e2e test server (both `vite preview`) send SECURITY_HEADERS on every response
//   through the `securityHeaders` plugin in vite.config.ts: the page, the three module workers, the
//   service worker, models and indexes. A <meta> CSP binds the page only; a worker loaded by URL is
//   bound by the policy its own response carries, so the header is what holds the workers.
// - index.html keeps the same policy in a <meta> tag (first visit on a host that sends no headers);
//   tests/unit/csp.test.ts checks it equal to CONTENT_SECURITY_POLICY.
// - public/_headers (Netlify, Cloudflare Pages) and the snippets in docs/hosting.md are checked by the
//   same unit test against netlifyHeadersFile() and hostingSnippets().
// - The service worker imports serviceWorkerHeadersScript() (emitted as sw-headers.js at build time)
//   and adds the headers to every response it serves: hosts with no header control are covered from
//   the second visit on.
//
// Nothing leaves the device: connect-src is the site's own origin (plus blob:/data: URLs the page makes
// itself). 'wasm-unsafe-eval' lets onnxruntime-web and the index kernel compile WebAssembly; there is no
// 'unsafe-eval' (zod runs jitless, see src/core/zod-config.ts).

export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['worker-src', ["'self'", 'blob:']],
  ['connect-src', ["'self'", 'blob:', 'data:']],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['media-src', ["'self'", 'blob:']],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
];

export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

/** Sent with every response by the servers this project runs, and added by the service worker. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

/** The file name (next to sw.js) of the script the service worker imports to add the headers. */
export const SW_HEADERS_SCRIPT = 'sw-headers.js';

/** public/_headers: Netlify and Cloudflare Pages read it from the published folder. */
export function netlifyHeadersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  return `# Generated from tools/csp.ts (checked by tests/unit/csp.test.ts). Netlify / Cloudflare Pages.\n/*\n${lines.join('\n')}\n`;
}

/** The configuration lines for other servers, as docs/hosting.md shows them (checked by a unit test). */
export function hostingSnippets(): { nginx: string; apache: string; caddy: string } {
  const h = Object.entries(SECURITY_HEADERS);
  // nginx and Apache quote with double quotes; the policy has single quotes only.
  return {
    nginx: h.map(([k, v]) => `add_header ${k} "${v}" always;`).join('\n'),
    apache: h.map(([k, v]) => `Header always set ${k} "${v}"`).join('\n'),
    caddy: `header {\n${h.map(([k, v]) => `\t${k} "${v}"`).join('\n')}\n}`,
  };
}

/**
 * The classic script the generated service worker imports (workbox `importScripts`). It wraps
 * FetchEvent.prototype.respondWith so that every response the worker serves, whichever Workbox route
 * answers (precache, navigation fallback, runtime cache), carries SECURITY_HEADERS. Only same-origin
 * (`basic`) and worker-made (`default`) responses are rewritten; the body is passed through as a stream.
 */
export function serviceWorkerHeadersScript(): string {
  return `// Generated from tools/csp.ts at build time: adds the site's security headers to every response
// this service worker serves, so a host that sends no headers is covered after the first visit.
(() => {
  const HEADERS = ${JSON.stringify(SECURITY_HEADERS)};
  const NULL_BODY = [101, 103, 204, 205, 304];
  const withHeaders = (response) => {
    if (!(response instanceof Response) || (response.type !== 'basic' && response.type !== 'default')) return response;
    try {
      const headers = new Headers(response.headers);
      for (const name of Object.keys(HEADERS)) headers.set(name, HEADERS[name]);
      const body = NULL_BODY.includes(response.status) ? null : response.body;
      return new Response(body, { status: response.status, statusText: response.statusText, headers });
    } catch (e) {
      return response;
    }
  };
  const respondWith = FetchEvent.prototype.respondWith;
  FetchEvent.prototype.respondWith = function (r) {
    return respondWith.call(this, Promise.resolve(r).then(withHeaders));
  };
})();
`;
}
