// Maximal marginal relevance (Carbonell & Goldstein 1998): pick items one by one, trading the fused
// relevance against similarity to what is already picked, so the feed is not ten near-copies.
import type { VectorMatrix } from '../u2i/format.ts';

export interface MmrOptions {
  /** 1 = relevance only (no diversity), 0 = diversity only. */
  readonly lambda: number;
  /** How many items to pick. */
  readonly k: number;
}

/**
 * Re-ranks `items` (best first, with a score) by MMR over cosine similarity of their vectors.
 * Relevance is the item's score rescaled to [0, 1] within the list. Items without a vector row
 * (itemIndex >= rows) count as similar to nothing.
 */
export function mmrRerank<T extends { readonly itemIndex: number; readonly score: number }>(
  items: readonly T[],
  vectors: VectorMatrix,
  options: MmrOptions,
): T[] {
  const { lambda, k } = options;
  if (!(lambda >= 0 && lambda <= 1)) throw new RangeError(`MMR lambda must be in [0, 1], got ${lambda}`);
  const n = items.length;
  const want = Math.min(k, n);
  if (want <= 0) return [];
  if (lambda === 1) return [...items].sort((a, b) => b.score - a.score).slice(0, want);
  const { dim, data } = vectors;
  // Unit vectors of the candidates (zeros where there is no vector).
  const unit = new Float32Array(n * dim);
  items.forEach((it, c) => {
    if (it.itemIndex >= vectors.rows) return;
    let norm = 0;
    for (let f = 0; f < dim; f++) norm += data[it.itemIndex * dim + f]! ** 2;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let f = 0; f < dim; f++) unit[c * dim + f] = data[it.itemIndex * dim + f]! / norm;
  });
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of items) {
    lo = Math.min(lo, it.score);
    hi = Math.max(hi, it.score);
  }
  const rel = items.map((it) => (hi > lo ? (it.score - lo) / (hi - lo) : 1));
  const maxSim = new Float64Array(n).fill(-Infinity);
  const taken = new Uint8Array(n);
  const out: T[] = [];
  for (let step = 0; step < want; step++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let c = 0; c < n; c++) {
      if (taken[c]) continue;
      const penalty = step === 0 ? 0 : maxSim[c]!;
      const value = lambda * rel[c]! - (1 - lambda) * penalty;
      if (value > bestValue) [best, bestValue] = [c, value];
    }
    taken[best] = 1;
    out.push(items[best]!);
    for (let c = 0; c < n; c++) {
      if (taken[c]) continue;
      let s = 0;
      for (let f = 0; f < dim; f++) s += unit[c * dim + f]! * unit[best * dim + f]!;
      if (s > maxSim[c]!) maxSim[c] = s;
    }
  }
  return out;
}
