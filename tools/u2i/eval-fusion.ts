// Measures the fusion core and on-device updates on MovieLens held-out interactions.
//
//   npx tsx tools/u2i/eval-fusion.ts
//
// Fusion: for a held-out movie h, the user "says" its genres and one word of its title (the intent);
// sources are lexical retrieval over the movies catalog (src/core/lexical.ts: titles, genre tags and
// categories), U2I (the user's BPR vector) and popularity. NDCG@10 of h (one relevant item).
// Weights and normalisation are chosen on the validation split, then reported on the test split.
// Replay: each user's held-out interactions in time order; before each, rank the catalog and score
// NDCG@10 against the interactions still to come; then (online) update the vector from that
// interaction, or (static) do nothing. The learning rate is chosen on validation too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogManifest, type CatalogItem } from '../../src/core/catalog.ts';
import { fuseCandidates, NORMALISATIONS, type Candidate, type FusedItem, type FusionWeights, type Normalisation } from '../../src/core/fusion/fuse.ts';
import { mmrRerank } from '../../src/core/fusion/mmr.ts';
import { buildLexicalIndex, scorePhrases, type LexicalIndex } from '../../src/core/lexical.ts';
import { parseU2iManifest, type VectorMatrix } from '../../src/core/u2i/format.ts';
import { updateUserVector, type EngagementSignal } from '../../src/core/u2i/online.ts';
import { scoreItems, topItems } from '../../src/core/u2i/score.ts';
import { trainBpr, type MfModel } from './bpr';
import { itemsOf, loadMovieLensData, type MovieLensData } from './dataset';
import { GENRES, movieItem, moviesManifest } from './movies-catalog';
import { pairedBootstrapCi } from './metrics';
import { createRng } from './random';
import { machineLine, runTimeLine, writeResultsSection } from './results';
import type { Split, UserHistory } from './split';

const K = 10;
const QUERIES_PER_USER = 2;
/** How many candidates the U2I and popularity sources hand to fusion. */
const SOURCE_DEPTH = 300;
const REPLAY_MAX_STEPS = 20;
const STOPWORDS = new Set(['the', 'and', 'for', 'with', 'from', 'that', 'this', 'part', 'movie', 'film', 'les', 'der', 'die', 'das', 'aka']);
const U2I_WEIGHTS = [0.05, 0.1, 0.25, 0.5, 1, 2];
/** Popularity as a small tie-breaker, added at the chosen lexical + U2I weights. */
const POPULAR_TIE_BREAK = 0.05;
/** What the user says about the movie: its genres only, or its genres and one word of its title. */
const INTENTS = ['genres', 'genres + title word'] as const;
type IntentKind = (typeof INTENTS)[number];
const REPLAY_LRS = [0.02, 0.05, 0.1, 0.2, 0.5];
const MMR_LAMBDAS = [0.9, 0.7];

const t0 = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const fmt = (x: number) => x.toFixed(4);

const data = loadMovieLensData();
const nItems = data.movies.length;
const shipped = parseU2iManifest(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/models/u2i/movies/manifest.json'), 'utf8')));
const bprConfig = {
  dim: Number(shipped.training.dim),
  epochs: Number(shipped.training.epochs),
  learningRate: Number(shipped.training.learningRate),
  finalLearningRateFraction: Number(shipped.training.finalLearningRateFraction),
  reg: Number(shipped.training.reg),
  initStd: 0.1,
  seed: 1,
};
const maxCount = Math.max(...data.ratingCounts);
const items: CatalogItem[] = data.movies.map((m, i) => movieItem(m, data.ratingCounts[i]!, maxCount));
const manifest = parseCatalogManifest(moviesManifest(items.length));
const lexical: LexicalIndex = buildLexicalIndex(items, manifest);

interface Query {
  readonly user: number;
  readonly target: number;
  readonly phrases: { text: string; weight: number }[];
}

/** Title words a person might remember: letters only, at least 3 long, not a stopword. */
function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

function makeQueries(split: Split, seed: number, intent: IntentKind): Query[] {
  const rng = createRng(seed);
  const out: Query[] = [];
  split.heldOut.forEach((h, user) => {
    const seen = new Set(split.train[user]!.items);
    const pool = [...new Set(h.items)].filter((i) => !seen.has(i));
    for (let q = 0; q < QUERIES_PER_USER && pool.length > 0; q++) {
      const target = pool.splice(rng.int(pool.length), 1)[0]!;
      const words = titleWords(items[target]!.title);
      const phrases = data.movies[target]!.genres.map((g) => ({ text: GENRES[g]!.en, weight: 1 }));
      if (intent === 'genres + title word' && words.length > 0) phrases.push({ text: words[rng.int(words.length)]!, weight: 1 });
      out.push({ user, target, phrases });
    }
  });
  return out;
}

interface QueryCandidates {
  readonly query: Query;
  readonly seen: ReadonlySet<number>;
  readonly candidates: Candidate[];
}

function candidatesFor(queries: readonly Query[], split: Split, model: MfModel): QueryCandidates[] {
  const vectors: VectorMatrix = { dim: model.dim, rows: model.nItems, data: model.items };
  const counts = new Float32Array(nItems);
  for (const h of split.train) for (const i of h.items) counts[i]! += 1;
  const scores = new Float32Array(nItems);
  return queries.map((query) => {
    const seen = new Set(split.train[query.user]!.items);
    const candidates: Candidate[] = [];
    for (const hit of scorePhrases(lexical, query.phrases).values()) {
      if (!seen.has(hit.item)) candidates.push({ source: 'lexical', itemIndex: hit.item, score: hit.score });
    }
    scoreItems(model.users.subarray(query.user * model.dim, (query.user + 1) * model.dim), vectors, scores);
    for (const i of topItems(scores, SOURCE_DEPTH, seen)) candidates.push({ source: 'u2i', itemIndex: i, score: scores[i]! });
    for (const i of topItems(counts, SOURCE_DEPTH, seen)) candidates.push({ source: 'popular', itemIndex: i, score: counts[i]! });
    return { query, seen, candidates };
  });
}

const ndcgAt = (ranked: readonly { itemIndex: number }[], target: number): number => {
  const r = ranked.slice(0, K).findIndex((x) => x.itemIndex === target);
  return r < 0 ? 0 : 1 / Math.log2(r + 2);
};

function perQueryNdcg(qcs: readonly QueryCandidates[], weights: FusionWeights, normalisation: Normalisation, mmr?: { vectors: VectorMatrix; lambda: number }): Float64Array {
  return Float64Array.from(qcs, (qc) => {
    let ranked: FusedItem[] = fuseCandidates(qc.candidates, weights, normalisation);
    if (mmr) ranked = mmrRerank(ranked.slice(0, K * 4), mmr.vectors, { lambda: mmr.lambda, k: K });
    return ndcgAt(ranked, qc.query.target);
  });
}

const mean = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function meanNdcg(qcs: readonly QueryCandidates[], weights: FusionWeights, normalisation: Normalisation, mmr?: { vectors: VectorMatrix; lambda: number }): number {
  return mean(perQueryNdcg(qcs, weights, normalisation, mmr));
}

const bootstrapRng = createRng(99);
/** 95% paired-bootstrap interval of mean(a - b), 2,000 resamples. */
const diffCi = (a: Float64Array, b: Float64Array): string =>
  pairedBootstrapCi(a, b, 2000, bootstrapRng.next)
    .map((x) => x.toFixed(4))
    .join(', ');

interface FusionChoice {
  normalisation: Normalisation;
  weights: FusionWeights;
  ndcg: number;
}

function bestFusion(qcs: readonly QueryCandidates[], normalisation: Normalisation): FusionChoice {
  let best: FusionChoice = { normalisation, weights: {}, ndcg: -1 };
  for (const u2i of U2I_WEIGHTS) {
    const weights = { lexical: 1, u2i };
    const ndcg = meanNdcg(qcs, weights, normalisation);
    if (ndcg > best.ndcg) best = { normalisation, weights, ndcg };
  }
  return best;
}

// --- Replay --------------------------------------------------------------------------------------

/** MovieLens ratings as engagement: 4+ stars a like, 2.5 to 3.5 a click, 2 or less a skip. */
function signalOf(rating: number): EngagementSignal {
  return rating >= 4 ? 'like' : rating >= 2.5 ? 'click' : 'skip';
}

function maxUserNorm(model: MfModel): number {
  let max = 0;
  for (let u = 0; u < model.nUsers; u++) max = Math.max(max, Math.hypot(...model.users.subarray(u * model.dim, (u + 1) * model.dim)));
  return max;
}

/** Mean over users and steps of NDCG@10 against the interactions still to come. lr 0 = static. */
function replay(split: Split, model: MfModel, lr: number, signals: 'ratings' | 'likes-only'): number {
  return mean(replayPerUser(split, model, lr, signals));
}

/** Per user: the mean over their replayed steps (users with no step are left out, the same for every lr). */
function replayPerUser(split: Split, model: MfModel, lr: number, signals: 'ratings' | 'likes-only'): Float64Array {
  const perUser: number[] = [];
  const vectors: VectorMatrix = { dim: model.dim, rows: model.nItems, data: model.items };
  const maxNorm = maxUserNorm(model);
  const scores = new Float32Array(nItems);
  split.heldOut.forEach((h: UserHistory, user) => {
    let sum = 0;
    let steps = 0;
    const seen = new Set(split.train[user]!.items);
    let u: Float32Array = model.users.slice(user * model.dim, (user + 1) * model.dim);
    const n = Math.min(h.items.length, REPLAY_MAX_STEPS);
    for (let t = 0; t < n; t++) {
      const future = new Set<number>();
      for (let s = t; s < h.items.length; s++) if (!seen.has(h.items[s]!)) future.add(h.items[s]!);
      if (future.size > 0) {
        scoreItems(u, vectors, scores);
        const ranked = topItems(scores, K, seen);
        let dcg = 0;
        ranked.forEach((i, r) => {
          if (future.has(i)) dcg += 1 / Math.log2(r + 2);
        });
        let ideal = 0;
        for (let r = 0; r < Math.min(K, future.size); r++) ideal += 1 / Math.log2(r + 2);
        sum += dcg / ideal;
        steps++;
      }
      const item = h.items[t]!;
      seen.add(item);
      const signal = signalOf(h.ratings[t]!);
      if (lr > 0 && (signals === 'ratings' || signal === 'like')) {
        u = updateUserVector(u, model.items.subarray(item * model.dim, (item + 1) * model.dim), signal, lr, { maxNorm });
      }
    }
    if (steps > 0) perUser.push(sum / steps);
  });
  return Float64Array.from(perUser);
}

// --- Run -----------------------------------------------------------------------------------------

log(`training BPR (dim ${bprConfig.dim}, ${bprConfig.epochs} epochs) on the validation and test training parts`);
const valModel = trainBpr(itemsOf(data.validation.train), nItems, bprConfig);
const testModel = trainBpr(itemsOf(data.test.train), nItems, bprConfig);
const testVectors: VectorMatrix = { dim: testModel.dim, rows: testModel.nItems, data: testModel.items };
const fusionSections: string[] = [];
for (const intent of INTENTS) {
  const seedOffset = intent === 'genres' ? 0 : 100;
  const valQ = candidatesFor(makeQueries(data.validation, 11 + seedOffset, intent), data.validation, valModel);
  const testQ = candidatesFor(makeQueries(data.test, 12 + seedOffset, intent), data.test, testModel);
  const choices = NORMALISATIONS.map((n) => bestFusion(valQ, n));
  const chosen = choices.reduce((a, b) => (b.ndcg > a.ndcg ? b : a));
  log(`${intent}: validation ${choices.map((c) => `${c.normalisation} ${fmt(c.ndcg)} ${JSON.stringify(c.weights)}`).join('; ')}`);
  const single = (source: 'lexical' | 'u2i' | 'popular') => meanNdcg(testQ, { [source]: 1 }, 'minmax');
  const withPopular = { ...chosen.weights, popular: POPULAR_TIE_BREAK };
  const rows: string[] = [
    `| Lexical alone | - | ${fmt(single('lexical'))} |`,
    `| U2I alone (BPR user vector) | - | ${fmt(single('u2i'))} |`,
    `| Popularity alone | - | ${fmt(single('popular'))} |`,
    `| Lexical + popularity (tie-break) | minmax, popular ${POPULAR_TIE_BREAK} | ${fmt(meanNdcg(testQ, { lexical: 1, popular: POPULAR_TIE_BREAK }, 'minmax'))} |`,
  ];
  for (const c of choices) {
    rows.push(`| Fused lexical + U2I | ${c.normalisation}, u2i weight ${c.weights.u2i} (validation ${fmt(c.ndcg)}) | ${fmt(meanNdcg(testQ, c.weights, c.normalisation))} |`);
  }
  rows.push(`| Fused lexical + U2I + popularity | ${chosen.normalisation}, u2i ${chosen.weights.u2i}, popular ${POPULAR_TIE_BREAK} | ${fmt(meanNdcg(testQ, withPopular, chosen.normalisation))} |`);
  for (const lambda of MMR_LAMBDAS) {
    rows.push(
      `| Fused (${chosen.normalisation}) + MMR | lambda ${lambda} | ${fmt(meanNdcg(testQ, chosen.weights, chosen.normalisation, { vectors: testVectors, lambda }))} |`,
    );
  }
  const fusedPer = perQueryNdcg(testQ, chosen.weights, chosen.normalisation);
  const lexPopPer = perQueryNdcg(testQ, { lexical: 1, popular: POPULAR_TIE_BREAK }, 'minmax');
  const u2iPer = perQueryNdcg(testQ, { u2i: 1 }, 'minmax');
  fusionSections.push(`### Intent: ${intent} (${testQ.length} test queries, ${valQ.length} validation queries)

| Ranking | Settings | NDCG@10 (test) |
| --- | --- | --- |
${rows.join('\n')}

Paired bootstrap over test queries, 95% interval of the NDCG@10 difference, fused (${chosen.normalisation}, u2i ${chosen.weights.u2i}) minus:
lexical + popularity [${diffCi(fusedPer, lexPopPer)}]; U2I alone [${diffCi(fusedPer, u2iPer)}].
`);
  log(`${intent}: test done`);
}

const valStatic = replay(data.validation, valModel, 0, 'ratings');
const valRows = REPLAY_LRS.map((lr) => ({ lr, ndcg: replay(data.validation, valModel, lr, 'ratings') }));
const bestLr = valRows.reduce((a, b) => (b.ndcg > a.ndcg ? b : a)).lr;
const testStaticPer = replayPerUser(data.test, testModel, 0, 'ratings');
const testStatic = mean(testStaticPer);
const testChosenPer = replayPerUser(data.test, testModel, bestLr, 'ratings');
const replayRows = [`| Static vector (no updates) | - | ${fmt(valStatic)} | ${fmt(testStatic)} |`];
for (const { lr, ndcg } of valRows) {
  replayRows.push(`| On-device updates, like/click/skip from ratings | lr ${lr}${lr === bestLr ? ' (chosen)' : ''} | ${fmt(ndcg)} | ${fmt(lr === bestLr ? mean(testChosenPer) : replay(data.test, testModel, lr, 'ratings'))} |`);
}
replayRows.push(
  `| On-device updates, likes only (4+ stars) | lr ${bestLr} | ${fmt(replay(data.validation, valModel, bestLr, 'likes-only'))} | ${fmt(replay(data.test, testModel, bestLr, 'likes-only'))} |`,
);
log('replay done');

writeResultsSection(
  'fusion',
  `## Fusion: intent + U2I against each source alone, NDCG@10

Command: \`npx tsx tools/u2i/eval-fusion.ts\` (whole run, fusion and replay: ${runTimeLine(t0)}). ${machineLine()}

For ${QUERIES_PER_USER} held-out movies per user (seeded pick), the intent is what a person might say about it: its
genres as phrases ("science fiction", "horror"), and in the second table also one word of its title picked
at random ("alien"). Sources: lexical retrieval over the catalog (src/core/lexical.ts over titles, genre
tags and categories; every match is a candidate), U2I (top ${SOURCE_DEPTH} by the user's BPR vector, trained
on the training part only), popularity (top ${SOURCE_DEPTH} by training counts). Items the user has seen in
training are excluded. Relevant: the held-out movie itself; NDCG@10 = 1/log2(rank + 2) if in the top 10.
"Alone" rows rank by that source's score (ties by catalog order). Normalisation and U2I weight (lexical
weight fixed at 1) chosen on the validation split; each normalisation is shown at its best weight.

${fusionSections.join('\n')}`,
);
writeResultsSection(
  'replay',
  `## On-device updates: replay of held-out interactions, NDCG@10

Command: \`npx tsx tools/u2i/eval-fusion.ts\`. ${machineLine()}

Each user's held-out interactions in time order (first ${REPLAY_MAX_STEPS} per user). Before each interaction the
catalog is ranked by the user vector (seen items excluded) and NDCG@10 is taken against the held-out
interactions still to come (averaged over a user's steps, then over users); then the interaction is revealed (added to seen) and, for the online rows,
\`updateUserVector\` (src/core/u2i/online.ts) takes one step: 4+ stars = like, 2.5-3.5 = click, <= 2 = skip.
Norm bound = the largest user norm of the model. Learning rate chosen on validation.

| Vector | Settings | NDCG@10 (validation) | NDCG@10 (test) |
| --- | --- | --- | --- |
${replayRows.join('\n')}

Paired bootstrap over test users (${testStaticPer.length}), 95% interval of the difference, updates (lr ${bestLr}) minus static:
[${diffCi(testChosenPer, testStaticPer)}].
`,
);
log('wrote bench/RESULTS-u2i.md');
