// Videos in the browser: the generated video catalog plays; a video the user adds is decoded in the
// page, its keyframes embedded by the CLIP vision tower, stored in IndexedDB, and found by text (the
// file names say nothing, so only the pictures can match); it survives a reload; a file that is not a
// playable video is refused with a reason and adds nothing.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { feedIds, openApp, send, useChromium } from './browser.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromium();

// Three generated clips from the shipped catalog, renamed so that their names carry no hint.
const dir = mkdtempSync(join(tmpdir(), 'videos-'));
const CLIPS = { cat: 'v01-cat', banana: 'v12-banana', car: 'v16-automobile' } as const;
const files = Object.fromEntries(
  Object.entries(CLIPS).map(([k, id], i) => {
    const to = join(dir, `clip-${'abc'[i]}.webm`);
    copyFileSync(`public/models/catalogs/videos/clips/${id}.webm`, to);
    return [k, to];
  }),
) as Record<keyof typeof CLIPS, string>;
const notVideo = join(dir, 'broken.webm');
writeFileSync(notVideo, 'this is text, not a video');

async function addVideo(page: Page, path: string): Promise<string> {
  await page.locator('input[type=file]').setInputFiles(path);
  const task = page.getByRole('status').filter({ hasText: path.split('/').pop()! });
  await expect.poll(() => task.getAttribute('data-stage'), { timeout: 60_000 }).toMatch(/done|failed/);
  return (await task.textContent()) ?? '';
}

async function firstTitle(page: Page): Promise<string> {
  return (await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().locator('.title').textContent()) ?? '';
}

describe('videos', () => {
  test('the generated video catalog loads, shows video cards and plays a clip', async () => {
    const { context, outside } = await chromium.isolated(baseUrl);
    const { page, errors } = await openApp(context, baseUrl);
    await page.getByRole('combobox', { name: 'Catalog' }).selectOption('videos');
    await expect.poll(async () => (await feedIds(page)).length, { timeout: 30_000 }).toBe(20);
    await send(page, 'show me a cat');
    await expect.poll(async () => (await feedIds(page)).slice(0, 3), { timeout: 30_000 }).toContain('v01-cat');
    // Once the phrase vector is in, the card knows the keyframe that matches "cat" best.
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __recommender: { state: { feed: { id: string; startAt?: number }[] } } })
      .__recommender.state.feed.find((c) => c.id === 'v01-cat')?.startAt), { timeout: 30_000 }).toBeDefined();
    await page.getByRole('button', { name: /^Open Cat, then cow/ }).click();
    const video = page.locator('pr-feed dialog video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.videoWidth === 128), { timeout: 15_000 }).toBe(true);
    // The clip shows the cat first and cuts to a cow at 3 s: the best moment for "cat" is before the cut.
    const moment = Number((await page.locator('pr-feed dialog .moment').textContent())?.match(/([\d.]+) s/)?.[1]);
    expect(moment).toBeLessThan(3);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  test('a video the user adds becomes searchable by what is in it, and stays after a reload', async () => {
    const { context, outside } = await chromium.isolated(baseUrl);
    const { page, errors } = await openApp(context, baseUrl);
    for (const f of [files.cat, files.banana, files.car]) expect(await addVideo(page, f)).toMatch(/ready\. Added: \d+ keyframes \(0\.0 s first/);
    await expect.poll(() => page.getByRole('combobox', { name: 'Catalog' }).inputValue()).toBe('my-videos');
    await expect.poll(async () => (await feedIds(page)).length).toBe(3);

    await send(page, 'show me a cat');
    await expect.poll(() => firstTitle(page), { timeout: 30_000 }).toBe('clip-a.webm');
    await send(page, 'no cats, I want a banana');
    await expect.poll(() => firstTitle(page), { timeout: 30_000 }).toBe('clip-b.webm');
    // "No cats" hides the clip that looks like a cat, though no word of it says "cat".
    await expect.poll(() => page.locator('pr-feed .title').allTextContents(), { timeout: 30_000 }).toEqual(['clip-b.webm', 'clip-c.webm']);

    await page.reload();
    await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('combobox', { name: 'Catalog' }).inputValue()).toBe('my-videos');
    await expect.poll(() => firstTitle(page), { timeout: 30_000 }).toBe('clip-b.webm');
    // The stored file plays from IndexedDB, opened at the keyframe that matches the query best.
    await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().getByRole('button', { name: /^Open/ }).click();
    const video = page.locator('pr-feed dialog video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.src.startsWith('blob:') && v.readyState >= 2), { timeout: 15_000 }).toBe(true);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  test('a video the user added can be removed: file, vectors and the catalog entry go', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page } = await openApp(context, baseUrl);
    expect(await addVideo(page, files.car)).toMatch(/ready\./);
    await expect.poll(async () => (await feedIds(page)).length).toBe(1);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Remove clip-c.webm from this device' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Catalog' }).inputValue()).toBe('stickers');
    expect(await page.getByRole('combobox', { name: 'Catalog' }).locator('option').allTextContents()).not.toContainEqual(expect.stringMatching(/Your videos/));
    const stored = JSON.parse(await page.evaluate(() => (globalThis as unknown as { __recommender: { exportData(): Promise<string> } }).__recommender.exportData())) as { videos: unknown[] };
    expect(stored.videos).toEqual([]);
  });

  test('a second tab lists the video added in the first', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page: a } = await openApp(context, baseUrl);
    const { page: b } = await openApp(context, baseUrl);
    expect(await addVideo(a, files.cat)).toMatch(/ready\./);
    await expect.poll(() => b.getByRole('combobox', { name: 'Catalog' }).locator('option').allTextContents(), { timeout: 15_000 })
      .toContainEqual('Your videos (1)');
  });

  test('a file that is not a playable video is refused with the reason, and nothing is added', async () => {
    const { context } = await chromium.isolated(baseUrl);
    const { page } = await openApp(context, baseUrl);
    const text = await addVideo(page, notVideo);
    expect(text).toMatch(/not added\. This video could not be read: this browser cannot play this file/);
    const stored = await page.evaluate(async () => (await (globalThis as unknown as { __recommender: { exportData(): Promise<string> } }).__recommender.exportData()));
    expect((JSON.parse(stored) as { videos: unknown[] }).videos).toEqual([]);
    expect(await page.getByRole('combobox', { name: 'Catalog' }).locator('option').allTextContents()).not.toContainEqual(expect.stringMatching(/Your videos/));
  });
});
