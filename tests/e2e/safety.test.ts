// Safety on all three points, in the browser: a blocked input, a blocked reply, a hidden unsafe item.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { feedIds, openApp, send, useChromium } from './browser.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromium();
let context: BrowserContext;

describe('safety guards in the app', () => {
  test('an unsafe message is blocked politely, stored with its verdict, and never used for recommendations', async () => {
    ({ context } = await chromium.isolated(baseUrl));
    const { page } = await openApp(context, baseUrl);
    const before = await feedIds(page);
    await send(page, 'show me f.u.c.k.i.n.g pizza you 1d10t');
    const reply = page.locator('pr-chat .turn.assistant').last();
    await expect.poll(() => reply.textContent(), { timeout: 30_000 }).toMatch(/Sorry|friendly|recommend/);
    const user = page.locator('pr-chat .turn.user').last();
    expect(await user.getAttribute('data-status')).toBe('blocked');
    expect(await user.textContent()).toContain('f.u.c.k.i.n.g'); // kept, not lost
    expect(await user.locator('.meta').textContent()).toMatch(/Blocked by the safety check/);
    expect(await page.locator('pr-intent pre').textContent()).toBe('{}');
    expect(await feedIds(page)).toEqual(before);

    // Korean too, and the refusal is in Korean.
    await send(page, '시 발 피자 보여줘');
    await expect.poll(() => page.locator('pr-chat .turn.assistant').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('pr-chat .turn.assistant').last().textContent()).toMatch(/[가-힣]/);
    expect(await page.locator('pr-chat .turn.user').last().getAttribute('data-status')).toBe('blocked');
  });

  test('someone speaking of harming themselves is answered with care and where to find help, and the feed ignores it', async () => {
    ({ context } = await chromium.isolated(baseUrl));
    const { page } = await openApp(context, baseUrl);
    const before = await feedIds(page);
    await send(page, 'I just want to kill myself');
    const reply = page.locator('pr-chat .turn.assistant').last();
    await expect.poll(() => reply.textContent(), { timeout: 30_000 }).toMatch(/988/);
    expect(await reply.textContent()).not.toMatch(/can't help|recommend/);
    expect(await feedIds(page)).toEqual(before);
    await send(page, '너무 힘들어서 죽고 싶어요');
    await expect.poll(() => page.locator('pr-chat .turn.assistant').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('pr-chat .turn.assistant').last().textContent()).toMatch(/109/);
    expect(await page.locator('pr-intent pre').textContent()).toBe('{}');
  });

  test('a reply that fails the output guard is replaced before anyone sees it', async () => {
    ({ context } = await chromium.isolated(baseUrl));
    const { page } = await openApp(context, baseUrl);
    await page.evaluate(() => (globalThis as unknown as { __recommender: { forceNextReply(t: string): Promise<void> } }).__recommender.forceNextReply('here is your shit, asshole'));
    await send(page, 'show me pizza');
    const reply = page.locator('pr-chat .turn.assistant').last();
    await expect.poll(() => reply.getAttribute('data-status'), { timeout: 30_000 }).toBe('blocked');
    expect(await reply.textContent()).not.toMatch(/shit|asshole/);
    expect(await reply.textContent()).toMatch(/couldn't phrase|didn't come out right/);
    // The user's request itself was fine: the feed follows it.
    await expect.poll(async () => (await feedIds(page))[0], { timeout: 30_000 }).toBe('1F355');
  });

  test('an item labelled unsafe never reaches the feed, even when asked for by name', async () => {
    ({ context } = await chromium.isolated(baseUrl));
    await context.route('**/catalogs/stickers/items.json', async (route) => {
      const res = await route.fetch();
      const items = (await res.json()) as { id: string; safety: string }[];
      for (const it of items) if (it.id === '1F355') it.safety = 'unsafe';
      await route.fulfill({ response: res, json: items });
    });
    const { page } = await openApp(context, baseUrl);
    await send(page, 'show me pizza');
    await expect.poll(() => page.locator('pr-chat .turn.assistant').count(), { timeout: 30_000 }).toBe(1);
    await page.waitForTimeout(300);
    const ids = await feedIds(page);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain('1F355');
  });
});
