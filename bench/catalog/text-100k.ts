// Scale figure for the catalog builder (issue 16): builds a 100,000-item text-only catalog with
// `buildCatalog` (the same code as `npm run catalog -- build`), then times the app's own feed path on
// it in Node: src/workers/retrieval/rank.ts (CLIP index search for the intent's phrases + deliver()
// from src/core/delivery.ts over lexical, CLIP and popularity sources) for a feed of 24.
//
//   node --expose-gc --import tsx bench/catalog/text-100k.ts [--items 100000] [--queries 200] [--out DIR] [--reuse]
//        [--baseline REV] [--loads 3] [--shipped-queries 100]
//
// --out keeps the input, work cache and catalog in DIR; --reuse then skips both builds and only
// measures the load and the feed on the catalog already there. The index is searched with the app's
// kernel (createSearchKernel: WebAssembly SIMD in Node as in the browser's retrieval worker).
//
// Old and new in one process (the machine is shared, so timings drift): the old side is this tree
// with the files of the catalog-at-scale change as at --baseline (bench/catalog/baseline.ts); loads
// and feeds alternate between the sides, medians over repeats. Both sides' feeds, lexical hits and
// parsed items are compared on the 100k catalog and the shipped catalogs ("same results: N/N").
// --expose-gc lets it report the heap each side's lexical index holds.
//
// Items are synthetic but made of real words: each title joins 2-3 English tags of different shipped
// stickers (emojibase / CLDR annotations in public/models/catalogs/stickers/items.json) drawn with a
// seeded generator, e.g. "rocket, sushi, grinning"; its tags are those words plus the stickers'
// categories. Queries are other sticker tags. Build and the query set are deterministic.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as catalogNow from '../../src/core/catalog.ts';
import * as deliveryNow from '../../src/core/delivery.ts';
import { DEFAULT_SOURCES } from '../../src/core/fusion/registry.ts';
import type { RetrievalSource } from '../../src/core/fusion/retrieval-source.ts';
import { createSearchKernel } from '../../src/core/index/kernel.ts';
import { VectorIndex } from '../../src/core/index/vector-index.ts';
import * as lexicalNow from '../../src/core/lexical.ts';
import { rng } from '../../src/core/random.ts';
import type { LoadedCatalog } from '../../src/workers/retrieval/catalogs.ts';
import * as rankNow from '../../src/workers/retrieval/rank.ts';
import { DEFAULT_BASELINE, importFrom, materialiseBaseline } from './baseline.ts';
import { compareShipped, count, intentOf, sameFeed, type Side, tally } from './same-results.ts';
import { cliFlags } from '../../tools/cli.ts';
import { buildCatalog } from '../../tools/catalog/build.ts';
import { createClipEncoder } from '../../tools/catalog/encoder.ts';

const args = cliFlags();
const N = Number(args.get('items') ?? 100_000);
const QUERIES = Number(args.get('queries') ?? 200);
const LOADS = Number(args.get('loads') ?? 3);
const SHIPPED_QUERIES = Number(args.get('shipped-queries') ?? 100);
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

const loadAtStart = loadavg();
const reuse = args.has('reuse') && args.has('out');
const buildOpts = { input, id: 'text-100k', out: join(root, 'catalogs'), workDir: join(root, 'work'), modelsDir: 'public/models' };
const build = reuse ? null : await buildCatalog(buildOpts);
const rebuild = reuse ? null : await buildCatalog({ ...buildOpts, quiet: true, log: () => undefined });

// The two sides: this tree, and this tree with the change's files as at the baseline.
const baseline = args.get('baseline') ?? DEFAULT_BASELINE;
const oldRoot = materialiseBaseline(baseline);
type Registry = typeof import('../../src/core/fusion/registry.ts');
const registryNow: Registry = await import('../../src/core/fusion/registry.ts');
const now: Side & { rank: typeof rankNow; registry: Registry } = { catalog: catalogNow, lexical: lexicalNow, delivery: deliveryNow, rank: rankNow, registry: registryNow };
const old: typeof now = {
  catalog: await importFrom(oldRoot, 'src/core/catalog.ts'), lexical: await importFrom(oldRoot, 'src/core/lexical.ts'),
  delivery: await importFrom(oldRoot, 'src/core/delivery.ts'), rank: await importFrom(oldRoot, 'src/workers/retrieval/rank.ts'),
  registry: await importFrom(oldRoot, 'src/core/fusion/registry.ts'),
};
/** The feed without the topic source, to see the rest of the rank apart from it (each side's own rows). */
const withoutTopic = (side: typeof now) => side.registry.DEFAULT_SOURCES.filter((s) => s.id !== 'topic') as unknown as RetrievalSource[];
const gc = (globalThis as { gc?: () => void }).gc;
/** JS heap plus typed arrays' buffers (outside the heap). */
const heapNow = () => (gc?.(), process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);

// Loading, as the retrieval worker does once per catalog: parse, validate, lexical index, id maps.
const dir = join(root, 'catalogs', 'text-100k');
const manifestJson = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
const itemsText = await readFile(join(dir, 'items.json'), 'utf8');
interface Loaded { cat: LoadedCatalog; ms: { parse: number; validate: number; lexical: number; total: number }; lexicalHeap: number }
const kernel = await createSearchKernel();
const index = VectorIndex.fromBytes(await readFile(join(dir, 'index.bin')), { expectedModelId: manifestJson.index.modelId, kernel });
function load(side: typeof now): Loaded {
  const t0 = performance.now();
  const manifest = side.catalog.parseCatalogManifest(manifestJson);
  const raw = JSON.parse(itemsText) as unknown;
  const t1 = performance.now();
  const items = side.catalog.parseCatalogItems(raw, manifest);
  const t2 = performance.now();
  const heap0 = gc ? heapNow() : 0;
  const t3 = performance.now();
  const lexical = side.lexical.buildLexicalIndex(items, manifest);
  const t4 = performance.now();
  const lexicalHeap = gc ? heapNow() - heap0 : NaN;
  const t5 = performance.now();
  const rowOfId = new Map(items.map((it, i) => [it.id, i]));
  const cat: LoadedCatalog = {
    manifest, baseUrl: new URL('https://example.org/models/catalogs/text-100k/'), items, byId: new Map(items.map((it) => [it.id, it])), rowOfId,
    lexical, index, itemOfRow: Int32Array.from(index.ids, (id) => rowOfId.get(id) ?? -1), indexError: null,
  };
  const t6 = performance.now();
  return { cat, lexicalHeap, ms: { parse: t1 - t0, validate: t2 - t1, lexical: t4 - t3, total: t2 - t0 + (t4 - t3) + (t6 - t5) } };
}
const loads = { old: [] as Loaded['ms'][], now: [] as Loaded['ms'][] };
const heaps = { old: NaN, now: NaN };
let oldCat: LoadedCatalog | null = null;
let newCat: LoadedCatalog | null = null;
for (let r = 0; r < LOADS; r++) {
  for (const which of r % 2 === 0 ? (['old', 'now'] as const) : (['now', 'old'] as const)) {
    if (which === 'old') oldCat = null;
    else newCat = null;
    const l = load(which === 'old' ? old : now);
    loads[which].push(l.ms);
    heaps[which] = l.lexicalHeap;
    if (which === 'old') oldCat = l.cat;
    else newCat = l.cat;
  }
}
const catOld = oldCat!;
const catNew = newCat!;

// Feeds: the same queries on both sides, alternating which goes first.
const qrand = rng(7);
const queries = Array.from({ length: QUERIES }, () => vocabulary[Math.floor(qrand() * vocabulary.length)]!.word);
const encoder = await createClipEncoder('public/models', 'clip-mini');
const vectors = await encoder.embedTexts(queries);
const times = { old: [] as number[], now: [] as number[] };
const timesNoTopic = { old: [] as number[], now: [] as number[] };
const lexicalTimes = { old: [] as number[], now: [] as number[] };
const searchTimes: number[] = [];
const feeds100k = tally();
let hitsWithWord = 0;
for (let i = -WARMUP; i < QUERIES; i++) {
  const qi = (i + QUERIES) % QUERIES;
  const q = queries[qi]!;
  const intent = intentOf([q]);
  const v = vectors[qi]!;
  const ts = performance.now();
  index.searchEach([v], FEED_K * 4);
  const searchMs = performance.now() - ts;
  const cards: Record<'old' | 'now', { id: string; score: number; source: string; why: string; title: string }[]> = { old: [], now: [] };
  for (const which of i % 2 === 0 ? (['old', 'now'] as const) : (['now', 'old'] as const)) {
    const side = which === 'old' ? old : now;
    const t0 = performance.now();
    cards[which] = side.rank.rankFeed({ cat: which === 'old' ? catOld : catNew, intent, k: FEED_K, queries: [{ text: q, weight: 1, vector: v }], exclude: new Set() }).cards;
    if (i >= 0) times[which].push(performance.now() - t0);
  }
  // The same rank without the topic source, and the lexical scoring alone, side by side.
  const hits = index.searchEach([v], FEED_K * 4)[0]!.flatMap((h) => (catNew.itemOfRow![h.row]! >= 0 ? [{ item: catNew.itemOfRow![h.row]!, score: h.score, because: [{ phrase: q }] }] : []));
  for (const which of i % 2 === 0 ? (['old', 'now'] as const) : (['now', 'old'] as const)) {
    const side = which === 'old' ? old : now;
    const cat = which === 'old' ? catOld : catNew;
    const sources = withoutTopic(side);
    const t0 = performance.now();
    side.delivery.deliver({ items: cat.items, lexical: cat.lexical, intent, k: FEED_K, intentHits: hits, sources });
    const t1 = performance.now();
    side.lexical.scorePhrases(cat.lexical, [{ text: q, weight: 1 }]);
    const t2 = performance.now();
    if (i >= 0) {
      timesNoTopic[which].push(t1 - t0);
      lexicalTimes[which].push(t2 - t1);
    }
  }
  if (i < 0) continue;
  searchTimes.push(searchMs);
  count(feeds100k, sameFeed(cards.old, cards.now), () => `100k "${q}": ${cards.old.slice(0, 3).map((c) => c.id)} vs ${cards.now.slice(0, 3).map((c) => c.id)}`);
  if (cards.now.length === FEED_K && cards.now[0]!.title.includes(q)) hitsWithWord++;
}

// Where a feed's time goes now, per source (deliver() with the registry's rows, each timed).
const perSource = new Map<string, number>();
const timed = DEFAULT_SOURCES.map((s) => ({
  ...s,
  candidates: (ctx: Parameters<typeof s.candidates>[0]) => {
    const t0 = performance.now();
    const out = s.candidates(ctx);
    perSource.set(s.id, (perSource.get(s.id) ?? 0) + performance.now() - t0);
    return out;
  },
})) as unknown as RetrievalSource[];
let deliverMs = 0;
for (const q of queries) {
  const t0 = performance.now();
  now.delivery.deliver({ items: catNew.items, lexical: catNew.lexical, intent: intentOf([q]), k: FEED_K, sources: timed });
  deliverMs += performance.now() - t0;
}

// Same results on the shipped catalogs.
const feedsShipped = tally();
const hitsShipped = tally();
const itemsSame = tally();
count(itemsSame, JSON.stringify(catOld.items) === JSON.stringify(catNew.items), () => '100k: parsed items differ');
for (const q of queries.slice(0, 100)) {
  for (const fuzzy of [true, false]) {
    const phrases = [{ text: q, weight: 1 }];
    const a = old.lexical.scorePhrases(catOld.lexical, phrases, { fuzzy });
    const b = now.lexical.scorePhrases(catNew.lexical, phrases, { fuzzy });
    count(hitsShipped, a.size === b.size && [...a].every(([k, h]) => Math.abs(h.score - b.get(k)!.score) <= 1e-9 && JSON.stringify(h.because) === JSON.stringify(b.get(k)!.because)), () => `100k hits "${q}"`);
  }
}
await compareShipped(old, now, SHIPPED_QUERIES, feedsShipped, hitsShipped, itemsSame);
const loadAtEnd = loadavg();

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const med = (xs: number[]) => pct(xs, 0.5);
const loadMs = (side: 'old' | 'now', k: keyof Loaded['ms']) => `${med(loads[side].map((l) => l[k])).toFixed(0)} ms`;
const mib = (b: number) => (Number.isNaN(b) ? 'n/a (run with --expose-gc)' : `${(b / 2 ** 20).toFixed(0)} MiB`);
const rows: [string, string, string][] = [
  [`load: JSON.parse of items.json (median of ${LOADS})`, loadMs('old', 'parse'), loadMs('now', 'parse')],
  ['load: validate 100k items', loadMs('old', 'validate'), loadMs('now', 'validate')],
  ['load: lexical index', loadMs('old', 'lexical'), loadMs('now', 'lexical')],
  ['load: total (parse, validate, lexical index, id maps)', loadMs('old', 'total'), loadMs('now', 'total')],
  ['memory held by the lexical index (heap + typed arrays)', mib(heaps.old), mib(heaps.now)],
  [`feed of ${FEED_K} (rankFeed), p50`, `${med(times.old).toFixed(1)} ms`, `${med(times.now).toFixed(1)} ms`],
  [`feed of ${FEED_K} (rankFeed), p95`, `${pct(times.old, 0.95).toFixed(1)} ms`, `${pct(times.now, 0.95).toFixed(1)} ms`],
  [`deliver() without the topic source (CLIP hits in), p50 / p95`, `${med(timesNoTopic.old).toFixed(1)} / ${pct(timesNoTopic.old, 0.95).toFixed(1)} ms`, `${med(timesNoTopic.now).toFixed(1)} / ${pct(timesNoTopic.now, 0.95).toFixed(1)} ms`],
  [`lexical scoring of the query (scorePhrases), p50 / p95 / max`, `${med(lexicalTimes.old).toFixed(2)} / ${pct(lexicalTimes.old, 0.95).toFixed(2)} / ${Math.max(...lexicalTimes.old).toFixed(1)} ms`, `${med(lexicalTimes.now).toFixed(2)} / ${pct(lexicalTimes.now, 0.95).toFixed(2)} / ${Math.max(...lexicalTimes.now).toFixed(1)} ms`],
  [`index search (k ${FEED_K * 4}) p50 / p95, share of the feed p50`, '', `${med(searchTimes).toFixed(1)} / ${pct(searchTimes, 0.95).toFixed(1)} ms, old ${((100 * med(searchTimes)) / med(times.old)).toFixed(0)}% / new ${((100 * med(searchTimes)) / med(times.now)).toFixed(0)}%`],
];
if (build && rebuild) {
  console.log(`build (cold cache) ${build.seconds.toFixed(1)} s (${build.cacheMisses} embedded, ${build.unsafe.length} flagged unsafe); rebuild (warm cache) ${rebuild.seconds.toFixed(1)} s (${rebuild.cacheHits} from cache); catalog folder ${(build.sizeBytes / 2 ** 20).toFixed(1)} MiB`);
}
console.log(`index.bin ${(manifestJson.index.sizeBytes / 2 ** 20).toFixed(1)} MiB, ${index.quantisation}, kernel ${index.kernelKind}; items.json ${(Buffer.byteLength(itemsText) / 2 ** 20).toFixed(1)} MiB`);
console.log(`\nbaseline ${baseline} (${oldRoot}); load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} at the start, ${loadAtEnd.map((x) => x.toFixed(1)).join(' ')} at the end`);
console.log(`\n| figure | old | new |\n|---|---|---|\n${rows.map(([k, a, b]) => `| ${k} | ${a} | ${b} |`).join('\n')}`);
console.log(`\nsources: ${DEFAULT_SOURCES.map((s) => s.id).join(', ')}`);
console.log(`where deliver()'s time goes now (${queries.length} feeds, no CLIP hits): ${(deliverMs / queries.length).toFixed(1)} ms a feed; ${[...perSource].sort((a, b) => b[1] - a[1]).map(([id, ms]) => `${id} ${(ms / queries.length).toFixed(2)}`).join(', ')} ms; fusion and the rest ${((deliverMs - [...perSource.values()].reduce((a, b) => a + b, 0)) / queries.length).toFixed(2)} ms`);
console.log(`top card has the query word (new): ${hitsWithWord}/${QUERIES}`);
const all = [feeds100k, feedsShipped];
console.log(`same results: ${all.reduce((a, t) => a + t.same, 0)}/${all.reduce((a, t) => a + t.total, 0)} feeds of ${FEED_K} (100k catalog ${feeds100k.same}/${feeds100k.total}, shipped catalogs ${feedsShipped.same}/${feedsShipped.total})`);
console.log(`same lexical hits (every item, score and matched text): ${hitsShipped.same}/${hitsShipped.total}; same parsed items: ${itemsSame.same}/${itemsSame.total} catalogs`);
for (const d of [...feeds100k.diffs, ...feedsShipped.diffs, ...hitsShipped.diffs, ...itemsSame.diffs]) console.log(`  differs: ${d}`);
if (!args.has('out')) await rm(root, { recursive: true, force: true });
