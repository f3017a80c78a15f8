// The baselines every U2I number is compared with: most-popular and item-based kNN (cosine).
import type { UserScorer } from './metrics';

export function popularityScorer(train: readonly Int32Array[], nItems: number): { scorer: UserScorer; counts: Float32Array } {
  const counts = new Float32Array(nItems);
  for (const items of train) for (const i of items) counts[i]! += 1;
  return { scorer: (_u, out) => out.set(counts), counts };
}

export interface ItemKnnConfig {
  /** Neighbours kept per item. */
  readonly neighbours: number;
  /** Added to the cosine denominator: damps similarities backed by few co-occurrences. */
  readonly shrink: number;
}

/** Sparse top-k item-item cosine similarities over binary user-item co-occurrence. */
export interface ItemKnn {
  readonly neighbours: Int32Array[];
  readonly weights: Float32Array[];
}

export function buildItemKnn(train: readonly Int32Array[], nItems: number, cfg: ItemKnnConfig): ItemKnn {
  const usersOf: number[][] = Array.from({ length: nItems }, () => []);
  train.forEach((items, u) => {
    for (const i of items) usersOf[i]!.push(u);
  });
  const norm = Float32Array.from(usersOf, (us) => Math.sqrt(us.length));
  const co = new Float32Array(nItems);
  const touched: number[] = [];
  const neighbours: Int32Array[] = [];
  const weights: Float32Array[] = [];
  for (let j = 0; j < nItems; j++) {
    for (const u of usersOf[j]!) {
      for (const i of train[u]!) {
        if (i === j) continue;
        if (co[i] === 0) touched.push(i);
        co[i]! += 1;
      }
    }
    const cand = touched.map((i) => ({ i, s: co[i]! / (norm[i]! * norm[j]! + cfg.shrink) }));
    cand.sort((a, b) => b.s - a.s);
    const top = cand.slice(0, cfg.neighbours);
    neighbours.push(Int32Array.from(top, (c) => c.i));
    weights.push(Float32Array.from(top, (c) => c.s));
    for (const i of touched) co[i] = 0;
    touched.length = 0;
  }
  return { neighbours, weights };
}

/** score(u, i) = sum over the user's items j of sim(j, i), with i among j's kept neighbours. */
export function itemKnnScorer(knn: ItemKnn, train: readonly Int32Array[]): UserScorer {
  return (u, out) => {
    out.fill(0);
    for (const j of train[u]!) {
      const nb = knn.neighbours[j]!;
      const w = knn.weights[j]!;
      for (let t = 0; t < nb.length; t++) out[nb[t]!]! += w[t]!;
    }
  };
}
