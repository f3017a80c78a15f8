// A text-only catalog as the builder writes it from a site owner's CSV with no category column (every
// item "general"), ranked by the app's own feed code (src/workers/retrieval/rank.ts, words only: no
// query vector). The items the words match come first; the rest of the feed does not claim to be
// "because you asked for" the phrase, as it did when the one category every item shares was read as
// the topic (seen in Chromium: "Folding umbrella: because of thirsty → drink").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildLexicalIndex } from '../../../src/core/lexical.ts';
import { VectorIndex } from '../../../src/core/index/vector-index.ts';
import type { LoadedCatalog } from '../../../src/workers/retrieval/catalogs.ts';
import { rankFeed } from '../../../src/workers/retrieval/rank.ts';
import { buildCatalog } from '../../../tools/catalog/build.ts';
import { common, intentOf, loadBuilt, removeTempDirs, tempDir } from './fixtures.ts';

const CSV = `id,title,tags,description
teapot,Enamel teapot,kitchen;tea,A red enamel teapot for loose leaf tea.
kettle,Electric kettle,kitchen;tea,Boils water for tea or coffee in two minutes.
umbrella,Folding umbrella,rain;travel,A compact umbrella that keeps you dry.
shoes,Running shoes,sport;shoes,Cushioned trainers for road running.
lamp,Desk lamp,office;home,An adjustable lamp for reading and work.
pen,Fountain pen,office;stationery,A steel-nib pen for letters.
`;


afterAll(removeTempDirs);
describe('a text catalog with no categories, in the app\'s feed', () => {
  test('word matches first; the rest is not said to be on the topic', async () => {
    const root = tempDir('text-feed');
    const input = join(root, 'products.csv');
    writeFileSync(input, CSV);
    const r = await buildCatalog({ ...common(root), input, id: 'products' });
    const { manifest, items } = loadBuilt(r.dir);
    expect(new Set(items.map((i) => i.category))).toEqual(new Set(['general']));
    const index = VectorIndex.fromBytes(readFileSync(join(r.dir, 'index.bin')), { expectedModelId: manifest.index!.modelId });
    const rowOfId = new Map(items.map((it, i) => [it.id, i]));
    const cat: LoadedCatalog = {
      manifest, baseUrl: new URL('https://example.org/shop/models/catalogs/products/'), items, byId: new Map(items.map((it) => [it.id, it])),
      rowOfId, lexical: buildLexicalIndex(items, manifest), index, itemOfRow: Int32Array.from(index.ids, (id) => rowOfId.get(id) ?? -1), indexError: null,
    };
    const cards = rankFeed({ cat, intent: intentOf('teapot'), k: 6, queries: [], exclude: new Set() }).cards;
    expect(cards[0]).toMatchObject({ id: 'teapot', why: "because you said 'teapot'" });
    for (const c of cards.slice(1)) expect(c.why).not.toMatch(/teapot/);
  }, 30_000);
});
