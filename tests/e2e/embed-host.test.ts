// <private-recommender> as a guest on someone else's page: the host's CSS custom properties reach the
// buttons (--pr-accent, --pr-on-accent), and when the visitor deletes their data, in this tab or in
// another one, the element starts afresh in place: the host page is not reloaded (its own state
// survives), its own service worker and caches are left alone, and the element runs under a new
// identity with nothing of the old one. The site is built as docs/embed.md says (./embed-site.ts),
// from a few of Debian's Adwaita icons.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HAVE_ICONS, ICON_DIR } from '../unit/catalog-builder/fixtures.ts';
import { send, useChromium } from './browser.ts';
import { buildEmbedSite, type EmbedSite } from './embed-site.ts';

const ICONS = ['accessories-calculator', 'camera-photo', 'face-smile', 'printer-printing', 'go-home', 'mail-send', 'battery-full', 'edit-cut'];
const ACCENT = 'rgb(200, 30, 90)';
const ON_ACCENT = 'rgb(10, 20, 30)';

/** A host page with its own style, its own state (window.hostState) and the element. */
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A shop</title>
    <style>private-recommender { --pr-accent: ${ACCENT}; --pr-on-accent: ${ON_ACCENT}; height: 90vh; }</style>
    <script type="module" src="./private-recommender.js"></script>
  </head>
  <body>
    <p id="basket">Basket: 0 items</p>
    <private-recommender models="./models/"></private-recommender>
  </body>
</html>
`;

/** The host's own service worker: it caches nothing and handles no fetch; it only has to survive. */
const HOST_SW = '// The host page\'s own service worker (the element must not unregister it).\nself.addEventListener(\'install\', () => self.skipWaiting());\n';

type Rec = { state: { userId: string; phase: string; banner: string | null; turns: unknown[] }; exportData(): Promise<string> };

const feed = (p: Page) => p.getByRole('list', { name: 'Recommendations' }).getByRole('listitem');
const recOf = (p: Page, key: keyof Rec['state']) =>
  p.evaluate((k) => (document.querySelector('private-recommender') as unknown as { recommender: Rec | null }).recommender?.state[k] ?? null, key);

/** Opens the host page, waits for the feed, and leaves a mark in the page's memory that a reload would wipe. */
async function openHost(p: Page, url: string, navigations: string[]): Promise<void> {
  p.on('framenavigated', (f) => {
    if (f === p.mainFrame()) navigations.push(f.url());
  });
  await p.goto(url);
  await feed(p).first().waitFor({ timeout: 90_000 });
  await p.evaluate(() => {
    (window as unknown as { hostState: string }).hostState = 'still the same page';
    document.querySelector('#basket')!.textContent = 'Basket: 2 items';
  });
}

/** The element runs again (a feed is ranked) under an identity that is not `oldId`. */
const startedAfresh = async (p: Page, oldId: unknown): Promise<boolean> => {
  const id = await recOf(p, 'userId');
  return typeof id === 'string' && id.startsWith('local-') && id !== oldId && (await recOf(p, 'phase')) === 'ready';
};

const hostState = (p: Page) => p.evaluate(() => [(window as unknown as { hostState?: string }).hostState, document.querySelector('#basket')?.textContent]);

describe.skipIf(!HAVE_ICONS)('<private-recommender> as a guest on a host page', () => {
  const chromium = useChromium();
  let icons = '';
  let site: EmbedSite | null = null;

  beforeAll(async () => {
    icons = mkdtempSync(join(tmpdir(), 'embed-host-icons-'));
    mkdirSync(icons, { recursive: true });
    for (const n of ICONS) copyFileSync(join(ICON_DIR, `${n}.png`), join(icons, `${n}.png`));
    site = await buildEmbedSite({
      subPath: '/shop/', page: PAGE, files: { 'host-sw.js': HOST_SW },
      catalogs: [{ input: icons, id: 'icons', name: 'Icons', flags: ['--licence', 'CC-BY-SA-3.0 or LGPL-3 (GNOME Project)'] }],
    });
  }, 300_000);

  afterAll(async () => {
    await site?.close();
    if (icons) rmSync(icons, { recursive: true, force: true });
  });

  test('the host\'s --pr-accent and --pr-on-accent colour the Send button, the visitor\'s messages and a pressed Like', async () => {
    const { context } = await chromium.isolated(site!.url);
    const page = await context.newPage();
    await openHost(page, site!.url, []);
    const colours = (selector: string) => page.locator(selector).first().evaluate((el) => {
      const s = getComputedStyle(el);
      return [s.backgroundColor, s.color];
    });
    expect(await colours('pr-chat button[type="submit"]')).toEqual([ACCENT, ON_ACCENT]);
    await send(page, 'calculator');
    await page.locator('pr-chat .turn.user').first().waitFor({ timeout: 30_000 });
    expect(await colours('pr-chat .turn.user')).toEqual([ACCENT, ON_ACCENT]);
    const like = page.locator('pr-feed li').first().getByRole('button', { name: /^Like/ });
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    expect(await like.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color, getComputedStyle(el).borderTopColor]))
      .toEqual([ACCENT, ON_ACCENT, ACCENT]);
  });

  test('"Delete my data" here and in another tab: the element starts afresh in place, the host page is not reloaded and keeps its service worker and caches', async () => {
    const { context } = await chromium.isolated(site!.url, { serviceWorkers: 'allow' });
    const navA: string[] = [];
    const navB: string[] = [];
    const a = await context.newPage();
    const errors: string[] = [];
    a.on('pageerror', (e) => errors.push(e.message));
    await openHost(a, site!.url, navA);
    // The host's own offline machinery, which the guest must not touch.
    await a.evaluate(async () => {
      await navigator.serviceWorker.register('./host-sw.js');
      await navigator.serviceWorker.ready;
      await (await caches.open('host-shop')).put('./basket.json', new Response('{"items":2}'));
    });
    await send(a, 'show me a camera');
    await expect.poll(() => a.locator('pr-chat .turn.assistant').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const b = await context.newPage();
    b.on('pageerror', (e) => errors.push(e.message));
    await openHost(b, site!.url, navB);
    const oldId = await recOf(a, 'userId');
    expect(oldId).toMatch(/^local-/);
    expect(await recOf(b, 'userId')).toBe(oldId);
    await expect.poll(() => b.locator('pr-chat .turn').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

    a.once('dialog', (d) => void d.accept());
    await a.getByRole('button', { name: 'Delete my data' }).click();

    // Tab B hears of it, says so, and starts afresh under a new identity, in place.
    await expect.poll(() => b.locator('pr-app .banner').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/deleted in another tab/i);
    await expect.poll(() => startedAfresh(b, oldId), { timeout: 60_000 }).toBe(true);
    await feed(b).first().waitFor({ timeout: 60_000 });
    // Tab A, where the visitor clicked, too.
    await expect.poll(() => startedAfresh(a, oldId), { timeout: 60_000 }).toBe(true);
    await feed(a).first().waitFor({ timeout: 60_000 });
    const newId = await recOf(a, 'userId');
    expect(newId).toMatch(/^local-/);
    await expect.poll(() => recOf(b, 'userId'), { timeout: 30_000 }).toBe(newId);
    for (const p of [a, b]) expect(await p.locator('pr-chat .turn').count()).toBe(0);

    // Neither host page was reloaded: their own state is there, and no navigation happened after the first.
    expect(await hostState(a)).toEqual(['still the same page', 'Basket: 2 items']);
    expect(await hostState(b)).toEqual(['still the same page', 'Basket: 2 items']);
    expect(navA).toEqual([site!.url]);
    expect(navB).toEqual([site!.url]);
    // The host's service worker and cache are still there.
    expect(await a.evaluate(async () => ({
      workers: (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.active?.scriptURL ?? r.installing?.scriptURL ?? '').pathname),
      cache: await (await (await caches.open('host-shop')).match('./basket.json'))?.text(),
    }))).toEqual({ workers: ['/shop/host-sw.js'], cache: '{"items":2}' });

    // B works under the new identity; nothing of the old one is in its export.
    await send(b, 'show me a printer');
    await expect.poll(() => b.locator('pr-chat .turn.assistant').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const exported = JSON.parse(await b.evaluate(() => (document.querySelector('private-recommender') as unknown as { recommender: Rec }).recommender.exportData())) as {
      userId: string; turns: { userId: string; text: string }[];
    };
    expect(exported.userId).toBe(newId);
    expect(exported.turns.map((t) => t.text)).toContain('show me a printer');
    expect(exported.turns.map((t) => t.text)).not.toContain('show me a camera');
    expect(exported.turns.every((t) => t.userId === newId)).toBe(true);
    expect(errors).toEqual([]);
  });
});
