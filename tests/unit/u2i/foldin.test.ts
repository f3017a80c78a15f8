import { describe, expect, it } from 'vitest';
import { foldInUser, itemGramian, itemRowsOf } from '../../../src/core/u2i/foldin.ts';
import { scoreItems, topItems } from '../../../src/core/u2i/score.ts';
import { rng } from '../../../src/core/random.ts';

// Synthetic factors: 200 items in 8 dims; a planted user likes the items it scores highest.
const dim = 8;
const rows = 200;
const next = rng(3);
const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
const items = { dim, rows, data: Float32Array.from({ length: rows * dim }, gauss) };
const planted = Float32Array.from({ length: dim }, gauss);
const cosine = (a: Float32Array, b: Float32Array) => {
  let ab = 0;
  for (let f = 0; f < a.length; f++) ab += a[f]! * b[f]!;
  return ab / (Math.hypot(...a) * Math.hypot(...b));
};

describe('fold-in', () => {
  const liked = topItems(scoreItems(planted, items), 20);

  it('recovers the direction of a planted user vector from its likes, with either solver', () => {
    for (const method of ['ials', 'bpr'] as const) {
      const u = foldInUser({ items, positives: liked, options: { method } });
      expect(u).not.toBeNull();
      expect(cosine(u!, planted)).toBeGreaterThan(0.8);
      // The recovered vector ranks the planted user's top items near the top.
      const top = new Set(topItems(scoreItems(u!, items), 40));
      expect(liked.filter((i) => top.has(i)).length).toBeGreaterThanOrEqual(15);
    }
  });

  it('returns null with nothing to go on: no likes, unknown rows, zero rows', () => {
    expect(foldInUser({ items, positives: [] })).toBeNull();
    expect(foldInUser({ items, positives: [-1, rows, 2.5] })).toBeNull();
    const withZero = { dim, rows: 2, data: Float32Array.from([...new Array(dim).fill(0), ...items.data.slice(0, dim)]) };
    expect(foldInUser({ items: withZero, positives: [0] })).toBeNull();
    expect(foldInUser({ items: withZero, positives: [0, 1] })).not.toBeNull();
  });

  it('a dislike moves the vector away from the disliked item, with either solver', () => {
    const pos = liked.slice(0, 3);
    const neg = liked[3]!;
    const row = items.data.slice(neg * dim, (neg + 1) * dim);
    for (const options of [{ method: 'ials', reg: 0.1 }, { method: 'bpr' }] as const) {
      const without = foldInUser({ items, positives: pos, options })!;
      const withNeg = foldInUser({ items, positives: pos, negatives: [neg], options })!;
      expect(cosine(withNeg, row)).toBeLessThan(cosine(without, row));
    }
  });

  it('reuses a precomputed Gramian with the same result (ials), and bounds the norm when asked', () => {
    const g = itemGramian(items);
    const ials = { method: 'ials', reg: 0.1 } as const;
    const a = foldInUser({ items, positives: liked, gramian: g, options: ials })!;
    const b = foldInUser({ items, positives: liked, options: ials })!;
    expect(Array.from(a)).toEqual(Array.from(b));
    const bounded = foldInUser({ items, positives: liked, options: { maxNorm: 0.01 } })!;
    expect(Math.hypot(...bounded)).toBeCloseTo(0.01, 5);
  });

  it('maps catalog ids to rows and lists the ids the model does not know', () => {
    expect(itemRowsOf(['a', 'b', 'c'], ['c', 'x', 'a'])).toEqual({ rows: [2, 0], unknown: ['x'] });
  });

  it('pulls toward the liked items with likedMeanWeight, and weighs the unobserved term per item when asked', () => {
    const pos = liked.slice(0, 3);
    const plain = foldInUser({ items, positives: pos })!;
    const pulled = foldInUser({ items, positives: pos, options: { likedMeanWeight: 10 } })!;
    const mean = new Float32Array(dim);
    for (const r of pos) {
      const v = items.data.slice(r * dim, (r + 1) * dim);
      const n = Math.hypot(...v);
      for (let f = 0; f < dim; f++) mean[f]! += v[f]! / n;
    }
    expect(cosine(pulled, mean)).toBeGreaterThan(cosine(plain, mean));
    // Uniform weights are the plain Gramian; weights must match the rows.
    const g = itemGramian(items);
    const gw = itemGramian(items, new Float32Array(rows).fill(3));
    for (let x = 0; x < g.length; x++) expect(gw[x]!).toBeCloseTo(g[x]!, 6);
    expect(() => itemGramian(items, new Float32Array(rows - 1))).toThrow();
  });
});
