// The shipped embedding index, searched exactly with scores. One VectorIndex is immutable once
// built: a caller swapping in a new index keeps serving the old one until load() resolves, so a
// failed or corrupt download never leaves the feed without an index.
import { decodeIndex } from './format.ts';
import type { DecodedIndex, IndexExpectations, Metric, Quantisation } from './format.ts';
import { float16Table } from './float16.ts';
import { typeScriptKernel } from './kernel.ts';
import type { BoundIndex, KernelKind, ScanOptions, SearchKernel } from './kernel.ts';
import { loadIndexFromResponse, loadIndexFromStream } from './load.ts';
import type { LoadProgress } from './load.ts';
import { quantiseQueryInt16 } from './quantise.ts';
import type { ScanResult } from './scan-ts.ts';

export interface SearchHit {
  /** Position of the item in the index file. */
  readonly row: number;
  readonly id: string;
  /** Cosine similarity (cosine indexes) or inner product; for several queries, max of weight x score. */
  readonly score: number;
}

export interface SearchOptions {
  /** Rows to skip: a set of rows, or a packed bitset (bit r of byte r >> 3, least significant bit first). */
  readonly exclude?: ReadonlySet<number> | Uint8Array;
  /** Keep only rows whose category bits intersect this mask (the index must carry categories). */
  readonly categoryMask?: number;
  /** One positive weight per query (default 1 each). */
  readonly weights?: readonly number[];
  /** int8 only: candidates per query kept by the int8 scan for float rescoring (default max(4k, 64)). */
  readonly shortlist?: number;
  /** int8 only: false returns the int8 scores of the shortlist without float rescoring. */
  readonly rescore?: boolean;
}

export interface VectorIndexOptions extends IndexExpectations {
  /** From createSearchKernel(); default: the TypeScript kernel. */
  readonly kernel?: SearchKernel;
}

export interface LoadVectorIndexOptions extends VectorIndexOptions {
  readonly onProgress?: (progress: LoadProgress) => void;
  readonly signal?: AbortSignal;
}

const DEFAULT_SHORTLIST_FACTOR = 4;
const DEFAULT_SHORTLIST_MIN = 64;

export class VectorIndex {
  readonly dim: number;
  readonly count: number;
  readonly metric: Metric;
  readonly quantisation: Quantisation;
  readonly modelId: string;
  readonly kernelKind: KernelKind;
  private readonly bound: BoundIndex;
  private readonly idOffsets: Uint32Array;
  private readonly idBlob: Uint8Array;
  private idList: readonly string[] | undefined;
  private rowById: Map<string, number> | undefined;

  private constructor(decoded: DecodedIndex, kernel: SearchKernel) {
    const h = decoded.header;
    this.dim = h.dim;
    this.count = h.count;
    this.metric = h.metric;
    this.quantisation = h.quantisation;
    this.modelId = decoded.modelId;
    // Copy the (small) id table out first: the kernel may move the file into wasm memory.
    this.idOffsets = decoded.ids.offsets.slice();
    this.idBlob = decoded.ids.blob.slice();
    this.bound = kernel.bind(decoded);
    this.kernelKind = this.bound.kind;
  }

  /** Validates a complete file (typed IndexFileError on any defect) and binds it to the kernel. */
  static fromBytes(buf: ArrayBuffer | Uint8Array, opts: VectorIndexOptions = {}): VectorIndex {
    const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
    return new VectorIndex(decodeIndex(bytes, opts), opts.kernel ?? typeScriptKernel);
  }

  /** Streams a file (fetch Response or byte stream) straight into the kernel's memory, with progress. */
  static async load(source: Response | ReadableStream<Uint8Array>, opts: LoadVectorIndexOptions = {}): Promise<VectorIndex> {
    const kernel = opts.kernel ?? typeScriptKernel;
    const loadOpts = { ...opts, allocate: kernel.allocateFile };
    const decoded =
      source instanceof ReadableStream ? await loadIndexFromStream(source, loadOpts) : await loadIndexFromResponse(source, loadOpts);
    return new VectorIndex(decoded, kernel);
  }

  /** Memory held by the vectors and ids (not counting decoded id strings), for budgets and the status panel. */
  get memoryBytes(): number {
    return this.bound.memoryBytes + this.idOffsets.byteLength + this.idBlob.byteLength;
  }

  /**
   * The stored vector of a row (dim floats): exact for f32 and f16 files; for int8 files the f16 copy
   * when the file has one, else code x scale (within half a quantisation step per element).
   */
  vectorAt(row: number): Float32Array {
    if (!Number.isInteger(row) || row < 0 || row >= this.count) throw new RangeError(`row ${row} outside 0..${this.count - 1}`);
    const sec = this.bound.sections();
    const at = row * this.bound.stride;
    if (sec.values) return sec.values.slice(at, at + this.dim);
    if (sec.rescoreF16) {
      const table = float16Table();
      return Float32Array.from(sec.rescoreF16.subarray(at, at + this.dim), (b) => table[b]!);
    }
    const codes = sec.codes!;
    const scale = sec.scales![row]!;
    return Float32Array.from(codes.subarray(at, at + this.dim), (c) => c * scale);
  }

  idAt(row: number): string {
    if (!Number.isInteger(row) || row < 0 || row >= this.count) throw new RangeError(`row ${row} outside 0..${this.count - 1}`);
    return utf8.decode(this.idBlob.subarray(this.idOffsets[row]!, this.idOffsets[row + 1]!));
  }

  /** All item ids in row order (decoded on first use). */
  get ids(): readonly string[] {
    this.idList ??= Object.freeze(Array.from({ length: this.count }, (_, r) => this.idAt(r)));
    return this.idList;
  }

  rowOf(id: string): number | undefined {
    this.rowById ??= new Map(this.ids.map((x, r) => [x, r]));
    return this.rowById.get(id);
  }

  /** Rows of the given ids, unknown ids ignored: a ready `exclude` set for seen/disliked/unsafe items. */
  rowsOf(ids: Iterable<string>): Set<number> {
    const rows = new Set<number>();
    for (const id of ids) {
      const r = this.rowOf(id);
      if (r !== undefined) rows.add(r);
    }
    return rows;
  }

  /**
   * Exact top-k for one or more queries, best first (ties: lower row first). Several queries are
   * scanned in one pass and fused per item as max over queries of weight x score.
   */
  search(queries: readonly Float32Array[], k: number, opts: SearchOptions = {}): SearchHit[] {
    const perQuery = this.candidates(queries, k, opts);
    const weights = this.weightsFor(queries.length, opts.weights);
    const best = new Map<number, number>();
    perQuery.forEach((hits, q) => {
      for (const { row, score } of hits) {
        const w = weights[q]! * score;
        const prev = best.get(row);
        if (prev === undefined || w > prev) best.set(row, w);
      }
    });
    const rows = [...best].map(([row, score]) => ({ row, score }));
    return this.finish(rows, k);
  }

  /** Exact top-k per query (weights ignored), one list per query. */
  searchEach(queries: readonly Float32Array[], k: number, opts: SearchOptions = {}): SearchHit[][] {
    return this.candidates(queries, k, opts).map((hits) => this.finish(hits, k));
  }

  private finish(hits: { row: number; score: number }[], k: number): SearchHit[] {
    hits.sort((a, b) => b.score - a.score || a.row - b.row);
    return hits.slice(0, k).map(({ row, score }) => ({ row, id: this.idAt(row), score }));
  }

  private weightsFor(nq: number, weights: readonly number[] | undefined): readonly number[] {
    if (weights === undefined) return new Array<number>(nq).fill(1);
    if (weights.length !== nq) throw new RangeError(`${weights.length} weights for ${nq} queries`);
    for (const w of weights) if (!(Number.isFinite(w) && w > 0)) throw new RangeError(`weights must be positive, got ${w}`);
    return weights;
  }

  /** Per query: its candidates with exact scores (f32 files: the top k; int8: the rescored shortlist). */
  private candidates(queries: readonly Float32Array[], k: number, opts: SearchOptions): { row: number; score: number }[][] {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
    if (queries.length === 0) return [];
    if (opts.categoryMask !== undefined && !Number.isInteger(opts.categoryMask)) throw new RangeError('categoryMask must be an integer');
    this.weightsFor(queries.length, opts.weights);
    const nq = queries.length;
    const stride = this.bound.stride;
    const unit = queries.map((q, i) => this.prepareQuery(q, i));
    if (k === 0 || this.count === 0) return unit.map(() => []);
    const exclude = this.excludeWords(opts.exclude);
    const scan = (cap: number): Omit<ScanOptions, never> => ({ nq, cap, exclude, mask: opts.categoryMask });

    if (this.quantisation !== 'i8') {
      const packed = new Float32Array(nq * stride);
      unit.forEach((q, i) => packed.set(q, i * stride));
      return heapLists(this.bound.scanF32(packed, scan(Math.min(k, this.count))));
    }

    const shortlist = Math.min(this.count, Math.max(k, opts.shortlist ?? Math.max(k * DEFAULT_SHORTLIST_FACTOR, DEFAULT_SHORTLIST_MIN)));
    const packed = new Int16Array(nq * stride);
    const qScales = unit.map((q, i) => quantiseQueryInt16(q, packed, i * stride, stride));
    const lists = heapLists(this.bound.scanI8(packed, scan(shortlist)));
    if (opts.rescore === false) return lists.map((l, q) => l.map((h) => ({ row: h.row, score: Math.fround(h.score * qScales[q]!) })));
    return lists.map((l, q) => {
      const scores = this.rescoreRows(unit[q]!, l.map((h) => h.row));
      return l.map((h, i) => ({ row: h.row, score: scores[i]! }));
    });
  }

  /**
   * Float scores of int8 rows: against the f16 copy when the file has one, else the codes refined by
   * their residual bits (code +/- 0.25), else the plain dequantised codes. f64 accumulation.
   */
  private rescoreRows(query: Float32Array, rows: readonly number[]): number[] {
    const s = this.bound.sections();
    const { stride } = this.bound;
    const dim = this.dim;
    const codes = s.codes!;
    const scales = s.scales!;
    if (s.rescoreF16) {
      const t = float16Table();
      const f16 = s.rescoreF16;
      return rows.map((row) => {
        const at = row * stride;
        let dot = 0;
        for (let j = 0; j < dim; j++) dot += query[j]! * t[f16[at + j]!]!;
        return Math.fround(dot);
      });
    }
    const bits = s.residualBits;
    // Residual term sum_j q_j * (bit_j ? +0.25 : -0.25), read a byte (8 dims) at a time from a table
    // of partial sums built once per query: table[p * 256 + byte] = sum of q over the set bits.
    let table: Float64Array | undefined;
    let qSum = 0;
    if (bits) {
      const bytesPerRow = Math.ceil(dim / 8);
      table = new Float64Array(bytesPerRow * 256);
      for (let p = 0; p < bytesPerRow; p++) {
        for (let b = 1; b < 256; b++) {
          const low = b & -b; // lowest set bit
          const j = p * 8 + 31 - Math.clz32(low);
          table[p * 256 + b] = table[p * 256 + (b ^ low)]! + (j < dim ? query[j]! : 0);
        }
      }
      for (let j = 0; j < dim; j++) qSum += query[j]!;
    }
    return rows.map((row) => {
      const at = row * stride;
      let dot = 0;
      for (let j = 0; j < dim; j++) dot += query[j]! * codes[at + j]!;
      if (bits && table) {
        const b0 = at / 8;
        let set = 0;
        for (let p = 0, n = table.length / 256; p < n; p++) set += table[p * 256 + bits[b0 + p]!]!;
        dot += 0.25 * (2 * set - qSum);
      }
      return Math.fround(dot * scales[row]!);
    });
  }

  private prepareQuery(q: Float32Array, i: number): Float32Array {
    if (!(q instanceof Float32Array) || q.length !== this.dim) {
      throw new RangeError(`query ${i} must be a Float32Array of ${this.dim} values, got ${q?.length}`);
    }
    let ss = 0;
    for (let j = 0; j < q.length; j++) {
      if (!Number.isFinite(q[j]!)) throw new RangeError(`query ${i} has a non-finite value at ${j}`);
      ss += q[j]! * q[j]!;
    }
    if (this.metric !== 'cosine' || ss === 0) return q;
    const inv = 1 / Math.sqrt(ss);
    return q.map((x) => x * inv);
  }

  private excludeWords(exclude: ReadonlySet<number> | Uint8Array | undefined): Uint32Array | undefined {
    if (exclude === undefined) return undefined;
    const words = new Uint32Array(Math.ceil(this.count / 32));
    if (exclude instanceof Uint8Array) {
      new Uint8Array(words.buffer).set(exclude.subarray(0, words.byteLength));
    } else {
      if (exclude.size === 0) return undefined;
      for (const r of exclude) {
        if (Number.isInteger(r) && r >= 0 && r < this.count) words[r >>> 5]! |= 1 << (r & 31);
      }
    }
    return words;
  }
}

const utf8 = new TextDecoder();

function heapLists(res: ScanResult): { row: number; score: number }[][] {
  const out: { row: number; score: number }[][] = [];
  for (let q = 0; q < res.sizes.length; q++) {
    const list: { row: number; score: number }[] = [];
    for (let i = 0; i < res.sizes[q]!; i++) list.push({ row: res.rows[q * res.cap + i]!, score: res.scores[q * res.cap + i]! });
    out.push(list);
  }
  return out;
}
