// The shipped embedding index file, version 1. Little-endian throughout; every section starts on a
// 16-byte boundary so it can be viewed in place (typed arrays, or WebAssembly memory for SIMD loads).
//
//   offset  size  field
//   0       4     magic 0x89 'V' 'I' 'X' (the high byte catches text-mode mangling, as in PNG)
//   4       2     format version (1)
//   6       2     header size in bytes (64)
//   8       1     quantisation: 0 f32, 1 f16, 2 i8 (per-vector f32 scale)
//   9       1     metric: 0 cosine (vectors stored normalised), 1 inner product
//   10      2     flags: bit 0 per-item category bits, bit 1 f16 rescore copy (i8 only),
//                 bit 2 one residual bit per element (i8 only: which half of the rounding step)
//   12      4     dim            16  4  stride (dim rounded up to 16; rows are zero-padded)
//   20      4     item count     24  4  model id length (UTF-8 bytes)
//   28      4     id blob length 32  8  total file length in bytes
//   40      20    reserved, zero
//   60      4     CRC-32 of bytes [0, 60) followed by [64, end)
//
// Sections, in order: model id | vectors (f32 / f16 / i8 rows of `stride`) | i8 scales (f32 x count)
// | f16 rescore rows | residual bits (stride / 8 bytes per row) | categories (u32 x count) | id offsets (u32 x count+1, into the blob) | id blob.
import { crc32Final, crc32Update, CRC32_INIT } from './crc32.ts';
import { IndexFileError } from './errors.ts';

export const INDEX_MAGIC = Object.freeze([0x89, 0x56, 0x49, 0x58] as const);
export const INDEX_FORMAT_VERSION = 1;
export const INDEX_HEADER_BYTES = 64;
export const CHECKSUM_OFFSET = 60;
/** Rows are padded to a multiple of this many elements (one i8x16 SIMD load). */
export const STRIDE_ELEMENTS = 16;
export const SECTION_ALIGN_BYTES = 16;
export const MAX_DIM = 65536;
export const MAX_MODEL_ID_BYTES = 1024;

export const QUANTISATIONS = ['f32', 'f16', 'i8'] as const;
export type Quantisation = (typeof QUANTISATIONS)[number];
export const METRICS = ['cosine', 'ip'] as const;
export type Metric = (typeof METRICS)[number];

export const FLAG_CATEGORIES = 1;
export const FLAG_RESCORE_F16 = 2;
export const FLAG_RESIDUAL_BIT = 4;
const KNOWN_FLAGS = FLAG_CATEGORIES | FLAG_RESCORE_F16 | FLAG_RESIDUAL_BIT;

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  // Typed-array views of the file assume a little-endian host (every browser and Node platform).
  throw new Error('embedding index: big-endian hosts are not supported');
}

export interface IndexHeader {
  readonly version: number;
  readonly quantisation: Quantisation;
  readonly metric: Metric;
  readonly dim: number;
  readonly stride: number;
  readonly count: number;
  readonly modelIdBytes: number;
  readonly idBlobBytes: number;
  readonly hasCategories: boolean;
  readonly hasRescoreF16: boolean;
  readonly hasResidualBits: boolean;
  readonly totalBytes: number;
  readonly checksum: number;
}

export interface SectionLayout {
  readonly modelId: number;
  readonly vectors: number;
  readonly scales: number;
  readonly rescore: number;
  readonly residual: number;
  readonly categories: number;
  readonly idOffsets: number;
  readonly idBlob: number;
  readonly end: number;
}

export type IndexVectors =
  | { readonly quantisation: 'f32'; readonly values: Float32Array }
  | { readonly quantisation: 'f16'; readonly bits: Uint16Array }
  | {
      readonly quantisation: 'i8';
      readonly codes: Int8Array;
      readonly scales: Float32Array;
      /** Optional f16 copy for exact rescoring of the int8 shortlist. */
      readonly rescoreF16: Uint16Array | undefined;
      /**
       * Optional residual bits, bit j of row r at byte r * stride / 8 + (j >> 3), LSB first: set when
       * x / scale >= code, so code + 0.25 (set) or code - 0.25 (clear) halves the rounding error.
       */
      readonly residualBits: Uint8Array | undefined;
    };

export interface IdTable {
  readonly offsets: Uint32Array;
  readonly blob: Uint8Array;
}

export interface DecodedIndex {
  readonly header: IndexHeader;
  readonly modelId: string;
  /** The whole file; every view below points into it. */
  readonly bytes: Uint8Array;
  readonly vectors: IndexVectors;
  readonly categories: Uint32Array | undefined;
  readonly ids: IdTable;
}

export interface IndexExpectations {
  /** Refuse an index whose dim differs (the caller's embedding model output size). */
  readonly expectedDim?: number;
  /** Refuse an index built by another embedding model. */
  readonly expectedModelId?: string;
}


export const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

export function strideFor(dim: number): number {
  return alignUp(dim, STRIDE_ELEMENTS);
}

export function bytesPerElement(q: Quantisation): number {
  return q === 'f32' ? 4 : q === 'f16' ? 2 : 1;
}

export function sectionLayout(h: Omit<IndexHeader, 'totalBytes' | 'checksum' | 'version'>): SectionLayout {
  const a = (n: number): number => alignUp(n, SECTION_ALIGN_BYTES);
  const rows = h.count * h.stride;
  const modelId = INDEX_HEADER_BYTES;
  const vectors = a(modelId + h.modelIdBytes);
  const scales = a(vectors + rows * bytesPerElement(h.quantisation));
  const rescore = a(scales + (h.quantisation === 'i8' ? h.count * 4 : 0));
  const residual = a(rescore + (h.hasRescoreF16 ? rows * 2 : 0));
  const categories = a(residual + (h.hasResidualBits ? rows / 8 : 0));
  const idOffsets = a(categories + (h.hasCategories ? h.count * 4 : 0));
  const idBlob = idOffsets + (h.count + 1) * 4;
  return { modelId, vectors, scales, rescore, residual, categories, idOffsets, idBlob, end: idBlob + h.idBlobBytes };
}

/** CRC-32 over the file minus its own checksum field. */
export function fileChecksum(bytes: Uint8Array): number {
  let c = crc32Update(CRC32_INIT, bytes, 0, CHECKSUM_OFFSET);
  c = crc32Update(c, bytes, INDEX_HEADER_BYTES, bytes.length);
  return crc32Final(c);
}

/**
 * Parses and sanity-checks the fixed 64-byte header (no checksum yet: the payload may still be
 * streaming in). Throws IndexFileError.
 */
export function parseIndexHeader(bytes: Uint8Array): IndexHeader {
  if (bytes.length < INDEX_HEADER_BYTES) {
    throw new IndexFileError('truncated', `${bytes.length} bytes, the header alone needs ${INDEX_HEADER_BYTES}`);
  }
  for (let i = 0; i < INDEX_MAGIC.length; i++) {
    if (bytes[i] !== INDEX_MAGIC[i]) {
      const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
      throw new IndexFileError('bad-magic', `starts with ${head}, expected 89 56 49 58`);
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, INDEX_HEADER_BYTES);
  const version = view.getUint16(4, true);
  if (version !== INDEX_FORMAT_VERSION) {
    throw new IndexFileError('unsupported-version', `file is version ${version}, this build reads ${INDEX_FORMAT_VERSION}`);
  }
  const invalid = (what: string): never => {
    throw new IndexFileError('invalid-header', what);
  };
  const headerBytes = view.getUint16(6, true);
  if (headerBytes !== INDEX_HEADER_BYTES) invalid(`header size ${headerBytes}`);
  const quantisation = QUANTISATIONS[view.getUint8(8)] ?? invalid(`quantisation code ${view.getUint8(8)}`);
  const metric = METRICS[view.getUint8(9)] ?? invalid(`metric code ${view.getUint8(9)}`);
  const flags = view.getUint16(10, true);
  if ((flags & ~KNOWN_FLAGS) !== 0) invalid(`unknown flags 0x${flags.toString(16)}`);
  const dim = view.getUint32(12, true);
  const stride = view.getUint32(16, true);
  const count = view.getUint32(20, true);
  const modelIdBytes = view.getUint32(24, true);
  const idBlobBytes = view.getUint32(28, true);
  const totalBytes = view.getUint32(32, true) + view.getUint32(36, true) * 2 ** 32;
  if (dim < 1 || dim > MAX_DIM) invalid(`dim ${dim}`);
  if (stride !== strideFor(dim)) invalid(`stride ${stride} for dim ${dim}`);
  if (modelIdBytes > MAX_MODEL_ID_BYTES) invalid(`model id length ${modelIdBytes}`);
  const hasRescoreF16 = (flags & FLAG_RESCORE_F16) !== 0;
  if (hasRescoreF16 && quantisation !== 'i8') invalid('f16 rescore copy on a non-i8 index');
  const hasResidualBits = (flags & FLAG_RESIDUAL_BIT) !== 0;
  if (hasResidualBits && quantisation !== 'i8') invalid('residual bits on a non-i8 index');
  const shape = {
    quantisation,
    metric,
    dim,
    stride,
    count,
    modelIdBytes,
    idBlobBytes,
    hasCategories: (flags & FLAG_CATEGORIES) !== 0,
    hasRescoreF16,
    hasResidualBits,
  };
  const end = sectionLayout(shape).end;
  if (end !== totalBytes) invalid(`declares ${totalBytes} bytes, its sections need ${end}`);
  return { ...shape, version, totalBytes, checksum: view.getUint32(CHECKSUM_OFFSET, true) };
}

export function decodeModelId(bytes: Uint8Array, header: IndexHeader): string {
  const start = INDEX_HEADER_BYTES;
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(start, start + header.modelIdBytes));
}

/** Checks the caller's expectations against a parsed header; throws dim-/model-mismatch. */
export function checkExpectations(header: IndexHeader, modelId: string, expect: IndexExpectations): void {
  if (expect.expectedDim !== undefined && header.dim !== expect.expectedDim) {
    throw new IndexFileError('dim-mismatch', `index has dim ${header.dim}, the model produces ${expect.expectedDim}`);
  }
  if (expect.expectedModelId !== undefined && modelId !== expect.expectedModelId) {
    throw new IndexFileError(
      'model-mismatch',
      `index was built by "${modelId || '(unnamed)'}", the encoder is "${expect.expectedModelId}"`,
    );
  }
}

export interface DecodeOptions extends IndexExpectations {
  /** CRC already computed over the payload while streaming (internal: skips a second pass). */
  readonly computedChecksum?: number;
}

/**
 * Validates a complete index file and returns typed views into it (no copies, unless `bytes` is not
 * 16-byte aligned). Throws IndexFileError: bad-magic, unsupported-version, invalid-header,
 * truncated, trailing-bytes, checksum-mismatch, dim-mismatch, model-mismatch, invalid-ids.
 */
export function decodeIndex(input: Uint8Array, options: DecodeOptions = {}): DecodedIndex {
  const header = parseIndexHeader(input);
  if (input.length < header.totalBytes) {
    throw new IndexFileError('truncated', `${input.length} of ${header.totalBytes} bytes`);
  }
  if (input.length > header.totalBytes) {
    throw new IndexFileError('trailing-bytes', `${input.length} bytes, header says ${header.totalBytes}`);
  }
  const bytes = input.byteOffset % SECTION_ALIGN_BYTES === 0 ? input : input.slice();
  const actual = options.computedChecksum ?? fileChecksum(bytes);
  if (actual !== header.checksum) {
    throw new IndexFileError(
      'checksum-mismatch',
      `stored ${hex32(header.checksum)}, computed ${hex32(actual)} over ${header.totalBytes} bytes`,
    );
  }
  const modelId = decodeModelId(bytes, header);
  checkExpectations(header, modelId, options);

  const layout = sectionLayout(header);
  const buf = bytes.buffer;
  const base = bytes.byteOffset;
  const rows = header.count * header.stride;
  let vectors: IndexVectors;
  if (header.quantisation === 'f32') {
    vectors = { quantisation: 'f32', values: new Float32Array(buf, base + layout.vectors, rows) };
  } else if (header.quantisation === 'f16') {
    vectors = { quantisation: 'f16', bits: new Uint16Array(buf, base + layout.vectors, rows) };
  } else {
    vectors = {
      quantisation: 'i8',
      codes: new Int8Array(buf, base + layout.vectors, rows),
      scales: new Float32Array(buf, base + layout.scales, header.count),
      rescoreF16: header.hasRescoreF16 ? new Uint16Array(buf, base + layout.rescore, rows) : undefined,
      residualBits: header.hasResidualBits ? new Uint8Array(buf, base + layout.residual, rows / 8) : undefined,
    };
  }
  const categories = header.hasCategories ? new Uint32Array(buf, base + layout.categories, header.count) : undefined;
  const offsets = new Uint32Array(buf, base + layout.idOffsets, header.count + 1);
  const blob = bytes.subarray(layout.idBlob, layout.end);
  if (offsets[0] !== 0 || offsets[header.count] !== header.idBlobBytes) {
    throw new IndexFileError('invalid-ids', 'offset table does not span the id blob');
  }
  for (let i = 0; i < header.count; i++) {
    if (offsets[i + 1]! < offsets[i]!) throw new IndexFileError('invalid-ids', `offset ${i + 1} goes backwards`);
  }
  return { header, modelId, bytes, vectors, categories, ids: { offsets, blob } };
}

function hex32(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}
