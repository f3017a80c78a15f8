// Does a session vector in the feed cost the typed queries anything? The labelled sticker tag queries
// of tools/eval-sticker-fusion.ts (R@10 0.838 with lexical + CLIP at the default weights), run again
// with a session vector from three likes present and the session source in the fusion.
//
//   /usr/bin/python3 training/data_prep.py     # once, for the split (training/data/items.json)
//   npx tsx bench/engagement/fusion-check.ts [--split training/data/items.json]
//
// The queries and their CLIP hits come from tools/sticker-queries.ts, as for the fusion eval.
import { deliver } from '../../src/core/delivery.ts';
import { sessionInput } from '../../src/core/engagement/session-input.ts';
import { SESSION_WEIGHT } from '../../src/core/engagement/session-source.ts';
import type { EngagementEvent } from '../../src/core/engagement/session-vector.ts';
import { wordSpaceOf } from '../../src/core/engagement/word-space.ts';
import { DEFAULT_SOURCES } from '../../src/core/fusion/registry.ts';
import { DEFAULT_FUSION_WEIGHTS } from '../../src/core/fusion/rank.ts';
import { emptyIntent, type Intent } from '../../src/core/intent.ts';
import { buildLexicalIndex } from '../../src/core/lexical.ts';
import { rng } from '../../src/core/random.ts';
import { writeEngagementSection } from './results.ts';
import { clipHits, heldOutIds, tagQueries } from '../../tools/sticker-queries.ts';
import { loadStickers, stickerTitle } from './stickers.ts';

const LIKES = 3;
const K = 24;
const t0 = Date.now();
const splitArg = process.argv.indexOf('--split');
const splitFile = splitArg > 0 ? process.argv[splitArg + 1]! : 'training/data/items.json';
const st = loadStickers();
const { items, manifest, index, vectors } = st;
const lexical = buildLexicalIndex(items, manifest);
const queries = tagQueries(items, heldOutIds(splitFile));
const hitsOf = await clipHits(queries, items, index);

// Sessions: three likes of one subgroup, a minute apart. 'unrelated': a random subgroup other than the
// target's; 'related': the target's own subgroup (the target itself never liked).
const subgroupOf = items.map((it) => it.categories[0] ?? it.category);
const bySubgroup = new Map<string, number[]>();
subgroupOf.forEach((g, i) => bySubgroup.set(g, [...(bySubgroup.get(g) ?? []), i]));
const groups = [...bySubgroup.entries()].filter(([, rows]) => rows.length > LIKES).map(([g]) => g);
function likesFor(target: number, related: boolean, next: () => number): number[] {
  const g = related ? subgroupOf[target]! : groups.filter((x) => x !== subgroupOf[target])[Math.floor(next() * (groups.length - 1))]!;
  const pool = bySubgroup.get(g)!.filter((i) => i !== target);
  const out: number[] = [];
  while (out.length < Math.min(LIKES, pool.length)) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  return out;
}

type Mode = 'none' | 'unrelated' | 'related';
function measure(mode: Mode, sessionWeight: number) {
  const next = rng(11);
  let r10 = 0;
  let mrr = 0;
  queries.forEach((q, qi) => {
    const intent: Intent = { ...emptyIntent('eval', 0), keyPhrases: [{ text: q.text, weight: 1, lastTurn: 0 }], language: q.lang };
    let session;
    if (mode !== 'none') {
      const liked = likesFor(q.target, mode === 'related', next);
      const events: EngagementEvent[] = liked.map((i, n) => ({ itemId: items[i]!.id, kind: 'like', at: n * 60_000 }));
      // The session as the retrieval worker makes it (src/workers/retrieval/picture-space.ts): pictures and words.
      session = sessionInput({
        events, rowOf: st.rowOf, now: LIKES * 60_000, rows: items.length, pictures: vectors, words: wordSpaceOf(items),
        liked: liked.map((i) => ({ itemIndex: i, title: stickerTitle(items[i]!) })),
      })!;
    }
    const feed = deliver({
      items, lexical, intent, k: K, intentHits: hitsOf[qi]!,
      sources: DEFAULT_SOURCES,
      weights: { ...DEFAULT_FUSION_WEIGHTS, intent: 0.25, lexical: 1, session: sessionWeight },
      normalisation: 'max',
      ...(session ? { session } : {}),
    });
    const rank = feed.findIndex((e) => e.id === items[q.target]!.id);
    if (rank >= 0 && rank < 10) r10++;
    if (rank >= 0) mrr += 1 / (rank + 1);
  });
  return { r10: r10 / queries.length, mrr: mrr / queries.length };
}

const rows: string[] = [];
const f3 = (x: number) => x.toFixed(3);
const base = measure('none', SESSION_WEIGHT);
rows.push(`| no session vector (today) | - | ${f3(base.r10)} | ${f3(base.mrr)} |`);
for (const w of [...new Set([0.1, 0.25, SESSION_WEIGHT, 1])].sort()) {
  for (const mode of ['unrelated', 'related'] as const) {
    const r = measure(mode, w);
    rows.push(`| ${LIKES} likes, ${mode} subgroup | ${w}${w === SESSION_WEIGHT ? ' (default)' : ''} | ${f3(r.r10)} | ${f3(r.mrr)} |`);
  }
}
const cpu = process.cpuUsage();
writeEngagementSection('fusion-check', `## Fusion check: typed tag queries with a session vector present

Command: \`npx tsx bench/engagement/fusion-check.ts --split /tmp/sticker-split.json\` (split file = training/data/items.json's
split, written by data_prep.py's own emoji_items + split_items; wall ${((Date.now() - t0) / 1000).toFixed(0)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s). Machine: 2-core shared VM, no GPU,
Node ${process.version}. Date: 2026-11-30. Model: ${st.modelId}.

The ${queries.length} labelled queries of tools/eval-sticker-fusion.ts (a tag of a held-out sticker that is not in its title, en and
ko; relevant = that sticker), fused by deliver() with lexical 1, CLIP 0.25, max normalisation (its chosen setting), plus the
session source (src/core/engagement/session-source.ts: its picture and word spaces, picture : words 0.5 : 1) at the weight
shown; the explore source is registered too but proposes nothing when words are asked for. Session: ${LIKES} liked stickers a minute apart, of
a random other subgroup ('unrelated': the session says nothing about the query) or of the target's own subgroup, target
excluded ('related'). Recall@10 and MRR of the target in a feed of ${K}.

| Session | Session weight | Recall@10 | MRR |
| --- | --- | --- | --- |
${rows.join('\n')}
`);
console.log(rows.join('\n'));
