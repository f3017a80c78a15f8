// Benchmark pieces shared by the Node runner (run.ts) and the Chromium page (browser/main.ts):
import { rng } from '../../src/core/random.ts';
// no Node or DOM imports here.
import { type Quantisation } from '../../src/core/index/format.ts';
import { encodeIndex } from '../../src/core/index/encode.ts';
import type { SearchKernel } from '../../src/core/index/kernel.ts';
import { VectorIndex } from '../../src/core/index/vector-index.ts';

export const KS = [10, 100] as const;
export const now = (): number => performance.now();

export { rng } from '../../src/core/random.ts';

/** Seeded Gaussian unit vectors, `count` x `dim`, in the given memory (shared memory for the voy worker). */
export function unitVectors(count: number, dim: number, seed: number, alloc = (bytes: number): ArrayBufferLike => new ArrayBuffer(bytes)): Float32Array {
  const rand = rng(seed);
  const out = new Float32Array(alloc(count * dim * 4));
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < dim; j += 2) {
      const r = Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12)));
      const th = 2 * Math.PI * rand();
      out[i * dim + j] = r * Math.cos(th);
      if (j + 1 < dim) out[i * dim + j + 1] = r * Math.sin(th);
    }
    let ss = 0;
    for (let j = 0; j < dim; j++) ss += out[i * dim + j]! ** 2;
    const inv = 1 / Math.sqrt(ss);
    for (let j = 0; j < dim; j++) out[i * dim + j]! *= inv;
  }
  return out;
}

/** Plain JavaScript brute force, as one would write it without an index: f64 dot, insertion top-k. */
export function jsBruteForce(vectors: Float32Array, dim: number, query: Float32Array, k: number): number[] {
  const count = vectors.length / dim;
  const topS: number[] = [];
  const topR: number[] = [];
  for (let r = 0; r < count; r++) {
    let dot = 0;
    const o = r * dim;
    for (let j = 0; j < dim; j++) dot += vectors[o + j]! * query[j]!;
    if (topS.length === k && dot <= topS[k - 1]!) continue;
    let p = topS.length === k ? k - 1 : topS.length;
    while (p > 0 && topS[p - 1]! < dot) {
      topS[p] = topS[p - 1]!;
      topR[p] = topR[p - 1]!;
      p--;
    }
    topS[p] = dot;
    topR[p] = r;
  }
  return topR;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export interface Row {
  engine: string;
  dim: number;
  count: number;
  buildMs?: number;
  fileBytes?: number;
  loadMs?: number;
  memBytes?: number;
  search: Record<number, { p50: number; p95: number; n: number }>;
  recall10?: number;
  note?: string;
}

/** Times `run` per query (3 warm-ups first), stopping after `budgetMs` once 10 queries ran. */
export function timeSearches(
  run: (q: Float32Array, k: number) => number[],
  queries: Float32Array[],
  k: number,
  budgetMs: number,
): { times: number[]; rows: number[][] } {
  for (let w = 0; w < 3; w++) run(queries[w % queries.length]!, k);
  const times: number[] = [];
  const rows: number[][] = [];
  const start = now();
  for (const q of queries) {
    const t = now();
    rows.push(run(q, k));
    times.push(now() - t);
    if (now() - start > budgetMs && times.length >= 10) break;
  }
  return { times, rows };
}

export function recallAt10(rows: number[][], truth: number[][]): number {
  let hit = 0;
  rows.forEach((r, i) => {
    const t = new Set(truth[i]!.slice(0, 10));
    hit += r.slice(0, 10).filter((x) => t.has(x)).length;
  });
  return hit / (rows.length * 10);
}

export function recordSearches(row: Row, run: (q: Float32Array, k: number) => number[], queries: Float32Array[], truth: number[][], budgetMs: number): void {
  for (const k of KS) {
    const { times, rows } = timeSearches(run, queries, k, budgetMs);
    row.search[k] = { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
    if (k === 10) row.recall10 = recallAt10(rows, truth);
  }
}

/** A fetch-like Response streaming `bytes` in 1 MiB chunks (load time without the network). */
export function chunkedResponse(bytes: Uint8Array, chunk = 1 << 20): Response {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.subarray(at, at + chunk));
      at += chunk;
    },
  });
  return new Response(body, { headers: { 'content-length': String(bytes.length) } });
}

export type Refinement = 'residual' | 'f16' | 'none';
export type FileCache = Map<string, { bytes: Uint8Array; buildMs: number }>;

/** Builds (once per file kind), loads through the streaming loader, and searches this index. */
export async function benchOurs(
  engine: string,
  quantisation: Quantisation,
  refine: Refinement,
  kernel: SearchKernel,
  data: { vectors: Float32Array; dim: number; ids: string[]; queries: Float32Array[]; truth: number[][] },
  files: FileCache,
  budgetMs: number,
): Promise<Row> {
  const { vectors, dim, ids, queries, truth } = data;
  const key = `${quantisation}+${refine}`;
  let file = files.get(key);
  if (!file) {
    files.clear(); // one file at a time: at 1M x 256 each copy is hundreds of MB
    const t = now();
    const bytes = encodeIndex({
      dim, vectors, ids, quantisation, metric: 'cosine',
      rescoreF16: refine === 'f16',
      residualBits: quantisation === 'i8' && refine === 'residual',
    });
    file = { bytes, buildMs: now() - t };
    files.set(key, file);
  }
  const t = now();
  const index = await VectorIndex.load(chunkedResponse(file.bytes), { kernel, expectedDim: dim });
  const loadMs = now() - t;
  const row: Row = { engine, dim, count: ids.length, buildMs: file.buildMs, fileBytes: file.bytes.length, loadMs, memBytes: index.memoryBytes, search: {} };
  recordSearches(row, (q, k) => index.search([q], k).map((h) => h.row), queries, truth, budgetMs);
  return row;
}

export function benchJsBrute(vectors: Float32Array, dim: number, queries: Float32Array[], truth: number[][], budgetMs: number): Row {
  const count = vectors.length / dim;
  const row: Row = { engine: 'js-brute', dim, count, buildMs: 0, fileBytes: count * dim * 4, search: {}, note: 'raw float32, no file format' };
  recordSearches(row, (q, k) => jsBruteForce(vectors, dim, q, k), queries, truth, budgetMs);
  return row;
}

/** The engines every run can compare; each maps to (quantisation, refinement, kernel kind). */
export const OUR_ENGINES = {
  'i8-simd': ['i8', 'residual', 'wasm-simd'],
  'i8-ts': ['i8', 'residual', 'ts'],
  'i8plain-simd': ['i8', 'none', 'wasm-simd'],
  'i8f16-simd': ['i8', 'f16', 'wasm-simd'],
  'f32-simd': ['f32', 'none', 'wasm-simd'],
  'f32-ts': ['f32', 'none', 'ts'],
} as const satisfies Record<string, readonly [Quantisation, Refinement, 'wasm-simd' | 'ts']>;
export type OurEngine = keyof typeof OUR_ENGINES;
export const ALL_ENGINES = [...(Object.keys(OUR_ENGINES) as OurEngine[]), 'js-brute', 'voy'] as const;
export type EngineName = (typeof ALL_ENGINES)[number];

const fmt = (x: number | undefined, d = 1): string => (x === undefined ? '—' : x.toFixed(d));
const mb = (b: number | undefined): string => (b === undefined ? '—' : (b / 1e6).toFixed(b < 1e7 ? 2 : 1));

export const TABLE_HEAD =
  '| engine | d | N | build ms | file MB (x f32) | load ms | index mem MB | k=10 p50 / p95 ms | k=100 p50 / p95 ms | recall@10 | note |\n' +
  '|---|---|---|---|---|---|---|---|---|---|---|';

export function tableRow(row: Row): string {
  const f32Bytes = row.count * row.dim * 4;
  const s = (k: number): string => {
    const x = row.search[k];
    return x ? `${fmt(x.p50, 2)} / ${fmt(x.p95, 2)} (n=${x.n})` : '—';
  };
  const ratio = row.fileBytes !== undefined ? ` (${(row.fileBytes / f32Bytes).toFixed(2)}x)` : '';
  return `| ${row.engine} | ${row.dim} | ${row.count} | ${fmt(row.buildMs, 0)} | ${mb(row.fileBytes)}${ratio} | ${fmt(row.loadMs, 0)} | ${mb(row.memBytes)} | ${s(10)} | ${s(100)} | ${fmt(row.recall10, 3)} | ${row.note ?? ''} |`;
}
