// Issue 17, the failures that had no browser test of their own: each test below drives the app the way a
// user (or a careless tab, or a damaged disk) would, through its normal UI and the IndexedDB it keeps, and
// checks the DEFECT itself. Every one of them fails on the code before the fix (9de075a) because of the
// defect, and passes on the fixed code: see tests/e2e/ISSUE-17-BEFORE-AFTER.md.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openApp, send, useChromium } from './browser.ts';
import { DB, rawAll } from './raw-idb.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromium();

// The on-disk names (src/store/tables.ts, DB_NAME in src/store/schema.ts; the same at 9de075a in src/store/db.ts).

interface Hook {
  state: { userId: string };
}
const userIdOf = (p: Page) => p.evaluate(() => (globalThis as unknown as { __recommender: Hook }).__recommender.state.userId);
const feedItem = (p: Page) => p.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first();


/**
 * Writes records straight into a store, as a damaged disk or an older build would leave them.
 * `kind: 'userVector'` builds the record in the page (a Float32Array does not cross the evaluate boundary).
 */
function rawPut(page: Page, store: string, records: unknown[], kind: 'plain' | 'userVector' = 'plain'): Promise<void> {
  return page.evaluate(({ db, store, records, kind }) => new Promise<void>((resolve, reject) => {
    const r = indexedDB.open(db);
    r.onsuccess = () => {
      const conn = r.result;
      const tx = conn.transaction(store, 'readwrite');
      for (const rec of records) {
        const value = kind === 'userVector' ? { ...(rec as object), vector: new Float32Array((rec as { length: number }).length) } : rec;
        if (kind === 'userVector') delete (value as { length?: number }).length;
        tx.objectStore(store).put(value);
      }
      tx.oncomplete = () => {
        conn.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    r.onerror = () => reject(r.error);
  }), { db: DB, store, records, kind });
}

/** Waits until the chat shows at least `count` assistant turns and none is pending. */
async function settled(page: Page, count: number): Promise<void> {
  await expect.poll(() => page.locator('pr-chat .turn.assistant').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
  await expect.poll(() => page.locator('pr-chat .turn[data-status="pending"]').count(), { timeout: 30_000 }).toBe(0);
}

const offlineLabel = (p: Page) => p.locator('pr-app').locator('.offline').textContent().catch(() => null);

describe('issue 17: the defects without a browser test elsewhere', () => {
  test('2. after "Delete my data" in tab A, the next message typed in tab B is not stored under the deleted identity', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page: a } = await openApp(context, baseUrl);
    await send(a, 'show me cats');
    await settled(a, 1);
    const { page: b } = await openApp(context, baseUrl);
    const oldId = await userIdOf(a);
    expect(oldId).toMatch(/^local-/);
    expect(await userIdOf(b)).toBe(oldId);

    a.once('dialog', (d) => void d.accept());
    const aReloaded = a.waitForEvent('load', { timeout: 60_000 });
    await a.getByRole('button', { name: 'Delete my data' }).click();
    await aReloaded;
    await feedItem(a).waitFor({ timeout: 60_000 });

    // Tab B, as the user sees it: once it takes messages again (at once, or after whatever the app does
    // about the deletion), the user types one.
    const bReady = async (): Promise<boolean> => {
      try {
        const box = b.getByRole('textbox', { name: 'Message' });
        if (!(await box.isVisible()) || (await box.isDisabled())) return false;
        if ((await b.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').count()) === 0) return false;
        const banner = (await b.locator('pr-app .banner, .banner').first().textContent({ timeout: 200 }).catch(() => '')) ?? '';
        return (await userIdOf(b)) !== oldId || /deleted/i.test(banner);
      } catch {
        return false; // mid-navigation
      }
    };
    await expect.poll(bReady, { timeout: 60_000 }).toBe(true);
    const typed = 'show me dogs after the deletion';
    await send(b, typed);
    await expect.poll(() => b.locator('pr-chat .turn.user').filter({ hasText: typed }).count().catch(() => 0), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => b.locator('pr-chat .turn[data-status="pending"]').count().catch(() => 1), { timeout: 30_000 }).toBe(0);

    // What is on disk, read raw: the message is kept (under the current identity), nothing under the deleted one.
    const turns = await rawAll<{ userId: string; text: string }>(a, 'turns');
    expect(turns.filter((t) => t.userId === oldId).map((t) => t.text)).toEqual([]);
    expect((await rawAll<{ userId: string }>(a, 'intents')).filter((i) => i.userId === oldId)).toEqual([]);
    expect((await rawAll<{ userId: string }>(a, 'events')).filter((e) => e.userId === oldId).length).toBe(0);
    const mine = turns.filter((t) => t.text === typed);
    expect(mine.length).toBe(1);
    expect(mine[0]!.userId).toMatch(/^local-/);
  });

  test('3. after "Delete my data", the page claims "Works offline" only when an offline reload really works', { timeout: 240_000 }, async () => {
    const { context } = await chromium.isolated(baseUrl, { serviceWorkers: 'allow' });
    const { page } = await openApp(context, baseUrl);
    await expect.poll(() => offlineLabel(page), { timeout: 90_000 }).toBe('Works offline');

    page.once('dialog', (d) => void d.accept());
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Delete my data' }).click();
    await reloaded;
    await feedItem(page).waitFor({ timeout: 60_000 });
    // The label is set as the page boots; whatever it says right after the deletion must be true.
    const label = await offlineLabel(page);
    if (label !== 'Works offline') {
      expect(label).not.toMatch(/works offline/i);
      return;
    }
    await context.setOffline(true);
    await page.reload().catch(() => {}); // a failed offline navigation is what the assertion below reports
    await feedItem(page).waitFor({ timeout: 30_000 });
  });

  test('7. a corrupt user vector is quarantined once, not again on every load', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page } = await openApp(context, baseUrl);
    await page.getByRole('combobox', { name: 'Catalog' }).selectOption('movies');
    await page.getByRole('combobox', { name: 'Demo user' }).waitFor({ timeout: 30_000 });
    const userId = await userIdOf(page);
    // A vector whose length is not its dim: the app cannot use it.
    await rawPut(page, 'userVectors', [{ catalogId: 'movies', userId, dim: 4, length: 3, source: 'downloaded', updatedAt: 1 }], 'userVector');
    const quarantined = async () => (await rawAll<{ store: string }>(page, 'quarantine')).filter((q) => q.store === 'userVectors').length;

    // Each load reads the vector before it shows the demo-user choice (it needs the vector to pick one).
    for (let load = 1; load <= 2; load++) {
      await page.reload();
      await feedItem(page).waitFor({ timeout: 60_000 });
      await page.getByRole('combobox', { name: 'Demo user' }).waitFor({ timeout: 30_000 });
      await expect.poll(quarantined, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    }
    expect(await quarantined()).toBe(1);
    expect((await rawAll<{ userId: string }>(page, 'userVectors')).filter((v) => v.userId === userId)).toEqual([]);
  });

  test('9. "Export search log" does not write a corrupt record as a string split into characters', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page } = await openApp(context, baseUrl);
    const userId = await userIdOf(page);
    const now = Date.now();
    await rawPut(page, 'searchLogs', [
      { userId, catalogId: 'stickers', query: 'cats', shown: '1F431', at: now - 2 }, // corrupt: `shown` is a string
      { userId, catalogId: 'stickers', query: 'dogs', shown: ['1F415'], at: now - 1 },
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export search log' }).click()]);
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(c);
    const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l.trim() !== '');
    const records = lines.map((l) => JSON.parse(l) as { query: string; shown: unknown });
    // The good record is exported as it is.
    expect(records.filter((r) => r.query === 'dogs').map((r) => r.shown)).toEqual([['1F415']]);
    // The corrupt one is skipped or flagged, never "repaired" into ["1","F","4","3","1"].
    for (const r of records) expect(r.shown).not.toEqual(['1', 'F', '4', '3', '1']);
    expect(lines.join('\n')).not.toContain('"1","F","4","3","1"');
  });

  test('10. markup and schema words in a message never become key phrases', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page } = await openApp(context, baseUrl);
    const phrases = async (): Promise<string[]> => {
      const text = (await page.locator('pr-intent pre').textContent()) ?? '{}';
      const intent = JSON.parse(text) as { keyPhrases?: { text: string }[] };
      return (intent.keyPhrases ?? []).map((k) => k.text);
    };
    await send(page, '<script>alert(1)</script> show me cats');
    await settled(page, 1);
    await expect.poll(phrases, { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/cat/)]));
    await send(page, '<img src=x onerror=alert(1)> show me pizza');
    await settled(page, 2);
    await send(page, 'schemaVersion dogs');
    await settled(page, 3);
    await expect.poll(phrases, { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/dog/)]));
    const got = await phrases();
    expect(got.filter((t) => /\b(script|img|src|onerror|alert|schema ?version)\b/i.test(t))).toEqual([]);
  });

  test('6. ordinary phrases that contain listed substrings are not refused in the chat; a plain insult still is', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page } = await openApp(context, baseUrl);
    const benign = ['pussy willow', 'spotted dick pudding', 'Scunthorpe', 'The Big Chill', 'shower'];
    for (const [i, text] of benign.entries()) {
      await send(page, text);
      await settled(page, i + 1);
    }
    const verdicts = await page.locator('pr-chat .turn.user').evaluateAll((els) =>
      els.map((e) => ({ status: e.getAttribute('data-status'), meta: e.querySelector('.meta')?.textContent ?? '' })));
    expect(verdicts).toHaveLength(benign.length);
    const refused = benign.filter((_, i) => verdicts[i]!.status === 'blocked' || /Blocked by the safety check/.test(verdicts[i]!.meta));
    expect(refused).toEqual([]);
    await send(page, 'you are a fucking asshole');
    await settled(page, benign.length + 1);
    const insult = page.locator('pr-chat .turn.user').last();
    expect(await insult.getAttribute('data-status')).toBe('blocked');
    expect(await insult.locator('.meta').textContent()).toMatch(/Blocked by the safety check/);
  });
});
