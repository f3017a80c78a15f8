// Scoring a catalog for a user vector: the U2I retrieval source is a dot product over item vectors.
import { U2iError, type VectorMatrix } from './format.ts';

export function dot(a: Float32Array, aOffset: number, b: Float32Array, bOffset: number, dim: number): number {
  let s = 0;
  for (let f = 0; f < dim; f++) s += a[aOffset + f]! * b[bOffset + f]!;
  return s;
}

/** Dot product of the user vector with every item vector; `out` is reused when given. */
export function scoreItems(user: Float32Array, items: VectorMatrix, out = new Float32Array(items.rows)): Float32Array {
  if (user.length !== items.dim) throw new U2iError('dim-mismatch', `user vector has ${user.length} values, items ${items.dim}`);
  if (out.length !== items.rows) throw new U2iError('count-mismatch', `output holds ${out.length} scores for ${items.rows} items`);
  const { dim, data } = items;
  for (let i = 0; i < items.rows; i++) out[i] = dot(user, 0, data, i * dim, dim);
  return out;
}

/** Indices of the k best scores, best first; ties keep the lower index first. `skip` items never appear. */
export function topItems(scores: Float32Array, k: number, skip?: ReadonlySet<number>): number[] {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (skip?.has(i)) continue;
    const s = scores[i]!;
    if (idx.length === k && s <= scores[idx[k - 1]!]!) continue;
    let p = idx.length < k ? idx.length : k - 1;
    if (idx.length < k) idx.push(i);
    while (p > 0 && scores[idx[p - 1]!]! < s) {
      idx[p] = idx[p - 1]!;
      p--;
    }
    idx[p] = i;
  }
  return idx;
}

/** Cosine similarity of two rows of a matrix (0 when either row is all zeros). */
export function rowCosine(items: VectorMatrix, a: number, b: number): number {
  const { dim, data } = items;
  const ab = dot(data, a * dim, data, b * dim, dim);
  const aa = dot(data, a * dim, data, a * dim, dim);
  const bb = dot(data, b * dim, data, b * dim, dim);
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

/** Of `among` (e.g. the items a user liked), the one most similar to `item`, or undefined if none. */
export function mostSimilarItem(items: VectorMatrix, item: number, among: readonly number[]): { item: number; similarity: number } | undefined {
  let best: { item: number; similarity: number } | undefined;
  for (const j of among) {
    if (j === item) continue;
    const s = rowCosine(items, item, j);
    if (!best || s > best.similarity) best = { item: j, similarity: s };
  }
  return best;
}
