// Search kernels: where an index's vectors live and what scans them. The WASM SIMD kernel keeps the
// index in its own linear memory (one instance per index); the TypeScript kernel scans typed-array
// views of the file. Both return bit-identical shortlists (see scan-ts.ts).
//
// createSearchKernel() compiles the module lazily, once, in a module-level promise: a worker must be
// able to comlink.expose() before any wasm is fetched or compiled (DESIGN.md, known facts).
import { decodeFloat16 } from './float16.ts';
import type { DecodedIndex, IndexHeader } from './format.ts';
import { emptyScanResult, scanF32Ts, scanI8Ts } from './scan-ts.ts';
import type { ScanRequest, ScanResult } from './scan-ts.ts';

export const KERNEL_KINDS = ['wasm-simd', 'ts'] as const;
export type KernelKind = (typeof KERNEL_KINDS)[number];

/** Typed views of one bound index, valid until the next scan (wasm memory may grow and move). */
export interface IndexSections {
  readonly codes: Int8Array | undefined;
  readonly scales: Float32Array | undefined;
  /** f32 rows (for f16 files: decoded once at bind time). */
  readonly values: Float32Array | undefined;
  readonly rescoreF16: Uint16Array | undefined;
  readonly residualBits: Uint8Array | undefined;
  readonly categories: Uint32Array | undefined;
}

export interface ScanOptions {
  readonly nq: number;
  readonly cap: number;
  readonly exclude: Uint32Array | undefined;
  /** undefined = no category filter. */
  readonly mask: number | undefined;
}

/** One index bound to a kernel: i8 files scan codes, f32 and f16 files scan f32 rows. */
export interface BoundIndex {
  readonly kind: KernelKind;
  readonly count: number;
  readonly stride: number;
  /** Bytes this index holds (wasm: its whole linear memory). */
  readonly memoryBytes: number;
  sections(): IndexSections;
  /** int8 scan; queries are int8 codes widened to int16, `nq * stride` lanes. */
  scanI8(queries: Int16Array, opts: ScanOptions): ScanResult;
  /** f32 scan; queries are `nq * stride` floats. */
  scanF32(queries: Float32Array, opts: ScanOptions): ScanResult;
}

export interface SearchKernel {
  readonly kind: KernelKind;
  /** Why the wasm kernel is not in use (only on the TS kernel). */
  readonly fallbackReason?: string;
  /** Memory for a streamed file, so the download lands where the kernel scans it (see load.ts). */
  allocateFile(header: IndexHeader): Uint8Array;
  bind(decoded: DecodedIndex): BoundIndex;
}

// ---------------------------------------------------------------------------------------------
// TypeScript kernel

function tsSections(decoded: DecodedIndex): IndexSections {
  const v = decoded.vectors;
  return {
    codes: v.quantisation === 'i8' ? v.codes : undefined,
    scales: v.quantisation === 'i8' ? v.scales : undefined,
    values: v.quantisation === 'f32' ? v.values : v.quantisation === 'f16' ? decodeFloat16(v.bits) : undefined,
    rescoreF16: v.quantisation === 'i8' ? v.rescoreF16 : undefined,
    residualBits: v.quantisation === 'i8' ? v.residualBits : undefined,
    categories: decoded.categories,
  };
}

export const typeScriptKernel: SearchKernel = Object.freeze({
  kind: 'ts' as const,
  allocateFile: (header: IndexHeader) => new Uint8Array(header.totalBytes),
  bind(decoded: DecodedIndex): BoundIndex {
    const { count, stride } = decoded.header;
    const s = tsSections(decoded);
    const request = (o: ScanOptions): ScanRequest => ({
      count,
      stride,
      nq: o.nq,
      cap: o.cap,
      exclude: o.exclude,
      categories: o.mask === undefined ? undefined : s.categories,
      mask: o.mask ?? 0,
    });
    const decodedBytes = decoded.vectors.quantisation === 'f16' ? (s.values?.byteLength ?? 0) : 0;
    return {
      kind: 'ts',
      count,
      stride,
      memoryBytes: decoded.bytes.byteLength + decodedBytes,
      sections: () => s,
      scanI8(queries, o) {
        if (!s.codes || !s.scales) throw new TypeError('not an int8 index');
        const out = emptyScanResult(o.nq, o.cap);
        scanI8Ts(s.codes, s.scales, queries, request(o), out);
        return out;
      },
      scanF32(queries, o) {
        if (!s.values) throw new TypeError('not a float index');
        const out = emptyScanResult(o.nq, o.cap);
        scanF32Ts(s.values, queries, request(o), out);
        return out;
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// WebAssembly SIMD kernel

interface KernelExports {
  scanI8(vectors: number, scales: number, count: number, stride: number, queries: number, nq: number,
    exclude: number, categories: number, mask: number, heaps: number, sizes: number, cap: number): void;
  scanF32(vectors: number, count: number, stride: number, queries: number, nq: number,
    exclude: number, categories: number, mask: number, heaps: number, sizes: number, cap: number): void;
}

const PAGE_BYTES = 65536;
/** The file starts at page 1: pointer 0 means "absent" to the kernel, and page 0 is the kernel's own. */
const FILE_BASE = PAGE_BYTES;
const INITIAL_SCRATCH_BYTES = 1 << 20;
const align16 = (n: number): number => Math.ceil(n / 16) * 16;

/** Where the sections of a file at FILE_BASE lie, and the f32 decode area for f16 files. */
function wasmLayout(header: IndexHeader, fileBytes: number): { decodedF32: number; scratch: number } {
  const fileEnd = align16(FILE_BASE + fileBytes);
  const decodeBytes = header.quantisation === 'f16' ? header.count * header.stride * 4 : 0;
  return { decodedF32: fileEnd, scratch: align16(fileEnd + decodeBytes) };
}

class WasmBoundIndex implements BoundIndex {
  readonly kind = 'wasm-simd' as const;
  readonly count: number;
  readonly stride: number;
  private readonly exports: KernelExports;
  private readonly offsets: { vectors: number; scales: number; rescore: number; residual: number; categories: number; scratch: number };
  private readonly quantisation: 'i8' | 'f32';
  private readonly hasRescore: boolean;
  private readonly hasResidual: boolean;
  private readonly hasCategories: boolean;
  private cachedBuffer: ArrayBuffer | undefined;
  private cached: IndexSections | undefined;

  constructor(module: WebAssembly.Module, private readonly memory: WebAssembly.Memory, decoded: DecodedIndex) {
    const { header } = decoded;
    this.count = header.count;
    this.stride = header.stride;
    this.exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
    // Place the file at FILE_BASE unless load.ts streamed it there already.
    const inPlace = decoded.bytes.buffer === memory.buffer && decoded.bytes.byteOffset === FILE_BASE;
    if (!inPlace) new Uint8Array(memory.buffer, FILE_BASE, decoded.bytes.length).set(decoded.bytes);
    const at = (view: ArrayBufferView | undefined): number => (view ? FILE_BASE + view.byteOffset - decoded.bytes.byteOffset : 0);
    const layout = wasmLayout(header, decoded.bytes.length);
    const v = decoded.vectors;
    this.hasCategories = decoded.categories !== undefined;
    if (v.quantisation === 'i8') {
      this.quantisation = 'i8';
      this.hasRescore = v.rescoreF16 !== undefined;
      this.hasResidual = v.residualBits !== undefined;
      this.offsets = {
        vectors: at(v.codes),
        scales: at(v.scales),
        rescore: at(v.rescoreF16),
        residual: at(v.residualBits),
        categories: at(decoded.categories),
        scratch: layout.scratch,
      };
    } else {
      this.quantisation = 'f32';
      this.hasRescore = false;
      this.hasResidual = false;
      let vectors = at(v.quantisation === 'f32' ? v.values : v.bits);
      if (v.quantisation === 'f16') {
        // No f16 arithmetic in wasm SIMD: decode once into f32 rows after the file.
        const src = new Uint16Array(memory.buffer, vectors, header.count * header.stride);
        new Float32Array(memory.buffer, layout.decodedF32, src.length).set(decodeFloat16(src));
        vectors = layout.decodedF32;
      }
      this.offsets = { vectors, scales: 0, rescore: 0, residual: 0, categories: at(decoded.categories), scratch: layout.scratch };
    }
  }

  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  sections(): IndexSections {
    const buf = this.memory.buffer;
    if (this.cached && this.cachedBuffer === buf) return this.cached;
    const n = this.count * this.stride;
    const o = this.offsets;
    const i8 = this.quantisation === 'i8';
    this.cached = {
      codes: i8 ? new Int8Array(buf, o.vectors, n) : undefined,
      scales: i8 ? new Float32Array(buf, o.scales, this.count) : undefined,
      values: i8 ? undefined : new Float32Array(buf, o.vectors, n),
      rescoreF16: this.hasRescore ? new Uint16Array(buf, o.rescore, n) : undefined,
      residualBits: this.hasResidual ? new Uint8Array(buf, o.residual, n / 8) : undefined,
      categories: this.hasCategories ? new Uint32Array(buf, o.categories, this.count) : undefined,
    };
    this.cachedBuffer = buf;
    return this.cached;
  }

  /** Lays out queries, bitset and heaps in scratch memory (growing it if needed). */
  private prepare(queries: Int16Array | Float32Array, o: ScanOptions) {
    const qPtr = this.offsets.scratch;
    const exPtr = align16(qPtr + queries.byteLength);
    const heapPtr = align16(exPtr + (o.exclude ? o.exclude.byteLength : 0));
    const sizePtr = align16(heapPtr + o.nq * o.cap * 8);
    const end = sizePtr + o.nq * 4;
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE_BYTES));
    const buf = this.memory.buffer;
    new Uint8Array(buf, qPtr, queries.byteLength).set(new Uint8Array(queries.buffer, queries.byteOffset, queries.byteLength));
    if (o.exclude) new Uint32Array(buf, exPtr, o.exclude.length).set(o.exclude);
    if (o.mask !== undefined && !this.hasCategories) throw new RangeError('this index has no categories to filter on');
    return {
      qPtr,
      exPtr: o.exclude ? exPtr : 0,
      catPtr: o.mask !== undefined ? this.offsets.categories : 0,
      mask: (o.mask ?? 0) >>> 0,
      heapPtr,
      sizePtr,
    };
  }

  private collect(p: { heapPtr: number; sizePtr: number }, o: ScanOptions): ScanResult {
    const out = emptyScanResult(o.nq, o.cap);
    const buf = this.memory.buffer;
    for (let q = 0; q < o.nq; q++) {
      const h = p.heapPtr + q * o.cap * 8;
      out.scores.set(new Float32Array(buf, h, o.cap), q * o.cap);
      out.rows.set(new Uint32Array(buf, h + o.cap * 4, o.cap), q * o.cap);
    }
    out.sizes.set(new Uint32Array(buf, p.sizePtr, o.nq));
    return out;
  }

  scanI8(queries: Int16Array, o: ScanOptions): ScanResult {
    if (this.quantisation !== 'i8') throw new TypeError('not an int8 index');
    const p = this.prepare(queries, o);
    this.exports.scanI8(this.offsets.vectors, this.offsets.scales, this.count, this.stride, p.qPtr, o.nq,
      p.exPtr, p.catPtr, p.mask, p.heapPtr, p.sizePtr, o.cap);
    return this.collect(p, o);
  }

  scanF32(queries: Float32Array, o: ScanOptions): ScanResult {
    if (this.quantisation !== 'f32') throw new TypeError('not a float index');
    const p = this.prepare(queries, o);
    this.exports.scanF32(this.offsets.vectors, this.count, this.stride, p.qPtr, o.nq,
      p.exPtr, p.catPtr, p.mask, p.heapPtr, p.sizePtr, o.cap);
    return this.collect(p, o);
  }
}

function memoryFor(header: IndexHeader, fileBytes: number): WebAssembly.Memory {
  const bytes = wasmLayout(header, fileBytes).scratch + INITIAL_SCRATCH_BYTES;
  return new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
}

function wasmKernel(module: WebAssembly.Module): SearchKernel {
  // allocateFile() hands out memory that bind() then adopts; keyed by the view it returned.
  const pending = new WeakMap<ArrayBuffer, WebAssembly.Memory>();
  return Object.freeze({
    kind: 'wasm-simd' as const,
    allocateFile(header: IndexHeader): Uint8Array {
      const memory = memoryFor(header, header.totalBytes);
      pending.set(memory.buffer, memory);
      return new Uint8Array(memory.buffer, FILE_BASE, header.totalBytes);
    },
    bind(decoded: DecodedIndex): BoundIndex {
      const adopted = pending.get(decoded.bytes.buffer as ArrayBuffer);
      if (adopted) pending.delete(decoded.bytes.buffer as ArrayBuffer);
      const memory = adopted ?? memoryFor(decoded.header, decoded.bytes.length);
      return new WasmBoundIndex(module, memory, decoded);
    },
  });
}

// ---------------------------------------------------------------------------------------------

export interface CreateKernelOptions {
  /** 'ts' forces the fallback (benchmarks, tests, or a browser where wasm is disabled). */
  readonly prefer?: KernelKind;
  /** Kernel bytes to use instead of the bundled build (e.g. fetched from a `?url` asset). */
  readonly wasmBytes?: BufferSource;
}

let bundledModule: Promise<WebAssembly.Module> | undefined;

async function compileBundled(): Promise<WebAssembly.Module> {
  const { KERNEL_WASM_BASE64 } = await import('./wasm/kernel-bytes.ts');
  const bin = atob(KERNEL_WASM_BASE64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return WebAssembly.compile(bytes);
}

/**
 * The fastest kernel this runtime can run: WASM SIMD when WebAssembly with SIMD is available,
 * else the TypeScript fallback (with `fallbackReason`). Never rejects.
 */
export async function createSearchKernel(options: CreateKernelOptions = {}): Promise<SearchKernel> {
  if (options.prefer === 'ts') return typeScriptKernel;
  if (typeof WebAssembly === 'undefined') return { ...typeScriptKernel, fallbackReason: 'WebAssembly is not available' };
  try {
    const module = options.wasmBytes
      ? await WebAssembly.compile(options.wasmBytes)
      : await (bundledModule ??= compileBundled().catch((err: unknown) => {
          bundledModule = undefined;
          throw err;
        }));
    return wasmKernel(module);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ...typeScriptKernel, fallbackReason: `wasm SIMD kernel unavailable (${reason})` };
  }
}
