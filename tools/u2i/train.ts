// Trains the U2I model on MovieLens latest-small and writes what the page ships.
//
//   npx tsx tools/u2i/train.ts            tune on validation, evaluate on test, export, write results
//
// 1. Tune on validation (each user's training part split again by time): BPR epochs and dim,
//    item-kNN neighbours. 2. Test: popularity, item-kNN and BPR (3 seeds) trained on the training
//    part, Recall@20 / NDCG@20 on the held-out last 20% of every user's history. 3. Retrain BPR with
//    the chosen settings on every interaction and export vectors + the movies catalog.
// TypeScript rather than PyTorch: 90k interactions train in seconds single-threaded, and the same
// format code (src/core/u2i/format.ts) encodes here and decodes in the page.

import { join } from 'node:path';
import { popularityScorer, buildItemKnn, itemKnnScorer } from './baselines';
import { trainBpr, mfScorer, type BprConfig, type MfModel } from './bpr';
import { itemsOf, loadMovieLensData, MIN_RATINGS, SPLIT_SEED, TEST_FRACTION, VALIDATION_FRACTION } from './dataset';
import { evaluateRanking, pairedBootstrapCi, type RankingMetrics, type UserScorer } from './metrics';
import { createRng } from './random';
import { U2I_SHIPPED_DTYPE, writeMoviesCatalog, writeU2iVectors } from './export';
import { decodeVectors, encodeVectors } from '../../src/core/u2i/format.ts';
import { machineLine, runTimeLine, writeResultsSection } from './results';

const K = 20;
const PUBLIC_MODELS = join(import.meta.dirname, '../../public/models');
const BASE: Omit<BprConfig, 'dim' | 'epochs' | 'seed'> = {
  learningRate: 0.05,
  reg: 0.01,
  initStd: 0.1,
  finalLearningRateFraction: 0.1,
};
const DIMS = [64, 128];
const EPOCHS = [120, 200];
const NEIGHBOURS = [25, 50, 100, 200];
const KNN_SHRINK = 10;
const TEST_SEEDS = [1, 2, 3];

const t0 = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const fmt = (x: number) => x.toFixed(4);

const data = loadMovieLensData();
const nItems = data.movies.length;
log(`MovieLens: ${data.userIds.length} users, ${nItems} movies with >= ${MIN_RATINGS} ratings, ${data.keptRatings} interactions`);

function evaluate(scorer: UserScorer, train: Int32Array[], heldOut: Int32Array[]): RankingMetrics {
  return evaluateRanking(scorer, train, heldOut, nItems, K);
}

// 1. Validation.
const vTrain = itemsOf(data.validation.train);
const vHeld = itemsOf(data.validation.heldOut);
const tuning: string[] = [];
let bestKnn = { neighbours: NEIGHBOURS[0]!, recall: -1 };
for (const neighbours of NEIGHBOURS) {
  const r = evaluate(itemKnnScorer(buildItemKnn(vTrain, nItems, { neighbours, shrink: KNN_SHRINK }), vTrain), vTrain, vHeld);
  tuning.push(`| item-kNN | neighbours ${neighbours} | ${fmt(r.recall)} | ${fmt(r.ndcg)} |`);
  if (r.recall > bestKnn.recall) bestKnn = { neighbours, recall: r.recall };
}
let bestBpr = { dim: DIMS[0]!, epochs: EPOCHS[0]!, recall: -1 };
for (const dim of DIMS) {
  for (const epochs of EPOCHS) {
    const m = trainBpr(vTrain, nItems, { ...BASE, dim, epochs, seed: 1 });
    const r = evaluate(mfScorer(m), vTrain, vHeld);
    tuning.push(`| BPR | dim ${dim}, epochs ${epochs} | ${fmt(r.recall)} | ${fmt(r.ndcg)} |`);
    if (r.recall > bestBpr.recall) bestBpr = { dim, epochs, recall: r.recall };
  }
}
log(`validation picks: item-kNN ${bestKnn.neighbours} neighbours; BPR dim ${bestBpr.dim}, ${bestBpr.epochs} epochs`);

// 2. Test.
const train = itemsOf(data.test.train);
const held = itemsOf(data.test.heldOut);
const pop = evaluate(popularityScorer(train, nItems).scorer, train, held);
const knn = evaluate(itemKnnScorer(buildItemKnn(train, nItems, { neighbours: bestKnn.neighbours, shrink: KNN_SHRINK }), train), train, held);
const bprRuns: RankingMetrics[] = [];
let trainSeconds = 0;
let shippedDtype: RankingMetrics | undefined;
for (const seed of TEST_SEEDS) {
  const t = Date.now();
  const m = trainBpr(train, nItems, { ...BASE, dim: bestBpr.dim, epochs: bestBpr.epochs, seed });
  trainSeconds = (Date.now() - t) / 1000;
  bprRuns.push(evaluate(mfScorer(m), train, held));
  // The same model as the page reads it: vectors rounded to the shipped dtype.
  if (seed === TEST_SEEDS[0]) shippedDtype = evaluate(mfScorer(roundModel(m, U2I_SHIPPED_DTYPE)), train, held);
}
log(`test: pop ${fmt(pop.recall)}, kNN ${fmt(knn.recall)}, BPR ${bprRuns.map((r) => fmt(r.recall)).join(' ')}`);
function roundModel(m: MfModel, dtype: 'float16' | 'float32'): MfModel {
  const round = (data: Float32Array, rows: number) => decodeVectors(encodeVectors('items', { dim: m.dim, rows, data }, dtype)).data;
  return { ...m, users: round(m.users, m.nUsers), items: round(m.items, m.nItems) };
}
const meanSd = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${fmt(mean)} ± ${fmt(sd)}`;
};
const rng = createRng(7);
const ci = (a: Float64Array, b: Float64Array) => pairedBootstrapCi(a, b, 2000, rng.next).map(fmt).join(', ');
const bpr1 = bprRuns[0]!;

// 3. Export: retrain on every interaction with the chosen settings.
const finalConfig: BprConfig = { ...BASE, dim: bestBpr.dim, epochs: bestBpr.epochs, seed: 1 };
const finalModel: MfModel = trainBpr(itemsOf(data.histories), nItems, finalConfig);
const catalog = writeMoviesCatalog(data, PUBLIC_MODELS);
const vectors = writeU2iVectors(finalModel, data, PUBLIC_MODELS, {
  modelId: `bpr-mf-d${finalConfig.dim}-movielens-small`,
  training: {
    method: 'BPR matrix factorisation, uniform negatives, SGD',
    data: `MovieLens latest-small via r-cran-dslabs; movies with >= ${MIN_RATINGS} ratings; every rating is an interaction`,
    dim: finalConfig.dim,
    epochs: finalConfig.epochs,
    learningRate: finalConfig.learningRate,
    finalLearningRateFraction: finalConfig.finalLearningRateFraction ?? 1,
    reg: finalConfig.reg,
    seed: finalConfig.seed,
    heldOutRecallAt20: Number(fmt(bpr1.recall)),
  },
});
log(`exported ${catalog.itemCount} movies (${(catalog.bytes / 1024).toFixed(0)} KiB) and ${vectors.files} U2I files (${(vectors.bytes / 1024).toFixed(0)} KiB)`);

writeResultsSection(
  'training',
  `## U2I training: Recall@20 and NDCG@20 on held-out interactions

Command: \`npx tsx tools/u2i/train.ts\` (whole run: ${runTimeLine(t0)}; one BPR training ${trainSeconds.toFixed(1)} s wall). ${machineLine()}

Data: MovieLens latest-small from Debian r-cran-dslabs, movies with >= ${MIN_RATINGS} ratings: ${data.userIds.length} users,
${nItems} movies, ${data.keptRatings} interactions (every rating counts as an interaction: implicit feedback).
Split by time per user: the last ${TEST_FRACTION * 100}% of each user's interactions are held out (ties in time broken by a
seeded shuffle, seed ${SPLIT_SEED}). Ranking over every movie the user has not interacted with in training.
Recall@20 = hits in top 20 / held-out items; NDCG@20 with binary relevance; mean over ${bpr1.users} users.
Settings chosen on a validation split (the last ${VALIDATION_FRACTION * 100}% of each user's training part), not on the test set.

| Method | Settings | Recall@20 | NDCG@20 |
| --- | --- | --- | --- |
| Popularity | rating counts in training | ${fmt(pop.recall)} | ${fmt(pop.ndcg)} |
| Item-kNN | cosine, ${bestKnn.neighbours} neighbours, shrink ${KNN_SHRINK} | ${fmt(knn.recall)} | ${fmt(knn.ndcg)} |
| BPR-MF (U2I) | dim ${bestBpr.dim}, ${bestBpr.epochs} epochs, lr ${BASE.learningRate} decaying linearly to ${Number((BASE.learningRate * (BASE.finalLearningRateFraction ?? 1)).toPrecision(3))}, L2 ${BASE.reg}; seeds ${TEST_SEEDS.join(', ')} (mean ± sd) | ${meanSd(bprRuns.map((r) => r.recall))} | ${meanSd(bprRuns.map((r) => r.ndcg))} |

Shipped precision: the page reads ${U2I_SHIPPED_DTYPE} vectors. BPR seed 1 scored with its vectors rounded to ${U2I_SHIPPED_DTYPE}: Recall@20 ${fmt(shippedDtype!.recall)}, NDCG@20 ${fmt(shippedDtype!.ndcg)} (float32: ${fmt(bpr1.recall)}, ${fmt(bpr1.ndcg)}).

Paired bootstrap over users (2,000 resamples), 95% interval of the difference, BPR seed 1 minus baseline:
- Recall@20: BPR - item-kNN [${ci(bpr1.perUserRecall, knn.perUserRecall)}]; BPR - popularity [${ci(bpr1.perUserRecall, pop.perUserRecall)}]
- NDCG@20: BPR - item-kNN [${ci(bpr1.perUserNdcg, knn.perUserNdcg)}]; BPR - popularity [${ci(bpr1.perUserNdcg, pop.perUserNdcg)}]

Validation (tuning) results, same metrics on the validation split:

| Method | Settings | Recall@20 | NDCG@20 |
| --- | --- | --- | --- |
${tuning.join('\n')}

Shipped: BPR retrained with the chosen settings on every interaction (train + held-out), seed 1:
${vectors.files} files in public/models/u2i/movies (${(vectors.bytes / 1024).toFixed(0)} KiB), catalog public/models/catalogs/movies (${catalog.itemCount} movies, ${(catalog.bytes / 1024).toFixed(0)} KiB).
`,
);
log('wrote bench/RESULTS-u2i.md');

