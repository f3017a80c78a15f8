// voy-search 0.6.3 baseline, run in a worker thread so the parent can stop it at a time budget
// (voy can take minutes or run out of memory at 100k items). Every stage posts its result as soon
// as it has one, so a stage that fails or times out still leaves the earlier numbers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('voy-search/package.json'));
const bg = await import(join(pkgDir, 'voy_search_bg.js'));
const { instance } = await WebAssembly.instantiate(readFileSync(join(pkgDir, 'voy_search_bg.wasm')), {
  './voy_search_bg.js': bg,
});
bg.__wbg_set_wasm(instance.exports);

const { vectors, dim, count, queries, nq, ks, searchBudgetMs } = workerData;
const post = (msg) => parentPort.postMessage(msg);
const now = () => performance.now();

try {
  let t = now();
  const embeddings = new Array(count);
  for (let i = 0; i < count; i++) {
    embeddings[i] = { id: String(i), title: '', url: '', embeddings: Array.from(vectors.subarray(i * dim, (i + 1) * dim)) };
  }
  const voy = new bg.Voy({ embeddings });
  post({ stage: 'build', ms: now() - t });

  t = now();
  const json = voy.serialize();
  post({ stage: 'serialize', ms: now() - t, bytes: Buffer.byteLength(json) });

  t = now();
  const loaded = bg.Voy.deserialize(json);
  post({ stage: 'load', ms: now() - t });

  for (const k of ks) {
    const times = [];
    const rows = [];
    const start = now();
    for (let q = 0; q < nq; q++) {
      const query = queries.subarray(q * dim, (q + 1) * dim);
      const t0 = now();
      const res = loaded.search(query, k);
      times.push(now() - t0);
      rows.push(res.neighbors.map((n) => Number(n.id)));
      if (now() - start > searchBudgetMs && q >= 9) break;
    }
    post({ stage: 'search', k, times, rows });
  }
  post({ stage: 'done' });
} catch (err) {
  post({ stage: 'error', message: String(err?.message ?? err) });
}
