// One policy everywhere: tools/csp.ts is the definition; index.html's <meta>, public/_headers,
// docs/hosting.md and the service worker's header script must say exactly the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, SECURITY_HEADERS, hostingSnippets, netlifyHeadersFile, serviceWorkerHeadersScript } from '../../tools/csp.ts';

const root = process.cwd();
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('the content security policy', () => {
  test('keeps everything on the site origin and needs no eval', () => {
    const d = new Map(CSP_DIRECTIVES.map(([k, v]) => [k, v]));
    expect(d.get('connect-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toContain("'wasm-unsafe-eval'");
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  test("index.html's <meta> CSP is the shared policy", () => {
    const html = read('index.html');
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/g)];
    expect(metas).toHaveLength(1);
    expect(metas[0]![1]).toBe(CONTENT_SECURITY_POLICY);
  });

  test('public/_headers (Netlify, Cloudflare Pages) is generated from it', () => {
    expect(read('public/_headers')).toBe(netlifyHeadersFile());
  });

  test('docs/hosting.md shows the nginx, Apache and Caddy lines for it', () => {
    const doc = read('docs/hosting.md');
    const s = hostingSnippets();
    expect(doc).toContain('```nginx\n' + s.nginx + '\n```');
    expect(doc).toContain('```apache\n' + s.apache + '\n```');
    expect(doc).toContain('```caddy\n' + s.caddy + '\n```');
    expect(doc).toMatch(/GitHub Pages/);
  });
});

describe("the service worker's header script", () => {
  // Runs the generated script against a stand-in FetchEvent, as sw.js's importScripts would.
  function load() {
    class FakeFetchEvent {
      responded: Promise<unknown> | null = null;
      respondWith(r: Promise<unknown>): void {
        this.responded = Promise.resolve(r);
      }
    }
    new Function('FetchEvent', serviceWorkerHeadersScript())(FakeFetchEvent);
    return FakeFetchEvent;
  }

  test('adds every header to a response, keeps status, body and other headers', async () => {
    const E = load();
    const e = new E();
    e.respondWith(Promise.resolve(new Response('hello', { status: 200, headers: { 'content-type': 'text/javascript' } })));
    const r = (await e.responded) as Response;
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(r.headers.get(k)).toBe(v);
    expect(r.headers.get('content-type')).toBe('text/javascript');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('hello');
  });

  test('replaces a weaker policy, accepts a plain Response, and keeps null-body statuses valid', async () => {
    const E = load();
    const a = new E();
    a.respondWith(new Response('x', { headers: { 'content-security-policy': "default-src *" } }) as unknown as Promise<unknown>);
    expect(((await a.responded) as Response).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const b = new E();
    b.respondWith(Promise.resolve(new Response(null, { status: 204 })));
    const rb = (await b.responded) as Response;
    expect(rb.status).toBe(204);
    expect(rb.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  test('passes through what it must not rewrite, and rejections as they are', async () => {
    const E = load();
    const opaque = { type: 'opaque' };
    const a = new E();
    a.respondWith(Promise.resolve(opaque));
    expect(await a.responded).toBe(opaque);
    const b = new E();
    b.respondWith(Promise.reject(new Error('offline')));
    await expect(b.responded).rejects.toThrow('offline');
  });
});
