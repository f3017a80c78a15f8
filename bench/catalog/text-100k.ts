// Scale figure for the catalog builder (issue 16): builds a 100,000-item text-only catalog with
// `buildCatalog` (the same code as `npm run catalog -- build`), then times the app's own feed path on
// it in Node: src/workers/retrieval/rank.ts (CLIP index search for the intent's phrases + deliver()
// from src/core/delivery.ts over lexical, CLIP and popularity sources) for a feed of 24.
//
//   npx tsx bench/catalog/text-100k.ts [--items 100000] [--queries 60] [--out DIR] [--reuse]
//
// --out keeps the input, work cache and catalog in DIR; --reuse then skips both builds and only
// measures the feed on the catalog already there. The index is searched with the app's kernel
// (createSearchKernel: WebAssembly SIMD in Node as in the browser's retrieval worker).
//
// Items are synthetic but made of real words: each title joins 2-3 English tags of different shipped
// stickers (emojibase / CLDR annotations in public/models/catalogs/stickers/items.json) drawn with a
// seeded generator, e.g. "rocket, sushi, grinning"; its tags are those words plus the stickers'
// categories. Queries are other sticker tags. Build and the query set are deterministic.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCatalogItems, parseCatalogManifest } from '../../src/core/catalog.ts';
import { createSearchKernel } from '../../src/core/index/kernel.ts';
import { VectorIndex } from '../../src/core/index/vector-index.ts';
import { emptyIntent, mergeIntent } from '../../src/core/intent.ts';
import { buildLexicalIndex } from '../../src/core/lexical.ts';
import { rng } from '../../src/core/random.ts';
import type { LoadedCatalog } from '../../src/workers/retrieval/catalogs.ts';
import { rankFeed } from '../../src/workers/retrieval/rank.ts';
import { cliFlags } from '../../tools/cli.ts';
import { buildCatalog } from '../../tools/catalog/build.ts';
import { createClipEncoder } from '../../tools/catalog/encoder.ts';

const args = cliFlags();
const N = Number(args.get('items') ?? 100_000);
const QUERIES = Number(args.get('queries') ?? 60);
const FEED_K = 24;
const WARMUP = 5;

const stickers = JSON.parse(await readFile('public/models/catalogs/stickers/items.json', 'utf8')) as { title: string; category: string; tags: { en?: string[] } }[];
const words = stickers.flatMap((s) => (s.tags.en ?? []).filter((t) => /^[a-z][a-z ]{2,20}$/.test(t)).map((t) => ({ word: t, category: s.category })));
const vocabulary = [...new Map(words.map((w) => [w.word, w])).values()];

const root = args.get('out') ?? (await mkdtemp(join(tmpdir(), 'catalog-100k-')));
const input = join(root, 'items.jsonl');
const rand = rng(20261130);
const pick = () => vocabulary[Math.floor(rand() * vocabulary.length)]!;
const lines: string[] = [];
for (let i = 0; i < N; i++) {
  const parts = Array.from({ length: 2 + (rand() < 0.5 ? 1 : 0) }, pick);
  lines.push(JSON.stringify({
    id: `t${i}`, title: parts.map((p) => p.word).join(', '), tags: [...new Set(parts.flatMap((p) => [p.word, p.category]))],
    category: parts[0]!.category, popularity: Number(rand().toFixed(3)), licence: 'CC0 (synthetic benchmark items)',
  }));
}
await writeFile(input, `${lines.join('\n')}\n`);
console.log(`${N} synthetic items from ${vocabulary.length} sticker tags -> ${input}`);

const rssBefore = process.memoryUsage().rss;
const reuse = args.has('reuse') && args.has('out');
const buildOpts = { input, id: 'text-100k', out: join(root, 'catalogs'), workDir: join(root, 'work'), modelsDir: 'public/models' };
const build = reuse ? null : await buildCatalog(buildOpts);
const rebuild = reuse ? null : await buildCatalog({ ...buildOpts, quiet: true, log: () => undefined });

// The feed, as the retrieval worker computes it once a catalog is loaded.
const dir = join(root, 'catalogs', 'text-100k');
const tLoad = performance.now();
const manifest = parseCatalogManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
const items = parseCatalogItems(JSON.parse(await readFile(join(dir, 'items.json'), 'utf8')), manifest);
const kernel = await createSearchKernel();
const index = VectorIndex.fromBytes(await readFile(join(dir, 'index.bin')), { expectedModelId: manifest.index!.modelId, kernel });
const rowOfId = new Map(items.map((it, i) => [it.id, i]));
const lexical = buildLexicalIndex(items, manifest);
const cat: LoadedCatalog = {
  manifest, baseUrl: new URL('https://example.org/models/catalogs/text-100k/'), items, byId: new Map(items.map((it) => [it.id, it])), rowOfId,
  lexical, index, itemOfRow: Int32Array.from(index.ids, (id) => rowOfId.get(id) ?? -1), indexError: null,
};
const loadMs = performance.now() - tLoad;

const qrand = rng(7);
const queries = Array.from({ length: QUERIES }, () => vocabulary[Math.floor(qrand() * vocabulary.length)]!.word);
const encoder = await createClipEncoder('public/models', 'clip-mini');
const vectors = await encoder.embedTexts(queries);
const times: number[] = [];
const searchTimes: number[] = [];
let hitsWithWord = 0;
for (let i = -WARMUP; i < QUERIES; i++) {
  const q = queries[(i + QUERIES) % QUERIES]!;
  const r = mergeIntent(emptyIntent('u', 0), { keyPhrases: [{ text: q, weight: 1 }], likes: [], dislikes: [], task: 'more_like', language: 'en', safety: { verdict: 'safe', categories: [] } }, 't', 1);
  if (!r.accepted) throw new Error(r.reason);
  const v = vectors[(i + QUERIES) % QUERIES]!;
  const ts = performance.now();
  index.searchEach([v], FEED_K * 4);
  const searchMs = performance.now() - ts;
  const t0 = performance.now();
  const { cards } = rankFeed({ cat, intent: r.intent, k: FEED_K, queries: [{ text: q, weight: 1, vector: vectors[(i + QUERIES) % QUERIES]! }], exclude: new Set() });
  const ms = performance.now() - t0;
  if (i < 0) continue;
  times.push(ms);
  searchTimes.push(searchMs);
  if (cards.length === FEED_K && cards[0]!.title.includes(q)) hitsWithWord++;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const rows: [string, string][] = [
  ['items', String(items.length)],
  ...(build && rebuild ? [
    ['build (cold cache)', `${build.seconds.toFixed(1)} s (${build.cacheMisses} embedded, ${build.unsafe.length} flagged unsafe)`],
    ['rebuild (warm cache)', `${rebuild.seconds.toFixed(1)} s (${rebuild.cacheHits} from cache)`],
    ['catalog folder', `${(build.sizeBytes / 2 ** 20).toFixed(1)} MiB`],
  ] as [string, string][] : []),
  ['index.bin', `${(manifest.index!.sizeBytes / 2 ** 20).toFixed(1)} MiB, ${index.quantisation}, kernel ${index.kernelKind}`],
  ['items.json', `${((await readFile(join(dir, 'items.json'))).length / 2 ** 20).toFixed(1)} MiB`],
  ['load + lexical index (Node)', `${loadMs.toFixed(0)} ms`],
  [`feed of ${FEED_K} (rankFeed), p50 / p95`, `${pct(times, 0.5).toFixed(1)} / ${pct(times, 0.95).toFixed(1)} ms`],
  [`  of which index search (k ${FEED_K * 4}), p50 / p95`, `${pct(searchTimes, 0.5).toFixed(1)} / ${pct(searchTimes, 0.95).toFixed(1)} ms`],
  ['top card has the query word', `${hitsWithWord}/${QUERIES}`],
  ['process RSS growth', `${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(0)} MiB`],
];
console.log(`\n| figure | value |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}`);
if (!args.has('out')) await rm(root, { recursive: true, force: true });
