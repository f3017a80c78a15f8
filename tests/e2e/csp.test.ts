// The Content-Security-Policy binds every context (issue 17, item 1): the real server sends the policy
// of tools/csp.ts with the page, the three module workers, the service worker and the models; code
// running inside a worker cannot reach another origin; a normal load and a chat turn raise no violation
// in the page or any worker (zod's eval probe gone); and on a host that sends no headers, the service
// worker adds the policy to what it serves from its cache.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../tools/csp.ts';
import { servePlain } from './fixtures/plain-static-server.ts';
import { openApp, send, useChromium } from './browser.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromium();
const FOREIGN = 'http://foreign.invalid/';
const WORKERS = ['llm', 'encoder', 'retrieval'];

/** The three built worker scripts, e.g. assets/encoder.worker-CGw9Nk4y.js. */
function workerScripts(): string[] {
  return readdirSync(join(process.cwd(), 'dist', 'assets'))
    .filter((f) => /^(llm|encoder|retrieval)\.worker-[^.]+\.js$/.test(f))
    .map((f) => `assets/${f}`);
}

/** Boots the app and sends one turn, which brings up all three workers (the encoder starts lazily). */
async function allWorkers(page: Page): Promise<Worker[]> {
  await send(page, 'I want to see food');
  await expect
    .poll(() => WORKERS.every((n) => page.workers().some((w) => w.url().includes(`/${n}.worker-`))), { timeout: 60_000 })
    .toBe(true);
  return WORKERS.map((n) => page.workers().find((w) => w.url().includes(`/${n}.worker-`))!);
}

/** From inside a worker: fetch and import another origin; what happened, and which violations fired. */
// A string, not a function: vitest would rewrite a dynamic import() in this file's own code.
const REACH_FOREIGN = `(async (foreign) => {
  const violations = [];
  const record = (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI);
  self.addEventListener('securitypolicyviolation', record);
  let fetched = 'reached';
  try { await fetch(foreign); } catch (e) { fetched = String(e); }
  let imported = 'reached';
  try { await import(foreign + 'module.js'); } catch (e) { imported = String(e); }
  await new Promise((r) => setTimeout(r, 100)); // violation events are queued as tasks
  self.removeEventListener('securitypolicyviolation', record);
  return { fetched, imported, violations };
})(${JSON.stringify(FOREIGN)})`;
function reachForeign(worker: Worker): Promise<{ fetched: string; imported: string; violations: string[] }> {
  return worker.evaluate(REACH_FOREIGN);
}

function expectRefusedByCsp(r: { fetched: string; imported: string; violations: string[] }): void {
  expect(r.fetched).toMatch(/TypeError/);
  expect(r.imported).toMatch(/TypeError/);
  // The violation events prove CSP refused them (not the test's network cut-off, which sees nothing).
  expect(r.violations).toEqual([`connect-src ${FOREIGN}`, `script-src-elem ${FOREIGN}module.js`]);
}

// Records violations from the first statement on: prepended to each worker script (served with the real
// server's headers, which route.fulfill keeps) and to the page by an init script.
const RECORDER = `self.__cspViolations = []; self.addEventListener('securitypolicyviolation', (e) => self.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));\n`;
async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(RECORDER);
  await context.route(/\/assets\/(llm|encoder|retrieval)\.worker-[^/]+\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: RECORDER + (await response.text()) });
  });
}
const violationsIn = (ctx: Page | Worker): Promise<string[]> => (ctx as Worker).evaluate('self.__cspViolations');

describe('content security policy in every context', () => {
  test('the server sends the policy with the page, the worker scripts, the service worker and the models', async () => {
    const scripts = workerScripts();
    expect(scripts).toHaveLength(3);
    const paths = ['', 'index.html', 'sw.js', 'sw-headers.js', 'manifest.webmanifest', 'models/catalogs/index.json', 'models/clip-mini/onnx/text_model.onnx', 'no-such-file.js', ...scripts];
    for (const path of paths) {
      const r = await fetch(new URL(path, baseUrl));
      await r.body?.cancel();
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers.get(name), `${name} of /${path}`).toBe(value);
    }
  });

  test('code running in any of the three workers cannot fetch or import from another origin', async () => {
    const { context, outside } = await chromium.isolated(baseUrl);
    const { page, errors } = await openApp(context, baseUrl);
    for (const worker of await allWorkers(page)) expectRefusedByCsp(await reachForeign(worker));
    // CSP stopped them in the browser: not one request reached the network.
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a normal load and a chat turn raise no violation in the page or any worker', async () => {
    const { context, outside } = await chromium.isolated(baseUrl);
    await recordViolations(context);
    const { page, errors } = await openApp(context, baseUrl);
    const workers = await allWorkers(page);
    // The turn went through the workers under the policy: the feed turns to food.
    await expect
      .poll(async () => page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute('data-category'))), { timeout: 60_000 })
      .toEqual(['food-drink', 'food-drink', 'food-drink', 'food-drink', 'food-drink']);
    expect(await violationsIn(page)).toEqual([]);
    for (const [i, worker] of workers.entries()) expect(await violationsIn(worker), `${WORKERS[i]} worker`).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('on a host that sends no headers, the service worker adds the policy to what it serves', async () => {
    const { server, url } = await servePlain();
    try {
      const scripts = workerScripts();
      // The host itself sends no policy.
      const plain = await fetch(new URL(scripts[0]!, url));
      await plain.body?.cancel();
      expect(plain.headers.get('content-security-policy')).toBeNull();

      const { context, outside } = await chromium.isolated(url, { serviceWorkers: 'allow' });
      const { page } = await openApp(context, url);
      await expect.poll(() => page.locator('pr-app').locator('.offline').textContent(), { timeout: 90_000 }).toBe('Works offline');
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);

      // The page itself, from the cache.
      const nav = await page.reload();
      expect(nav?.fromServiceWorker()).toBe(true);
      expect((await nav!.allHeaders())['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor({ timeout: 60_000 });
      // Worker scripts, the service worker's own files and a model, as the controlled page fetches them.
      const got = await page.evaluate(async (paths) => {
        const out: Record<string, string | null> = {};
        for (const p of paths) {
          const r = await fetch(p);
          await r.arrayBuffer();
          out[p] = r.headers.get('content-security-policy');
        }
        return out;
      }, [...scripts, 'models/catalogs/index.json', 'models/clip-mini/onnx/text_model.onnx']);
      for (const [path, csp] of Object.entries(got)) expect(csp, path).toBe(CONTENT_SECURITY_POLICY);

      // And the workers this page started through the service worker are bound by it.
      for (const worker of await allWorkers(page)) expectRefusedByCsp(await reachForeign(worker));
      expect(outside).toEqual([]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
