// Proof on data no one here wrote: a site owner's path, end to end. Icons of Debian's Adwaita theme
// (adwaita-icon-theme, /usr/share/icons/Adwaita/48x48/legacy, CC BY-SA 3.0 / LGPL-3 by the GNOME
// Project; see tests/unit/catalog-builder/fixtures.ts) go through the catalog builder's CLI; the
// library build (vite.lib.config.ts) and the shipped models are copied under a sub-path,
// /shop/recommender/, next to the README's example page, which embeds <private-recommender>; a static
// server with no special headers serves it and Chromium chats with it (./embed-site.ts): a query by an
// icon's name and one by a thing it shows that no file name says (scissors) rank it. Nothing here
// reads dist/ or the demo page.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_ICONS, ICON_DIR } from '../unit/catalog-builder/fixtures.ts';
import { feedIds, send, useChromium } from './browser.ts';
import { buildEmbedSite, type EmbedSite, readmePage } from './embed-site.ts';

/** 20 everyday icons; the query below names one of them. */
const ICONS = [
  'accessories-calculator', 'accessories-dictionary', 'audio-speakers', 'battery-full', 'camera-photo', 'camera-video',
  'face-smile', 'face-sad', 'trophy-gold', 'printer-printing', 'web-browser', 'utilities-terminal', 'mail-send',
  'media-tape', 'modem', 'input-dialpad', 'system-users', 'go-home', 'edit-cut', 'help-browser',
];
const CATALOG_ID = 'adwaita-icons';
const SUB_PATH = '/shop/recommender/';
/** "About ten lines" (issue 16): the README's page, doctype to </html>. */
const PAGE_MAX_LINES = 12;

describe.skipIf(!HAVE_ICONS)('embedding <private-recommender> in a plain page under a sub-path', () => {
  const chromium = useChromium();
  let icons = '';
  let site: EmbedSite | null = null;
  let pageUrl = '';
  let origin = '';

  beforeAll(async () => {
    icons = mkdtempSync(join(tmpdir(), 'embed-icons-'));
    mkdirSync(icons, { recursive: true });
    for (const n of ICONS) copyFileSync(join(ICON_DIR, `${n}.png`), join(icons, `${n}.png`));
    // The builder writes the catalog and a catalogs/index.json that lists only it (a fresh --out folder).
    site = await buildEmbedSite({ subPath: SUB_PATH, catalogs: [{ input: icons, id: CATALOG_ID, name: 'Adwaita icons' }] });
    origin = site.origin;
    pageUrl = site.url;
  }, 300_000);

  afterAll(async () => {
    await site?.close();
    if (icons) rmSync(icons, { recursive: true, force: true });
  });

  it('the page is the README\'s, about ten lines, and docs/embed.md shows the same one', () => {
    const page = readFileSync(join(site!.dir, 'index.html'), 'utf8');
    expect(page).toBe(readmePage());
    expect(page.trim().split('\n').length).toBeLessThanOrEqual(PAGE_MAX_LINES);
    expect(page).toMatch(/<private-recommender[^>]*><\/private-recommender>/);
    expect(readFileSync('docs/embed.md', 'utf8')).toContain(page);
  });

  it('the builder listed only the new catalog', () => {
    const list = JSON.parse(readFileSync(join(site!.dir, 'models', 'catalogs', 'index.json'), 'utf8')) as { catalogs: { id: string }[]; default: string };
    expect(list.catalogs.map((c) => c.id)).toEqual([CATALOG_ID]);
    expect(list.default).toBe(CATALOG_ID);
  });

  it('ranks the icon a visitor asks for, tells the page, and asks nothing of any other origin', async () => {
    const { context, outside } = await chromium.isolated(pageUrl);
    const requested: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The element's events do not bubble, but every event passes window in the capture phase.
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (globalThis as unknown as { __seen: unknown[] }).__seen = seen;
      for (const type of ['recommendations', 'engagement']) addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }), true);
    });
    await page.goto(pageUrl);

    const feed = page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem');
    await feed.first().waitFor({ timeout: 90_000 });
    await send(page, 'calculator');
    await expect.poll(async () => (await feedIds(page)).slice(0, 3), { timeout: 60_000 }).toContain('accessories-calculator');

    type Seen = { type: string; detail: { catalogId?: string; cards?: { id: string; title: string; why: string; catalogId: string }[]; itemId?: string; kind?: string } };
    const seen = () => page.evaluate(() => (globalThis as unknown as { __seen: unknown[] }).__seen) as Promise<Seen[]>;
    const recs = (await seen()).filter((e) => e.type === 'recommendations');
    expect(recs.length).toBeGreaterThan(0);
    const last = recs.at(-1)!.detail;
    expect(last.catalogId).toBe(CATALOG_ID);
    expect(last.cards!.slice(0, 3).map((c) => c.id)).toContain('accessories-calculator');
    for (const c of last.cards!) expect(c).toMatchObject({ catalogId: CATALOG_ID, title: expect.any(String), why: expect.any(String) });

    // A card action reaches the page as `engagement`.
    await page.locator('pr-feed li[data-item-id="accessories-calculator"]').getByRole('button', { name: /^Like/ }).click();
    await expect.poll(async () => (await seen()).filter((e) => e.type === 'engagement').map((e) => e.detail)).toContainEqual({ itemId: 'accessories-calculator', kind: 'like' });

    // A word no file name, title or tag has: the cut icon shows a pair of scissors, and the knowledge
    // layer (WordNet: scissors -> cut) finds it.
    await send(page, 'scissors');
    await expect.poll(async () => (await feedIds(page)).slice(0, 3), { timeout: 60_000 }).toContain('edit-cut');

    // Styling hooks are reachable from the page.
    const parts = await page.locator('private-recommender').evaluate((el) => (el.shadowRoot?.querySelector('pr-app')?.getAttribute('exportparts') ?? '').split(/,\s*/));
    expect(parts).toEqual(expect.arrayContaining(['chat', 'feed', 'status']));

    // The module API: the same element, placed in a container, with a handle to talk to it and stop it.
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const viaApi = (await page.evaluate(`(async () => {
      const m = await import('./private-recommender.js');
      const container = document.createElement('section');
      document.body.append(container);
      const handle = m.createRecommender({ container, models: './models/', catalog: ${JSON.stringify(CATALOG_ID)} });
      const first = await new Promise((resolve) => {
        const off = handle.on('recommendations', (d) => { if (d.cards.length) { off(); resolve(d); } });
      });
      await handle.send('printer');
      const inContainer = container.contains(handle.element);
      handle.destroy();
      return { catalogId: first.catalogId, cards: first.cards.length, inContainer, removed: !container.contains(handle.element), stopped: handle.element.recommender === null };
    })()`)) as { cards: number };
    expect(viaApi).toEqual({ catalogId: CATALOG_ID, cards: expect.any(Number), inContainer: true, removed: true, stopped: true });
    expect(viaApi.cards).toBeGreaterThan(0);

    expect(outside).toEqual([]);
    // It did load its workers, the CLIP model and the new catalog, all from the folder the page is in.
    // The encoder fetches its model in the background: since a catalog carries its own no-match floor,
    // no earlier request (the model's calibration file) reaches models/clip-mini/ first, so wait for it.
    for (const path of ['assets/retrieval.worker-', 'assets/encoder.worker-', 'models/clip-mini/', `models/catalogs/${CATALOG_ID}/`]) {
      await expect.poll(() => requested.some((u) => u.startsWith(origin + SUB_PATH + path)), { message: path, timeout: 30_000 }).toBe(true);
    }
    // Everything it fetched (scripts, workers, wasm, models, catalog) came from its own folder.
    expect(requested.filter((u) => !u.startsWith(origin + SUB_PATH) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
