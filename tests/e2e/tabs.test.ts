// Two tabs of the app: the second follows what the first does, and neither re-reads its own changes
// (every context of a tab announces with the page's context id; the retrieval worker gets its own
// tab's intent over a port and reads IndexedDB only for another tab's).
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { feedIds, openApp, send, useChromium } from './browser.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromium();

interface Counters { ranks: number; views: number; storeReads: number; intentsReceived: number }
const counters = (p: Page) => p.evaluate(() => (globalThis as unknown as { __recommender: { retrievalCounters(): Promise<Counters> } }).__recommender.retrievalCounters());
const intentPhrases = (p: Page) => p.evaluate(() => ((globalThis as unknown as { __recommender: { state: { intent: { keyPhrases: { text: string }[] } | null } } }).__recommender.state.intent?.keyPhrases ?? []).map((k) => k.text));

describe('two tabs', () => {
  test('a second tab follows the first, and a tab does not re-read its own changes', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page: a } = await openApp(context, baseUrl);
    const { page: b } = await openApp(context, baseUrl);
    await expect.poll(() => counters(a).then((c) => c.views)).toBeGreaterThan(0);
    const aBefore = await counters(a);

    await send(a, 'show me pizza');
    await expect.poll(() => intentPhrases(b), { timeout: 30_000 }).toContain('pizza');
    await expect.poll(() => feedIds(b).then((ids) => ids.length)).toBeGreaterThan(0);
    expect(await feedIds(b)).toEqual(await feedIds(a));

    const aAfter = await counters(a);
    // Tab A learned its new intent from its own llm worker, not from IndexedDB.
    expect(aAfter.storeReads).toBe(aBefore.storeReads);
    expect(aAfter.intentsReceived).toBe(aBefore.intentsReceived + 1);
    // Tab B read it from IndexedDB once, after A's announcement.
    expect((await counters(b)).storeReads).toBeGreaterThan(aBefore.storeReads);

    // And back: B's turn reaches A, and B does not re-read its own change.
    const bBefore = await counters(b);
    await send(b, 'no pizza, I want sushi');
    await expect.poll(() => intentPhrases(a), { timeout: 30_000 }).toContain('sushi');
    expect((await counters(b)).storeReads).toBe(bBefore.storeReads);
  });
});
