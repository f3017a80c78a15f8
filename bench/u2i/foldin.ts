// Does folding a new user into the shipped BPR model from a handful of likes beat the simple things
// a page could do with the same likes (popularity, item-kNN)? And how far is it from the vector the
// model would have trained for them? Measured on MovieLens users the item factors never saw.
//
//   npx tsx bench/u2i/foldin.ts            (needs r-cran-dslabs; ~9 min on the shared 2-core VM, 2 BPR models cached in bench/out/)
//
// Split: tools/u2i's (the last 20% of each user's interactions in time are the test part, the last
// 20% of the rest the validation part). A seeded quarter of the users with >= 20 positives (4+ stars)
// in their validation-train part are held out: the fold-in model is BPR with the shipped settings
// trained on the test-train part of every OTHER user. A held-out user is folded in from their first
// n positives in time order; targets are the positives of their test part (tuning: validation part).
// Every method masks the user's whole train part (what they have already seen). Upper bound: the
// same BPR trained on every user's test-train part, held-out users included, their trained vector.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildItemKnn, itemKnnScorer, popularityScorer } from '../../tools/u2i/baselines.ts';
import { mfScorer, trainBpr, type BprConfig, type MfModel } from '../../tools/u2i/bpr.ts';
import { loadMovieLensData, SPLIT_SEED } from '../../tools/u2i/dataset.ts';
import { evaluateRanking, pairedBootstrapCi, type RankingMetrics, type UserScorer } from '../../tools/u2i/metrics.ts';
import { machineLine, runTimeLine, writeResultsSection } from '../../tools/u2i/results.ts';
import { createRng } from '../../tools/u2i/random.ts';
import type { UserHistory } from '../../tools/u2i/split.ts';
import { foldInUser, itemGramian, DEFAULT_FOLD_IN, type FoldInOptions } from '../../src/core/u2i/foldin.ts';
import type { VectorMatrix } from '../../src/core/u2i/format.ts';

const K = 20;
const NS = [1, 3, 5, 10, 20] as const;
/** A positive is a rating of 4 stars or more (the "like" of tools/u2i/export.ts and the replay). */
const POSITIVE_RATING = 4;
const HELD_OUT_SHARE = 0.5;
const HOLD_OUT_SEED = 15;
/** item-kNN over co-occurrence: the validation pick of tools/u2i/train.ts (50 neighbours, shrink 10). */
const KNN = { neighbours: 50, shrink: 10 };
const OUT = join(import.meta.dirname, '../out');

const t0 = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const fmt = (x: number) => x.toFixed(4);

const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/models/u2i/movies/manifest.json'), 'utf8')) as {
  training: { dim: number; epochs: number; learningRate: number; finalLearningRateFraction: number; reg: number; seed: number };
};
/** The shipped model's settings (its manifest); initStd is tools/u2i/train.ts's. */
const BPR: BprConfig = { ...shipped.training, initStd: 0.1 };

const data = loadMovieLensData();
const nItems = data.movies.length;
const positivesOf = (h: UserHistory) => Array.from(h.items).filter((_, k) => h.ratings[k]! >= POSITIVE_RATING);

const eligible: number[] = [];
data.histories.forEach((_, u) => {
  if (positivesOf(data.validation.train[u]!).length >= Math.max(...NS)) eligible.push(u);
});
const rng = createRng(HOLD_OUT_SEED);
const heldOut = eligible.filter(() => rng.next() < HELD_OUT_SHARE);
const heldSet = new Set(heldOut);
log(`${data.userIds.length} users, ${nItems} movies; ${eligible.length} with >= ${Math.max(...NS)} positives before validation; ${heldOut.length} held out`);

function cachedBpr(name: string, train: readonly Int32Array[]): MfModel {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `foldin-${name}-d${BPR.dim}-e${BPR.epochs}-s${BPR.seed}-h${HOLD_OUT_SEED}.bin`);
  const nUsers = train.length;
  if (existsSync(file)) {
    const all = new Float32Array(new Uint8Array(readFileSync(file)).buffer);
    if (all.length === (nUsers + nItems) * BPR.dim) {
      log(`model ${name}: cached ${file}`);
      return { dim: BPR.dim, nUsers, nItems, users: all.slice(0, nUsers * BPR.dim), items: all.slice(nUsers * BPR.dim) };
    }
  }
  const t = Date.now();
  const m = trainBpr(train, nItems, BPR);
  log(`model ${name}: trained in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  const all = new Float32Array((nUsers + nItems) * BPR.dim);
  all.set(m.users);
  all.set(m.items, nUsers * BPR.dim);
  writeFileSync(file, new Uint8Array(all.buffer));
  return m;
}

const testTrain = data.test.train.map((h) => h.items);
const foldModel = cachedBpr('others', testTrain.map((its, u) => (heldSet.has(u) ? new Int32Array(0) : its)));
const fullModel = cachedBpr('all', testTrain);
const items: VectorMatrix = { dim: foldModel.dim, rows: nItems, data: foldModel.items };
const tg = Date.now();
const gramian = itemGramian(items);
const gramianMs = Date.now() - tg;

interface Phase {
  /** Per held-out user (local index): items masked, relevant items, their positives in time order, and per
   * positive the items they rated <= DISLIKE_RATING up to it (the "not for me" a fold-in may use). */
  seen: Int32Array[];
  relevant: Int32Array[];
  likes: number[][];
  dislikesUpTo: number[][][];
}
/** A rating of 2 stars or less is the MovieLens stand-in for a skip ("not for me"). */
const DISLIKE_RATING = 2;
function phase(split: typeof data.test): Phase {
  return {
    seen: heldOut.map((u) => split.train[u]!.items),
    relevant: heldOut.map((u) => Int32Array.from(positivesOf(split.heldOut[u]!))),
    likes: heldOut.map((u) => positivesOf(split.train[u]!)),
    dislikesUpTo: heldOut.map((u) => {
      const h = split.train[u]!;
      const out: number[][] = [];
      const bad: number[] = [];
      h.items.forEach((it, k) => {
        if (h.ratings[k]! <= DISLIKE_RATING) bad.push(it);
        if (h.ratings[k]! >= POSITIVE_RATING) out.push([...bad]);
      });
      return out;
    }),
  };
}
const validation = phase(data.validation);
const test = phase(data.test);
const others = testTrain.map((its, u) => (heldSet.has(u) ? new Int32Array(0) : its));
const { scorer: popularity, counts: popularityCounts } = popularityScorer(others, nItems);
const knn = buildItemKnn(others, nItems, KNN);
/** Item Gramians with the unobserved term weighted by popularity^beta (eALS); beta 0 is the plain one. */
const gramians = new Map<number, Float64Array>([[0, gramian]]);
const gramianOf = (beta: number) => {
  let g = gramians.get(beta);
  if (!g) gramians.set(beta, (g = itemGramian(items, Float32Array.from(popularityCounts, (c) => (c + 1) ** beta))));
  return g;
};

const evaluate = (p: Phase, scorer: UserScorer): RankingMetrics => evaluateRanking(scorer, p.seen, p.relevant, nItems, K);
function withLikes(p: Phase, n: number, score: (likes: number[], out: Float32Array, u: number) => void): UserScorer {
  return (u, out) => score(p.likes[u]!.slice(0, n), out, u);
}
const knnScorer = (p: Phase, n: number) => {
  const inner = itemKnnScorer(knn, p.likes.map((l) => Int32Array.from(l.slice(0, n))));
  return inner;
};
function factorCosineScorer(p: Phase, n: number): UserScorer {
  const norms = new Float32Array(nItems);
  for (let i = 0; i < nItems; i++) norms[i] = Math.hypot(...items.data.subarray(i * items.dim, (i + 1) * items.dim)) || 1;
  return withLikes(p, n, (likes, out) => {
    out.fill(0);
    for (const j of likes) {
      for (let i = 0; i < nItems; i++) {
        let c = 0;
        for (let f = 0; f < items.dim; f++) c += items.data[j * items.dim + f]! * items.data[i * items.dim + f]!;
        out[i]! += c / (norms[i]! * norms[j]!);
      }
    }
  });
}

/** One fold-in setting: the solver's options, plus what the bench feeds it (Gramian weighting, dislikes). */
interface FoldInSetting {
  readonly family: string;
  readonly label: string;
  readonly options: Partial<FoldInOptions>;
  /** eALS exponent of the unobserved weights (ials; 0 = the plain Gramian the product computes). */
  readonly popularityBeta?: number;
  /** Pass the items rated <= DISLIKE_RATING before the n-th like as negatives (skips). */
  readonly dislikes?: boolean;
}
const foldTimesMs: Record<string, number[]> = {};
function foldInScorer(p: Phase, n: number, setting: FoldInSetting, timeKey?: string): UserScorer {
  const user = { dim: items.dim, users: new Float32Array(items.dim), items: items.data };
  const score = mfScorer(user);
  const g = gramianOf(setting.popularityBeta ?? 0);
  return withLikes(p, n, (likes, out, u) => {
    const negatives = setting.dislikes ? p.dislikesUpTo[u]![likes.length - 1] ?? [] : [];
    const t = performance.now();
    const v = foldInUser({ items, positives: likes, negatives, gramian: g, options: setting.options });
    if (timeKey) (foldTimesMs[timeKey] ??= []).push(performance.now() - t);
    if (!v) return void out.fill(0);
    user.users.set(v);
    score(0, out);
  });
}
const upperBound: UserScorer = (u, out) => mfScorer(fullModel)(heldOut[u]!, out);

// 1. Tuning on the validation targets: mean Recall@20 over the five like counts. The grids of the
// first run (ials unobserved 0.1-10 x reg 0.1-10; bpr 30-300 steps) put ials's pick at the corner
// reg 0.1, so the ials grid now reaches down to 0.01; then, from each solver's plain pick, the
// variants: eALS popularity-weighted unobserved term, the pull toward the liked items' mean factor,
// and dislikes (<= 2 stars) as negatives.
const tuning: (FoldInSetting & { recall: number; ndcg: number })[] = [];
const tune = (settings: FoldInSetting[]) => {
  for (const g of settings) {
    const rs = NS.map((n) => evaluate(validation, foldInScorer(validation, n, g)));
    const row = { ...g, recall: rs.reduce((a, r) => a + r.recall, 0) / rs.length, ndcg: rs.reduce((a, r) => a + r.ndcg, 0) / rs.length };
    tuning.push(row);
    log(`  validation ${g.label}: ${fmt(row.recall)} / ${fmt(row.ndcg)}`);
  }
};
const bestOf = (family: string) => tuning.filter((t) => t.family === family).sort((a, b) => b.recall - a.recall)[0]!;
const ialsGrid: FoldInSetting[] = [];
for (const unobservedWeight of [0.3, 1, 3, 10, 30]) for (const reg of [0.01, 0.03, 0.1, 0.3, 1]) ialsGrid.push({ family: 'ials', label: `ials, unobserved ${unobservedWeight}, reg ${reg}`, options: { method: 'ials', unobservedWeight, reg } });
const bprGrid: FoldInSetting[] = [];
for (const steps of [100, 300, 1000]) for (const learningRate of [0.05, 0.2, 0.5]) for (const reg of [0.003, 0.01, 0.1]) bprGrid.push({ family: 'bpr', label: `bpr, ${steps} steps, lr ${learningRate}, reg ${reg}`, options: { method: 'bpr', steps, learningRate, reg } });
tune(ialsGrid);
tune(bprGrid);
const plainIals = bestOf('ials');
const plainBpr = bestOf('bpr');
const variantsOf = (base: FoldInSetting): FoldInSetting[] => [
  ...(base.options.method === 'ials'
    ? [0.5, 1].map((popularityBeta) => ({ ...base, family: 'ials, eALS', label: `${base.label}, unobserved x popularity^${popularityBeta}`, popularityBeta }))
    : []),
  ...[0.1, 0.3, 1, 3].map((likedMeanWeight) => ({ ...base, family: `${base.options.method} + liked mean`, label: `${base.label} + liked mean x ${likedMeanWeight}`, options: { ...base.options, likedMeanWeight } })),
  ...[1, 0.3, 0.1].map((negativeWeight) => ({ ...base, family: `${base.options.method} + dislikes`, label: `${base.label} + dislikes${base.options.method === 'ials' ? ` x ${negativeWeight}` : ''}`, dislikes: true, options: { ...base.options, negativeWeight } })).slice(0, base.options.method === 'ials' ? 3 : 1),
];
tune(variantsOf(plainIals));
tune(variantsOf(plainBpr));
const chosen = [...tuning].sort((a, b) => b.recall - a.recall)[0]!;
log(`validation picks: ${plainIals.label} (${fmt(plainIals.recall)}); ${plainBpr.label} (${fmt(plainBpr.recall)}); overall ${chosen.label} (${fmt(chosen.recall)})`);
const valBaselines = {
  knn: NS.map((n) => evaluate(validation, knnScorer(validation, n)).recall).reduce((a, b) => a + b) / NS.length,
  pop: evaluate(validation, popularity).recall,
};
if (process.argv.includes('--validation-only')) process.exit(0);

// 2. Test: the plain pick of each solver and the overall pick (when it is neither).
const reported = [plainIals, plainBpr, ...(chosen !== plainIals && chosen !== plainBpr ? [chosen] : [])];
const nameOf = (t: FoldInSetting) => (t === chosen ? `${t.family} (chosen)` : t.family);
const pop = evaluate(test, popularity);
const upper = evaluate(test, upperBound);
const rows: string[] = [];
const cis: string[] = [];
const ciRng = createRng(7);
const ci = (a: Float64Array, b: Float64Array) => pairedBootstrapCi(a, b, 2000, ciRng.next).map(fmt).join(', ');
for (const n of NS) {
  const k = evaluate(test, knnScorer(test, n));
  const fc = evaluate(test, factorCosineScorer(test, n));
  const fs = reported.map((t) => evaluate(test, foldInScorer(test, n, t, `${t.label} ${n}`)));
  rows.push(`| ${n} | ${fmt(pop.recall)} / ${fmt(pop.ndcg)} | ${fmt(k.recall)} / ${fmt(k.ndcg)} | ${fmt(fc.recall)} / ${fmt(fc.ndcg)} | ${fs.map((f) => `${fmt(f.recall)} / ${fmt(f.ndcg)}`).join(' | ')} | ${fmt(upper.recall)} / ${fmt(upper.ndcg)} |`);
  reported.forEach((t, j) => {
    const f = fs[j]!;
    cis.push(`- ${n} likes, ${nameOf(t)} - item-kNN: Recall@20 [${ci(f.perUserRecall, k.perUserRecall)}], NDCG@20 [${ci(f.perUserNdcg, k.perUserNdcg)}]; - popularity: Recall@20 [${ci(f.perUserRecall, pop.perUserRecall)}]`);
  });
  log(`n=${n}: pop ${fmt(pop.recall)} knn ${fmt(k.recall)} cos ${fmt(fc.recall)} ${reported.map((t, j) => `${t.family} ${fmt(fs[j]!.recall)}`).join(' ')} upper ${fmt(upper.recall)}`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const timing = NS.map((n) => `| ${n} | ${reported.map((t) => `${median(foldTimesMs[`${t.label} ${n}`]!).toFixed(2)} / ${p95(foldTimesMs[`${t.label} ${n}`]!).toFixed(2)}`).join(' | ')} |`);
// The product can ship the pick only if it is expressible as DEFAULT_FOLD_IN (no popularity-weighted Gramian: the worker computes the plain one).
const defaultMatches = !chosen.popularityBeta && Object.entries({ ...chosen.options }).every(([key, v]) => (DEFAULT_FOLD_IN as unknown as Record<string, unknown>)[key] === v);

const section = `## Fold-in: a new user's vector from their first likes, Recall@20 / NDCG@20

Command: \`npx tsx bench/u2i/foldin.ts\` (whole run: ${runTimeLine(t0)}; the two BPR models are cached in bench/out/). ${machineLine()}

Users the fold-in model never saw: of the ${eligible.length} users with >= ${Math.max(...NS)} positives (4+ stars) before their
validation part, a seeded ${HELD_OUT_SHARE * 100}% (seed ${HOLD_OUT_SEED}): ${heldOut.length} users. Split as tools/u2i (seed ${SPLIT_SEED}): per user, the
last 20% of interactions in time are the test part, the last 20% of the rest the validation part. Fold-in model: BPR
with the shipped settings (dim ${BPR.dim}, ${BPR.epochs} epochs, lr ${BPR.learningRate} -> x${BPR.finalLearningRateFraction}, L2 ${BPR.reg}, seed ${BPR.seed}) on the test-train part of every
other user. A held-out user gives their first n positives in time order; targets: the positives of their test part
(${test.relevant.filter((r, u) => r.some((i) => !test.seen[u]!.includes(i))).length} users have one). Every method masks the user's whole train part. Popularity and item-kNN are
built from the same other users. Item-kNN: co-occurrence cosine (tools/u2i/baselines.ts, ${KNN.neighbours} neighbours, shrink ${KNN.shrink}),
scored as the sum of similarities to the n likes. Factor cosine: sum over the likes of the cosine of BPR item factors
(what the 'similar' source does). Upper bound: the same BPR trained on every user's test-train part including
the held-out users' (all of it, not just n likes); their trained vector, so it does not depend on n.

| Likes | Popularity | Item-kNN (co-occurrence) | Factor cosine | ${reported.map((t) => `Fold-in ${nameOf(t)}`).join(' | ')} | Trained vector (upper bound) |
| --- | --- | --- | --- |${' --- |'.repeat(reported.length)} --- |
${rows.join('\n')}

Fold-in settings picked on the validation targets (mean Recall@20 over n = ${NS.join(', ')}), per solver: ${plainIals.label}; ${plainBpr.label}.
Overall pick (highest validation Recall@20 of every row of the tuning table): ${chosen.label}${chosen.dislikes ? ` (negatives: the items rated <= ${DISLIKE_RATING} stars before the n-th like)` : ''};
src/core/u2i/foldin.ts DEFAULT_FOLD_IN ${defaultMatches ? 'is' : 'is NOT'} that pick. Paired bootstrap over users (2,000 resamples), 95% interval:
${cis.join('\n')}

Time of one fold-in (this machine, Node, ms, median / p95 over the held-out users; item Gramian once: ${gramianMs} ms):

| Likes | ${reported.map(nameOf).join(' | ')} |
| --- |${' --- |'.repeat(reported.length)}
${timing.join('\n')}

Validation (tuning), mean over n of Recall@20 / NDCG@20 (item-kNN ${fmt(valBaselines.knn)}, popularity ${fmt(valBaselines.pop)} Recall@20):

Rows: the ials and bpr grids, then each solver's variants from its plain pick: 'unobserved x popularity^b' weights the
"every item is a weak 0" term by (count + 1)^b among the other users (eALS); 'liked mean x w' adds w times the mean of
the liked items' unit factors to the solved vector; 'dislikes' passes the items rated <= ${DISLIKE_RATING} stars before the n-th like
as negatives (ials: target 0 with that weight; bpr: half the pairs).

| Fold-in | Recall@20 | NDCG@20 |
| --- | --- | --- |
${tuning.map((t) => `| ${t.label} | ${fmt(t.recall)} | ${fmt(t.ndcg)} |`).join('\n')}
`;
writeResultsSection('foldin', section);
log('wrote the fold-in section of bench/RESULTS-u2i.md');
