// Is the hand-written lexical matcher (src/core/lexical.ts) worth keeping over a well-kept library?
// Compares it (with and without its MiniSearch fallback for words the catalog does not have) with
// MiniSearch 7 alone (prefix + fuzzy search, field boosts) on the sticker catalog:
//   - "tag" queries: one tag of an item that is not a word of its title (English, Korean), relevant =
//     that item (the query set of tools/eval-sticker-fusion.ts, here over every item);
//   - "as typed" variants of the same queries: Korean with a particle attached ("고양이가", "사과를"),
//     English in the plural or with one letter dropped ("cats", "bannana" -> "banna"), as people type;
// Recall@10 and MRR@24 of the item in each ranking alone, and the time per query on the stickers
// catalog and a synthetic 10k-item catalog made from its vocabulary. Writes bench/RESULTS-lexical.md.
//
//   npx tsx tools/eval-lexical.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import MiniSearch from 'minisearch';
import { type CatalogItem, parseCatalogItems, parseCatalogManifest } from '../src/core/catalog.ts';
import { buildLexicalIndex, scorePhrases } from '../src/core/lexical.ts';

const dir = 'public/models/catalogs/stickers';
const manifest = parseCatalogManifest(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')));
const items = parseCatalogItems(JSON.parse(readFileSync(`${dir}/items.json`, 'utf8')), manifest);

let seed = 7;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
type Query = { lang: 'en' | 'ko'; text: string; target: string };
const tagQueries: Query[] = [];
for (const it of items) {
  for (const lang of ['en', 'ko'] as const) {
    const title = (lang === 'en' ? it.title : (it.titles.ko ?? '')).toLowerCase();
    const tags = (it.tags[lang] ?? []).filter((t) => !title.includes(t.toLowerCase()) && t.length > 1 && !t.includes(' '));
    if (tags.length === 0) continue;
    tagQueries.push({ lang, text: tags[Math.floor(rnd() * tags.length)]!, target: it.id });
  }
}
const PARTICLES = ['가', '이', '를', '을', '는', '은', '도', '랑'];
const typed: Query[] = tagQueries.map((q) => {
  if (q.lang === 'ko') {
    const last = q.text.charCodeAt(q.text.length - 1);
    const hasFinal = last >= 0xac00 && last <= 0xd7a3 && (last - 0xac00) % 28 !== 0;
    const p = PARTICLES.filter((x) => (['이', '을', '은'].includes(x) ? hasFinal : ['가', '를', '는'].includes(x) ? !hasFinal : true));
    return { ...q, text: q.text + p[Math.floor(rnd() * p.length)]! };
  }
  if (rnd() < 0.5 || q.text.length < 5) return { ...q, text: q.text.endsWith('s') ? q.text : `${q.text}s` };
  const at = 1 + Math.floor(rnd() * (q.text.length - 2));
  return { ...q, text: q.text.slice(0, at) + q.text.slice(at + 1) };
});

type Ranker = (text: string) => string[];

function ours(catalog: readonly CatalogItem[], fuzzy = true): Ranker {
  const index = buildLexicalIndex(catalog, manifest);
  return (text) => [...scorePhrases(index, [{ text, weight: 1 }], { fuzzy }).values()].sort((a, b) => b.score - a.score || a.item - b.item).slice(0, 24).map((h) => catalog[h.item]!.id);
}

function mini(catalog: readonly CatalogItem[]): Ranker {
  const ms = new MiniSearch<{ id: string; title: string; ko: string; tagsEn: string; tagsKo: string; category: string }>({
    fields: ['title', 'ko', 'tagsEn', 'tagsKo', 'category'],
    storeFields: [],
    searchOptions: { boost: { title: 2, ko: 2 }, prefix: true, fuzzy: 0.2 },
  });
  ms.addAll(catalog.map((it) => ({
    id: it.id, title: it.title, ko: it.titles.ko ?? '', tagsEn: (it.tags.en ?? []).join(' '), tagsKo: (it.tags.ko ?? []).join(' '),
    category: [it.category, ...it.categories].map((c) => `${manifest.categoryLabels[c]?.en ?? c} ${manifest.categoryLabels[c]?.ko ?? ''}`).join(' '),
  })));
  return (text) => ms.search(text).slice(0, 24).map((r) => String(r.id));
}

function quality(rank: Ranker, qs: readonly Query[], lang: 'en' | 'ko') {
  let r10 = 0;
  let mrr = 0;
  let n = 0;
  for (const q of qs) {
    if (q.lang !== lang) continue;
    const pos = rank(q.text).indexOf(q.target);
    if (pos >= 0 && pos < 10) r10++;
    if (pos >= 0) mrr += 1 / (pos + 1);
    n++;
  }
  return `${(r10 / n).toFixed(3)} / ${(mrr / n).toFixed(3)}`;
}

function timing(rank: Ranker, qs: readonly Query[]): { p50: number; p95: number } {
  for (const q of qs.slice(0, 50)) rank(q.text); // warm up
  const ms = qs.map((q) => {
    const t = performance.now();
    rank(q.text);
    return performance.now() - t;
  }).sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)]!, p95: ms[Math.floor(ms.length * 0.95)]! };
}

const synthetic: CatalogItem[] = Array.from({ length: 10_000 }, (_, i) => {
  const a = items[Math.floor(rnd() * items.length)]!;
  const b = items[Math.floor(rnd() * items.length)]!;
  return { ...a, id: `s${i}`, title: `${a.title} ${b.title.split(' ')[0]}`, tags: { en: [...(a.tags.en ?? []).slice(0, 4), ...(b.tags.en ?? []).slice(0, 2)], ko: (a.tags.ko ?? []).slice(0, 4) } };
});

const rows: string[] = [];
const build: string[] = [];
const rankers: [string, (c: readonly CatalogItem[]) => Ranker][] = [
  ['lexical.ts, exact and Korean prefix only (before)', (c) => ours(c, false)],
  ['lexical.ts + MiniSearch fuzzy fallback for unknown words (shipped)', (c) => ours(c, true)],
  ['MiniSearch 7.2 alone (prefix, fuzzy 0.2, title boost 2)', mini],
];
for (const [name, make] of rankers) {
  let t = performance.now();
  const r = make(items);
  const buildStickers = performance.now() - t;
  t = performance.now();
  const r10k = make(synthetic);
  const build10k = performance.now() - t;
  const ts = timing(r, [...tagQueries, ...typed]);
  const t10 = timing(r10k, [...tagQueries, ...typed]);
  rows.push(`| ${name} | ${quality(r, tagQueries, 'en')} | ${quality(r, tagQueries, 'ko')} | ${quality(r, typed, 'en')} | ${quality(r, typed, 'ko')} | ${ts.p50.toFixed(2)} / ${ts.p95.toFixed(2)} | ${t10.p50.toFixed(2)} / ${t10.p95.toFixed(2)} |`);
  build.push(`${name}: index build ${buildStickers.toFixed(0)} ms (1,911 items), ${build10k.toFixed(0)} ms (10k items)`);
}

const md = `# Lexical matching: lexical.ts against MiniSearch

Command: \`npx tsx tools/eval-lexical.ts\`. Machine: ${cpus().length}-core VM (${cpus()[0]?.model ?? 'cpu'}), no GPU, Node ${process.version}, single-threaded. Date: ${new Date().toISOString().slice(0, 10)}.

Queries: for every sticker and language, one tag of the item that is not a word of its title (${tagQueries.filter((q) => q.lang === 'en').length} English, ${tagQueries.filter((q) => q.lang === 'ko').length} Korean; relevant = that item).
"As typed": the same queries with a Korean particle attached ("고양이가") or, in English, a plural or one letter dropped.
Each ranking alone (no fusion), top 24. Recall@10 / MRR; time per query p50 / p95 in ms.

| matcher | tag EN | tag KO | as typed EN | as typed KO | ms, stickers | ms, 10k items |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

${build.map((b) => `- ${b}`).join('\n')}
`;
console.log(md);
writeFileSync('bench/RESULTS-lexical.md', md);
