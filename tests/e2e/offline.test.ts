// Offline after one visit (service worker precache), static hosting from a sub-path, and no request
// leaving the origin during a whole session.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { feedIds, openApp, send, useChromium } from './browser.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromium();
let context: BrowserContext;

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm',
  '.png': 'image/png', '.webp': 'image/webp', '.webm': 'video/webm', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.css': 'text/css', '.onnx': 'application/octet-stream',
};

/** A plain static file server (no SPA fallback, no rewrites) that mounts dist/ under a sub-path. */
function serveFrom(prefix: string, stall?: (path: string) => number): Promise<{ server: Server; url: string; requests: string[] }> {
  const root = join(process.cwd(), 'dist');
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    // A slow network for chosen files: the response starts only after this many milliseconds.
    const wait = stall?.(path) ?? 0;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const port = (server.address() as { port: number }).port;
    resolve({ server, url: `http://127.0.0.1:${port}${prefix}`, requests });
  }));
}

describe('offline and static hosting', () => {
  test('after one visit the app works with the network cut: reload, chat, the feed changes', async () => {
    const isolated = await chromium.isolated(baseUrl, { serviceWorkers: 'allow' });
    context = isolated.context;
    const { page } = await openApp(context, baseUrl);
    // The status line turns to "Works offline" once the precache is complete.
    await expect.poll(() => page.locator('pr-app').locator('.offline').textContent(), { timeout: 90_000 }).toBe('Works offline');
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor({ timeout: 30_000 });
    await send(page, 'I want to see food');
    await expect
      .poll(async () => page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute('data-category'))), { timeout: 30_000 })
      .toEqual(['food-drink', 'food-drink', 'food-drink', 'food-drink', 'food-drink']);
    // Images come from the cache too.
    const img = page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().locator('img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    expect(isolated.outside).toEqual([]);
  });

  test('a reload in the middle of the model and index downloads leaves nothing half-cached', async () => {
    // The first requests for the CLIP model and the index stall; the page reloads while they hang.
    const seen = new Map<string, number>();
    const { server, url } = await serveFrom('/app/', (path) => {
      if (!/text_model\.onnx$|index\.bin$/.test(path)) return 0;
      const n = (seen.get(path) ?? 0) + 1;
      seen.set(path, n);
      return n === 1 ? 4000 : 0;
    });
    try {
      const isolated = await chromium.isolated(url, { serviceWorkers: 'allow' });
      context = isolated.context;
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForTimeout(1500); // the service worker's precache and the index are mid-download
      await page.reload();
      await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => page.locator('pr-app').locator('.offline').textContent(), { timeout: 120_000 }).toBe('Works offline');
      // Offline now: everything must come whole from the cache.
      await context.setOffline(true);
      await page.reload();
      const retrieval = page.locator('pr-status li[data-worker="retrieval"]');
      await expect.poll(() => retrieval.textContent(), { timeout: 30_000 }).toMatch(/CLIP index .*ready/s);
      // The cached model is whole: the text tower loads and embeds offline (a nonsense phrase no longer
      // proves it through the feed: below the calibrated no-match floor CLIP claims nothing).
      const encoded = await page.evaluate(() => (globalThis as unknown as { __recommender: { encodeTexts(m: string, t: string[]): Promise<{ vectors: number[][] }> } })
        .__recommender.encodeTexts('clip-mini', ['a red apple']).then((r) => r.vectors[0]!.length));
      expect(encoded).toBe(256);
      await send(page, 'show me a red apple');
      await expect
        .poll(() => page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().getAttribute('data-item-id'), { timeout: 60_000 })
        .toBe('1F34E');
      expect(isolated.outside).toEqual([]);
    } finally {
      server.close();
    }
  }, 240_000);

  test('dist/ works from a sub-path on a plain static server', async () => {
    const prefix = '/some/deep/path/app/';
    const { server, url, requests } = await serveFrom(prefix);
    try {
      const isolated = await chromium.isolated(url);
      context = isolated.context;
      const { page, errors } = await openApp(context, url);
      await send(page, 'show me pizza');
      await expect.poll(async () => (await feedIds(page))[0], { timeout: 30_000 }).toBe('1F355');
      expect(errors).toEqual([]);
      expect(requests.filter((r) => !r.startsWith(prefix))).toEqual([]);
      expect(isolated.outside).toEqual([]);
    } finally {
      server.close();
    }
  });

  test('a whole session sends nothing anywhere but the origin, and no request carries what the user typed', async () => {
    const isolated = await chromium.isolated(baseUrl);
    context = isolated.context;
    const seen: { url: string; body: string }[] = [];
    context.on('request', (r) => seen.push({ url: r.url(), body: r.postData() ?? '' }));
    const { page } = await openApp(context, baseUrl);
    const secret = 'zebra-banana-7391 my secret wish';
    await send(page, `I want to see food ${secret}`);
    await expect.poll(() => page.locator('pr-chat .turn.assistant').count(), { timeout: 30_000 }).toBe(1);
    const card = page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first();
    await card.getByRole('button', { name: /^Like / }).click();
    await card.getByRole('button', { name: /^Open / }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await send(page, '고양이 보고 싶어요');
    await expect.poll(() => page.locator('pr-chat .turn.assistant').count(), { timeout: 30_000 }).toBe(2);
    await page.reload();
    await card.waitFor();
    expect(isolated.outside).toEqual([]);
    const origin = new URL(baseUrl).origin;
    expect(seen.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'))).toEqual([]);
    for (const r of seen) {
      expect(r.url).not.toContain('zebra');
      expect(r.body).not.toContain('zebra');
      expect(decodeURIComponent(r.url)).not.toContain('고양이');
    }
    expect(seen.every((r) => r.body === '')).toBe(true); // the page never POSTs anything
  });
});
