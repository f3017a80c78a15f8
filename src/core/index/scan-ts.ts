// Plain TypeScript fallback of the WASM scan kernel (wasm/kernel.as.ts). It mirrors the kernel
// operation for operation (same f32 rounding at every step, same lane order in the f32 dot product,
// same heap and tie-break), so both return the same shortlist with bit-identical scores.

/** A scan over one index for `nq` queries; each query keeps its best `cap` rows. */
export interface ScanRequest {
  readonly count: number;
  readonly stride: number;
  readonly nq: number;
  readonly cap: number;
  /** Packed bitset over rows (bit i of word i >> 5): a set bit skips the row. */
  readonly exclude: Uint32Array | undefined;
  /** Per-row category bits; a row passes when (categories[row] & mask) != 0. */
  readonly categories: Uint32Array | undefined;
  readonly mask: number;
}

/** Per query q: `sizes[q]` entries at [q * cap, q * cap + sizes[q]) of scores / rows, in heap order. */
export interface ScanResult {
  readonly scores: Float32Array;
  readonly rows: Uint32Array;
  readonly sizes: Uint32Array;
  readonly cap: number;
}

export function emptyScanResult(nq: number, cap: number): ScanResult {
  return { scores: new Float32Array(nq * cap), rows: new Uint32Array(nq * cap), sizes: new Uint32Array(nq), cap };
}

/** Lower score is worse; on equal scores the higher row is worse (deterministic tie-break). */
function worse(s: number, i: number, t: number, j: number): boolean {
  return s < t || (s === t && i > j);
}

/** Min-heap of the best `cap` (score, row) pairs; root = worst kept. Mirrors heapOffer in the kernel. */
function heapOffer(scores: Float32Array, rows: Uint32Array, base: number, n: number, cap: number, s: number, i: number): number {
  if (n < cap) {
    let pos = n;
    while (pos > 0) {
      const parent = (pos - 1) >>> 1;
      const ps = scores[base + parent]!;
      const pi = rows[base + parent]!;
      if (!worse(s, i, ps, pi)) break;
      scores[base + pos] = ps;
      rows[base + pos] = pi;
      pos = parent;
    }
    scores[base + pos] = s;
    rows[base + pos] = i;
    return n + 1;
  }
  if (!worse(scores[base]!, rows[base]!, s, i)) return n;
  let pos = 0;
  for (;;) {
    const l = 2 * pos + 1;
    if (l >= n) break;
    let c = l;
    let cs = scores[base + l]!;
    let ci = rows[base + l]!;
    const r = l + 1;
    if (r < n) {
      const rs = scores[base + r]!;
      const ri = rows[base + r]!;
      if (worse(rs, ri, cs, ci)) {
        c = r;
        cs = rs;
        ci = ri;
      }
    }
    if (!worse(cs, ci, s, i)) break;
    scores[base + pos] = cs;
    rows[base + pos] = ci;
    pos = c;
  }
  scores[base + pos] = s;
  rows[base + pos] = i;
  return n;
}

function skipped(i: number, exclude: Uint32Array | undefined, categories: Uint32Array | undefined, mask: number): boolean {
  if (exclude && (exclude[i >>> 5]! & (1 << (i & 31))) !== 0) return true;
  if (categories && (categories[i]! & mask) === 0) return true;
  return false;
}

/** Exact integer dot product (any summation order gives the same result), unrolled 8-way; stride % 16 == 0. */
function dotI8(codes: Int8Array, v: number, queries: Int16Array, qo: number, stride: number): number {
  let a = 0, b = 0, c = 0, d = 0;
  for (let j = 0; j < stride; j += 8) {
    const x = v + j;
    const y = qo + j;
    a = (a + codes[x]! * queries[y]! + codes[x + 4]! * queries[y + 4]!) | 0;
    b = (b + codes[x + 1]! * queries[y + 1]! + codes[x + 5]! * queries[y + 5]!) | 0;
    c = (c + codes[x + 2]! * queries[y + 2]! + codes[x + 6]! * queries[y + 6]!) | 0;
    d = (d + codes[x + 3]! * queries[y + 3]! + codes[x + 7]! * queries[y + 7]!) | 0;
  }
  return (a + b + c + d) | 0;
}

/** int8 rows x int16-widened int8 queries; score = f32(dot) * scale[row] (query scale applied by the caller). */
export function scanI8Ts(codes: Int8Array, scales: Float32Array, queries: Int16Array, req: ScanRequest, out: ScanResult): void {
  const { count, stride, nq, cap, exclude, categories, mask } = req;
  const { scores, rows, sizes } = out;
  sizes.fill(0, 0, nq);
  const f = Math.fround;
  for (let i = 0; i < count; i++) {
    if (skipped(i, exclude, categories, mask)) continue;
    const v = i * stride;
    const scale = scales[i]!;
    for (let q = 0; q < nq; q++) {
      const qo = q * stride;
      const s = f(f(dotI8(codes, v, queries, qo, stride)) * scale);
      sizes[q] = heapOffer(scores, rows, q * cap, sizes[q]!, cap, s, i);
    }
  }
}

/**
 * f32 dot product in the kernel's exact order: 16 lanes (four f32x4 accumulators), every multiply and
 * add rounded to f32, then ((a0+a1)+(a2+a3)) lane-wise and ((l0+l1)+(l2+l3)).
 */
export function dotF32Lanes(v: Float32Array, vo: number, q: Float32Array, qo: number, stride: number): number {
  const f = Math.fround;
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
  for (let j = 0; j < stride; j += 16) {
    const x = vo + j;
    const y = qo + j;
    a0 = f(a0 + f(v[x]! * q[y]!));
    a1 = f(a1 + f(v[x + 1]! * q[y + 1]!));
    a2 = f(a2 + f(v[x + 2]! * q[y + 2]!));
    a3 = f(a3 + f(v[x + 3]! * q[y + 3]!));
    b0 = f(b0 + f(v[x + 4]! * q[y + 4]!));
    b1 = f(b1 + f(v[x + 5]! * q[y + 5]!));
    b2 = f(b2 + f(v[x + 6]! * q[y + 6]!));
    b3 = f(b3 + f(v[x + 7]! * q[y + 7]!));
    c0 = f(c0 + f(v[x + 8]! * q[y + 8]!));
    c1 = f(c1 + f(v[x + 9]! * q[y + 9]!));
    c2 = f(c2 + f(v[x + 10]! * q[y + 10]!));
    c3 = f(c3 + f(v[x + 11]! * q[y + 11]!));
    d0 = f(d0 + f(v[x + 12]! * q[y + 12]!));
    d1 = f(d1 + f(v[x + 13]! * q[y + 13]!));
    d2 = f(d2 + f(v[x + 14]! * q[y + 14]!));
    d3 = f(d3 + f(v[x + 15]! * q[y + 15]!));
  }
  const s0 = f(f(a0 + b0) + f(c0 + d0));
  const s1 = f(f(a1 + b1) + f(c1 + d1));
  const s2 = f(f(a2 + b2) + f(c2 + d2));
  const s3 = f(f(a3 + b3) + f(c3 + d3));
  return f(f(s0 + s1) + f(s2 + s3));
}

export function scanF32Ts(values: Float32Array, queries: Float32Array, req: ScanRequest, out: ScanResult): void {
  const { count, stride, nq, cap, exclude, categories, mask } = req;
  const { scores, rows, sizes } = out;
  sizes.fill(0, 0, nq);
  for (let i = 0; i < count; i++) {
    if (skipped(i, exclude, categories, mask)) continue;
    const v = i * stride;
    for (let q = 0; q < nq; q++) {
      const s = dotF32Lanes(values, v, queries, q * stride, stride);
      sizes[q] = heapOffer(scores, rows, q * cap, sizes[q]!, cap, s, i);
    }
  }
}
