// The understanding path in the browser: compact engine fallback, and what the feed does after
// realistic messages in English and Korean.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openApp, send, useChromium } from './browser.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromium();
let context: BrowserContext;

async function fresh(): Promise<Page> {
  ({ context } = await chromium.isolated(baseUrl));
  return (await openApp(context, baseUrl)).page;
}

async function top(page: Page, n: number): Promise<{ id: string; category: string; title: string }[]> {
  return page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').evaluateAll(
    (els, k) => els.slice(0, k).map((e) => ({
      id: e.getAttribute('data-item-id') ?? '', category: e.getAttribute('data-category') ?? '', title: e.querySelector('.title')?.textContent ?? '',
    })),
    n,
  );
}

async function replies(page: Page): Promise<number> {
  return page.locator('pr-chat .turn.assistant').count();
}

describe('understanding in the browser', () => {
  // How fast it is ready is a benchmark's question (bench/app/run.ts, cold start), not this test's:
  // a timed assertion here failed under a loaded CI machine (2.9 s against 2.5 s) with nothing wrong.
  test('without WebGPU model files the app runs the compact engine and says why', async () => {
    ({ context } = await chromium.isolated(baseUrl));
    const page = await context.newPage();
    await page.goto(baseUrl);
    const llm = page.locator('pr-status li[data-worker="llm"]');
    await expect.poll(() => llm.getAttribute('data-state'), { timeout: 15_000, interval: 50 }).toBe('ready');
    await expect.poll(() => llm.textContent(), { timeout: 15_000, interval: 50 }).toMatch(/Compact engine: .+/);
    expect(await llm.locator('.engine').textContent()).toBe('compact');
  });

  test('"I\'m flying to Seoul next week and want to try street food": the top 10 is mostly food', async () => {
    const page = await fresh();
    await send(page, "I'm flying to Seoul next week and want to try street food");
    await expect.poll(async () => (await top(page, 10)).filter((x) => x.category === 'food-drink' || /korea|seoul/i.test(x.title)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
  });

  test('"no more animals" removes every animal sticker from the top 20', async () => {
    const page = await fresh();
    await send(page, 'show me cute things');
    await expect.poll(() => replies(page), { timeout: 30_000 }).toBe(1);
    await send(page, 'no more animals');
    await expect.poll(() => replies(page), { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await top(page, 20)).filter((x) => x.category === 'animals-nature' && !/plant|flower|tree|leaf|herb|cactus|blossom|rose|tulip|sunflower|hibiscus|seedling|shamrock|clover|maple|mushroom|nest|lotus|coral|rock|wood|hyacinth/i.test(x.title)).length, { timeout: 30_000 }).toBe(0);
    expect(await page.locator('pr-intent pre').textContent()).toMatch(/"dislikes": \[\s*\{\s*"text": "animal/);
  });

  test('the Korean equivalents do the same', async () => {
    const page = await fresh();
    await send(page, '다음 주에 서울 가는데 길거리 음식 먹어보고 싶어요');
    await expect.poll(async () => (await top(page, 10)).filter((x) => x.category === 'food-drink').length, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
    await send(page, '동물은 이제 그만');
    await expect.poll(() => replies(page), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.locator('pr-intent pre').textContent(), { timeout: 30_000 }).toContain('동물');
    const t = await top(page, 20);
    expect(t.filter((x) => x.category === 'animals-nature' && /cat|dog|bird|fish|tiger|monkey|cow|pig|horse|bear|rabbit|mouse/.test(x.title))).toEqual([]);
    // The reply is in Korean.
    const last = await page.locator('pr-chat .turn.assistant').last().textContent();
    expect(last).toMatch(/[가-힣]/);
  });
});
