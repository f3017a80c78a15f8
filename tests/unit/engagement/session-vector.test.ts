import { describe, expect, it } from 'vitest';
import { decayFactor, effectiveEvents, sessionVector, skippedRows, type EngagementEvent } from '../../../src/core/engagement/session-vector.ts';

// Four items on three axes: a, a2 near the first axis, b on the second, c on the third.
const items = { dim: 3, rows: 4, data: Float32Array.from([1, 0, 0, 0.9, 0.1, 0, 0, 1, 0, 0, 0, 1]) };
const rowOf = new Map([['a', 0], ['a2', 1], ['b', 2], ['c', 3]]);
const ev = (itemId: string, kind: string, at = 0): EngagementEvent => ({ itemId, kind, at });
const MIN = 60_000;

describe('session vector', () => {
  it('is null until something positive happens, and unit length after', () => {
    expect(sessionVector([], items, rowOf, 0)).toBeNull();
    expect(sessionVector([ev('b', 'skip')], items, rowOf, 0)).toBeNull();
    expect(sessionVector([ev('nope', 'like'), ev('a', 'impression')], items, rowOf, 0)).toBeNull();
    const v = sessionVector([ev('a', 'like')], items, rowOf, 0)!;
    expect(Math.hypot(...v)).toBeCloseTo(1, 6);
  });

  it('moves toward likes and away from skips (with a negative skip weight)', () => {
    const opts = { weights: { like: 1, click: 0.5, dwell: 0.3, skip: -0.5 }, halfLifeMs: 30 * MIN };
    const liked = sessionVector([ev('a', 'like'), ev('b', 'like')], items, rowOf, 0, opts)!;
    const skippedB = sessionVector([ev('a', 'like'), ev('b', 'like'), ev('c', 'like'), ev('b', 'skip', 1)], items, rowOf, 1, opts)!;
    expect(liked[0]).toBeCloseTo(liked[1]!, 6);
    // Skipping b after liking it takes the like back, and the skip pushes away from b.
    expect(skippedB[1]).toBeLessThan(0);
    expect(skippedB[0]).toBeGreaterThan(0);
    const awayFromC = sessionVector([ev('a', 'like'), ev('c', 'skip')], items, rowOf, 0, opts)!;
    expect(awayFromC[2]).toBeLessThan(0);
    // With the default weights a skip still takes back an earlier like of the same item.
    const byDefault = sessionVector([ev('a', 'like'), ev('b', 'like'), ev('b', 'skip', 1)], items, rowOf, 1)!;
    expect(byDefault[1]).toBe(0);
  });

  it('decays: an old like counts less than a fresh one', () => {
    expect(decayFactor(0, 10 * MIN, 10 * MIN)).toBeCloseTo(0.5, 9);
    expect(decayFactor(5, 0, MIN)).toBe(1); // from the future: not amplified
    const v = sessionVector([ev('a', 'like', 0), ev('b', 'like', 30 * MIN)], items, rowOf, 30 * MIN, {
      weights: { like: 1, click: 0.5, dwell: 0.3, skip: -0.25 },
      halfLifeMs: 5 * MIN,
    })!;
    expect(v[1]).toBeGreaterThan(v[0]! * 10);
  });

  it('honours undo: unlike and unskip take back the earlier event', () => {
    expect(effectiveEvents([ev('a', 'like', 0), ev('a', 'unlike', 1)])).toEqual([]);
    expect(effectiveEvents([ev('b', 'skip', 0), ev('b', 'unskip', 1), ev('a', 'like', 2)]).map((e) => e.itemId)).toEqual(['a']);
    expect(sessionVector([ev('a', 'like', 0), ev('a', 'unlike', 1)], items, rowOf, 2)).toBeNull();
    expect([...skippedRows([ev('b', 'skip', 0), ev('c', 'skip', 1), ev('c', 'unskip', 2)], rowOf)]).toEqual([2]);
  });
});
