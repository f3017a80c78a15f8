import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AdapterError,
  adapterToJson,
  applyAdapter,
  pairwiseAccuracy,
  parseAdapter,
  trainAdapterOnClicks,
  type ClickExample,
  type TextAdapter,
} from '../../../src/core/preference/adapter.ts';
import { rng } from '../../../src/core/random.ts';
import { thrownCode } from '../helpers.ts';

const root = new URL('../../../', import.meta.url);
const read = (p: string): unknown => JSON.parse(readFileSync(new URL(p, root), 'utf8'));
const identity = read('public/models/clip-mini/identity.json') as { modelId: string };
const expectClip = { modelId: identity.modelId, dim: 256 };

const errorCode = (f: () => unknown): string | undefined => thrownCode(f, AdapterError);

function unit(r: () => number, dim: number): Float32Array {
  const x = new Float32Array(dim);
  let n = 0;
  for (let i = 0; i < dim; i++) {
    // Box-Muller: a direction uniform on the sphere
    const g = Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
    x[i] = g;
    n += g * g;
  }
  n = Math.sqrt(n);
  for (let i = 0; i < dim; i++) x[i]! /= n;
  return x;
}

function randomAdapter(seed: number, dim: number, rank: number, uScale: number): TextAdapter {
  const r = rng(seed);
  const u = new Float32Array(dim * rank).map(() => uScale * (r() - 0.5));
  const v = new Float32Array(rank * dim).map(() => (r() - 0.5) / Math.sqrt(dim));
  return { baseModel: 'synthetic', dim, rank, u, v };
}

describe('parseAdapter', () => {
  const shipped = read('public/models/preference/adapter.json') as Record<string, unknown>;

  it('loads the shipped adapter for the shipped encoder', () => {
    const a = parseAdapter(shipped, expectClip);
    expect(a.dim).toBe(256);
    expect(a.u.length).toBe(256 * a.rank);
    expect(a.v.length).toBe(256 * a.rank);
    expect(a.u.some((x) => x !== 0)).toBe(true);
  });

  it('refuses a different base model, a different dim, bad weights and bad schema with typed errors', () => {
    expect(errorCode(() => parseAdapter(shipped, { ...expectClip, modelId: 'clip-mini@000000000000' }))).toBe('base-model');
    expect(errorCode(() => parseAdapter(shipped, { ...expectClip, dim: 512 }))).toBe('dim');
    const w = shipped['weights'] as string;
    expect(errorCode(() => parseAdapter({ ...shipped, weights: w.slice(0, w.length - 8) }, expectClip))).toBe('weights');
    expect(errorCode(() => parseAdapter({ ...shipped, weights: '@@not base64@@' }, expectClip))).toBe('weights');
    expect(errorCode(() => parseAdapter({ ...shipped, rank: 'sixteen' }, expectClip))).toBe('schema');
    expect(errorCode(() => parseAdapter(null, expectClip))).toBe('schema');
  });

  it('round-trips through adapterToJson', () => {
    const a = randomAdapter(3, 8, 2, 1);
    const b = parseAdapter(adapterToJson(a), { modelId: 'synthetic', dim: 8 });
    expect(Array.from(b.u)).toEqual(Array.from(a.u));
    expect(Array.from(b.v)).toEqual(Array.from(a.v));
  });
});

describe('applyAdapter', () => {
  const fixturePath = 'tests/unit/preference/fixtures/adapter-parity.json';

  it('equals the Python (torch) adapter output on real query vectors (< 1e-5)', () => {
    expect(existsSync(new URL(fixturePath, root))).toBe(true);
    const fx = read(fixturePath) as { adapter: unknown; cases: { query: string; input: number[]; output: number[] }[] };
    const a = parseAdapter(fx.adapter, expectClip);
    expect(fx.cases.length).toBeGreaterThan(0);
    for (const c of fx.cases) {
      const y = applyAdapter(a, Float32Array.from(c.input));
      let worst = 0;
      for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(y[i]! - c.output[i]!));
      expect(worst, c.query).toBeLessThan(1e-5);
      // the adapter really moves the vector (else the parity check would be vacuous)
      expect(c.output.some((v, i) => Math.abs(v - c.input[i]!) > 1e-4)).toBe(true);
    }
  });

  it('is the identity when U is zero, and rejects a vector of the wrong length', () => {
    const a = { ...randomAdapter(1, 16, 4, 1), u: new Float32Array(64) };
    const q = unit(rng(5), 16);
    expect(Array.from(applyAdapter(a, q))).toEqual(Array.from(q));
    expect(errorCode(() => applyAdapter(a, new Float32Array(15)))).toBe('input');
  });
});

describe('trainAdapterOnClicks', () => {
  const dim = 16;
  const rank = 4;
  // Hidden preference: the user ranks by q + W q (W low-rank); keep pairs where that disagrees with plain q
  // half the time, so the base model is at chance-or-worse and a rank-4 adapter can separate them.
  function synthetic(seed: number, n: number): ClickExample[] {
    const r = rng(seed);
    const hidden = randomAdapter(99, dim, rank, 6);
    const out: ClickExample[] = [];
    while (out.length < n) {
      const q = unit(r, dim);
      const a = unit(r, dim);
      const b = unit(r, dim);
      const q2 = applyAdapter(hidden, q);
      let s = 0;
      let base = 0;
      for (let i = 0; i < dim; i++) {
        s += q2[i]! * (a[i]! - b[i]!);
        base += q[i]! * (a[i]! - b[i]!);
      }
      if (Math.abs(s) < 0.05 || Math.sign(s) === Math.sign(base)) continue; // hard pairs only
      out.push(s > 0 ? { q, preferred: a, rejected: b } : { q, preferred: b, rejected: a });
    }
    return out;
  }
  const start: TextAdapter = { ...randomAdapter(7, dim, rank, 0), baseModel: 'synthetic' };
  const opts = { lr: 0.02, epochs: 40, l2: 1e-4 };

  it('raises pairwise accuracy on a separable set, also on held-out pairs, deterministically', () => {
    const train = synthetic(1, 300);
    const heldOut = synthetic(2, 200);
    expect(pairwiseAccuracy(start, train)).toBe(0);
    const trained = trainAdapterOnClicks(start, train, opts);
    expect(pairwiseAccuracy(trained, train)).toBeGreaterThan(0.85);
    expect(pairwiseAccuracy(trained, heldOut)).toBeGreaterThan(0.75);
    const again = trainAdapterOnClicks(start, train, opts);
    expect(Array.from(again.u)).toEqual(Array.from(trained.u));
    expect(Array.from(again.v)).toEqual(Array.from(trained.v));
    expect(start.u.every((x) => x === 0)).toBe(true); // input not modified
  });

  it('does not move an adapter with zero examples', () => {
    const a = randomAdapter(11, dim, rank, 1);
    const b = trainAdapterOnClicks(a, [], { lr: 0.5, epochs: 10, l2: 0.1 });
    expect(Array.from(b.u)).toEqual(Array.from(a.u));
    expect(Array.from(b.v)).toEqual(Array.from(a.v));
  });

  it('rejects bad options and vectors of the wrong length', () => {
    expect(errorCode(() => trainAdapterOnClicks(start, [], { lr: -1, epochs: 1, l2: 0 }))).toBe('input');
    const bad = [{ q: new Float32Array(dim), preferred: new Float32Array(dim), rejected: new Float32Array(3) }];
    expect(errorCode(() => trainAdapterOnClicks(start, bad, opts))).toBe('input');
  });
});
