// Engagement that sticks (issue 15): "Not for me" keeps an item away across a follow-up message and a
// reload, Undo brings it back, likes steer the next feed, and one remembered dislike can be forgotten
// on its own from the memory list.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { feedIds, openApp, send, useChromium } from './browser.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromium();

const replies = (page: Page) => page.locator('pr-chat .turn.assistant').count();
async function say(page: Page, text: string): Promise<void> {
  const before = await replies(page);
  await send(page, text);
  await expect.poll(() => replies(page), { timeout: 30_000 }).toBeGreaterThan(before);
}
const card = (page: Page, id: string) => page.locator(`pr-feed li[data-item-id="${id}"]`);

describe('engagement that sticks', () => {
  test('skipped cards stay gone across a follow-up message and a reload; Undo brings one back', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page } = await openApp(context, baseUrl);
    await say(page, 'show me dogs');
    await expect.poll(async () => (await feedIds(page)).length, { timeout: 30_000 }).toBeGreaterThan(3);
    const skipped = (await feedIds(page)).slice(0, 3);
    for (const id of skipped) await card(page, id).getByRole('button', { name: /^Not for me/ }).click();
    await say(page, 'more dogs please');
    await expect.poll(async () => (await feedIds(page)).filter((id) => skipped.includes(id)), { timeout: 30_000 }).toEqual([]);
    await page.reload();
    await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor();
    expect((await feedIds(page)).filter((id) => skipped.includes(id))).toEqual([]);

    // The memory list holds the three skips; forgetting one brings that card back.
    await page.locator('pr-intent summary').click();
    const list = page.getByRole('list', { name: 'Cards you said are not for you' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    await list.getByRole('button', { name: /^Forget/ }).first().click();
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
    // The forgotten skip is no longer excluded: asked for again, exactly one of the three can come back.
    await say(page, 'show me dogs');
    await expect.poll(async () => (await feedIds(page)).filter((id) => skipped.includes(id)).length, { timeout: 15_000 }).toBe(1);
  });

  test('three likes of one kind raise that kind in the next feed, and say why', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page } = await openApp(context, baseUrl);
    await say(page, 'animals');
    const cats = () => page.locator('pr-feed li').evaluateAll((els) => els.slice(0, 24).map((e) => e.getAttribute('data-category') ?? ''));
    await expect.poll(async () => (await cats()).length, { timeout: 30_000 }).toBe(24);
    // The kind to like: the rarest category on screen that has at least one card (not the dominant one).
    const counts = new Map<string, number>();
    for (const c of await cats()) counts.set(c, (counts.get(c) ?? 0) + 1);
    const kind = [...counts].sort((a, b) => a[1] - b[1])[0]![0];
    const share = async () => (await cats()).filter((c) => c === kind).length;
    const before = await share();
    for (let i = 0; i < 3; i++) {
      const like = page.locator(`pr-feed li[data-category="${kind}"] button[aria-pressed="false"]`).filter({ hasText: 'Like' });
      if ((await like.count()) === 0) break;
      await like.first().click();
      await page.waitForTimeout(500);
    }
    await expect.poll(share, { timeout: 15_000 }).toBeGreaterThan(before);
    const whys = await page.locator(`pr-feed li[data-category="${kind}"] .why`).allTextContents();
    expect(whys.some((w) => /because you liked/.test(w))).toBe(true);
  });

  test('forgetting one remembered dislike brings its items back, and a second tab follows', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page: a } = await openApp(context, baseUrl);
    const { page: b } = await openApp(context, baseUrl);
    const cats = (p: Page) => p.locator('pr-feed .title').allTextContents().then((ts) => ts.filter((t) => /\bcat\b/.test(t)).length);
    await say(a, 'show me animals');
    await expect.poll(() => cats(a), { timeout: 30_000 }).toBeGreaterThan(0);
    await say(a, 'no cats');
    await expect.poll(() => cats(a), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => cats(b), { timeout: 30_000 }).toBe(0);
    await a.locator('pr-intent summary').click();
    await a.getByRole('list', { name: 'Not for you' }).getByRole('button', { name: /^Forget cat/ }).click();
    await expect.poll(() => cats(a), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => cats(b), { timeout: 30_000 }).toBeGreaterThan(0);
  });
});
