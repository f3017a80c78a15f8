// The Chromium side of the index benchmark: run-chromium.ts builds this page with Vite, serves it, and
// calls window.indexBench.prepare() once per config and run() once per engine (each call bounded by
// the runner, so an engine that hangs or crashes loses only its own cell).
import { createSearchKernel, typeScriptKernel, type SearchKernel } from '../../../src/core/index/kernel.ts';
import voyWasmUrl from 'voy-search/voy_search_bg.wasm?url';
import {
  OUR_ENGINES, benchJsBrute, benchOurs, jsBruteForce, now, recordSearches, unitVectors,
  type FileCache, type OurEngine, type Row,
} from '../common.ts';

interface VoyInstance {
  serialize(): string;
  search(q: Float32Array, k: number): { neighbors: { id: string }[] };
}
interface VoyModule {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  Voy: { new (resource: unknown): VoyInstance; deserialize(json: string): VoyInstance };
}

let wasm: SearchKernel | undefined;
let data: { vectors: Float32Array; dim: number; ids: string[]; queries: Float32Array[]; truth: number[][] } | undefined;
const files: FileCache = new Map();

async function prepare(dim: number, count: number, nq: number): Promise<{ kernel: string; isolated: boolean }> {
  wasm ??= await createSearchKernel();
  files.clear();
  const vectors = unitVectors(count, dim, 1000 + dim + count);
  const queries = Array.from({ length: nq }, (_, i) => unitVectors(1, dim, 7 + i * 31 + dim));
  const ids = Array.from({ length: count }, (_, i) => String(i));
  const truth = queries.map((q) => jsBruteForce(vectors, dim, q, 10));
  data = { vectors, dim, ids, queries, truth };
  return { kernel: wasm.kind, isolated: globalThis.crossOriginIsolated === true };
}

async function voy(budgetMs: number): Promise<Row> {
  if (!data) throw new Error('prepare() first');
  const { vectors, dim, queries, truth } = data;
  const count = vectors.length / dim;
  const row: Row = { engine: 'voy', dim, count, search: {} };
  // @ts-expect-error -- wasm-bindgen glue without type declarations
  const bg = (await import('voy-search/voy_search_bg.js')) as VoyModule;
  const { instance } = await WebAssembly.instantiateStreaming(fetch(voyWasmUrl), { './voy_search_bg.js': bg as never });
  bg.__wbg_set_wasm(instance.exports);
  try {
    let t = now();
    const embeddings = Array.from({ length: count }, (_, i) => ({
      id: String(i), title: '', url: '', embeddings: Array.from(vectors.subarray(i * dim, (i + 1) * dim)),
    }));
    const index = new bg.Voy({ embeddings });
    row.buildMs = now() - t;
    const json = index.serialize();
    row.fileBytes = new TextEncoder().encode(json).length;
    t = now();
    const loaded = bg.Voy.deserialize(json);
    row.loadMs = now() - t;
    recordSearches(row, (q, k) => loaded.search(q, k).neighbors.map((n) => Number(n.id)), queries, truth, budgetMs);
  } catch (err) {
    row.note = `failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  return row;
}

async function run(engine: string, budgetMs: number): Promise<Row> {
  if (!data || !wasm) throw new Error('prepare() first');
  if (engine === 'js-brute') return benchJsBrute(data.vectors, data.dim, data.queries, data.truth, budgetMs);
  if (engine === 'voy') return voy(budgetMs);
  const spec = OUR_ENGINES[engine as OurEngine];
  if (!spec) throw new Error(`unknown engine ${engine}`);
  const [q, refine, kind] = spec;
  return benchOurs(engine, q, refine, kind === 'ts' ? typeScriptKernel : wasm, data, files, budgetMs);
}

Object.assign(globalThis, { indexBench: { prepare, run } });
document.getElementById('status')!.textContent = 'ready';
