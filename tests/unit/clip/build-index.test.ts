// The index builder on a small catalog with a missing and a corrupt image: both are named, the rest is
// indexed, the manifest records the index. Runs the real CLI (transformers.js in Node, clip-mini).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseCatalogManifest } from '../../../src/core/catalog.ts';
import { VectorIndex } from '../../../src/core/index/vector-index.ts';

const dir = mkdtempSync(join(tmpdir(), 'build-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tools/build-index', () => {
  test('names unreadable items, keeps the others, writes index + manifest entry', () => {
    cpSync('public/models/clip-mini', join(dir, 'clip-mini'), { recursive: true });
    const cat = join(dir, 'catalogs', 'tiny');
    mkdirSync(join(cat, 'images'), { recursive: true });
    const src = JSON.parse(readFileSync('public/models/catalogs/stickers/items.json', 'utf8')) as { id: string; image: string }[];
    const items = src.filter((it) => ['1F355', '1F431', '1F600'].includes(it.id));
    copyFileSync(`public/models/catalogs/stickers/${items[0]!.image}`, join(cat, items[0]!.image));
    writeFileSync(join(cat, items[1]!.image), 'not a png');
    // items[2]'s image is missing.
    writeFileSync(join(cat, 'items.json'), JSON.stringify(items));
    const m = JSON.parse(readFileSync('public/models/catalogs/stickers/manifest.json', 'utf8'));
    delete m.index;
    writeFileSync(join(cat, 'manifest.json'), JSON.stringify({ ...m, id: 'tiny', itemCount: 3 }));
    const r = spawnSync('npx', ['tsx', 'tools/build-index.ts', '--catalog', 'tiny', '--models', dir], { encoding: 'utf8' });
    const stderr = r.stderr;
    expect(r.status, stderr).toBe(0);
    expect(stderr).toContain(`item ${items[1]!.id}`);
    expect(stderr).toContain(`item ${items[2]!.id}`);
    const manifest = parseCatalogManifest(JSON.parse(readFileSync(join(cat, 'manifest.json'), 'utf8')));
    expect(manifest.index).toMatchObject({ file: 'index.bin', dim: 256, source: 'image' });
    const index = VectorIndex.fromBytes(readFileSync(join(cat, 'index.bin')), { expectedModelId: manifest.index!.modelId });
    expect(index.ids).toEqual([items[0]!.id]);
  }, 120_000);
});
