// A text-only catalog on a site owner's page (issue 16: "a CSV/JSONL of text-only items (articles,
// products) with no media … searched by words, the knowledge layer where present, and the text
// tower"): a JSONL of products with no pictures goes through the builder's CLI, the README's page
// embeds the element under a sub-path, and Chromium chats with it. A title word ranks its item; a
// word no item has ("thirsty") reaches the drinks through the knowledge layer, and the rest of the
// feed does not claim to be about it; cards show a title tile, no picture is requested. The text tower
// is loaded and searched (the encoder's status says so); how little the shipped model's text tower
// tells text items apart is measured in bench/RESULTS-catalog.md, not asserted here. The builder wrote
// the catalog's own "no match" floor into its manifest, and the app applies it: a word no item has
// gets no card that "looks like" it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { feedIds, send, useChromium } from './browser.ts';
import { buildEmbedSite, type EmbedSite } from './embed-site.ts';
import { TEXT_PRODUCTS } from '../fixtures/text-products.ts';

const PRODUCTS = TEXT_PRODUCTS;
const DRINKS = ['water', 'juice', 'coffee'];

const feedWhy = (p: Page) => p.locator('pr-feed li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-item-id'), e.querySelector('.why')?.textContent?.trim() ?? '']));

describe('a text-only catalog on a site owner\'s page', () => {
  const chromium = useChromium();
  let input = '';
  let site: EmbedSite | null = null;

  beforeAll(async () => {
    input = mkdtempSync(join(tmpdir(), 'embed-text-'));
    const file = join(input, 'products.jsonl');
    writeFileSync(file, PRODUCTS.map(([id, title, tags, description]) => JSON.stringify({ id, title, tags, description, licence: 'CC0' })).join('\n'));
    site = await buildEmbedSite({ subPath: '/shop/products/', catalogs: [{ input: file, id: 'products', name: 'Products' }] });
  }, 300_000);

  afterAll(async () => {
    await site?.close();
    if (input) rmSync(input, { recursive: true, force: true });
  });

  test('found by its words and by the knowledge layer; cards without pictures; nothing requested beyond the site', async () => {
    const { context, outside } = await chromium.isolated(site!.url);
    const requested: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site!.url);
    await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor({ timeout: 90_000 });

    await send(page, "I'm thirsty");
    await expect.poll(async () => (await feedIds(page)).slice(0, 3).sort(), { timeout: 60_000 }).toEqual([...DRINKS].sort());
    const why = await feedWhy(page);
    for (const [id, text] of why.slice(0, 3)) expect(text, id!).toMatch(/thirsty/);
    for (const [id, text] of why.slice(3)) expect(text, id!).not.toMatch(/thirsty/);
    await send(page, 'teapot');
    await expect.poll(async () => (await feedIds(page))[0], { timeout: 60_000 }).toBe('teapot');

    // Words no item has: the text tower's nearest descriptions stay under the catalog's own floor
    // (manifest index.noMatchFloor), so no card claims to look like them. Without the floor this very
    // turn gave "looks like 'feet'" on the orange juice and "the nearest picture to 'cold'" on the
    // running shoes, within 6 s (checked by disabling the floor). Answered, then given that time.
    const floor = JSON.parse(readFileSync(join(site!.dir, 'models/catalogs/products/manifest.json'), 'utf8')).index.noMatchFloor;
    expect(floor.modelId).toMatch(/^clip-mini@[0-9a-f]{12}$/);
    const replies = await page.locator('pr-chat .turn.assistant').count();
    await send(page, 'my feet are cold');
    await expect.poll(() => page.locator('pr-chat .turn.assistant').count(), { timeout: 30_000 }).toBeGreaterThan(replies);
    await page.waitForTimeout(6000);
    expect((await feedWhy(page)).filter(([, text]) => /(looks like|nearest picture to) '(feet|cold)'/.test(text ?? ''))).toEqual([]);

    // No pictures: a title tile on every card, and no image was asked for.
    expect(await page.locator('pr-feed li img').count()).toBe(0);
    expect(await page.locator('pr-feed li .tile').count()).toBe(await page.locator('pr-feed li').count());
    expect(requested.filter((u) => /\.(webp|png|jpe?g)(\?|$)/.test(u))).toEqual([]);
    // The catalog's index and the text tower that searches it came from the site; the vision tower is never needed.
    expect(requested.some((u) => u.startsWith(`${site!.url}models/catalogs/products/index.bin`))).toBe(true);
    await expect.poll(() => requested.some((u) => u.startsWith(`${site!.url}models/clip-mini/onnx/text_model`)), { timeout: 60_000 }).toBe(true);
    expect(requested.filter((u) => u.includes('vision_model'))).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
