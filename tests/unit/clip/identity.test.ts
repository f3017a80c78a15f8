// The shipped model, its identity and the shipped index agree: a retrained model without a rebuilt
// index (or a stale identity.json) fails here, not silently in the browser.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCatalogManifest } from '../../../src/core/catalog.ts';
import { VectorIndex } from '../../../src/core/index/vector-index.ts';
import { modelIdOf } from '../../../tools/model-id.ts';

describe('clip-mini identity', () => {
  test('identity.json is the hash of the shipped model files, and the stickers index was built with it', async () => {
    const id = await modelIdOf('public/models', 'clip-mini');
    expect(JSON.parse(readFileSync('public/models/clip-mini/identity.json', 'utf8')).modelId).toBe(id);
    const manifest = parseCatalogManifest(JSON.parse(readFileSync('public/models/catalogs/stickers/manifest.json', 'utf8')));
    expect(manifest.index?.modelId).toBe(id);
    const index = VectorIndex.fromBytes(readFileSync(`public/models/catalogs/stickers/${manifest.index!.file}`), { expectedModelId: id, expectedDim: 256 });
    expect(index.count).toBe(manifest.itemCount);
    expect(index.quantisation).toBe('i8');
  });
});
