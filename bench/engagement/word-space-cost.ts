// What the word space costs the retrieval worker: building it once per catalog (on the first rank),
// and the per-rank work of the session and explore sources on it. Catalogs: the shipped stickers and
// movies, and synthetic text-only catalogs of 10k and 100k items made the way bench/catalog/text-100k.ts
// makes its items (titles of 2-3 sticker tags, those tags plus their categories, seeded).
//
//   npx tsx bench/engagement/word-space-cost.ts      (prints a table; ~1 min on the shared 2-core VM)
import { readFileSync } from 'node:fs';
import { parseCatalogItems, parseCatalogManifest, type CatalogItem } from '../../src/core/catalog.ts';
import { catalogStrata, coverCandidates } from '../../src/core/engagement/explore.ts';
import { sessionInput } from '../../src/core/engagement/session-input.ts';
import { sessionCandidates } from '../../src/core/engagement/session-source.ts';
import type { EngagementEvent } from '../../src/core/engagement/session-vector.ts';
import { buildWordSpace } from '../../src/core/engagement/word-space.ts';
import { rng } from '../../src/core/random.ts';
import { writeEngagementSection } from './results.ts';

const RUNS = 5;
const RANKS = 50;
const POOL = 96; // 24 x 4, as deliver() asks

function load(dir: string): CatalogItem[] {
  const manifest = parseCatalogManifest(JSON.parse(readFileSync(`public/models/catalogs/${dir}/manifest.json`, 'utf8')));
  return parseCatalogItems(JSON.parse(readFileSync(`public/models/catalogs/${dir}/${manifest.items}`, 'utf8')), manifest);
}

function synthetic(n: number): CatalogItem[] {
  const stickers = load('stickers');
  const words = stickers.flatMap((s) => (s.tags.en ?? []).filter((t) => /^[a-z][a-z ]{2,20}$/.test(t)).map((t) => ({ word: t, category: s.category })));
  const vocabulary = [...new Map(words.map((w) => [w.word, w])).values()];
  const rand = rng(20261130);
  const pick = () => vocabulary[Math.floor(rand() * vocabulary.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const parts = Array.from({ length: 2 + (rand() < 0.5 ? 1 : 0) }, pick);
    return {
      id: `t${i}`, title: parts.map((p) => p.word).join(', '), titles: {}, tags: { en: [...new Set(parts.flatMap((p) => [p.word, p.category]))] },
      category: parts[0]!.category, categories: [], safety: 'safe', popularity: Number(rand().toFixed(3)),
    } satisfies CatalogItem;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: string[] = [];
for (const [name, items] of [['stickers', load('stickers')], ['movies', load('movies')], ['text 10k', synthetic(10_000)], ['text 100k', synthetic(100_000)]] as const) {
  const builds: number[] = [];
  let space = buildWordSpace(items);
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    space = buildWordSpace(items);
    builds.push(performance.now() - t);
  }
  // A session of 5 likes and 10 skips of random items, then the session source and a cold explore screen.
  const next = rng(7);
  const rowOf = new Map(items.map((it, i) => [it.id, i]));
  const strata = catalogStrata(items)!;
  const session: number[] = [];
  const explore: number[] = [];
  for (let q = 0; q < RANKS; q++) {
    const events: EngagementEvent[] = Array.from({ length: 15 }, (_, e) => ({ itemId: items[Math.floor(next() * items.length)]!.id, kind: e < 5 ? 'like' : 'skip', at: e * 1000 }));
    const shown = new Set(Array.from({ length: 48 }, () => Math.floor(next() * items.length)));
    let t = performance.now();
    const input = sessionInput({ events, rowOf, now: 20_000, rows: items.length, pictures: null, words: space, liked: [], shown });
    sessionCandidates({ session: input!.vector, items: input!.items, words: input!.words!, k: POOL });
    session.push(performance.now() - t);
    t = performance.now();
    coverCandidates({ strata, shown, k: 24 });
    explore.push(performance.now() - t);
  }
  const entries = space.rowTerms.length;
  rows.push(`| ${name} | ${items.length} | ${space.terms} | ${entries} | ${((entries * 16) / 1e6).toFixed(1)} | ${median(builds).toFixed(0)} | ${median(session.slice(5)).toFixed(2)} | ${median(explore.slice(5)).toFixed(2)} |`);
  console.log(rows.at(-1));
}
const table = `| Catalog | Items | Terms | Entries | Memory (MB) | Build (ms, median of ${RUNS}) | Session source per rank (ms) | Cover screen per rank (ms) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}`;
console.log(table);
writeEngagementSection('word-space', `## What the word space costs

Command: \`npx tsx bench/engagement/word-space-cost.ts\`. Machine: 2-core shared VM (other jobs running), no GPU, Node ${process.version}. Date: 2026-11-30.

Build = buildWordSpace() (src/core/engagement/word-space.ts, every field), done once per catalog on its first rank by the
retrieval worker. Per rank: sessionInput() + sessionCandidates() in the word space alone (5 likes, 10 skips, pool 96), and one
cold screen of coverCandidates() (24 items, 48 shown). Text 10k / 100k: synthetic items made as bench/catalog/text-100k.ts makes them.

${table}
`);
