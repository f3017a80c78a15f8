// The offline pieces the RESULTS numbers rest on: the time split, the metrics, and that BPR and the
// baselines learn what they should on a tiny planted structure.
import { describe, expect, it } from 'vitest';
import { buildItemKnn, itemKnnScorer, popularityScorer } from '../../../tools/u2i/baselines.ts';
import { mfScorer, trainBpr } from '../../../tools/u2i/bpr.ts';
import { evaluateRanking, ndcgOfRanking, recallOfRanking, topK } from '../../../tools/u2i/metrics.ts';
import { splitByTime, type UserHistory } from '../../../tools/u2i/split.ts';

const history = (items: number[]): UserHistory => ({
  items: Int32Array.from(items),
  ratings: Float32Array.from(items, () => 4),
  timestampS: Float64Array.from(items, (_, k) => 1000 + k),
});

describe('time split', () => {
  it('holds out the latest fraction, keeping at least one interaction on each side', () => {
    const s = splitByTime([history([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), history([7, 8]), history([5]), history([])], 0.2);
    expect(Array.from(s.train[0]!.items)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(s.heldOut[0]!.items)).toEqual([9, 10]);
    expect(Array.from(s.train[1]!.items)).toEqual([7]);
    expect(Array.from(s.heldOut[1]!.items)).toEqual([8]);
    expect(Array.from(s.train[2]!.items)).toEqual([5]);
    expect(s.heldOut[2]!.items.length).toBe(0);
    expect(s.train[3]!.items.length + s.heldOut[3]!.items.length).toBe(0);
  });
});

describe('ranking metrics', () => {
  it('computes recall and NDCG by hand-checked values', () => {
    const ranked = Int32Array.from([5, 1, 7]);
    expect(recallOfRanking(ranked, new Set([1, 9]), 3)).toBe(0.5);
    expect(ndcgOfRanking(ranked, new Set([1]), 3)).toBeCloseTo(1 / Math.log2(3), 12);
    expect(ndcgOfRanking(ranked, new Set([5, 1]), 3)).toBe(1);
    expect(Array.from(topK(Float32Array.from([0.1, 0.9, 0.5, 0.7]), 2, Uint8Array.from([0, 1, 0, 0])))).toEqual([3, 2]);
  });
});

describe('BPR and baselines on a planted structure', () => {
  // Two user groups with disjoint tastes (items 0-9 vs 10-19), plus a popular item 20 everyone has.
  const nItems = 21;
  const train: Int32Array[] = [];
  const held: Int32Array[] = [];
  for (let u = 0; u < 40; u++) {
    const base = u % 2 === 0 ? 0 : 10;
    const own = Array.from({ length: 10 }, (_, k) => base + k);
    const h = own.splice((u * 3) % 10, 1)[0]!;
    train.push(Int32Array.from([...own.filter((_, k) => (k + u) % 3 !== 0), 20]));
    held.push(Int32Array.from([h]));
  }
  it('BPR ranks each group above popularity, and learns the groups', () => {
    const model = trainBpr(train, nItems, { dim: 4, epochs: 60, learningRate: 0.05, reg: 0.01, initStd: 0.1, seed: 3 });
    const bpr = evaluateRanking(mfScorer(model), train, held, nItems, 5);
    const pop = evaluateRanking(popularityScorer(train, nItems).scorer, train, held, nItems, 5);
    const knn = evaluateRanking(itemKnnScorer(buildItemKnn(train, nItems, { neighbours: 10, shrink: 0 }), train), train, held, nItems, 5);
    expect(bpr.recall).toBeGreaterThan(0.9);
    expect(knn.recall).toBeGreaterThan(0.9);
    expect(bpr.recall).toBeGreaterThan(pop.recall + 0.2);
    // Same seed, same model.
    const again = trainBpr(train, nItems, { dim: 4, epochs: 60, learningRate: 0.05, reg: 0.01, initStd: 0.1, seed: 3 });
    expect(Array.from(again.items)).toEqual(Array.from(model.items));
  });
});
