import { describe, expect, it } from 'vitest';
import { encodeIndex } from '../../../src/core/index/encode.ts';
import { VectorIndex } from '../../../src/core/index/vector-index.ts';

const dim = 37; // not a multiple of the row stride: rows are padded
const count = 5;
const vectors = Float32Array.from({ length: count * dim }, (_, i) => Math.sin(i * 0.71) * (1 + (i % 7)));
const ids = Array.from({ length: count }, (_, i) => `item-${i}`);
const row = (r: number) => vectors.subarray(r * dim, (r + 1) * dim);
const maxDiff = (a: Float32Array, b: Float32Array) => Math.max(...Array.from(a, (x, j) => Math.abs(x - b[j]!)));

describe('VectorIndex.vectorAt', () => {
  it('returns the stored row exactly for f32 files', () => {
    const idx = VectorIndex.fromBytes(encodeIndex({ dim, vectors, ids, quantisation: 'f32', metric: 'ip' }));
    for (let r = 0; r < count; r++) expect(Array.from(idx.vectorAt(r))).toEqual(Array.from(row(r)));
  });

  it('returns code x scale for int8 files (within half a step), and the f16 copy when there is one', () => {
    const i8 = VectorIndex.fromBytes(encodeIndex({ dim, vectors, ids, quantisation: 'i8', metric: 'ip', residualBits: false }));
    const f16 = VectorIndex.fromBytes(encodeIndex({ dim, vectors, ids, quantisation: 'i8', metric: 'ip', rescoreF16: true }));
    for (let r = 0; r < count; r++) {
      const step = Math.max(...Array.from(row(r), Math.abs)) / 127;
      expect(i8.vectorAt(r)).toHaveLength(dim);
      expect(maxDiff(i8.vectorAt(r), row(r))).toBeLessThanOrEqual(step / 2 + 1e-6);
      expect(maxDiff(f16.vectorAt(r), row(r))).toBeLessThan(8 * 2 ** -11); // f16: 11 bits of precision, |x| < 8
    }
    expect(() => i8.vectorAt(count)).toThrow(RangeError);
  });
});
