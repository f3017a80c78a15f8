// Top-k ranking metrics over all items a user has not interacted with in training.

/** Fills `out` with a score for every item for one user. */
export type UserScorer = (user: number, out: Float32Array) => void;

/** Indices of the k highest scores, best first, skipping masked items (mask[i] = 1). */
export function topK(scores: Float32Array, k: number, mask?: Uint8Array): Int32Array {
  const idx = new Int32Array(k).fill(-1);
  const val = new Float32Array(k).fill(-Infinity);
  let size = 0;
  for (let i = 0; i < scores.length; i++) {
    if (mask && mask[i]) continue;
    const s = scores[i]!;
    if (size === k && s <= val[k - 1]!) continue;
    let p = size < k ? size++ : k - 1;
    while (p > 0 && val[p - 1]! < s) {
      val[p] = val[p - 1]!;
      idx[p] = idx[p - 1]!;
      p--;
    }
    val[p] = s;
    idx[p] = i;
  }
  return size < k ? idx.slice(0, size) : idx;
}

export interface RankingMetrics {
  /** Mean over evaluated users of hits@k / |relevant|. */
  readonly recall: number;
  /** Mean over evaluated users of DCG@k / ideal DCG@k, binary relevance. */
  readonly ndcg: number;
  readonly users: number;
  readonly perUserRecall: Float64Array;
  readonly perUserNdcg: Float64Array;
}

export function ndcgOfRanking(ranked: Int32Array, relevant: ReadonlySet<number>, k: number): number {
  let dcg = 0;
  for (let r = 0; r < Math.min(k, ranked.length); r++) if (relevant.has(ranked[r]!)) dcg += 1 / Math.log2(r + 2);
  let ideal = 0;
  for (let r = 0; r < Math.min(k, relevant.size); r++) ideal += 1 / Math.log2(r + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function recallOfRanking(ranked: Int32Array, relevant: ReadonlySet<number>, k: number): number {
  let hits = 0;
  for (let r = 0; r < Math.min(k, ranked.length); r++) if (relevant.has(ranked[r]!)) hits++;
  return relevant.size === 0 ? 0 : hits / relevant.size;
}

/**
 * Ranks every item not in `seen[u]` and compares the top k with `relevant[u]`. Users with nothing
 * relevant are skipped (they cannot be scored).
 */
export function evaluateRanking(
  scorer: UserScorer,
  seen: readonly Int32Array[],
  relevant: readonly Int32Array[],
  nItems: number,
  k: number,
): RankingMetrics {
  const scores = new Float32Array(nItems);
  const mask = new Uint8Array(nItems);
  const recalls: number[] = [];
  const ndcgs: number[] = [];
  for (let u = 0; u < seen.length; u++) {
    const rel = new Set(relevant[u]!);
    for (const i of seen[u]!) rel.delete(i); // re-watches of training items cannot be recommended
    if (rel.size === 0) continue;
    scorer(u, scores);
    for (const i of seen[u]!) mask[i] = 1;
    const ranked = topK(scores, k, mask);
    for (const i of seen[u]!) mask[i] = 0;
    recalls.push(recallOfRanking(ranked, rel, k));
    ndcgs.push(ndcgOfRanking(ranked, rel, k));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    recall: mean(recalls),
    ndcg: mean(ndcgs),
    users: recalls.length,
    perUserRecall: Float64Array.from(recalls),
    perUserNdcg: Float64Array.from(ndcgs),
  };
}

/**
 * Paired bootstrap over users of mean(a) - mean(b): the 2.5% and 97.5% quantiles. The arrays are
 * per-user metrics of two methods on the same users in the same order.
 */
export function pairedBootstrapCi(a: Float64Array, b: Float64Array, resamples: number, next: () => number): [number, number] {
  if (a.length !== b.length || a.length === 0) throw new Error('pairedBootstrapCi needs two equal, non-empty arrays');
  const n = a.length;
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let k = 0; k < n; k++) {
      const u = Math.floor(next() * n);
      s += a[u]! - b[u]!;
    }
    diffs[r] = s / n;
  }
  diffs.sort();
  return [diffs[Math.floor(0.025 * resamples)]!, diffs[Math.floor(0.975 * resamples)]!];
}
