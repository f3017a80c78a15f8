import { describe, expect, it } from 'vitest';
import { mostSimilarItem, scoreItems, topItems } from '../../../src/core/u2i/score.ts';
import { coldUserVector, updateUserVector } from '../../../src/core/u2i/online.ts';
import { U2iError } from '../../../src/core/u2i/format.ts';

// Three "genres" on three axes; items 0,1 sci-fi, 2 horror, 3 romance, 4 sci-fi+horror.
const items = {
  dim: 3,
  rows: 5,
  data: Float32Array.from([1, 0, 0, 0.9, 0.1, 0, 0, 1, 0, 0, 0, 1, 0.7, 0.7, 0]),
};
const row = (i: number) => items.data.slice(i * 3, i * 3 + 3);
const norm = (v: Float32Array) => Math.hypot(...v);

describe('U2I scoring', () => {
  it('scores by dot product and ranks, skipping excluded items', () => {
    const s = scoreItems(Float32Array.from([0, 1, 0]), items);
    expect(Array.from(s)).toEqual([0, expect.closeTo(0.1, 6), 1, 0, expect.closeTo(0.7, 6)]);
    expect(topItems(s, 2)).toEqual([2, 4]);
    expect(topItems(s, 2, new Set([2]))).toEqual([4, 1]);
    expect(topItems(s, 10)).toHaveLength(5);
    expect(() => scoreItems(new Float32Array(2), items)).toThrow(U2iError);
  });

  it('finds the liked item most similar to a candidate', () => {
    expect(mostSimilarItem(items, 1, [2, 3, 0])?.item).toBe(0);
    expect(mostSimilarItem(items, 1, [])).toBeUndefined();
  });
});

describe('on-device updates', () => {
  it('a like moves similar items up; a skip moves them down', () => {
    const u = Float32Array.from([0, 0.5, 0.5]); // likes horror and romance
    const before = scoreItems(u, items);
    expect(topItems(before, 5).indexOf(1)).toBeGreaterThan(1);
    let liked: Float32Array = u;
    for (let k = 0; k < 5; k++) liked = updateUserVector(liked, row(0), 'like', 0.5, { maxNorm: 10 });
    const after = scoreItems(liked, items);
    expect(after[1]!).toBeGreaterThan(before[1]!);
    expect(topItems(after, 5).indexOf(1)).toBeLessThan(topItems(before, 5).indexOf(1));
    const skipped = updateUserVector(u, row(2), 'skip', 0.5, { maxNorm: 10 });
    expect(scoreItems(skipped, items)[2]!).toBeLessThan(before[2]!);
    expect(Array.from(u)).toEqual([0, 0.5, 0.5]); // not modified in place
  });

  it('weights signals: like > click > dwell', () => {
    const u = coldUserVector(3);
    const gain = (s: 'like' | 'click' | 'dwell') => scoreItems(updateUserVector(u, row(0), s, 0.1, { maxNorm: 10 }), items)[0]!;
    expect(gain('like')).toBeGreaterThan(gain('click'));
    expect(gain('click')).toBeGreaterThan(gain('dwell'));
    expect(gain('dwell')).toBeGreaterThan(0);
  });

  it('keeps the norm bounded however many likes arrive', () => {
    let u: Float32Array = Float32Array.from([0.1, 0.1, 0.1]);
    for (let k = 0; k < 500; k++) u = updateUserVector(u, Float32Array.from([50, 0, 0]), 'like', 1, { maxNorm: 2 });
    expect(norm(u)).toBeLessThanOrEqual(2 + 1e-5);
    expect(u.every(Number.isFinite)).toBe(true);
  });

  it('refuses bad arguments', () => {
    const u = coldUserVector(3);
    expect(() => updateUserVector(u, new Float32Array(2), 'like', 0.1, { maxNorm: 1 })).toThrow(U2iError);
    expect(() => updateUserVector(u, row(0), 'like', -1, { maxNorm: 1 })).toThrow(RangeError);
    expect(() => updateUserVector(u, row(0), 'like', 0.1, { maxNorm: 0 })).toThrow(RangeError);
    expect(() => updateUserVector(u, row(0), 'wink' as 'like', 0.1, { maxNorm: 1 })).toThrow(/unknown engagement signal/);
  });
});
