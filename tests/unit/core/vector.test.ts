import { describe, expect, it } from 'vitest';
import { cosine, normalised } from '../../../src/core/vector.ts';

describe('vector helpers', () => {
  it('normalised gives a unit-length copy and leaves a zero vector zero', () => {
    const v = Float32Array.from([3, 4]);
    expect(Array.from(normalised(v))).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(Array.from(v)).toEqual([3, 4]);
    expect(Array.from(normalised(new Float32Array(3)))).toEqual([0, 0, 0]);
  });

  it('cosine ignores length and is 0 against a zero vector', () => {
    expect(cosine(Float32Array.from([1, 0]), Float32Array.from([5, 0]))).toBeCloseTo(1, 12);
    expect(cosine(Float32Array.from([1, 1]), Float32Array.from([-1, 1]))).toBeCloseTo(0, 12);
    expect(cosine(Float32Array.from([1, 1]), new Float32Array(2))).toBe(0);
  });
});
