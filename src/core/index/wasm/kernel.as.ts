// @ts-nocheck -- AssemblyScript source (compiled by `tools/build-wasm.ts`), not checked by tsc.
//
// Exact top-k scan kernels for the shipped embedding index. The caller (src/core/index/kernel.ts)
// owns the memory layout: every pointer below is a byte offset into linear memory that it chose.
// The plain TypeScript fallback (scan-ts.ts) mirrors this file operation for operation, so both give
// the same top-k ids and bit-identical scores: keep them in step.
//
// Layouts (all little-endian, vectors padded with zeros to `stride` elements, stride % 16 == 0):
//   int8 vectors   i8[count * stride]      scales f32[count]
//   int8 queries   i16[nq * stride]        (widened once by the caller)
//   f32 vectors    f32[count * stride]     f32 queries f32[nq * stride]
//   exclude        u32[ceil(count / 32)]   bit i set = item i is skipped (0 = no bitset)
//   categories     u32[count]              item passes when (categories[i] & mask) != 0 (0 = no filter)
//   heaps          per query q: scores f32[cap] at heaps + q*cap*8, indices u32[cap] right after
//   sizes          u32[nq]                 number of entries in each heap

// A candidate (s, i) is worse than (t, j) when its score is lower, or equal with a higher index:
// the deterministic tie-break shared with the TypeScript fallback.
@inline
function worse(s: f32, i: u32, t: f32, j: u32): bool {
  return s < t || (s == t && i > j);
}

@inline
function heapOffer(scores: usize, ids: usize, sizePtr: usize, cap: u32, s: f32, i: u32): void {
  let n = load<u32>(sizePtr);
  if (n < cap) {
    // Sift up from the end: the root holds the worst candidate kept.
    let pos = n;
    while (pos > 0) {
      const parent = (pos - 1) >>> 1;
      const ps = load<f32>(scores + (<usize>parent << 2));
      const pi = load<u32>(ids + (<usize>parent << 2));
      if (!worse(s, i, ps, pi)) break;
      store<f32>(scores + (<usize>pos << 2), ps);
      store<u32>(ids + (<usize>pos << 2), pi);
      pos = parent;
    }
    store<f32>(scores + (<usize>pos << 2), s);
    store<u32>(ids + (<usize>pos << 2), i);
    store<u32>(sizePtr, n + 1);
    return;
  }
  if (!worse(load<f32>(scores), load<u32>(ids), s, i)) return;
  // Replace the root and sift down.
  let pos: u32 = 0;
  while (true) {
    const l: u32 = (pos << 1) + 1;
    if (l >= n) break;
    let c: u32 = l;
    let cs = load<f32>(scores + (<usize>l << 2));
    let ci = load<u32>(ids + (<usize>l << 2));
    const r: u32 = l + 1;
    if (r < n) {
      const rs = load<f32>(scores + (<usize>r << 2));
      const ri = load<u32>(ids + (<usize>r << 2));
      if (worse(rs, ri, cs, ci)) {
        c = r;
        cs = rs;
        ci = ri;
      }
    }
    if (!worse(cs, ci, s, i)) break;
    store<f32>(scores + (<usize>pos << 2), cs);
    store<u32>(ids + (<usize>pos << 2), ci);
    pos = c;
  }
  store<f32>(scores + (<usize>pos << 2), s);
  store<u32>(ids + (<usize>pos << 2), i);
}

@inline
function skipped(i: u32, exclude: usize, categories: usize, mask: u32): bool {
  if (exclude != 0 && (load<u32>(exclude + (<usize>(i >>> 5) << 2)) & (<u32>1 << (i & 31))) != 0) return true;
  if (categories != 0 && (load<u32>(categories + (<usize>i << 2)) & mask) == 0) return true;
  return false;
}

/** Integer dot product of one int8 vector with one widened int16 query; exact (no rounding). */
@inline
function dotI8(v: usize, q: usize, stride: u32): i32 {
  let acc0 = i32x4.splat(0);
  let acc1 = i32x4.splat(0);
  for (let j: usize = 0; j < <usize>stride; j += 16) {
    // load8x8_s sign-extends 8 int8 lanes to int16 in the load; dot_i16x8_s multiplies and adds pairs.
    acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(v128.load8x8_s(v + j), v128.load(q + (j << 1))));
    acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(v128.load8x8_s(v + j + 8), v128.load(q + (j << 1) + 16)));
  }
  const s = i32x4.add(acc0, acc1);
  return i32x4.extract_lane(s, 0) + i32x4.extract_lane(s, 1) + i32x4.extract_lane(s, 2) + i32x4.extract_lane(s, 3);
}

/**
 * Scores every int8 vector against `nq` int16 queries: score = f32(dot) * scale[i]. The query's own
 * scale is the same for all items, so the caller applies it afterwards.
 */
export function scanI8(
  vectors: usize,
  scales: usize,
  count: u32,
  stride: u32,
  queries: usize,
  nq: u32,
  exclude: usize,
  categories: usize,
  mask: u32,
  heaps: usize,
  sizes: usize,
  cap: u32,
): void {
  for (let q: u32 = 0; q < nq; q++) store<u32>(sizes + (<usize>q << 2), 0);
  const heapBytes = <usize>cap << 3;
  const queryBytes = <usize>stride << 1;
  for (let i: u32 = 0; i < count; i++) {
    if (skipped(i, exclude, categories, mask)) continue;
    const v = vectors + <usize>i * <usize>stride;
    const scale = load<f32>(scales + (<usize>i << 2));
    for (let q: u32 = 0; q < nq; q++) {
      const dot = dotI8(v, queries + <usize>q * queryBytes, stride);
      const s = <f32>dot * scale;
      const h = heaps + <usize>q * heapBytes;
      heapOffer(h, h + (<usize>cap << 2), sizes + (<usize>q << 2), cap, s, i);
    }
  }
}

/** f32 dot product in 16 lanes (four f32x4 accumulators), reduced in a fixed order. */
@inline
function dotF32(v: usize, q: usize, stride: u32): f32 {
  let a0 = f32x4.splat(0);
  let a1 = f32x4.splat(0);
  let a2 = f32x4.splat(0);
  let a3 = f32x4.splat(0);
  const bytes = <usize>stride << 2;
  for (let j: usize = 0; j < bytes; j += 64) {
    a0 = f32x4.add(a0, f32x4.mul(v128.load(v + j), v128.load(q + j)));
    a1 = f32x4.add(a1, f32x4.mul(v128.load(v + j + 16), v128.load(q + j + 16)));
    a2 = f32x4.add(a2, f32x4.mul(v128.load(v + j + 32), v128.load(q + j + 32)));
    a3 = f32x4.add(a3, f32x4.mul(v128.load(v + j + 48), v128.load(q + j + 48)));
  }
  const s = f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3));
  return (f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1)) + (f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
}

/** Scores every f32 vector against `nq` f32 queries (exact dot products, f32 arithmetic). */
export function scanF32(
  vectors: usize,
  count: u32,
  stride: u32,
  queries: usize,
  nq: u32,
  exclude: usize,
  categories: usize,
  mask: u32,
  heaps: usize,
  sizes: usize,
  cap: u32,
): void {
  for (let q: u32 = 0; q < nq; q++) store<u32>(sizes + (<usize>q << 2), 0);
  const heapBytes = <usize>cap << 3;
  const rowBytes = <usize>stride << 2;
  for (let i: u32 = 0; i < count; i++) {
    if (skipped(i, exclude, categories, mask)) continue;
    const v = vectors + <usize>i * rowBytes;
    for (let q: u32 = 0; q < nq; q++) {
      const s = dotF32(v, queries + <usize>q * rowBytes, stride);
      const h = heaps + <usize>q * heapBytes;
      heapOffer(h, h + (<usize>cap << 2), sizes + (<usize>q << 2), cap, s, i);
    }
  }
}
