// Shared parts of the fold-in bench (bench/u2i/foldin.ts): the data and the held-out split, the cached
// BPR models, the methods compared (popularity, item-kNN, factor cosine, fold-in, the trained vector)
// on a given set of users, and the fold-in grids with the rule that picks from them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildItemKnn, itemKnnScorer, popularityScorer } from '../../tools/u2i/baselines.ts';
import { mfScorer, trainBpr, type BprConfig, type MfModel } from '../../tools/u2i/bpr.ts';
import { loadMovieLensData } from '../../tools/u2i/dataset.ts';
import { evaluateRanking, type RankingMetrics, type UserScorer } from '../../tools/u2i/metrics.ts';
import { createRng } from '../../tools/u2i/random.ts';
import type { UserHistory } from '../../tools/u2i/split.ts';
import { foldInUser, itemGramian, type FoldInOptions } from '../../src/core/u2i/foldin.ts';
import type { VectorMatrix } from '../../src/core/u2i/format.ts';

export const K = 20;
export const NS = [1, 3, 5, 10, 20] as const;
/** A positive is a rating of 4 stars or more (the "like" of tools/u2i/export.ts and the replay). */
export const POSITIVE_RATING = 4;
/** A rating of 2 stars or less is the MovieLens stand-in for a skip ("not for me"). */
export const DISLIKE_RATING = 2;
export const HELD_OUT_SHARE = 0.5;
export const HOLD_OUT_SEED = 15;
/** item-kNN over co-occurrence: the validation pick of tools/u2i/train.ts (50 neighbours, shrink 10). */
export const KNN = { neighbours: 50, shrink: 10 };
const OUT = join(import.meta.dirname, '../out');

export const t0 = Date.now();
export const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
export const fmt = (x: number) => x.toFixed(4);

const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/models/u2i/movies/manifest.json'), 'utf8')) as {
  training: { dim: number; epochs: number; learningRate: number; finalLearningRateFraction: number; reg: number; seed: number };
};
/** The shipped model's settings (its manifest); initStd is tools/u2i/train.ts's. */
export const BPR: BprConfig = { ...shipped.training, initStd: 0.1 };

export const data = loadMovieLensData();
export const nItems = data.movies.length;
export const positivesOf = (h: UserHistory) => Array.from(h.items).filter((_, k) => h.ratings[k]! >= POSITIVE_RATING);

/** Users with >= 20 positives before their validation part, and the seeded half of them held out. */
export const eligible: number[] = [];
data.histories.forEach((_, u) => {
  if (positivesOf(data.validation.train[u]!).length >= Math.max(...NS)) eligible.push(u);
});
const holdOutRng = createRng(HOLD_OUT_SEED);
export const heldOut = eligible.filter(() => holdOutRng.next() < HELD_OUT_SHARE);
/** The other half of the eligible users: never evaluated by the held-out protocol (bench/u2i/foldin-confirm.ts). */
export const notHeldOut = eligible.filter((u) => !heldOut.includes(u));

export function cachedBpr(name: string, train: readonly Int32Array[]): MfModel {
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

export const testTrain = data.test.train.map((h) => h.items);
let full: MfModel | undefined;
/** The same BPR on every user's test-train part (the upper bound's trained vectors). */
export const fullModel = () => (full ??= cachedBpr('all', testTrain));

export interface Phase {
  /** Per evaluated user (local index): items masked, relevant items, their positives in time order, and per
   * positive the items they rated <= DISLIKE_RATING up to it (the "not for me" a fold-in may use). */
  seen: Int32Array[];
  relevant: Int32Array[];
  likes: number[][];
  dislikesUpTo: number[][][];
}

/** One fold-in setting: the solver's options, plus what the bench feeds it (Gramian weighting, dislikes). */
export interface FoldInSetting {
  readonly family: string;
  readonly label: string;
  readonly options: Partial<FoldInOptions>;
  /** eALS exponent of the unobserved weights (ials; 0 = the plain Gramian the product computes). */
  readonly popularityBeta?: number;
  /** Pass the items rated <= DISLIKE_RATING before the n-th like as negatives (skips). */
  readonly dislikes?: boolean;
}

/**
 * What the bench does not tune is fixed here, not taken from DEFAULT_FOLD_IN (foldInUser's base), so
 * that moving the product's default to a pick does not move the other rows: no liked-mean pull, no
 * norm bound, the bpr sampler's seed 1, a dislike weighs one like. (The values DEFAULT_FOLD_IN had
 * when the grids were first run, so every earlier number stands.)
 */
export const BENCH_BASE: Partial<FoldInOptions> = Object.freeze({ likedMeanWeight: 0, maxNorm: 0, seed: 1, negativeWeight: 1 });
export const resolvedOptions = (s: FoldInSetting): Partial<FoldInOptions> => ({ ...BENCH_BASE, ...s.options });
/** Whether the product's default runs this setting (the worker computes the plain Gramian only). */
export const isDefault = (s: FoldInSetting, dflt: FoldInOptions): boolean =>
  !s.popularityBeta && Object.entries(resolvedOptions(s)).every(([key, v]) => (dflt as unknown as Record<string, unknown>)[key] === v);

export type Bench = ReturnType<typeof benchOn>;

/**
 * Every method on `users` (global user indices): the fold-in model is BPR with the shipped settings on
 * the test-train part of every OTHER user (cached as bench/out/foldin-<modelName>-...), and popularity
 * and item-kNN are built from the same other users.
 */
export function benchOn(users: readonly number[], modelName: string) {
  const userSet = new Set(users);
  const others = testTrain.map((its, u) => (userSet.has(u) ? new Int32Array(0) : its));
  const model = cachedBpr(modelName, others);
  const items: VectorMatrix = { dim: model.dim, rows: nItems, data: model.items };
  const tg = Date.now();
  const gramian = itemGramian(items);
  const gramianMs = Date.now() - tg;
  const { scorer: popularity, counts: popularityCounts } = popularityScorer(others, nItems);
  const knn = buildItemKnn(others, nItems, KNN);
  /** Item Gramians with the unobserved term weighted by popularity^beta (eALS); beta 0 is the plain one. */
  const gramians = new Map<number, Float64Array>([[0, gramian]]);
  const gramianOf = (beta: number) => {
    let g = gramians.get(beta);
    if (!g) gramians.set(beta, (g = itemGramian(items, Float32Array.from(popularityCounts, (c) => (c + 1) ** beta))));
    return g;
  };

  const phase = (split: typeof data.test): Phase => ({
    seen: users.map((u) => split.train[u]!.items),
    relevant: users.map((u) => Int32Array.from(positivesOf(split.heldOut[u]!))),
    likes: users.map((u) => positivesOf(split.train[u]!)),
    dislikesUpTo: users.map((u) => {
      const h = split.train[u]!;
      const out: number[][] = [];
      const bad: number[] = [];
      h.items.forEach((it, k) => {
        if (h.ratings[k]! <= DISLIKE_RATING) bad.push(it);
        if (h.ratings[k]! >= POSITIVE_RATING) out.push([...bad]);
      });
      return out;
    }),
  });
  const evaluate = (p: Phase, scorer: UserScorer): RankingMetrics => evaluateRanking(scorer, p.seen, p.relevant, nItems, K);
  const withLikes = (p: Phase, n: number, score: (likes: number[], out: Float32Array, u: number) => void): UserScorer => (u, out) => score(p.likes[u]!.slice(0, n), out, u);
  const knnScorer = (p: Phase, n: number) => itemKnnScorer(knn, p.likes.map((l) => Int32Array.from(l.slice(0, n))));
  const factorCosineScorer = (p: Phase, n: number): UserScorer => {
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
  };
  const foldTimesMs: Record<string, number[]> = {};
  const foldInScorer = (p: Phase, n: number, setting: FoldInSetting, timeKey?: string): UserScorer => {
    const user = { dim: items.dim, users: new Float32Array(items.dim), items: items.data };
    const score = mfScorer(user);
    const g = gramianOf(setting.popularityBeta ?? 0);
    return withLikes(p, n, (likes, out, u) => {
      const negatives = setting.dislikes ? p.dislikesUpTo[u]![likes.length - 1] ?? [] : [];
      const t = performance.now();
      const v = foldInUser({ items, positives: likes, negatives, gramian: g, options: resolvedOptions(setting) });
      if (timeKey) (foldTimesMs[timeKey] ??= []).push(performance.now() - t);
      if (!v) return void out.fill(0);
      user.users.set(v);
      score(0, out);
    });
  };
  const upperScorer = mfScorer(fullModel());
  const upperBound: UserScorer = (u, out) => upperScorer(users[u]!, out);
  return { users, items, gramianMs, popularity, phase, evaluate, knnScorer, factorCosineScorer, foldInScorer, foldTimesMs, upperBound };
}

/** The ials grid (unobserved weight x reg) and the bpr grid (steps x lr x reg) of the first runs. */
export function foldInGrids(): { ials: FoldInSetting[]; bpr: FoldInSetting[] } {
  const ials: FoldInSetting[] = [];
  for (const unobservedWeight of [0.3, 1, 3, 10, 30]) for (const reg of [0.01, 0.03, 0.1, 0.3, 1]) ials.push({ family: 'ials', label: `ials, unobserved ${unobservedWeight}, reg ${reg}`, options: { method: 'ials', unobservedWeight, reg } });
  const bpr: FoldInSetting[] = [];
  for (const steps of [100, 300, 1000]) for (const learningRate of [0.05, 0.2, 0.5]) for (const reg of [0.003, 0.01, 0.1]) bpr.push({ family: 'bpr', label: `bpr, ${steps} steps, lr ${learningRate}, reg ${reg}`, options: { method: 'bpr', steps, learningRate, reg } });
  return { ials, bpr };
}

/** From a solver's plain pick: eALS popularity-weighted unobserved term (ials), the liked-mean pull, dislikes as negatives. */
export const variantsOf = (base: FoldInSetting): FoldInSetting[] => [
  ...(base.options.method === 'ials'
    ? [0.5, 1].map((popularityBeta) => ({ ...base, family: 'ials, eALS', label: `${base.label}, unobserved x popularity^${popularityBeta}`, popularityBeta }))
    : []),
  ...[0.1, 0.3, 1, 3].map((likedMeanWeight) => ({ ...base, family: `${base.options.method} + liked mean`, label: `${base.label} + liked mean x ${likedMeanWeight}`, options: { ...base.options, likedMeanWeight } })),
  ...[1, 0.3, 0.1].map((negativeWeight) => ({ ...base, family: `${base.options.method} + dislikes`, label: `${base.label} + dislikes${base.options.method === 'ials' ? ` x ${negativeWeight}` : ''}`, dislikes: true, options: { ...base.options, negativeWeight } })).slice(0, base.options.method === 'ials' ? 3 : 1),
];

export type Tuned<T> = FoldInSetting & T & { readonly recall: number; readonly ndcg: number };

/**
 * The selection rule: score the ials and bpr grids, take each solver's best grid row (highest `recall`:
 * the caller's criterion), score that pick's variants, and return every row with the picks; `chosen`
 * is the highest `recall` of every row (first in this order on a tie).
 */
export function selectFoldIn<T extends { recall: number; ndcg: number }>(score: (s: FoldInSetting) => T) {
  const tuning: Tuned<T>[] = [];
  const tune = (settings: FoldInSetting[]) => {
    for (const g of settings) tuning.push({ ...g, ...score(g) });
  };
  const bestOf = (family: string) => tuning.filter((t) => t.family === family).sort((a, b) => b.recall - a.recall)[0]!;
  const grids = foldInGrids();
  tune(grids.ials);
  tune(grids.bpr);
  const plainIals = bestOf('ials');
  const plainBpr = bestOf('bpr');
  tune(variantsOf(plainIals));
  tune(variantsOf(plainBpr));
  const chosen = [...tuning].sort((a, b) => b.recall - a.recall)[0]!;
  return { tuning, plainIals, plainBpr, chosen };
}
