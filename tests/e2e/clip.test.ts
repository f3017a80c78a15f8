// The CLIP text tower in Chromium through transformers.js, on WASM and on WebGPU (Chromium's software
// adapter here): same vectors as torch (the fixture training/export.py wrote), and the feed uses them.
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { feedIds, openApp, send, useChromium } from './browser.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromium();
let context: BrowserContext;

const fixture = JSON.parse(readFileSync('tests/unit/clip/fixtures/clip-mini-parity.json', 'utf8')) as { texts: { text: string; text_embeds: number[] }[] };
const unit = (v: number[]) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe('CLIP in the browser', () => {
  for (const device of ['wasm', 'webgpu'] as const) {
    test(`text embeddings on ${device} match torch within 1e-4`, async () => {
      ({ context } = await chromium.isolated(baseUrl));
      const { page } = await openApp(context, baseUrl);
      const texts = fixture.texts.slice(0, 8);
      const r = await page.evaluate(
        ({ texts, device }) => (globalThis as unknown as { __recommender: { encodeTexts(m: string, t: string[], d: string): Promise<{ modelId: string; device: string; vectors: number[][] }> } })
          .__recommender.encodeTexts('clip-mini', texts, device),
        { texts: texts.map((t) => t.text), device },
      );
      expect(r.device).toBe(device);
      expect(r.modelId).toMatch(/^clip-mini@[0-9a-f]{12}$/);
      let maxDiff = 0;
      texts.forEach((t, i) => unit(t.text_embeds).forEach((x, j) => (maxDiff = Math.max(maxDiff, Math.abs(x - r.vectors[i]![j]!)))));
      expect(maxDiff).toBeLessThan(1e-4);
    });
  }

  test('a model the site does not ship fails with a reason, and the encoder says so; the shipped one still works', async () => {
    ({ context } = await chromium.isolated(baseUrl));
    const { page } = await openApp(context, baseUrl);
    type Rec = { __recommender: { encodeTexts(m: string, t: string[]): Promise<{ vectors: number[][] }> } };
    const err = await page.evaluate(() => (globalThis as unknown as Rec).__recommender.encodeTexts('no-such-model', ['cat']).then(() => 'resolved', (e: Error) => e.message));
    expect(err).toMatch(/"no-such-model" has no identity\.json/);
    await expect.poll(() => page.locator('pr-status li[data-worker="encoder"]').textContent()).toMatch(/no-such-model/);
    const ok = await page.evaluate(() => (globalThis as unknown as Rec).__recommender.encodeTexts('clip-mini', ['cat']));
    expect(ok.vectors[0]).toHaveLength(256);
  });

  test('the retrieval status shows the CLIP index, and a phrase lexical match cannot find still gets CLIP results', async () => {
    ({ context } = await chromium.isolated(baseUrl));
    const { page } = await openApp(context, baseUrl);
    const retrieval = page.locator('pr-status li[data-worker="retrieval"]');
    await expect.poll(() => retrieval.textContent(), { timeout: 30_000 }).toMatch(/CLIP index/);
    const before = await feedIds(page);
    await send(page, 'show me zyxwv');
    // No item has that word: lexical finds nothing; once the phrase is encoded the CLIP source fills the
    // feed, and the card says it was found by its picture.
    await expect
      .poll(async () => page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().locator('.why').textContent(), { timeout: 60_000 })
      .toMatch(/picture to 'zyxwv'|looks like 'zyxwv'/);
    expect(await page.locator('pr-feed .why').allTextContents()).toContainEqual("looks like 'zyxwv'");
    expect(await feedIds(page)).not.toEqual(before);
  });
});
