// The lexical matcher (src/core/lexical.ts: MiniSearch finds the words as typed, fields weighted as
// before) beside the hand-written matcher it replaced (frozen below as `legacy`: exact + Korean
// prefix, with and without its MiniSearch fuzzy fallback) and MiniSearch 7 alone, on the sticker catalog:
//   - "tag" queries: one tag of an item that is not a word of its title (English, Korean), relevant =
//     that item (the query set of tools/eval-sticker-fusion.ts, here over every item);
//   - "as typed" variants of the same queries: Korean with a particle attached ("고양이가", "사과를"),
//     English in the plural or with one letter dropped ("cats", "bannana" -> "banna"), as people type.
// Items are split by a hash of their id: the development half (even) chooses the matcher's settings
// (fuzzy distance, prefix matching, the Korean stemmer; a sweep), the held-out half (odd) is reported.
// Recall@10 and MRR@24 of the item in each ranking alone; time per query (p50 / p95) on the stickers
// catalog and a synthetic 10k catalog; index build time at 1.9k, 10k and 100k synthetic items (made as
// bench/app/run.ts's makeSynthetic makes them). Writes bench/RESULTS-lexical.md.
//
//   npx tsx tools/eval-lexical.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import MiniSearch from 'minisearch';
import { type CatalogItem, parseCatalogItems, parseCatalogManifest } from '../src/core/catalog.ts';
import { buildLexicalIndex, DEFAULT_TUNING, type LexicalIndex, type MatchTuning, scorePhrases } from '../src/core/lexical.ts';
import { isHangul, matchTokens } from '../src/core/text.ts';

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

/** FNV-1a of the item id: even = development, odd = held out. */
function isDev(id: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % 2 === 0;
}
const part = (qs: Query[], dev: boolean) => qs.filter((q) => isDev(q.target) === dev);
const dev = { tag: part(tagQueries, true), typed: part(typed, true) };
const held = { tag: part(tagQueries, false), typed: part(typed, false) };

// ---- The hand-written matcher as it was before this change (src/core/lexical.ts at bb9f5d4), frozen. ----
namespace legacy {
  const W = { title: 1, tag: 0.8, category: 0.5 } as const;
  type F = keyof typeof W;
  interface Posting { item: number; field: F; inCategory: boolean }
  export interface Index { postings: Map<string, Posting[]>; vocabulary: string[]; terms?: MiniSearch<{ id: number; term: string }> }
  export function build(catalog: readonly CatalogItem[]): Index {
    const postings = new Map<string, Posting[]>();
    const add = (token: string, item: number, field: F) => {
      let list = postings.get(token);
      if (!list) postings.set(token, (list = []));
      const last = list[list.length - 1];
      if (last && last.item === item) {
        if (field === 'category') last.inCategory = true;
        if (W[field] > W[last.field]) list[list.length - 1] = { ...last, field };
        return;
      }
      list.push({ item, field, inCategory: field === 'category' });
    };
    catalog.forEach((it, i) => {
      const fields: [F, string][] = [['title', it.title]];
      for (const t of Object.values(it.titles)) fields.push(['title', t]);
      for (const tags of Object.values(it.tags)) for (const t of tags) fields.push(['tag', t]);
      for (const c of [it.category, ...it.categories]) {
        fields.push(['category', c.replace(/-/g, ' ')]);
        for (const l of Object.values(manifest.categoryLabels?.[c] ?? {})) fields.push(['category', l]);
        for (const ws of Object.values(manifest.categoryKeywords?.[c] ?? {})) for (const w of ws) fields.push(['category', w]);
      }
      fields.sort((a, b) => W[b[0]] - W[a[0]]);
      for (const [field, text] of fields) for (const tok of matchTokens(text)) add(tok, i, field);
    });
    return { postings, vocabulary: [...postings.keys()].sort() };
  }
  function lookup(ix: Index, token: string, fuzzy: boolean): { p: Posting; f: number }[] {
    const out: { p: Posting; f: number }[] = [];
    for (const p of ix.postings.get(token) ?? []) out.push({ p, f: 1 });
    if (isHangul(token) && token.length >= 2) {
      let lo = 0;
      let hi = ix.vocabulary.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ix.vocabulary[mid]! < token) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < ix.vocabulary.length && ix.vocabulary[i]!.startsWith(token); i++) {
        if (ix.vocabulary[i] === token) continue;
        for (const p of ix.postings.get(ix.vocabulary[i]!) ?? []) out.push({ p, f: 0.6 });
      }
    }
    if (out.length === 0 && fuzzy && token.length >= 4 && !isHangul(token)) {
      if (!ix.terms) {
        ix.terms = new MiniSearch<{ id: number; term: string }>({ fields: ['term'], storeFields: ['term'], tokenize: (t) => [t], processTerm: (t) => t });
        ix.terms.addAll(ix.vocabulary.map((term, id) => ({ id, term })));
      }
      for (const r of ix.terms.search(token, { fuzzy: 0.25, prefix: false }).slice(0, 3)) {
        for (const p of ix.postings.get(r.term as string) ?? []) out.push({ p, f: 0.5 });
      }
    }
    return out;
  }
  export function score(ix: Index, text: string, fuzzy: boolean): Map<number, number> {
    const tokens = [...new Set(matchTokens(text))];
    const perItem = new Map<number, number>();
    for (const tok of tokens) {
      const best = new Map<number, number>();
      for (const { p, f } of lookup(ix, tok, fuzzy)) {
        const s = (W[p.field] + (p.inCategory && p.field !== 'category' ? 0.3 : 0)) * f;
        if (s > (best.get(p.item) ?? -1)) best.set(p.item, s);
      }
      for (const [item, s] of best) perItem.set(item, (perItem.get(item) ?? 0) + s / tokens.length);
    }
    return perItem;
  }
}

type Ranker = (text: string) => string[];
const top24 = (catalog: readonly CatalogItem[], scores: Iterable<[number, number]>) =>
  [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 24).map(([i]) => catalog[i]!.id);

function legacyRanker(catalog: readonly CatalogItem[], fuzzy: boolean): Ranker {
  const ix = legacy.build(catalog);
  return (text) => top24(catalog, legacy.score(ix, text, fuzzy));
}

function ours(catalog: readonly CatalogItem[], tuning: Partial<MatchTuning> = {}, index?: LexicalIndex): Ranker {
  const built = index ?? buildLexicalIndex(catalog, manifest);
  const ix: LexicalIndex = { ...built, tuning: { ...DEFAULT_TUNING, ...tuning } };
  return (text) => top24(catalog, [...scorePhrases(ix, [{ text, weight: 1 }]).values()].map((h) => [h.item, h.score] as [number, number]));
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

function quality(rank: Ranker, qs: readonly Query[], lang: 'en' | 'ko'): { r10: number; mrr: number } {
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
  return { r10: r10 / n, mrr: mrr / n };
}
const fmtQ = (x: { r10: number; mrr: number }) => `${x.r10.toFixed(3)} / ${x.mrr.toFixed(3)}`;
function four(rank: Ranker, set: { tag: Query[]; typed: Query[] }) {
  return [quality(rank, set.tag, 'en'), quality(rank, set.tag, 'ko'), quality(rank, set.typed, 'en'), quality(rank, set.typed, 'ko')];
}

function timing(rank: Ranker, qs: readonly Query[]): { p50: number; p95: number } {
  for (const q of qs.slice(0, 200)) rank(q.text); // warm up
  const ms = qs.map((q) => {
    const t = performance.now();
    rank(q.text);
    return performance.now() - t;
  }).sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)]!, p95: ms[Math.floor(ms.length * 0.95)]! };
}

/** bench/app/run.ts's makeSynthetic: n items made of two stickers' words each (seed 42). */
function synthetic(n: number): CatalogItem[] {
  let s = 42;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => {
    const a = items[Math.floor(r() * items.length)]!;
    const b = items[Math.floor(r() * items.length)]!;
    return {
      ...a, id: `s${i}`, title: `${a.title} ${b.title.split(' ')[0]}`, titles: (a.titles.ko ? { ko: a.titles.ko } : {}) as Record<string, string>,
      tags: { en: [...(a.tags.en ?? []).slice(0, 4), ...(b.tags.en ?? []).slice(0, 2)], ko: (a.tags.ko ?? []).slice(0, 4) },
      popularity: Math.round(r() * 1e4) / 1e4,
    };
  });
}

// ---- 1. The sweep, on the development half only. ----
const base = buildLexicalIndex(items, manifest);
const sweep: { tuning: Partial<MatchTuning>; q: ReturnType<typeof four>; mean: number; mrr: number }[] = [];
for (const fuzzy of [0, 0.2, 0.3]) {
  for (const [prefix, prefixMinChars] of [['korean', 3], ['all', 3], ['all', 4]] as const) {
    for (const koreanStemmer of [false, true]) {
      for (const fuzzyHangul of [false, true]) {
        if (fuzzy === 0 && fuzzyHangul) continue;
        const tuning: Partial<MatchTuning> = { fuzzy, prefix, prefixMinChars, koreanStemmer, fuzzyHangul };
        const q = four(ours(items, tuning, base), dev);
        sweep.push({ tuning, q, mean: q.reduce((s, x) => s + x.r10, 0) / 4, mrr: q.reduce((s, x) => s + x.mrr, 0) / 4 });
      }
    }
  }
}
sweep.sort((a, b) => b.mean - a.mean || b.mrr - a.mrr);
const chosen = sweep[0]!.tuning;
const shipped = Object.entries(chosen).every(([k, v]) => DEFAULT_TUNING[k as keyof MatchTuning] === v);
const describe = (t: Partial<MatchTuning>) =>
  `fuzzy ${t.fuzzy}${t.fuzzy && t.fuzzyHangul ? ' (Hangul too)' : ''}, prefix ${t.prefix === 'all' ? `all words >= ${t.prefixMinChars} chars` : 'Korean only'}, Korean stemmer ${t.koreanStemmer ? 'on' : 'off'}`;
console.log('best on dev:', describe(chosen), shipped ? '(= DEFAULT_TUNING)' : '(DEFAULT_TUNING differs: update src/core/lexical.ts)');

// ---- 2. Side by side on the held-out half (and on all queries, for the earlier table's numbers). ----
const syn10k = synthetic(10_000);
const rows: string[] = [];
const rowsAll: string[] = [];
const build: string[] = [];
const rankers: [string, (c: readonly CatalogItem[]) => Ranker][] = [
  ['before: hand-written, exact and Korean prefix only', (c) => legacyRanker(c, false)],
  ['before: hand-written + MiniSearch fuzzy fallback (was shipped)', (c) => legacyRanker(c, true)],
  ['MiniSearch 7.2 alone (prefix, fuzzy 0.2, title boost 2, BM25)', mini],
  [`**now: lexical.ts on MiniSearch** (${describe(DEFAULT_TUNING)})`, (c) => ours(c)],
  ['now, Korean stemmer off', (c) => ours(c, { koreanStemmer: false })],
  ["now, MiniSearch's BM25+ score instead of field weights", (c) => ours(c, { scoring: 'bm25' })],
];
for (const [name, make] of rankers) {
  const r = make(items);
  const r10k = make(syn10k);
  const ts = timing(r, [...tagQueries, ...typed]);
  const t10 = timing(r10k, [...tagQueries, ...typed]);
  const time = `${ts.p50.toFixed(2)} / ${ts.p95.toFixed(2)} | ${t10.p50.toFixed(2)} / ${t10.p95.toFixed(2)}`;
  rows.push(`| ${name} | ${four(r, held).map(fmtQ).join(' | ')} | ${time} |`);
  rowsAll.push(`| ${name} | ${four(r, { tag: tagQueries, typed }).map(fmtQ).join(' | ')} |`);
}
// Index build time (median of 3 after a warm-up), legacy against now.
const syn100k = synthetic(100_000);
function buildTime(make: (c: readonly CatalogItem[]) => unknown, c: readonly CatalogItem[], reps: number): number {
  make(c);
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    make(c);
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!;
}
for (const [name, make] of [['before (hand-written postings)', legacy.build], ['now (MiniSearch index)', (c: readonly CatalogItem[]) => buildLexicalIndex(c, manifest)]] as const) {
  build.push(`${name}: ${buildTime(make, items, 3).toFixed(0)} ms (1,911 items), ${buildTime(make, syn10k, 3).toFixed(0)} ms (10k), ${buildTime(make, syn100k, 1).toFixed(0)} ms (100k synthetic)`);
}
{
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const keep = buildLexicalIndex(syn100k, manifest);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  build.push(`now: heap after building the 100k index ~${((process.memoryUsage().heapUsed - before) / 1e6).toFixed(0)} MB${gc ? '' : ' (without --expose-gc: rough)'} (${keep.vocabulary.size} terms)`);
}

const nHeld = (qs: Query[], l: string) => qs.filter((q) => q.lang === l).length;
const md = `# Lexical matching: lexical.ts on MiniSearch against the hand-written matcher

Command: \`npx tsx tools/eval-lexical.ts\`. Machine: ${cpus().length}-core VM (${cpus()[0]?.model ?? 'cpu'}), no GPU, Node ${process.version}, single-threaded. Date: 2026-11-30.

Queries: for every sticker and language, one tag of the item that is not a word of its title (relevant = that item).
"As typed": the same queries with a Korean particle attached ("고양이가") or, in English, a plural or one letter dropped.
Items are split by a hash of their id (FNV-1a, even/odd): the **development half** (${nHeld(dev.tag, 'en')} English, ${nHeld(dev.tag, 'ko')} Korean queries of each kind) chose the settings, the **held-out half** (${nHeld(held.tag, 'en')} English, ${nHeld(held.tag, 'ko')} Korean) is reported below.
Each ranking alone (no fusion), top 24. Recall@10 / MRR; time per query p50 / p95 in ms over all ${tagQueries.length + typed.length} queries.

## Held-out half

| matcher | tag EN | tag KO | as typed EN | as typed KO | ms, stickers | ms, 10k items |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

## All queries (comparable with the earlier table of 2026-11-29)

| matcher | tag EN | tag KO | as typed EN | as typed KO |
| --- | --- | --- | --- | --- |
${rowsAll.join('\n')}

## Index build

${build.map((b) => `- ${b}`).join('\n')}

## Settings chosen on the development half

Chosen: ${describe(chosen)}${shipped ? ' — the shipped DEFAULT_TUNING in src/core/lexical.ts.' : ' — **differs from the shipped DEFAULT_TUNING**.'}
Score per word: FIELD_WEIGHTS (title 1, tag 0.8, category 0.5; +0.3 when the item's category carries the word), times 1 for the
word itself, 0.6 for a longer word it starts, 0.5 for a near spelling; mean over the phrase's words. Exclusions (dislikedItems)
use the same index with exact terms (and Korean prefixes of a tag or title) only.
Mean Recall@10 over the four columns, development half, top 8 of ${sweep.length}:

| settings | tag EN | tag KO | as typed EN | as typed KO | mean R@10 |
| --- | --- | --- | --- | --- | --- |
${sweep.slice(0, 8).map((s) => `| ${describe(s.tuning)} | ${s.q.map(fmtQ).join(' | ')} | ${s.mean.toFixed(3)} |`).join('\n')}
`;
console.log(md);
writeFileSync('bench/RESULTS-lexical.md', md);
