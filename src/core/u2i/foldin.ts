// Fold-in: a person who never adopted a demo user still gets a U2I vector. From the items they liked
// (and optionally disliked) we solve for their user vector against the shipped item factors, which
// stay fixed, on the device in about a millisecond at median (bench/RESULTS-u2i.md, fold-in timing).
//
// Two solvers, both kept because the benchmark compares them:
// - 'ials': regularised least squares as in implicit ALS (Hu, Koren & Volinsky 2008):
//   liked items have target 1, disliked items target 0 with their own weight, and every item in the
//   catalog counts as a weak 0 through the item Gramian, which keeps popular directions from winning
//   by default. One dim x dim Cholesky solve.
// - 'bpr' (the default, by the selection of bench/RESULTS-u2i.md's fold-in confirmation): BPR steps
//   (Rendle et al. 2009) on the user vector alone: liked item against a sampled item the user has not
//   liked (or a disliked one), the same loss the items were trained on.
import type { VectorMatrix } from './format.ts';
import { U2iError } from './format.ts';
import { rng } from '../random.ts';

export const FOLD_IN_METHODS = ['ials', 'bpr'] as const;
export type FoldInMethod = (typeof FOLD_IN_METHODS)[number];

export interface FoldInOptions {
  readonly method: FoldInMethod;
  /** L2 on the user vector (both solvers). */
  readonly reg: number;
  /** ials: weight of the "every item is a weak 0" term, relative to one like (the mean Gramian's weight). */
  readonly unobservedWeight: number;
  /** ials: weight of one disliked item's target 0, relative to one like. */
  readonly negativeWeight: number;
  /** bpr: number of SGD steps, learning rate, seed of the negative sampler. */
  readonly steps: number;
  readonly learningRate: number;
  readonly seed: number;
  /**
   * Both solvers: the solved vector plus this times the mean of the liked items' unit factors (what
   * the 'similar' source's factor cosine points at), a pull toward the likes themselves that a
   * handful of likes cannot over-fit; 0 = the solver's vector alone.
   */
  readonly likedMeanWeight: number;
  /** The result is scaled down to this norm if longer (the manifest's users.maxNorm); 0 = no bound. */
  readonly maxNorm: number;
}

/**
 * Chosen by the protocol of bench/RESULTS-u2i.md, section "Fold-in confirmation" (committed before its
 * run; `npx tsx bench/u2i/foldin.ts --confirm`): on the 194 held-out users of the "Fold-in" section,
 * validation and test targets both, highest mean Recall@20 over 1-20 likes: bpr (1000 steps, lr 0.05,
 * L2 0.003) 0.0954 against the best ials row (unobserved 1, reg 0.3) 0.0941. (Validation alone had
 * picked ials, unobserved 3, reg 0.1, which lost to item-kNN on those users' test targets.) Measured
 * once on 199 other users: above item-kNN in both metrics at 5, 10 and 20 likes (point estimates; every
 * 95% interval includes 0). `reg` is the bpr L2 here: ials wants about 0.1-1 (the tables there).
 */
export const DEFAULT_FOLD_IN: FoldInOptions = Object.freeze({
  method: 'bpr',
  reg: 0.003,
  unobservedWeight: 3,
  negativeWeight: 1,
  steps: 1000,
  learningRate: 0.05,
  seed: 1,
  likedMeanWeight: 0,
  maxNorm: 0,
});

export interface FoldInRequest {
  readonly items: VectorMatrix;
  /** Rows of the liked items, any order; duplicates and rows out of range are ignored. */
  readonly positives: readonly number[];
  /** Rows of disliked items (skips, "not for me"). */
  readonly negatives?: readonly number[];
  /** itemGramian(items), computed once per catalog and reused (ials only). */
  readonly gramian?: Float64Array;
  readonly options?: Partial<FoldInOptions>;
}

const rowIsZero = (items: VectorMatrix, r: number): boolean => {
  for (let f = 0; f < items.dim; f++) if (items.data[r * items.dim + f] !== 0) return false;
  return true;
};

/** Distinct in-range rows with a non-zero vector: a zero row (an item the model never saw) says nothing. */
function usableRows(items: VectorMatrix, rows: readonly number[], not?: ReadonlySet<number>): number[] {
  const out = new Set<number>();
  for (const r of rows) if (Number.isInteger(r) && r >= 0 && r < items.rows && !not?.has(r) && !rowIsZero(items, r)) out.add(r);
  return [...out];
}

/**
 * Mean item Gramian V^T V / rows (dim x dim, row-major): the "every item is a weak 0" term of ials.
 * With `weights` (one per row, e.g. popularity^beta as in eALS, He et al. 2016), each item's term is
 * scaled by its weight over the mean weight, so the total stays that of the plain Gramian.
 */
export function itemGramian(items: VectorMatrix, weights?: ArrayLike<number>): Float64Array {
  const { dim, rows, data } = items;
  if (weights && weights.length !== rows) throw new U2iError('dim-mismatch', `${weights.length} item weights for ${rows} items`);
  let meanWeight = 1;
  if (weights) {
    meanWeight = 0;
    for (let r = 0; r < rows; r++) meanWeight += weights[r]! / Math.max(1, rows);
    if (!(meanWeight > 0)) throw new RangeError('item weights must have a positive mean');
  }
  const g = new Float64Array(dim * dim);
  for (let r = 0; r < rows; r++) {
    const o = r * dim;
    const w = weights ? weights[r]! / meanWeight : 1;
    if (w === 0) continue;
    for (let a = 0; a < dim; a++) {
      const va = w * data[o + a]!;
      if (va === 0) continue;
      for (let b = a; b < dim; b++) g[a * dim + b]! += va * data[o + b]!;
    }
  }
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) {
      const v = g[a * dim + b]! / Math.max(1, rows);
      g[a * dim + b] = v;
      g[b * dim + a] = v;
    }
  }
  return g;
}

/** Solves A x = b for symmetric positive definite A (dim x dim, overwritten) by Cholesky. */
function solveSpd(a: Float64Array, b: Float64Array, dim: number): Float64Array {
  for (let j = 0; j < dim; j++) {
    let d = a[j * dim + j]!;
    for (let k = 0; k < j; k++) d -= a[j * dim + k]! ** 2;
    if (!(d > 0)) throw new U2iError('not-finite', 'fold-in system is not positive definite (reg must be > 0)');
    const l = Math.sqrt(d);
    a[j * dim + j] = l;
    for (let i = j + 1; i < dim; i++) {
      let s = a[i * dim + j]!;
      for (let k = 0; k < j; k++) s -= a[i * dim + k]! * a[j * dim + k]!;
      a[i * dim + j] = s / l;
    }
  }
  const y = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= a[i * dim + k]! * y[k]!;
    y[i] = s / a[i * dim + i]!;
  }
  const x = new Float64Array(dim);
  for (let i = dim - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < dim; k++) s -= a[k * dim + i]! * x[k]!;
    x[i] = s / a[i * dim + i]!;
  }
  return x;
}

function foldInIals(items: VectorMatrix, pos: readonly number[], neg: readonly number[], gramian: Float64Array, o: FoldInOptions): Float64Array {
  const { dim, data } = items;
  const a = new Float64Array(dim * dim);
  for (let x = 0; x < a.length; x++) a[x] = o.unobservedWeight * gramian[x]!;
  for (let f = 0; f < dim; f++) a[f * dim + f]! += o.reg;
  const b = new Float64Array(dim);
  const addRows = (rows: readonly number[], weight: number, target: number) => {
    for (const r of rows) {
      const off = r * dim;
      for (let p = 0; p < dim; p++) {
        const vp = data[off + p]!;
        b[p]! += weight * target * vp;
        for (let q = 0; q < dim; q++) a[p * dim + q]! += weight * vp * data[off + q]!;
      }
    }
  };
  addRows(pos, 1, 1);
  addRows(neg, o.negativeWeight, 0);
  return solveSpd(a, b, dim);
}

function foldInBpr(items: VectorMatrix, pos: readonly number[], neg: readonly number[], o: FoldInOptions): Float64Array {
  const { dim, rows, data } = items;
  const u = new Float64Array(dim);
  const liked = new Set(pos);
  const next = rng(o.seed);
  for (let t = 0; t < o.steps; t++) {
    const i = pos[t % pos.length]!;
    // Half the pairs use a known dislike when there is one; the rest a uniformly sampled unliked item.
    let j: number;
    if (neg.length > 0 && next() < 0.5) j = neg[Math.floor(next() * neg.length)]!;
    else {
      do j = Math.floor(next() * rows);
      while (liked.has(j) && liked.size < rows);
    }
    let x = 0;
    for (let f = 0; f < dim; f++) x += u[f]! * (data[i * dim + f]! - data[j * dim + f]!);
    const g = 1 / (1 + Math.exp(x));
    for (let f = 0; f < dim; f++) u[f]! += o.learningRate * (g * (data[i * dim + f]! - data[j * dim + f]!) - o.reg * u[f]!);
  }
  return u;
}

/** u += weight x the mean of the unit factors of `rows` (all non-zero: usableRows). */
function addLikedMean(u: Float64Array, items: VectorMatrix, rows: readonly number[], weight: number): void {
  const { dim, data } = items;
  for (const r of rows) {
    let n2 = 0;
    for (let f = 0; f < dim; f++) n2 += data[r * dim + f]! ** 2;
    const s = weight / (rows.length * Math.sqrt(n2));
    for (let f = 0; f < dim; f++) u[f]! += s * data[r * dim + f]!;
  }
}

/**
 * The user vector that best explains these likes (and dislikes) with the item factors fixed.
 * Returns null when no liked row is usable (no likes, all out of range, or all zero vectors): a user
 * with nothing to go on has no U2I vector, and the source should propose nothing.
 */
export function foldInUser(req: FoldInRequest): Float32Array | null {
  const o: FoldInOptions = { ...DEFAULT_FOLD_IN, ...req.options };
  if (!(o.reg > 0) || !Number.isFinite(o.reg)) throw new RangeError(`fold-in reg must be a finite number > 0, got ${o.reg}`);
  const pos = usableRows(req.items, req.positives);
  if (pos.length === 0) return null;
  const neg = usableRows(req.items, req.negatives ?? [], new Set(pos));
  let u: Float64Array;
  if (o.method === 'ials') {
    const g = req.gramian ?? itemGramian(req.items);
    if (g.length !== req.items.dim * req.items.dim) throw new U2iError('dim-mismatch', `Gramian of ${g.length} values for dim ${req.items.dim}`);
    u = foldInIals(req.items, pos, neg, g, o);
  } else if (o.method === 'bpr') u = foldInBpr(req.items, pos, neg, o);
  else throw new RangeError(`unknown fold-in method "${String(o.method)}"`);
  if (o.likedMeanWeight !== 0) addLikedMean(u, req.items, pos, o.likedMeanWeight);
  const norm = Math.hypot(...u);
  const scale = o.maxNorm > 0 && norm > o.maxNorm ? o.maxNorm / norm : 1;
  const out = Float32Array.from(u, (x) => x * scale);
  if (out.some((x) => !Number.isFinite(x))) throw new U2iError('not-finite', 'fold-in produced a non-finite value');
  return out;
}

/** Rows of catalog item ids (the U2I manifest's items.ids order); ids the model does not know are listed apart. */
export function itemRowsOf(rowIds: readonly string[], ids: Iterable<string>): { rows: number[]; unknown: string[] } {
  const rowOf = new Map(rowIds.map((id, r) => [id, r]));
  const rows: number[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const r = rowOf.get(id);
    if (r === undefined) unknown.push(id);
    else rows.push(r);
  }
  return { rows, unknown };
}
