// Writing an index file (the format is described in ./format.ts, which reads it): quantisation, the
// optional rescore and residual sections, categories, ids, and the checksum. Used by the build tools
// and by the retrieval worker for the user's own videos.
import { toFloat16Bits } from './float16.ts';
import { quantiseRowsInt8 } from './quantise.ts';
import { CHECKSUM_OFFSET, fileChecksum, FLAG_CATEGORIES, FLAG_RESCORE_F16, FLAG_RESIDUAL_BIT, INDEX_FORMAT_VERSION, INDEX_HEADER_BYTES, INDEX_MAGIC, MAX_DIM, MAX_MODEL_ID_BYTES, type Metric, METRICS, type Quantisation, QUANTISATIONS, sectionLayout, strideFor } from './format.ts';

export interface EncodeIndexInput {
  readonly dim: number;
  /** count x dim floats, row-major. */
  readonly vectors: Float32Array;
  readonly ids: readonly string[];
  readonly quantisation: Quantisation;
  readonly metric: Metric;
  readonly modelId?: string;
  /** Per-item category bits, for include-mask filters at search time. */
  readonly categories?: Uint32Array;
  /** i8 only: also store an f16 copy so the int8 shortlist is rescored with (near-)exact floats. */
  readonly rescoreF16?: boolean;
  /**
   * i8 only: one residual bit per element (+1/8 of the int8 size) for rescoring the shortlist with
   * half the quantisation error. Default: on for i8 files without an f16 copy.
   */
  readonly residualBits?: boolean;
}

/** Builds an index file. Cosine indexes store unit vectors; zero vectors stay zero. */
export function encodeIndex(input: EncodeIndexInput): Uint8Array {
  const { dim, vectors, ids, quantisation, metric } = input;
  const count = ids.length;
  if (!Number.isInteger(dim) || dim < 1 || dim > MAX_DIM) throw new RangeError(`dim must be 1..${MAX_DIM}, got ${dim}`);
  if (vectors.length !== count * dim) {
    throw new RangeError(`vectors hold ${vectors.length} floats, expected ${count} ids x ${dim} dims`);
  }
  if (input.categories && input.categories.length !== count) {
    throw new RangeError(`categories hold ${input.categories.length} entries, expected ${count}`);
  }
  if (input.rescoreF16 && quantisation !== 'i8') throw new RangeError('rescoreF16 only applies to i8 indexes');
  if (input.residualBits && quantisation !== 'i8') throw new RangeError('residualBits only applies to i8 indexes');
  for (let i = 0; i < vectors.length; i++) {
    if (!Number.isFinite(vectors[i]!)) throw new RangeError(`vector value ${i} is not finite`);
  }

  const utf8 = new TextEncoder();
  const modelIdUtf8 = utf8.encode(input.modelId ?? '');
  if (modelIdUtf8.length > MAX_MODEL_ID_BYTES) throw new RangeError('model id too long');
  const idOffsets = new Uint32Array(count + 1);
  const idChunks: Uint8Array[] = [];
  let idBlobBytes = 0;
  for (let i = 0; i < count; i++) {
    const b = utf8.encode(ids[i]!);
    idChunks.push(b);
    idBlobBytes += b.length;
    idOffsets[i + 1] = idBlobBytes;
  }

  const stride = strideFor(dim);
  const shape = {
    quantisation,
    metric,
    dim,
    stride,
    count,
    modelIdBytes: modelIdUtf8.length,
    idBlobBytes,
    hasCategories: input.categories !== undefined,
    hasRescoreF16: input.rescoreF16 === true,
    hasResidualBits: input.residualBits ?? (quantisation === 'i8' && input.rescoreF16 !== true),
  };
  const layout = sectionLayout(shape);
  const out = new Uint8Array(layout.end);
  const buf = out.buffer;

  // Row by row (no full float copy: a 1M x 256 build would need another gigabyte): normalise for
  // cosine, pad to stride, then write in the file's quantisation.
  const row = new Float32Array(stride);
  const f32Rows = quantisation === 'f32' ? new Float32Array(buf, layout.vectors, count * stride) : undefined;
  const f16Rows = quantisation === 'f16' ? new Uint16Array(buf, layout.vectors, count * stride) : undefined;
  const i8Rows = quantisation === 'i8' ? new Int8Array(buf, layout.vectors, count * stride) : undefined;
  const scales = quantisation === 'i8' ? new Float32Array(buf, layout.scales, count) : undefined;
  const rescoreRows = shape.hasRescoreF16 ? new Uint16Array(buf, layout.rescore, count * stride) : undefined;
  const residual = shape.hasResidualBits ? new Uint8Array(buf, layout.residual, (count * stride) / 8) : undefined;
  for (let i = 0; i < count; i++) {
    let norm = 1;
    if (metric === 'cosine') {
      let ss = 0;
      for (let j = 0; j < dim; j++) ss += vectors[i * dim + j]! ** 2;
      norm = ss > 0 ? Math.sqrt(ss) : 1;
    }
    for (let j = 0; j < dim; j++) row[j] = vectors[i * dim + j]! / norm;
    const at = i * stride;
    if (f32Rows) f32Rows.set(row, at);
    if (f16Rows) writeFloat16(row, f16Rows, at);
    if (rescoreRows) writeFloat16(row, rescoreRows, at);
    if (i8Rows && scales) {
      const codes = i8Rows.subarray(at, at + stride);
      quantiseRowsInt8(row, 1, stride, stride, codes, stride, scales.subarray(i, i + 1));
      const scale = scales[i]!;
      if (residual && scale > 0) {
        for (let j = 0; j < dim; j++) {
          if (row[j]! / scale >= codes[j]!) residual[at / 8 + (j >> 3)]! |= 1 << (j & 7);
        }
      }
    }
  }
  if (input.categories) new Uint32Array(buf, layout.categories, count).set(input.categories);
  new Uint32Array(buf, layout.idOffsets, count + 1).set(idOffsets);
  let at = layout.idBlob;
  for (const b of idChunks) {
    out.set(b, at);
    at += b.length;
  }
  out.set(modelIdUtf8, layout.modelId);

  const view = new DataView(buf);
  INDEX_MAGIC.forEach((m, i) => view.setUint8(i, m));
  view.setUint16(4, INDEX_FORMAT_VERSION, true);
  view.setUint16(6, INDEX_HEADER_BYTES, true);
  view.setUint8(8, QUANTISATIONS.indexOf(quantisation));
  view.setUint8(9, METRICS.indexOf(metric));
  const flags =
    (shape.hasCategories ? FLAG_CATEGORIES : 0) |
    (shape.hasRescoreF16 ? FLAG_RESCORE_F16 : 0) |
    (shape.hasResidualBits ? FLAG_RESIDUAL_BIT : 0);
  view.setUint16(10, flags, true);
  view.setUint32(12, dim, true);
  view.setUint32(16, stride, true);
  view.setUint32(20, count, true);
  view.setUint32(24, modelIdUtf8.length, true);
  view.setUint32(28, idBlobBytes, true);
  view.setUint32(32, layout.end % 2 ** 32, true);
  view.setUint32(36, Math.floor(layout.end / 2 ** 32), true);
  view.setUint32(CHECKSUM_OFFSET, fileChecksum(out), true);
  return out;
}

function writeFloat16(src: Float32Array, dst: Uint16Array, at: number): void {
  for (let j = 0; j < src.length; j++) dst[at + j] = toFloat16Bits(src[j]!);
}

