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
  '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.css': 'text/css', '.onnx': 'application/octet-stream',
};

/** A plain static file server (no SPA fallback, no rewrites) that mounts dist/ under a sub-path. */
function serveFrom(prefix: string): Promise<{ server: Server; url: string; requests: string[] }> {
  const root = join(process.cwd(), 'dist');
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
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
