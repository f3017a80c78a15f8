// The retrieval worker's choice of the CLIP source's "no match" floor (src/workers/retrieval/
// picture-space.ts): the catalog manifest's own floor when it was measured for the index's model; a
// floor measured for another model is not applied, and the status says so once; a stickers manifest
// without one falls back to the model's calibration file, as before the floor moved into manifests.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type CatalogManifest, parseCatalogManifest } from '../../../src/core/catalog.ts';
import { VectorIndex } from '../../../src/core/index/vector-index.ts';
import { buildLexicalIndex } from '../../../src/core/lexical.ts';
import type { LoadedCatalog } from '../../../src/workers/retrieval/catalogs.ts';
import { clipFloor, manifestFloor } from '../../../src/workers/retrieval/picture-space.ts';
import { loadStickers } from '../core/stickers.ts';

const MODELS = 'https://example.org/models/';
const stickers = loadStickers();
const index = VectorIndex.fromBytes(readFileSync(`public/models/catalogs/stickers/${stickers.manifest.index!.file}`));
const calibration = JSON.parse(readFileSync('public/models/clip-mini/calibration.json', 'utf8')) as { modelId: string; noMatchFloor: number };

/** The stickers as the worker holds them, with the manifest's floor replaced (undefined: none). */
function catalog(floor: NonNullable<CatalogManifest['index']>['noMatchFloor'] | undefined, kind: CatalogManifest['kind'] = 'stickers'): LoadedCatalog {
  const { noMatchFloor: _, ...info } = stickers.manifest.index!;
  const manifest = parseCatalogManifest({ ...stickers.manifest, kind, index: { ...info, ...(floor ? { noMatchFloor: floor } : {}) } });
  const rowOfId = new Map(stickers.items.map((it, i) => [it.id, i]));
  return {
    manifest, baseUrl: new URL(`${MODELS}catalogs/stickers/`), items: stickers.items, byId: new Map(stickers.items.map((it) => [it.id, it])),
    rowOfId, lexical: buildLexicalIndex(stickers.items, manifest), index, itemOfRow: Int32Array.from(index.ids, (id) => rowOfId.get(id) ?? -1), indexError: null,
  };
}
const own = (cosine: number, modelId = index.modelId) => ({ cosine, modelId, method: 'test' });

afterEach(() => vi.unstubAllGlobals());
describe('the retrieval worker\'s no-match floor', () => {
  test('the shipped stickers manifest carries the calibrated floor, for its index\'s model', async () => {
    const floor = stickers.manifest.index!.noMatchFloor!;
    expect(floor.modelId).toBe(stickers.manifest.index!.modelId);
    expect(floor.cosine).toBe(calibration.noMatchFloor);
    expect(floor.separation!.realQueries).toBeGreaterThan(1000);
    const fetched = vi.fn(async () => new Response('{}', { status: 404 }));
    vi.stubGlobal('fetch', fetched);
    expect(await clipFloor(catalog(floor), MODELS)).toBe(0.7713);
    expect(fetched).not.toHaveBeenCalled();
  });

  test('any catalog applies its manifest\'s own floor', async () => {
    expect(manifestFloor(catalog(own(0.92), 'products').manifest)).toEqual({ floor: 0.92 });
    expect(await clipFloor(catalog(own(0.92), 'products'), MODELS)).toBe(0.92);
    expect(await clipFloor(catalog(own(0.61), 'videos'), MODELS)).toBe(0.61);
    // No floor measured and not stickers: none, as before.
    expect(manifestFloor(catalog(undefined, 'products').manifest)).toBeNull();
    expect(await clipFloor(catalog(undefined, 'products'), MODELS)).toBeUndefined();
  });

  test('a floor measured for another model is not applied, and the status says so once per catalog', async () => {
    const cat = catalog(own(0.92, 'clip-mini@000000000000'), 'products');
    const told: string[] = [];
    expect(await clipFloor(cat, MODELS, (d) => told.push(d))).toBeUndefined();
    expect(await clipFloor(cat, MODELS, (d) => told.push(d))).toBeUndefined();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/measured for clip-mini@000000000000, but its index is clip-mini@[0-9a-f]{12}, so the floor is not applied/);
  });

  test('a stickers manifest without a floor, or with another model\'s, falls back to the model\'s calibration file', async () => {
    const fetched = vi.fn(async (url: URL) => {
      expect(url.href).toBe(`${MODELS}clip-mini/calibration.json`);
      return new Response(JSON.stringify(calibration));
    });
    vi.stubGlobal('fetch', fetched);
    expect(await clipFloor(catalog(undefined), MODELS)).toBe(calibration.noMatchFloor);
    expect(await clipFloor(catalog(own(0.5, 'clip-mini@000000000000')), MODELS, () => undefined)).toBe(calibration.noMatchFloor);
    expect(fetched).toHaveBeenCalledTimes(1); // once per model
  });
});
