// Benchmark of the shipped embedding index against plain JS brute force and voy-search 0.6.3, in Node.
//   npx tsx bench/index/run.ts [--dims 256,512] [--sizes 10000,100000] [--queries 100] [--budget-ms 3000]
//                              [--voy-budget-ms 120000] [--engines i8-simd,f32-simd,...] [--json out.json]
// Single thread (voy runs in a worker thread only so that it can be stopped at its budget). Vectors and
// queries: seeded Gaussian, normalised (cosine). Ground truth for recall: float64 brute force over the
// float32 vectors. Prints one markdown table row per engine and config. Chromium: run-chromium.ts.
import { cliFlags } from '../../tools/cli.ts';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createSearchKernel, typeScriptKernel } from '../../src/core/index/kernel.ts';
import {
  ALL_ENGINES, KS, OUR_ENGINES, TABLE_HEAD, benchJsBrute, benchOurs, jsBruteForce, percentile, recallAt10, tableRow, unitVectors,
  type EngineName, type FileCache, type OurEngine, type Row,
} from './common.ts';

const args = cliFlags();
const list = (key: string, def: string): string[] => (args.get(key) ?? def).split(',').filter(Boolean);
const dims = list('dims', '256,512').map(Number);
const sizes = list('sizes', '10000,100000').map(Number);
const nq = Number(args.get('queries') ?? 100);
const budgetMs = Number(args.get('budget-ms') ?? 3000);
const voyBudgetMs = Number(args.get('voy-budget-ms') ?? 120_000);
const engines = list('engines', ALL_ENGINES.join(',')) as EngineName[];
for (const e of engines) if (!ALL_ENGINES.includes(e)) throw new Error(`unknown engine ${e}; known: ${ALL_ENGINES.join(', ')}`);

const shared = (bytes: number): ArrayBufferLike => new SharedArrayBuffer(bytes);

function benchVoy(vectors: Float32Array, dim: number, count: number, queries: Float32Array[], truth: number[][]): Promise<Row> {
  const row: Row = { engine: 'voy', dim, count, search: {} };
  const packed = new Float32Array(new SharedArrayBuffer(queries.length * dim * 4));
  queries.forEach((q, i) => packed.set(q, i * dim));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./voy-worker.mjs', import.meta.url), {
      workerData: { vectors, dim, count, queries: packed, nq: queries.length, ks: KS, searchBudgetMs: budgetMs },
      resourceLimits: { maxOldGenerationSizeMb: 6144 },
    });
    let settled = false;
    const finish = (note?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (note) row.note = note;
      void worker.terminate();
      resolve(row);
    };
    const timer = setTimeout(() => finish(`stopped after the ${voyBudgetMs / 1000} s budget`), voyBudgetMs);
    worker.on('message', (m: { stage: string; ms?: number; bytes?: number; k?: number; times?: number[]; rows?: number[][]; message?: string }) => {
      if (m.stage === 'build') row.buildMs = m.ms!;
      else if (m.stage === 'serialize') row.fileBytes = m.bytes!;
      else if (m.stage === 'load') row.loadMs = m.ms!;
      else if (m.stage === 'search') {
        row.search[m.k!] = { p50: percentile(m.times!, 50), p95: percentile(m.times!, 95), n: m.times!.length };
        if (m.k === 10) row.recall10 = recallAt10(m.rows!, truth);
      } else if (m.stage === 'error') finish(`failed: ${m.message}`);
      else if (m.stage === 'done') finish();
    });
    worker.on('error', (err) => finish(`crashed: ${err.message}`));
    worker.on('exit', (code) => finish(code === 0 ? undefined : `worker exited with code ${code}`));
  });
}

async function main(): Promise<void> {
  const wasm = await createSearchKernel();
  if (wasm.kind !== 'wasm-simd') throw new Error(`wasm kernel unavailable: ${wasm.fallbackReason}`);
  console.log(`# node ${new Date().toISOString()} | ${cpus()[0]?.model} x${cpus().length} | ${(totalmem() / 2 ** 30).toFixed(0)} GiB | node ${process.version}`);
  console.log(`# load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (cores shared with other jobs: timings are noisy)`);
  console.log(`# queries ${nq}, search budget ${budgetMs} ms per engine and k, voy budget ${voyBudgetMs} ms`);
  console.log(TABLE_HEAD);
  const all: Row[] = [];
  for (const dim of dims) {
    for (const count of sizes) {
      const vectors = unitVectors(count, dim, 1000 + dim + count, shared);
      const queries = Array.from({ length: nq }, (_, i) => unitVectors(1, dim, 7 + i * 31 + dim));
      const ids = Array.from({ length: count }, (_, i) => String(i));
      const truth = queries.map((q) => jsBruteForce(vectors, dim, q, 10));
      const data = { vectors, dim, ids, queries, truth };
      const files: FileCache = new Map();
      for (const e of engines) {
        let row: Row;
        if (e === 'js-brute') row = benchJsBrute(vectors, dim, queries, truth, budgetMs);
        else if (e === 'voy') row = await benchVoy(vectors, dim, count, queries, truth);
        else {
          const [q, refine, kind] = OUR_ENGINES[e as OurEngine];
          row = await benchOurs(e, q, refine, kind === 'ts' ? typeScriptKernel : wasm, data, files, budgetMs);
        }
        all.push(row);
        console.log(tableRow(row));
      }
      files.clear();
    }
  }
  const out = args.get('json');
  if (out) writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), cpu: cpus()[0]?.model, node: process.version, loadavg: loadavg(), rows: all }, null, 1));
}

await main();
