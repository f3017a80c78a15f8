// The catalog's own "no match" floor (tools/catalog/no-match-floor.ts): the builder measures it on the
// index it wrote and ships it in the manifest, and through the app's rank path (the retrieval worker's
// clipFloor and rankFeed) a phrase the catalog's words do not know no longer fills a text catalog's
// feed with its nearest items explained as "looks like", while a word of the catalog still finds its
// item; `catalog check` names a floor measured for another model. The products are the text-only
// catalog of tests/e2e/embed-text.test.ts.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clipSource } from '../../../src/core/fusion/sources/clip.ts';
import type { LoadedCatalog } from '../../../src/workers/retrieval/catalogs.ts';
import { clipFloor } from '../../../src/workers/retrieval/picture-space.ts';
import { rankFeed } from '../../../src/workers/retrieval/rank.ts';
import { buildCatalog, type BuildResult } from '../../../tools/catalog/build.ts';
import { checkCatalog } from '../../../tools/catalog/check.ts';
import { type ClipEncoder, createClipEncoder } from '../../../tools/catalog/encoder.ts';
import { BELOW_NOISE_FOUND, NO_MATCH_QUANTILE } from '../../../tools/catalog/no-match-floor.ts';
import { common, intentOf, loadBuilt, loadedCatalog, removeTempDirs, tempDir } from './fixtures.ts';
import { TEXT_PRODUCTS } from '../../fixtures/text-products.ts';

const PRODUCTS = TEXT_PRODUCTS;
const TIMEOUT_MS = 60_000;
/** Where the calibration file would be: never fetched for a catalog whose manifest has a floor. */
const NO_MODELS = 'https://models.invalid/';


afterAll(removeTempDirs);
describe('a text catalog\'s own no-match floor', () => {
  let root: string;
  let input: string;
  let built: BuildResult;
  let cat: LoadedCatalog;
  let encoder: ClipEncoder;

  beforeAll(async () => {
    root = tempDir('no-match');
    input = join(root, 'products.jsonl');
    writeFileSync(input, PRODUCTS.map(([id, title, tags, description]) => JSON.stringify({ id, title, tags, description, licence: 'CC0' })).join('\n'));
    built = await buildCatalog({ ...common(root), input, id: 'products' });
    cat = loadedCatalog(built.dir);
    encoder = await createClipEncoder('public/models', 'clip-mini');
  }, TIMEOUT_MS);

  test('the builder writes the floor, for the index\'s model, at the 95th percentile of its no-match queries', async () => {
    const floor = loadBuilt(built.dir).manifest.index!.noMatchFloor!;
    expect(floor.modelId).toBe(cat.manifest.index!.modelId);
    expect(floor.cosine).toBeGreaterThan(-1);
    expect(floor.cosine).toBeLessThan(1);
    expect(floor.method).toMatch(/95th percentile .* random letters, .* random Hangul, .* words the catalog lacks/);
    const noMatch = built.noMatch!.scores.filter((s) => s.kind !== 'real').map((s) => s.best);
    expect(noMatch).toHaveLength(floor.separation!.noMatchQueries);
    expect(noMatch.length).toBeGreaterThan(300);
    expect(noMatch.filter((x) => x < floor.cosine).length / noMatch.length).toBeGreaterThanOrEqual(NO_MATCH_QUANTILE);
    expect(floor.separation!.realQueries).toBe(PRODUCTS.length);
    // The summary says what the floor costs and whether the text tower rises above noise.
    expect(built.noMatch!.belowNoise).toBe(floor.separation!.realFound < BELOW_NOISE_FOUND);
    expect(built.summary).toMatch(/no-match floor +\d\.\d+ \(95th percentile/);
    expect(built.summary).toMatch(built.noMatch!.belowNoise ? /text tower +below noise on this catalog/ : /text tower +above noise/);
    // Seeded: a rebuild (items from the work cache) measures the same floor.
    const again = await buildCatalog({ ...common(root), input, id: 'products' });
    expect(again.noMatch!.floor).toEqual(floor);
  }, TIMEOUT_MS);

  test('through the app\'s rank path a phrase no word knows claims nothing; a catalog word still finds its item', async () => {
    const floor = await clipFloor(cat, NO_MODELS);
    expect(floor).toBe(cat.manifest.index!.noMatchFloor!.cosine);
    const feed = async (phrase: string, withFloor: boolean) => {
      const [vector] = await encoder.embedTexts([phrase]);
      return rankFeed({
        cat, intent: intentOf(phrase), k: 6, queries: [{ text: phrase, weight: 1, vector: vector! }], exclude: new Set(),
        ...(withFloor ? { clipFloor: floor! } : {}),
      }).cards;
    };
    for (const phrase of ['zyxwv', 'feet']) {
      // Without a floor (every text catalog before): the nearest descriptions "look like" the phrase.
      expect((await feed(phrase, false)).some((c) => c.source === clipSource.id && /looks like|nearest picture/.test(c.why)), phrase).toBe(true);
      const floored = await feed(phrase, true);
      expect(floored.filter((c) => c.source === clipSource.id), phrase).toEqual([]);
      expect(floored.filter((c) => /looks like|picture/.test(c.why) || c.why.includes(phrase)), phrase).toEqual([]);
    }
    const teapot = await feed('teapot', true);
    expect(teapot[0]).toMatchObject({ id: 'teapot', why: "because you said 'teapot'" });
  }, TIMEOUT_MS);

  test('check names a floor measured for another model than the index\'s', async () => {
    const copy = join(root, 'other-floor', 'products');
    cpSync(built.dir, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    manifest.index.noMatchFloor.modelId = 'clip-mini@000000000000';
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    const r = await checkCatalog(copy, { modelsDir: 'public/models' });
    expect(r.problems.join('\n')).toMatch(/"no match" floor was measured for "clip-mini@000000000000", the index was built by "clip-mini@[0-9a-f]{12}"/);
    expect((await checkCatalog(built.dir, { modelsDir: 'public/models' })).ok).toBe(true);
  });
});
