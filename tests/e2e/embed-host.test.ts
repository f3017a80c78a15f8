// <private-recommender> as a guest on someone else's page: the host's CSS custom properties reach the
// buttons (--pr-accent, --pr-on-accent). The site is built as docs/embed.md says (./embed-site.ts),
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

const feed = (p: Page) => p.getByRole('list', { name: 'Recommendations' }).getByRole('listitem');

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

describe.skipIf(!HAVE_ICONS)('<private-recommender> as a guest on a host page', () => {
  const chromium = useChromium();
  let icons = '';
  let site: EmbedSite | null = null;

  beforeAll(async () => {
    icons = mkdtempSync(join(tmpdir(), 'embed-host-icons-'));
    mkdirSync(icons, { recursive: true });
    for (const n of ICONS) copyFileSync(join(ICON_DIR, `${n}.png`), join(icons, `${n}.png`));
    site = await buildEmbedSite({
      subPath: '/shop/', page: PAGE,
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
});
