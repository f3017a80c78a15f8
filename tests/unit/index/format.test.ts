import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Final, crc32Update, CRC32_INIT } from '../../../src/core/index/crc32.ts';
import { IndexFileError, isIndexFileError } from '../../../src/core/index/errors.ts';
import { decodeFloat16, toFloat16Bits } from '../../../src/core/index/float16.ts';
import {
  CHECKSUM_OFFSET,
  INDEX_HEADER_BYTES,
  decodeIndex,
  parseIndexHeader,
  type Quantisation,
} from '../../../src/core/index/format.ts';
import { encodeIndex } from '../../../src/core/index/encode.ts';
import { ids, randomUnitVectors, rng } from './fixtures.ts';

function expectIndexError(fn: () => unknown, code: IndexFileError['code']): IndexFileError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IndexFileError);
    expect((err as IndexFileError).code).toBe(code);
    return err as IndexFileError;
  }
  throw new Error(`expected IndexFileError ${code}, nothing was thrown`);
}

describe('crc32', () => {
  it('matches zlib on random data at every alignment and split point', () => {
    const rand = rng(1);
    const data = new Uint8Array(1000).map(() => Math.floor(rand() * 256));
    for (const start of [0, 1, 2, 3, 5, 7]) {
      const part = data.subarray(start, 900 + start);
      expect(crc32(part)).toBe(zlibCrc32(part));
      const mid = 333 + start;
      const split = crc32Final(crc32Update(crc32Update(CRC32_INIT, data, start, mid), data, mid, 900 + start));
      expect(split).toBe(zlibCrc32(part));
    }
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('float16', () => {
  it('encodes known values and round-trips within half precision', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(65504)).toBe(0x7bff);
    expect(toFloat16Bits(1e6)).toBe(0x7c00);
    expect(toFloat16Bits(2 ** -24)).toBe(0x0001);
    expect(toFloat16Bits(0)).toBe(0);
    const xs = randomUnitVectors(1, 512, 2);
    const back = decodeFloat16(Uint16Array.from(xs, toFloat16Bits));
    for (let i = 0; i < xs.length; i++) expect(Math.abs(back[i]! - xs[i]!)).toBeLessThanOrEqual(Math.abs(xs[i]!) * 2 ** -11 + 2 ** -25);
  });
});

describe('index file format', () => {
  const dim = 37; // not a multiple of the 16-lane stride: exercises padding
  const count = 50;
  const vectors = randomUnitVectors(count, dim, 3);
  const itemIds = ids(count).map((x, i) => (i === 7 ? '스티커-7 🦊' : x));
  const categories = Uint32Array.from({ length: count }, (_, i) => 1 << (i % 5));

  for (const quantisation of ['f32', 'f16', 'i8'] as Quantisation[]) {
    it(`round-trips ${quantisation} vectors, ids, categories and model id`, () => {
      const bytes = encodeIndex({ dim, vectors, ids: itemIds, quantisation, metric: 'cosine', modelId: 'clip-demo', categories });
      const d = decodeIndex(bytes, { expectedDim: dim, expectedModelId: 'clip-demo' });
      expect(d.header).toMatchObject({ dim, count, stride: 48, quantisation, metric: 'cosine', totalBytes: bytes.length });
      expect(d.modelId).toBe('clip-demo');
      expect(Array.from(d.categories!)).toEqual(Array.from(categories));
      const dec = new TextDecoder();
      const got = itemIds.map((_, i) => dec.decode(d.ids.blob.subarray(d.ids.offsets[i]!, d.ids.offsets[i + 1]!)));
      expect(got).toEqual(itemIds);
      const row = (i: number, j: number): number => {
        const v = d.vectors;
        if (v.quantisation === 'f32') return v.values[i * 48 + j]!;
        if (v.quantisation === 'f16') return decodeFloat16(v.bits.subarray(i * 48 + j, i * 48 + j + 1))[0]!;
        return v.codes[i * 48 + j]! * v.scales[i]!;
      };
      const refined = (i: number, j: number): number => {
        const v = d.vectors;
        if (v.quantisation !== 'i8' || !v.residualBits) throw new Error('expected residual bits');
        const bit = (v.residualBits[(i * 48) / 8 + (j >> 3)]! >> (j & 7)) & 1;
        return (v.codes[i * 48 + j]! + (bit ? 0.25 : -0.25)) * v.scales[i]!;
      };
      const tol = quantisation === 'f32' ? 1e-7 : quantisation === 'f16' ? 1e-3 : 0;
      for (let i = 0; i < count; i++) {
        let maxAbs = 0;
        for (let j = 0; j < dim; j++) maxAbs = Math.max(maxAbs, Math.abs(vectors[i * dim + j]!));
        // int8: error at most half a quantisation step (scale = max|x| / 127).
        const bound = quantisation === 'i8' ? maxAbs / 127 / 2 + 1e-7 : tol;
        for (let j = 0; j < dim; j++) expect(Math.abs(row(i, j) - vectors[i * dim + j]!)).toBeLessThanOrEqual(bound);
        // The residual bit halves it: at most a quarter step.
        if (quantisation === 'i8') {
          for (let j = 0; j < dim; j++) expect(Math.abs(refined(i, j) - vectors[i * dim + j]!)).toBeLessThanOrEqual(maxAbs / 127 / 4 + 1e-7);
        }
        for (let j = dim; j < 48; j++) expect(row(i, j)).toBe(0); // padding stays zero
      }
    });
  }

  it('is 16-byte aligned section by section and int8 costs about a quarter of float32', () => {
    const big = randomUnitVectors(1000, 256, 4);
    const f32 = encodeIndex({ dim: 256, vectors: big, ids: ids(1000), quantisation: 'f32', metric: 'cosine' });
    const i8 = encodeIndex({ dim: 256, vectors: big, ids: ids(1000), quantisation: 'i8', metric: 'cosine' });
    expect(i8.length / f32.length).toBeLessThan(0.3);
    const d = decodeIndex(i8);
    if (d.vectors.quantisation !== 'i8') throw new Error('expected i8');
    expect(d.vectors.codes.byteOffset % 16).toBe(0);
    expect(d.vectors.scales.byteOffset % 16).toBe(0);
  });

  it('normalises vectors for cosine and keeps them for inner product', () => {
    const raw = Float32Array.from([3, 4, 0, 0]);
    const cos = decodeIndex(encodeIndex({ dim: 2, vectors: raw, ids: ['a', 'zero'], quantisation: 'f32', metric: 'cosine' }));
    const ip = decodeIndex(encodeIndex({ dim: 2, vectors: raw, ids: ['a', 'zero'], quantisation: 'f32', metric: 'ip' }));
    if (cos.vectors.quantisation !== 'f32' || ip.vectors.quantisation !== 'f32') throw new Error('expected f32');
    expect(Array.from(cos.vectors.values.subarray(0, 2))).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(Array.from(ip.vectors.values.subarray(0, 2))).toEqual([3, 4]);
    expect(Array.from(cos.vectors.values.subarray(16, 18))).toEqual([0, 0]);
  });

  it('refuses bad input to the writer', () => {
    expect(() => encodeIndex({ dim: 2, vectors: new Float32Array(3), ids: ['a', 'b'], quantisation: 'f32', metric: 'ip' })).toThrow(RangeError);
    expect(() => encodeIndex({ dim: 1, vectors: Float32Array.of(NaN), ids: ['a'], quantisation: 'f32', metric: 'ip' })).toThrow(/finite/);
    expect(() => encodeIndex({ dim: 1, vectors: Float32Array.of(1), ids: ['a'], quantisation: 'f32', metric: 'ip', rescoreF16: true })).toThrow(RangeError);
  });

  describe('validation', () => {
    const good = encodeIndex({ dim, vectors, ids: itemIds, quantisation: 'i8', metric: 'cosine', modelId: 'clip-demo', rescoreF16: true });

    it('reports a truncated file, at any cut', () => {
      for (const cut of [0, 10, INDEX_HEADER_BYTES, good.length - 1]) expectIndexError(() => decodeIndex(good.slice(0, cut)), 'truncated');
    });

    it('reports trailing bytes', () => {
      const longer = new Uint8Array(good.length + 3);
      longer.set(good);
      expectIndexError(() => decodeIndex(longer), 'trailing-bytes');
    });

    it('reports a flipped bit anywhere in the payload or header as corrupt', () => {
      for (const at of [INDEX_HEADER_BYTES + 5, Math.floor(good.length / 2), good.length - 1, 41 /* reserved */, CHECKSUM_OFFSET]) {
        const bad = good.slice();
        bad[at]! ^= 0x10;
        expectIndexError(() => decodeIndex(bad), 'checksum-mismatch');
      }
    });

    it('reports a non-index file, another version, and inconsistent header fields', () => {
      expectIndexError(() => decodeIndex(new TextEncoder().encode('<!doctype html>'.padEnd(100))), 'bad-magic');
      const v2 = good.slice();
      v2[4] = 2;
      expectIndexError(() => decodeIndex(v2), 'unsupported-version');
      const q = good.slice();
      q[8] = 9;
      expectIndexError(() => decodeIndex(q), 'invalid-header');
      const dimChanged = good.slice();
      new DataView(dimChanged.buffer).setUint32(12, 1000, true);
      const err = expectIndexError(() => decodeIndex(dimChanged), 'invalid-header');
      expect(err.message).toMatch(/stride/);
    });

    it('refuses an index built for another dim or model, with both values in the message', () => {
      const err = expectIndexError(() => decodeIndex(good, { expectedDim: 512 }), 'dim-mismatch');
      expect(err.message).toContain('37');
      expect(err.message).toContain('512');
      expectIndexError(() => decodeIndex(good, { expectedModelId: 'other-model' }), 'model-mismatch');
      expect(isIndexFileError(err, 'dim-mismatch')).toBe(true);
      expect(isIndexFileError(new Error('x'))).toBe(false);
    });

    it('parses the header alone without the payload', () => {
      const h = parseIndexHeader(good.subarray(0, INDEX_HEADER_BYTES));
      expect(h).toMatchObject({ dim, count, quantisation: 'i8', hasRescoreF16: true, totalBytes: good.length });
    });

    it('reads from an unaligned view by copying', () => {
      const padded = new Uint8Array(good.length + 3);
      padded.set(good, 3);
      expect(decodeIndex(padded.subarray(3)).header.count).toBe(count);
    });
  });
});
