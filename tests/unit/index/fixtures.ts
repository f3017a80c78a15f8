// Seeded random vectors for the index tests (no files: every test builds what it needs).
import { rng } from '../../../src/core/random.ts';

export { rng } from '../../../src/core/random.ts';

export function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** `count` x `dim` unit vectors (row-major). */
export function randomUnitVectors(count: number, dim: number, seed: number): Float32Array {
  const rand = rng(seed);
  const out = new Float32Array(count * dim);
  for (let i = 0; i < count; i++) {
    let ss = 0;
    for (let j = 0; j < dim; j++) {
      const x = gaussian(rand);
      out[i * dim + j] = x;
      ss += x * x;
    }
    const inv = 1 / Math.sqrt(ss);
    for (let j = 0; j < dim; j++) out[i * dim + j]! *= inv;
  }
  return out;
}

export function ids(count: number, prefix = 'item-'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

/** Exact reference: f64 dot products of unit query vs the given rows, best first, ties by row. */
export function bruteForce(
  vectors: Float32Array,
  dim: number,
  query: Float32Array,
  k: number,
  keep: (row: number) => boolean = () => true,
): { row: number; score: number }[] {
  let qs = 0;
  for (let j = 0; j < dim; j++) qs += query[j]! * query[j]!;
  const qn = Math.sqrt(qs) || 1;
  const all: { row: number; score: number }[] = [];
  const count = vectors.length / dim;
  for (let r = 0; r < count; r++) {
    if (!keep(r)) continue;
    let dot = 0;
    let vs = 0;
    for (let j = 0; j < dim; j++) {
      dot += vectors[r * dim + j]! * query[j]!;
      vs += vectors[r * dim + j]! ** 2;
    }
    all.push({ row: r, score: dot / qn / (Math.sqrt(vs) || 1) });
  }
  all.sort((a, b) => b.score - a.score || a.row - b.row);
  return all.slice(0, k);
}
