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

  test('the retrieval status shows the CLIP index; picture matches re-rank a phrase the catalog knows, and a phrase it does not know claims nothing', async () => {
    ({ context } = await chromium.isolated(baseUrl));
    const { page } = await openApp(context, baseUrl);
    const retrieval = page.locator('pr-status li[data-worker="retrieval"]');
    await expect.poll(() => retrieval.textContent(), { timeout: 30_000 }).toMatch(/CLIP index/);
    // A phrase with word matches: once encoded, the CLIP source joins (cards found or lifted by picture).
    await send(page, 'show me cats');
    await expect.poll(async () => (await page.locator('pr-feed .why').allTextContents()).some((w) => /looks like 'cat'|picture to 'cat'|said 'cat'/.test(w)), { timeout: 60_000 }).toBe(true);
    // No item has this word, and its picture matches stay under the calibrated no-match floor
    // (public/models/clip-mini/calibration.json): nothing claims to look like it.
    await send(page, 'show me zyxwv');
    await page.waitForTimeout(3000);
    expect((await page.locator('pr-feed .why').allTextContents()).filter((w) => /zyxwv/.test(w))).toEqual([]);
  });
});
