// Multi-source fusion: candidates from several retrieval sources, each normalised on its own scale,
// summed with per-source weights. Every fused item keeps what each source contributed, so the
// explanation can name the strongest reason. Generic over the source ids, so a source added to the
// registry (registry.ts) is a valid candidate source without touching this file.
import type { SourceId } from './registry.ts';

/** The retrieval sources the feed fuses: the ids of the registry's rows. */
export type FusionSource = SourceId;

/** Why a source proposed an item, in words the explanation can use. */
export type Reason =
  /**
   * What the user said matched it; `also`: the refinement it fits ("fruit", then "only the red ones":
   * 'red'), `lacks` where the refinement asks for what lacks it ("only the ones that can't fly").
   */
  | { readonly kind: 'said'; readonly phrase: string; readonly also?: string; readonly lacks?: true }
  /** The item's picture matches the phrase (the CLIP source): closely, or only best among what is left. */
  | { readonly kind: 'looks'; readonly phrase: string; readonly close: boolean }
  | { readonly kind: 'liked'; readonly title: string }
  | { readonly kind: 'category'; readonly label: string }
  | { readonly kind: 'taste' }
  | { readonly kind: 'popular' }
  | { readonly kind: 'fresh' }
  /** Found through the knowledge layer: its reason with provenance ("Seoul → South Korea"). */
  | { readonly kind: 'knowledge'; readonly text: string };

export interface Candidate<S extends string = FusionSource> {
  readonly source: S;
  readonly itemIndex: number;
  /** The source's own score: higher is better, any scale. */
  readonly score: number;
  readonly reason?: Reason;
}

export const NORMALISATIONS = ['rank', 'minmax', 'zscore', 'max'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];
/** One method for every source, or each source's own (a source not named gets DEFAULT_NORMALISATION). */
export type NormalisationChoice<S extends string = FusionSource> = Normalisation | Readonly<Partial<Record<S, Normalisation>>>;

/**
 * Measured on MovieLens (bench/RESULTS-u2i.md, `npx tsx tools/u2i/eval-fusion.ts`): with lexical at 1,
 * 'max' normalisation (score / best score) was best on the validation split in both intent settings
 * (genres: 0.4300 vs minmax 0.4242, rank 0.4153, z-score 0.3646; genres + title word: 0.9638 vs 0.9626)
 * and on test. Every registry row uses it today.
 */
export const DEFAULT_NORMALISATION: Normalisation = 'max';

/** Reciprocal-rank constant (Cormack et al. 2009): rank r scores (RRF_K + 1) / (RRF_K + r). */
export const RRF_K = 60;
/** z-scores are clipped to +-Z_CLIP and mapped to [0, 1]. */
const Z_CLIP = 3;

export interface Contribution<S extends string = FusionSource> {
  readonly source: S;
  /** The source's score after normalisation, in [0, 1]. */
  readonly normalised: number;
  readonly weight: number;
  readonly reason?: Reason;
}

export interface FusedItem<S extends string = FusionSource> {
  readonly itemIndex: number;
  readonly score: number;
  readonly contributions: readonly Contribution<S>[];
}

export type FusionWeights<S extends string = FusionSource> = Readonly<Partial<Record<S, number>>>;

/**
 * Normalises one source's candidates to [0, 1], higher is better (an item a source did not propose
 * counts 0):
 * - rank: reciprocal rank (best = 1), ignores the score scale entirely;
 * - minmax: (s - min) / (max - min) (best = 1);
 * - zscore: (s - mean) / sd clipped to +-3, mapped to [0, 1];
 * - max: max(s, 0) / max (best = 1), for scores with a natural zero; minmax when no score is positive.
 * Returns scores aligned with `scores`; a single candidate or all-equal scores normalise to 1.
 */
export function normaliseScores(scores: readonly number[], method: Normalisation): Float64Array {
  const n = scores.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  for (const s of scores) if (!Number.isFinite(s)) throw new RangeError(`candidate score must be finite, got ${s}`);
  if (method === 'rank') {
    const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b);
    // Equal scores share the better rank, so ties stay ties.
    let rank = 1;
    order.forEach((idx, r) => {
      if (r > 0 && scores[idx] !== scores[order[r - 1]!]) rank = r + 1;
      out[idx] = (RRF_K + 1) / (RRF_K + rank);
    });
    return out;
  }
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const s of scores) {
    min = Math.min(min, s);
    max = Math.max(max, s);
    sum += s;
  }
  if (method === 'max' && max > 0) {
    // Scores with a natural zero (cosine, lexical match): the best is 1, a weak match stays weak but
    // not nothing (minmax would give the weakest candidate 0 however good it is).
    scores.forEach((s, i) => (out[i] = Math.max(0, s) / max));
    return out;
  }
  if (max === min) return out.fill(1);
  if (method === 'minmax' || method === 'max') {
    scores.forEach((s, i) => (out[i] = (s - min) / (max - min)));
    return out;
  }
  const mean = sum / n;
  let v = 0;
  for (const s of scores) v += (s - mean) ** 2;
  const sd = Math.sqrt(v / n);
  scores.forEach((s, i) => {
    const z = Math.max(-Z_CLIP, Math.min(Z_CLIP, (s - mean) / sd));
    out[i] = (z + Z_CLIP) / (2 * Z_CLIP);
  });
  return out;
}

/**
 * Fuses candidates: per source, normalise; per item, sum weight x normalised score over sources.
 * A source without a weight (or weight 0) is ignored. A source listing an item twice keeps its best
 * score. Result sorted by fused score, ties by item index.
 */
export function fuseCandidates<S extends string>(
  candidates: readonly Candidate<S>[],
  weights: FusionWeights<S>,
  normalisation: NormalisationChoice<S>,
): FusedItem<S>[] {
  const bySource = new Map<S, Map<number, Candidate<S>>>();
  for (const c of candidates) {
    if (!Number.isInteger(c.itemIndex) || c.itemIndex < 0) throw new RangeError(`candidate itemIndex must be an integer >= 0, got ${c.itemIndex}`);
    const w = weights[c.source] ?? 0;
    if (w < 0 || !Number.isFinite(w)) throw new RangeError(`weight of source "${c.source}" must be finite and >= 0, got ${w}`);
    if (w === 0) continue;
    let m = bySource.get(c.source);
    if (!m) bySource.set(c.source, (m = new Map()));
    const prev = m.get(c.itemIndex);
    if (!prev || c.score > prev.score) m.set(c.itemIndex, c);
  }
  const fused = new Map<number, { score: number; contributions: Contribution<S>[] }>();
  for (const [source, m] of bySource) {
    const list = [...m.values()];
    const norm = normaliseScores(
      list.map((c) => c.score),
      typeof normalisation === 'string' ? normalisation : (normalisation[source] ?? DEFAULT_NORMALISATION),
    );
    const weight = weights[source]!;
    list.forEach((c, k) => {
      let f = fused.get(c.itemIndex);
      if (!f) fused.set(c.itemIndex, (f = { score: 0, contributions: [] }));
      f.score += weight * norm[k]!;
      f.contributions.push({ source, normalised: norm[k]!, weight, ...(c.reason ? { reason: c.reason } : {}) });
    });
  }
  return [...fused.entries()]
    .map(([itemIndex, f]) => ({ itemIndex, score: f.score, contributions: f.contributions }))
    .sort((a, b) => b.score - a.score || a.itemIndex - b.itemIndex);
}
