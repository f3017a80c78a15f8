// Cosine similarity in a catalog's vector space needs every row at length 1; the session source and
// the skip penalty both scan the whole catalog per feed, so the unit rows are made once per matrix.
import type { VectorMatrix } from '../u2i/format.ts';

const cache = new WeakMap<Float32Array, Float32Array>();

/** Row-normalised copy of the matrix (a zero row stays zero), cached per data array. */
export function unitRows(items: VectorMatrix): Float32Array {
  let unit = cache.get(items.data);
  if (unit && unit.length === items.rows * items.dim) return unit;
  const { dim, rows, data } = items;
  unit = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    let n2 = 0;
    for (let f = 0; f < dim; f++) n2 += data[r * dim + f]! ** 2;
    if (n2 === 0) continue;
    const inv = 1 / Math.sqrt(n2);
    for (let f = 0; f < dim; f++) unit[r * dim + f] = data[r * dim + f]! * inv;
  }
  cache.set(items.data, unit);
  return unit;
}

/** Cosine rows kept per matrix: enough for a long session's shown items, bounded (4 KB-16 KB each). */
const MAX_CACHED_ROWS = 512;
const rowCache = new WeakMap<Float32Array, Map<number, Float32Array>>();

/** Cosine of row r with every row, cached (oldest dropped past MAX_CACHED_ROWS). */
export function similarityRow(items: VectorMatrix, r: number): Float32Array {
  const unit = unitRows(items);
  let rows = rowCache.get(unit);
  if (!rows) rowCache.set(unit, (rows = new Map()));
  const hit = rows.get(r);
  if (hit) return hit;
  const { dim } = items;
  const out = new Float32Array(items.rows);
  for (let i = 0; i < items.rows; i++) {
    let c = 0;
    for (let f = 0; f < dim; f++) c += unit[r * dim + f]! * unit[i * dim + f]!;
    out[i] = c;
  }
  if (rows.size >= MAX_CACHED_ROWS) rows.delete(rows.keys().next().value!);
  rows.set(r, out);
  return out;
}
