// The catalog builder on real images this project did not make (Debian's Adwaita icons, see
// fixtures.ts) plus one clip made from an icon with ffmpeg: the catalog it writes loads with the
// app's schema, a query through the app's own rank path (lexical + CLIP, src/workers/retrieval/rank.ts)
// finds icons, also under the catalog's own no-match floor, `check` passes it and catches a corrupt
// index, a model mismatch and any file changed since the build (SHA256SUMS), a killed build leaves
// nothing behind and its rerun resumes from the work cache, what a build killed while writing left is
// cleared by the next one, and another model's catalog is not overwritten. Needs the shipped clip-mini
// model; the clip needs Debian's ffmpeg.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clipSource } from '../../../src/core/fusion/sources/clip.ts';
import { VectorIndex } from '../../../src/core/index/vector-index.ts';
import { emptyIntent, type Intent } from '../../../src/core/intent.ts';
import { mergeIntent } from '../../../src/core/intent-merge.ts';
import { buildLexicalIndex, scorePhrases } from '../../../src/core/lexical.ts';
import { clipFloor } from '../../../src/workers/retrieval/picture-space.ts';
import { rankFeed } from '../../../src/workers/retrieval/rank.ts';
import type { LoadedCatalog } from '../../../src/workers/retrieval/catalogs.ts';
import { BuildError, buildCatalog, type BuildResult } from '../../../tools/catalog/build.ts';
import { checkCatalog } from '../../../tools/catalog/check.ts';
import { createClipEncoder } from '../../../tools/catalog/encoder.ts';
import { ffmpegAvailable, generateClip } from '../../../tools/video/ffmpeg.ts';
import { common, copyIcons, HAVE_ICONS, ICON_DIR, ICONS, loadBuilt, removeTempDirs, tempDir } from './fixtures.ts';

const HAVE_FFMPEG = await ffmpegAvailable();
const TIMEOUT_MS = 60_000;

function intentOf(phrases: string[]): Intent {
  const r = mergeIntent(emptyIntent('u', 0), {
    keyPhrases: phrases.map((text) => ({ text, weight: 1 })), likes: [], dislikes: [], task: 'more_like', language: 'en',
    safety: { verdict: 'safe', categories: [] },
  }, 't', 1);
  if (!r.accepted) throw new Error(r.reason);
  return r.intent;
}

afterAll(removeTempDirs);
describe.skipIf(!HAVE_ICONS)('catalog builder on Adwaita icons', () => {
  let root: string;
  let result: BuildResult;

  beforeAll(async () => {
    root = tempDir('icons');
    const input = copyIcons(join(root, 'input'));
    if (HAVE_FFMPEG) {
      // A clip of the gold trophy moving, then a cut to the monkey face: the video path end to end.
      await generateClip({
        width: 96, height: 96, fps: 12, bitrateKbps: 40, segments: [
          { kind: 'moving', seconds: 1.5, background: '0xffffff', overlay: join(ICON_DIR, 'trophy-gold.png'), overlaySize: 48 },
          { kind: 'static', seconds: 1, background: '0xe8e8e8', overlay: join(ICON_DIR, 'face-monkey.png'), overlaySize: 48, cut: true },
        ],
      }, join(input, 'trophy-clip.webm'));
    }
    writeFileSync(join(input, 'items.csv'), 'file,title,tags,licence,link\naccessories-calculator.png,Pocket calculator,maths;numbers,CC-BY-SA-3.0 or LGPL-3,https://gitlab.gnome.org/GNOME/adwaita-icon-theme\n');
    result = await buildCatalog({ ...common(root), input, id: 'icons', name: 'Adwaita icons', licence: 'CC-BY-SA-3.0 or LGPL-3 (GNOME Project)' });
  }, TIMEOUT_MS);

  test('writes a catalog the app can load, listed in index.json', () => {
    expect(result.written).toBe(true);
    expect(result.skipped).toEqual([]);
    const { manifest, items } = loadBuilt(result.dir);
    expect(items).toHaveLength(ICONS.length + (HAVE_FFMPEG ? 1 : 0));
    expect(manifest.index?.modelId).toMatch(/^clip-mini@/);
    expect(manifest.licence.summary).toContain('CC-BY-SA');
    const calc = items.find((i) => i.id === 'accessories-calculator')!;
    expect(calc.title).toBe('Pocket calculator'); // from items.csv
    expect(calc.tags.en).toEqual(['maths', 'numbers']);
    expect(items.find((i) => i.id === 'face-monkey')!.title).toBe('face monkey'); // from the file name
    for (const it of items) expect(existsSync(join(result.dir, it.image!))).toBe(true);
    expect(readFileSync(join(result.dir, items[0]!.image!)).subarray(8, 12).toString()).toBe('WEBP');
    const list = JSON.parse(readFileSync(join(root, 'catalogs', 'index.json'), 'utf8'));
    expect(list.catalogs).toEqual([{ id: 'icons', name: 'Adwaita icons', manifest: 'icons/manifest.json' }]);
    expect(JSON.parse(readFileSync(join(result.dir, 'attribution.json'), 'utf8'))['accessories-calculator'].link).toContain('gnome.org');
  });

  test('an image item carries the colours its picture shows, which a colour word then finds', () => {
    const { manifest, items } = loadBuilt(result.dir);
    const colors = (id: string) => items.find((i) => i.id === id)!.colors ?? [];
    expect(colors('trophy-gold')).toContain('yellow');
    expect(colors('trophy-silver')).toContain('grey');
    expect(colors('battery-full')).toContain('green');
    expect(colors('trophy-gold')).not.toContain('grey');
    const lexical = buildLexicalIndex(items, manifest);
    const scored = (text: string) => [...scorePhrases(lexical, [{ text, weight: 1 }]).keys()].map((i) => items[i]!.id);
    expect(scored('green')).toContain('battery-full');
    expect(scored('초록색')).toContain('battery-full');
  });

  test.skipIf(!HAVE_FFMPEG)('a video gets keyframes, a poster and a pooled vector', () => {
    const { manifest, items } = loadBuilt(result.dir);
    const clip = items.find((i) => i.id === 'trophy-clip')!;
    expect(clip.video).toBe('videos/trophy-clip.webm');
    expect(clip.duration).toBeCloseTo(2.5, 1);
    expect(manifest.keyframes).toBe('keyframes.json');
    const kf = JSON.parse(readFileSync(join(result.dir, 'keyframes.json'), 'utf8'));
    const frames = kf.videos.find((v: { id: string }) => v.id === 'trophy-clip').keyframes;
    expect(frames.some((k: { reason: string }) => k.reason === 'cut')).toBe(true);
  });

  test('a query through the app rank path (lexical + CLIP) finds icons', async () => {
    const { manifest, items } = loadBuilt(result.dir);
    const index = VectorIndex.fromBytes(readFileSync(join(result.dir, 'index.bin')), { expectedModelId: manifest.index!.modelId });
    const rowOfId = new Map(items.map((it, i) => [it.id, i]));
    const cat: LoadedCatalog = {
      manifest, baseUrl: new URL('https://example.org/shop/models/catalogs/icons/'), items, byId: new Map(items.map((it) => [it.id, it])),
      rowOfId, lexical: buildLexicalIndex(items, manifest), index, itemOfRow: Int32Array.from(index.ids, (id) => rowOfId.get(id) ?? -1), indexError: null,
    };
    const encoder = await createClipEncoder('public/models', 'clip-mini');
    const feedFor = async (phrase: string) => {
      const [vector] = await encoder.embedTexts([phrase]);
      return rankFeed({ cat, intent: intentOf([phrase]), k: 5, queries: [{ text: phrase, weight: 1, vector: vector! }], exclude: new Set() }).cards;
    };
    // By name: the title words and the picture agree.
    const calc = await feedFor('calculator');
    expect(calc[0]!.id).toBe('accessories-calculator');
    const monkey = await feedFor('monkey');
    expect(monkey[0]!.id).toBe('face-monkey');
    // By picture only: no title or tag says "heart"; the CLIP path must find the heart-shaped favourite emblem.
    const heart = await feedFor('heart');
    expect(heart.slice(0, 3).map((c) => c.id)).toContain('emblem-favorite');
    expect(heart.find((c) => c.id === 'emblem-favorite')!.source).toBe(clipSource.id);
    // With the catalog's own no-match floor, as the app ranks it: the heart clears it, nonsense does not.
    const floor = await clipFloor(cat, 'https://models.invalid/');
    expect(floor).toBe(manifest.index!.noMatchFloor!.cosine);
    const floored = async (phrase: string) => {
      const [vector] = await encoder.embedTexts([phrase]);
      return rankFeed({ cat, intent: intentOf([phrase]), k: 5, queries: [{ text: phrase, weight: 1, vector: vector! }], exclude: new Set(), clipFloor: floor! }).cards;
    };
    expect((await floored('heart')).find((c) => c.id === 'emblem-favorite')?.source).toBe(clipSource.id);
    expect((await floored('zyxwv')).filter((c) => c.source === clipSource.id)).toEqual([]);
  }, TIMEOUT_MS);

  test('check passes the catalog, and catches a corrupt index and a model mismatch', async () => {
    const ok = await checkCatalog(result.dir, { modelsDir: 'public/models' });
    expect(ok.problems).toEqual([]);
    expect(ok.ok).toBe(true);

    const corrupt = join(root, 'corrupt', 'icons');
    cpSync(result.dir, corrupt, { recursive: true });
    const bytes = readFileSync(join(corrupt, 'index.bin'));
    bytes[bytes.length - 3]! ^= 0xff;
    writeFileSync(join(corrupt, 'index.bin'), bytes);
    const bad = await checkCatalog(corrupt, { modelsDir: 'public/models' });
    expect(bad.ok).toBe(false);
    expect(bad.problems.join('\n')).toMatch(/index\.bin: checksum .* the manifest says/);

    // The shipped model changed since the catalog was built: its identity no longer matches the index.
    const models = join(root, 'models');
    mkdirSync(join(models, 'clip-mini'), { recursive: true });
    writeFileSync(join(models, 'clip-mini', 'identity.json'), JSON.stringify({ modelId: 'clip-mini@000000000000' }));
    const other = await checkCatalog(result.dir, { modelsDir: models });
    expect(other.ok).toBe(false);
    expect(other.problems.join('\n')).toMatch(/model id mismatch: .*clip-mini@[0-9a-f]{12}.*clip-mini@000000000000/);
  });

  test('SHA256SUMS lists every file in sha256sum\'s format; check names a file edited or cut short since the build', async () => {
    const sums = readFileSync(join(result.dir, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => /^([0-9a-f]{64}) {2}(\S+)$/.exec(l)!);
    const listed = sums.map((m) => m[2]);
    expect(listed).toEqual(expect.arrayContaining(['manifest.json', 'items.json', 'index.bin', 'LICENSE.md', 'thumbs/go-home.webp']));
    expect(listed.length).toBe(readdirSync(result.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length - 1);
    for (const m of sums) expect(createHash('sha256').update(readFileSync(join(result.dir, m[2]!))).digest('hex')).toBe(m[1]);

    const copy = join(root, 'tampered', 'icons');
    cpSync(result.dir, copy, { recursive: true });
    // Both still parse: only their content says they changed.
    writeFileSync(join(copy, 'items.json'), readFileSync(join(copy, 'items.json'), 'utf8').replace('"face monkey"', '"face monk"'));
    const thumb = readFileSync(join(copy, 'thumbs', 'go-home.webp'));
    writeFileSync(join(copy, 'thumbs', 'go-home.webp'), thumb.subarray(0, thumb.length >> 1));
    writeFileSync(join(copy, 'notes.txt'), 'added on the host\n');
    const bad = await checkCatalog(copy, { modelsDir: 'public/models' });
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^items\.json: changed since the build/), expect.stringMatching(/^thumbs\/go-home\.webp: changed since the build/),
    ]));
    expect(bad.notes.join('\n')).toMatch(/1 file\(s\) the build did not write \(first: notes\.txt\)/);
  });

  test('a catalog from another model is not overwritten', async () => {
    const out = join(root, 'other-model');
    cpSync(result.dir, join(out, 'icons'), { recursive: true });
    const mf = JSON.parse(readFileSync(join(out, 'icons', 'manifest.json'), 'utf8'));
    mf.index.modelId = 'big-clip@123456789abc';
    writeFileSync(join(out, 'icons', 'manifest.json'), JSON.stringify(mf));
    const run = buildCatalog({ ...common(root), out, input: join(root, 'input'), id: 'icons' });
    await expect(run).rejects.toThrow(BuildError);
    await expect(run).rejects.toThrow(/big-clip@123456789abc.*clip-mini@/);
    expect(JSON.parse(readFileSync(join(out, 'icons', 'manifest.json'), 'utf8')).index.modelId).toBe('big-clip@123456789abc');
  });
});

describe.skipIf(!HAVE_ICONS)('an interrupted build', () => {
  test('leaves no catalog, and the rerun resumes from the work cache', async () => {
    const root = tempDir('resume');
    const input = copyIcons(join(root, 'input'));
    const opts = { ...common(root), input, id: 'icons' };
    await expect(buildCatalog({ ...opts, failAfterItems: 16 })).rejects.toThrow(/interrupted after 16 items/);
    expect(existsSync(join(root, 'catalogs', 'icons'))).toBe(false);
    expect(existsSync(join(root, 'catalogs', 'index.json'))).toBe(false);
    expect(existsSync(join(root, 'catalogs')) ? readdirSync(join(root, 'catalogs')) : []).toEqual([]); // no temporary folder either

    const rerun = await buildCatalog(opts);
    expect(rerun.written).toBe(true);
    expect(rerun.itemCount).toBe(ICONS.length);
    expect(rerun.cacheHits).toBe(16); // the first batch was kept
    expect(rerun.cacheMisses).toBe(ICONS.length - 16);

    const again = await buildCatalog(opts);
    expect(again.cacheHits).toBe(ICONS.length);
    expect(again.cacheMisses).toBe(0);
  }, TIMEOUT_MS);

  test('what a build killed while writing left is cleared: its temporary folder goes, a catalog moved aside comes back', async () => {
    const root = tempDir('leftovers');
    const input = copyIcons(join(root, 'input'), ICONS.slice(0, 4));
    const out = join(root, 'catalogs');
    const first = await buildCatalog({ ...common(root), input, id: 'icons' });
    // A build stopped between the two renames of the swap (pid 0x7fffffff: no such process) left the
    // old catalog aside and no catalog in place, and its temporary folder half written.
    const dead = 0x7fffffff;
    renameSync(first.dir, join(out, `icons.old-${dead}`));
    mkdirSync(join(out, `.icons.building-${dead}`, 'thumbs'), { recursive: true });
    const notes: string[] = [];
    await expect(buildCatalog({ ...common(root), input, id: 'icons', failAfterItems: 1, logProblem: (l) => notes.push(l) })).rejects.toThrow(/interrupted/);
    // The failed build changed nothing, and the previous catalog is back where the app looks for it.
    expect(readdirSync(out).sort()).toEqual(['icons', 'index.json']);
    expect((await checkCatalog(first.dir, { modelsDir: 'public/models' })).problems).toEqual([]);
    expect(notes.join('\n')).toMatch(/put back .*icons from icons\.old-2147483647/);
    expect(notes.join('\n')).toMatch(/removed .*\.icons\.building-2147483647, left by a build that was stopped/);

    // With the catalog in place, a leftover copy aside is simply removed.
    mkdirSync(join(out, `icons.old-${dead}`));
    const rerun = await buildCatalog({ ...common(root), input, id: 'icons' });
    expect(rerun.written).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['icons', 'index.json']);
  }, TIMEOUT_MS);
});
