// Personalisation in the browser: a downloaded user vector changes the feed; a like moves similar
// items up (on-device learning); the vector is kept in IndexedDB across reloads.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { decodeVectors } from '../../src/core/u2i/format.ts';
import { feedIds, openApp, useChromium } from './browser.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromium();
let context: BrowserContext;

// Item vectors as shipped, to judge "similar" independently of the app.
const manifest = JSON.parse(readFileSync('public/models/u2i/movies/manifest.json', 'utf8')) as { items: { file: string; ids: string[] } };
const itemVectors = decodeVectors(new Uint8Array(readFileSync(`public/models/u2i/movies/${manifest.items.file}`)), { kind: 'items' });
const rowOf = new Map(manifest.items.ids.map((id, r) => [id, r]));
function cosine(a: string, b: string): number {
  const ra = rowOf.get(a);
  const rb = rowOf.get(b);
  if (ra === undefined || rb === undefined) return 0;
  const d = itemVectors.dim;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let j = 0; j < d; j++) {
    const x = itemVectors.data[ra * d + j]!;
    const y = itemVectors.data[rb * d + j]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb || 1);
}

async function openMovies(): Promise<Page> {
  ({ context } = await chromium.isolated(baseUrl));
  const { page } = await openApp(context, baseUrl);
  await page.getByRole('combobox', { name: 'Catalog' }).selectOption('movies');
  await page.getByRole('combobox', { name: 'Demo user' }).waitFor();
  await expect.poll(async () => (await feedIds(page)).length, { timeout: 30_000 }).toBeGreaterThan(10);
  return page;
}

describe('personalisation', () => {
  test('a downloaded user vector changes the feed, is explained, and survives a reload', async () => {
    const page = await openMovies();
    const cold = await feedIds(page);
    await page.getByRole('combobox', { name: 'Demo user' }).selectOption('401');
    await expect.poll(async () => (await feedIds(page)).join(), { timeout: 30_000 }).not.toBe(cold.join());
    const warm = await feedIds(page);
    expect(warm.filter((id) => cold.slice(0, 10).includes(id)).length).toBeLessThan(8);
    const why = await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().locator('.why').textContent();
    expect(why).toMatch(/taste|liked/);
    await page.reload();
    await expect.poll(async () => (await feedIds(page)).slice(0, 10).join(), { timeout: 30_000 }).toBe(warm.slice(0, 10).join());
    expect(await page.getByRole('combobox', { name: 'Demo user' }).inputValue()).toBe('401');
  });

  test('a like moves items similar to it up (learned on the device)', async () => {
    const page = await openMovies();
    await page.getByRole('combobox', { name: 'Demo user' }).selectOption('617');
    await expect.poll(async () => page.getByRole('combobox', { name: 'Demo user' }).inputValue()).toBe('617');
    await page.waitForTimeout(500);
    const before = await feedIds(page);
    // Like the last item shown: the one the current vector likes least.
    const liked = before.at(-1)!;
    const mean = (ids: string[]) => ids.filter((x) => x !== liked).slice(0, 15).reduce((a, id) => a + cosine(liked, id), 0) / 15;
    const card = page.locator(`[data-item-id="${liked}"]`);
    await card.getByRole('button', { name: /^Like / }).click();
    await expect.poll(async () => (await feedIds(page)).join(), { timeout: 30_000 }).not.toBe(before.join());
    const after = await feedIds(page);
    expect(mean(after)).toBeGreaterThan(mean(before));
    await expect.poll(() => page.locator('pr-app').evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('profile refined on this device');
  });
});
