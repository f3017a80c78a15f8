import { beforeAll, describe, expect, it } from 'vitest';
import { decodeIndex, type Quantisation } from '../../../src/core/index/format.ts';
import { encodeIndex } from '../../../src/core/index/encode.ts';
import { createSearchKernel, typeScriptKernel, type SearchKernel } from '../../../src/core/index/kernel.ts';
import { VectorIndex, type SearchHit } from '../../../src/core/index/vector-index.ts';
import { bruteForce, ids, randomUnitVectors, rng } from './fixtures.ts';

let wasm: SearchKernel;
beforeAll(async () => {
  wasm = await createSearchKernel();
});

const dim = 100; // padded to stride 112
const count = 3000;
const vectors = randomUnitVectors(count, dim, 21);
const categories = Uint32Array.from({ length: count }, (_, i) => 1 << (i % 6));
const queries = Array.from({ length: 4 }, (_, i) => randomUnitVectors(1, dim, 100 + i));

function build(quantisation: Quantisation, extra: { rescoreF16?: boolean; residualBits?: boolean } = {}): Uint8Array {
  return encodeIndex({ dim, vectors, ids: ids(count), quantisation, metric: 'cosine', categories, ...extra });
}

function expectSameHits(a: SearchHit[], b: SearchHit[], tol = 1e-5): void {
  expect(a.map((h) => h.row)).toEqual(b.map((h) => h.row));
  a.forEach((h, i) => expect(Math.abs(h.score - b[i]!.score)).toBeLessThanOrEqual(tol));
}

describe('search kernels', () => {
  it('loads the wasm SIMD kernel in Node, and the TS kernel on request', async () => {
    expect(wasm.kind).toBe('wasm-simd');
    expect((await createSearchKernel({ prefer: 'ts' })).kind).toBe('ts');
  });

  it('falls back to TypeScript when the wasm bytes are unusable', async () => {
    const k = await createSearchKernel({ wasmBytes: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]) });
    expect(k.kind).toBe('ts');
    expect(k.fallbackReason).toMatch(/wasm/);
  });

  for (const q of ['f32', 'f16', 'i8'] as Quantisation[]) {
    it(`${q}: WASM and TS return identical top-k (rows, bit-identical scores) for k = 1, 10, 100`, () => {
      const bytes = build(q);
      const w = VectorIndex.fromBytes(bytes, { kernel: wasm });
      const t = VectorIndex.fromBytes(bytes, { kernel: typeScriptKernel });
      expect(w.kernelKind).toBe('wasm-simd');
      expect(t.kernelKind).toBe('ts');
      for (const k of [1, 10, 100]) {
        const ew = w.searchEach(queries, k);
        const et = t.searchEach(queries, k);
        expect(ew.map((l) => l.length)).toEqual([k, k, k, k]);
        ew.forEach((l, i) => expectSameHits(l, et[i]!, 0));
        if (q === 'i8') {
          const rw = w.searchEach(queries, k, { rescore: false });
          rw.forEach((l, i) => expectSameHits(l, t.searchEach(queries, k, { rescore: false })[i]!, 0));
        }
      }
    });
  }

  it('f32 and f16 give the exact top-k of a float64 brute force, with scores within 1e-5 / 1e-3', () => {
    for (const [q, tol] of [['f32', 1e-5], ['f16', 1e-3]] as const) {
      const index = VectorIndex.fromBytes(build(q), { kernel: wasm });
      queries.forEach((query, i) => {
        const got = index.search([query], 10);
        const want = bruteForce(vectors, dim, query, 10);
        if (q === 'f32') expect(got.map((h) => h.row)).toEqual(want.map((h) => h.row));
        got.forEach((h, r) => expect(Math.abs(h.score - want[r]!.score)).toBeLessThanOrEqual(tol));
        expect(got[0]!.id).toBe(`item-${want[0]!.row}`);
        void i;
      });
    }
  });

  it('int8 with float rescoring of the shortlist keeps recall@10 against exact f32', () => {
    const plain = VectorIndex.fromBytes(build('i8', { residualBits: false }), { kernel: wasm });
    const residual = VectorIndex.fromBytes(build('i8'), { kernel: wasm });
    const withCopy = VectorIndex.fromBytes(build('i8', { rescoreF16: true }), { kernel: wasm });
    let hitsPlain = 0;
    let hitsCopy = 0;
    let hitsResidual = 0;
    const many = Array.from({ length: 30 }, (_, i) => randomUnitVectors(1, dim, 500 + i));
    for (const query of many) {
      const exact = new Set(bruteForce(vectors, dim, query, 10).map((h) => h.row));
      hitsPlain += plain.search([query], 10).filter((h) => exact.has(h.row)).length;
      hitsCopy += withCopy.search([query], 10).filter((h) => exact.has(h.row)).length;
      hitsResidual += residual.search([query], 10).filter((h) => exact.has(h.row)).length;
    }
    expect(hitsCopy / 300).toBe(1);
    expect(hitsPlain / 300).toBeGreaterThanOrEqual(0.97);
    expect(hitsResidual).toBeGreaterThanOrEqual(hitsPlain);
  });

  it('int8 rescoring uses the residual bits: scores equal sum q * (code +/- 0.25) * scale', () => {
    const bytes = build('i8');
    const d = decodeIndex(bytes);
    if (d.vectors.quantisation !== 'i8' || !d.vectors.residualBits) throw new Error('expected residual bits');
    const { codes, scales, residualBits } = d.vectors;
    for (const kernel of [wasm, typeScriptKernel]) {
      const index = VectorIndex.fromBytes(bytes, { kernel });
      const hits = index.search([queries[1]!], 50, { shortlist: 200 });
      for (const h of hits) {
        let want = 0;
        for (let j = 0; j < dim; j++) {
          const bit = (residualBits[(h.row * 112) / 8 + (j >> 3)]! >> (j & 7)) & 1;
          want += queries[1]![j]! * (codes[h.row * 112 + j]! + (bit ? 0.25 : -0.25));
        }
        expect(h.score).toBeCloseTo(want * scales[h.row]!, 6);
      }
    }
  });

  it('finds a stored vector as its own nearest neighbour with score ~1', () => {
    for (const q of ['f32', 'f16', 'i8'] as Quantisation[]) {
      const index = VectorIndex.fromBytes(build(q), { kernel: wasm });
      const hit = index.search([vectors.slice(1234 * dim, 1235 * dim)], 1)[0]!;
      expect(hit).toMatchObject({ row: 1234, id: 'item-1234' });
      expect(hit.score).toBeCloseTo(1, 2);
    }
  });
});

describe('filters and several queries', () => {
  for (const kind of ['wasm', 'ts'] as const) {
    it(`${kind}: excluded rows (set or bitset) and category masks are honoured during the scan`, () => {
      const kernel = kind === 'wasm' ? wasm : typeScriptKernel;
      const index = VectorIndex.fromBytes(build('f32'), { kernel });
      const query = queries[0]!;
      const top = index.search([query], 20).map((h) => h.row);
      const excluded = new Set(top.slice(0, 10));
      const got = index.search([query], 10, { exclude: excluded });
      expect(got.some((h) => excluded.has(h.row))).toBe(false);
      expect(got.map((h) => h.row)).toEqual(bruteForce(vectors, dim, query, 10, (r) => !excluded.has(r)).map((h) => h.row));

      const bits = new Uint8Array(Math.ceil(count / 8));
      for (const r of excluded) bits[r >> 3]! |= 1 << (r & 7);
      expect(index.search([query], 10, { exclude: bits })).toEqual(got);

      const mask = 0b101; // categories 0 and 2
      const masked = index.search([query], 10, { categoryMask: mask, exclude: excluded });
      expect(masked.every((h) => (categories[h.row]! & mask) !== 0 && !excluded.has(h.row))).toBe(true);
      const want = bruteForce(vectors, dim, query, 10, (r) => (categories[r]! & mask) !== 0 && !excluded.has(r));
      expect(masked.map((h) => h.row)).toEqual(want.map((h) => h.row));

      const i8 = VectorIndex.fromBytes(build('i8', { rescoreF16: true }), { kernel });
      const i8masked = i8.search([query], 10, { categoryMask: 0b10, exclude: excluded });
      expect(i8masked.every((h) => categories[h.row] === 0b10 && !excluded.has(h.row))).toBe(true);
      expect(i8masked).toHaveLength(10);
    });
  }

  it('excluding everything, or a mask nothing matches, returns no hits', () => {
    const index = VectorIndex.fromBytes(build('i8'), { kernel: wasm });
    const all = new Set(Array.from({ length: count }, (_, i) => i));
    expect(index.search([queries[0]!], 10, { exclude: all })).toEqual([]);
    expect(index.search([queries[0]!], 10, { categoryMask: 1 << 30 })).toEqual([]);
  });

  it('several queries in one scan: weighted max fusion equals the brute-force fusion', () => {
    for (const kernel of [wasm, typeScriptKernel]) {
      const index = VectorIndex.fromBytes(build('f32'), { kernel });
      const weights = [1, 0.5, 2, 0.8];
      const got = index.search(queries, 15, { weights });
      const fused = new Map<number, number>();
      queries.forEach((q, i) => {
        for (const h of bruteForce(vectors, dim, q, count)) fused.set(h.row, Math.max(fused.get(h.row) ?? -Infinity, weights[i]! * h.score));
      });
      const want = [...fused].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 15);
      expect(got.map((h) => h.row)).toEqual(want.map(([r]) => r));
      got.forEach((h, i) => expect(Math.abs(h.score - want[i]![1])).toBeLessThanOrEqual(1e-5));
      // Each result list is what a separate search for that query returns.
      const each = index.searchEach(queries, 5);
      each.forEach((l, i) => expect(l).toEqual(index.search([queries[i]!], 5)));
    }
  });

  it('maps ids to rows for exclusion and returns ids with hits', () => {
    const index = VectorIndex.fromBytes(build('f32'), { kernel: wasm });
    expect(index.ids).toHaveLength(count);
    expect(index.rowOf('item-42')).toBe(42);
    expect([...index.rowsOf(['item-1', 'nope', 'item-2'])]).toEqual([1, 2]);
    const hit = index.search([vectors.slice(42 * dim, 43 * dim)], 1, { exclude: index.rowsOf(['item-0']) })[0]!;
    expect(hit.id).toBe('item-42');
  });

  it('inner-product indexes score raw dot products', () => {
    const scaled = vectors.map((x, i) => x * (1 + (Math.floor(i / dim) % 3)));
    const bytes = encodeIndex({ dim, vectors: scaled, ids: ids(count), quantisation: 'f32', metric: 'ip' });
    const index = VectorIndex.fromBytes(bytes, { kernel: wasm });
    const hit = index.search([queries[0]!], 1)[0]!;
    let best = -Infinity;
    for (let r = 0; r < count; r++) {
      let d = 0;
      for (let j = 0; j < dim; j++) d += scaled[r * dim + j]! * queries[0]![j]!;
      best = Math.max(best, d);
    }
    expect(hit.score).toBeCloseTo(best, 4);
  });

  it('rejects malformed queries and options with clear errors', () => {
    const index = VectorIndex.fromBytes(build('f32'), { kernel: wasm });
    expect(() => index.search([new Float32Array(3)], 10)).toThrow(/100 values/);
    expect(() => index.search([Float32Array.from({ length: dim }, () => NaN)], 10)).toThrow(/non-finite/);
    expect(() => index.search(queries, 10, { weights: [1] })).toThrow(RangeError);
    expect(() => index.search([queries[0]!], 10, { weights: [-1] })).toThrow(/positive/);
    expect(() => index.search([queries[0]!], -1)).toThrow(RangeError);
    const noCats = VectorIndex.fromBytes(encodeIndex({ dim, vectors, ids: ids(count), quantisation: 'f32', metric: 'cosine' }), { kernel: wasm });
    expect(() => noCats.search([queries[0]!], 10, { categoryMask: 1 })).toThrow(/categories/);
    expect(index.search([queries[0]!], 0)).toEqual([]);
    expect(index.search([], 10)).toEqual([]);
  });

  it('random stress: wasm and TS agree on random sizes, dims, filters and query counts', () => {
    const rand = rng(77);
    for (let t = 0; t < 12; t++) {
      const d = 1 + Math.floor(rand() * 70);
      const n = 1 + Math.floor(rand() * 700);
      const v = randomUnitVectors(n, d, 1000 + t);
      const cats = Uint32Array.from({ length: n }, () => 1 << Math.floor(rand() * 4));
      const q: Quantisation = (['f32', 'f16', 'i8'] as const)[t % 3]!;
      const bytes = encodeIndex({ dim: d, vectors: v, ids: ids(n), quantisation: q, metric: 'cosine', categories: cats });
      const w = VectorIndex.fromBytes(bytes, { kernel: wasm });
      const s = VectorIndex.fromBytes(bytes, { kernel: typeScriptKernel });
      const qs = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => randomUnitVectors(1, d, 9000 + t * 10 + i));
      const exclude = new Set(Array.from({ length: Math.floor(n / 4) }, () => Math.floor(rand() * n)));
      const k = 1 + Math.floor(rand() * 50);
      const opts = { exclude, categoryMask: rand() < 0.5 ? 0b0110 : undefined };
      expectSameHits(w.search(qs, k, opts), s.search(qs, k, opts), 0);
    }
  });
});
