// Symmetric int8 quantisation with one float32 scale per vector: code = round(x / scale), with
// scale = max|x| / 127. Codes stay in [-127, 127] so products of two codes never reach -128 * -128.

export const INT8_MAX_CODE = 127;

/**
 * Quantises `count` rows of `dim` floats (row-major, `srcStride` apart) into int8 rows `dstStride`
 * apart (padding left zero) and one scale per row.
 */
export function quantiseRowsInt8(
  src: Float32Array,
  count: number,
  dim: number,
  srcStride: number,
  codes: Int8Array,
  dstStride: number,
  scales: Float32Array,
): void {
  for (let i = 0; i < count; i++) {
    const s = i * srcStride;
    let maxAbs = 0;
    for (let j = 0; j < dim; j++) {
      const a = Math.abs(src[s + j]!);
      if (a > maxAbs) maxAbs = a;
    }
    const scale = Math.fround(maxAbs / INT8_MAX_CODE);
    scales[i] = scale;
    const d = i * dstStride;
    if (scale === 0) continue;
    const inv = 1 / scale;
    for (let j = 0; j < dim; j++) codes[d + j] = clampCode(Math.round(src[s + j]! * inv));
  }
}

function clampCode(c: number): number {
  return c > INT8_MAX_CODE ? INT8_MAX_CODE : c < -INT8_MAX_CODE ? -INT8_MAX_CODE : c;
}

/**
 * Quantises one query into int8 codes widened to int16 (the layout the SIMD kernel multiplies with
 * i32x4.dot_i16x8_s), writing `stride` lanes at `offset`. Returns the query's scale.
 */
export function quantiseQueryInt16(query: Float32Array, out: Int16Array, offset: number, stride: number): number {
  let maxAbs = 0;
  for (let j = 0; j < query.length; j++) {
    const a = Math.abs(query[j]!);
    if (a > maxAbs) maxAbs = a;
  }
  out.fill(0, offset, offset + stride);
  const scale = Math.fround(maxAbs / INT8_MAX_CODE);
  if (scale === 0) return 0;
  const inv = 1 / scale;
  for (let j = 0; j < query.length; j++) out[offset + j] = clampCode(Math.round(query[j]! * inv));
  return scale;
}
