// The index benchmark in headless Chromium (Debian `chromium`, driven by playwright-core).
//   npx tsx bench/index/run-chromium.ts [--dims 256,512] [--sizes 10000,100000] [--queries 100]
//                                       [--budget-ms 3000] [--engine-timeout-ms 120000] [--engines ...]
// Builds bench/index/browser/ with Vite into a temp folder, serves it cross-origin isolated (precise
// timers), and runs every engine of every config as its own bounded call in the page's main thread
// (one core). Same data, engines and table as run.ts.
import { cliFlags } from '../../tools/cli.ts';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { extname, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { ALL_ENGINES, TABLE_HEAD, tableRow, type EngineName, type Row } from './common.ts';

const args = cliFlags();
const list = (key: string, def: string): string[] => (args.get(key) ?? def).split(',').filter(Boolean);
const dims = list('dims', '256,512').map(Number);
const sizes = list('sizes', '10000,100000').map(Number);
const nq = Number(args.get('queries') ?? 100);
const budgetMs = Number(args.get('budget-ms') ?? 3000);
const engineTimeoutMs = Number(args.get('engine-timeout-ms') ?? 120_000);
const engines = list('engines', ALL_ENGINES.join(',')) as EngineName[];

// The flags DESIGN.md gives for Debian's headless Chromium.
const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

const here = dirname(fileURLToPath(import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'index-bench-'));
await build({
  configFile: false,
  root: join(here, 'browser'),
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
});

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = join(outDir, path === '/' ? 'index.html' : path);
  readFile(file).then(
    (body) => {
      // Cross-origin isolation: 5 µs performance.now() instead of 100 µs.
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      res.end(body);
    },
    () => {
      res.writeHead(404);
      res.end();
    },
  );
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return page;
}

function bounded<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms))]);
}

type Bench = { prepare(dim: number, count: number, nq: number): Promise<{ kernel: string; isolated: boolean }>; run(e: string, b: number): Promise<Row> };

try {
  const version = browser.version();
  console.log(`# chromium ${version} ${new Date().toISOString()} | ${cpus()[0]?.model} x${cpus().length} | load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`# queries ${nq}, search budget ${budgetMs} ms per engine and k, ${engineTimeoutMs / 1000} s per engine call`);
  let header = false;
  for (const dim of dims) {
    for (const count of sizes) {
      let page = await openPage();
      const prepare = (): Promise<{ kernel: string; isolated: boolean }> =>
        page.evaluate(([d, n, q]) => (globalThis as unknown as { indexBench: Bench }).indexBench.prepare(d!, n!, q!), [dim, count, nq]);
      const info = await prepare();
      if (!header) {
        console.log(`# kernel in page: ${info.kernel}, crossOriginIsolated: ${info.isolated}`);
        console.log(TABLE_HEAD);
        header = true;
      }
      for (const e of engines) {
        let row: Row;
        try {
          row = await bounded(
            page.evaluate(([name, b]) => (globalThis as unknown as { indexBench: Bench }).indexBench.run(name as string, b as number), [e, budgetMs]),
            engineTimeoutMs,
          );
        } catch (err) {
          row = { engine: e, dim, count, search: {}, note: `failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}` };
          // The page may be stuck or crashed: start a fresh one for the next engine.
          await page.close().catch(() => undefined);
          page = await openPage();
          await prepare();
        }
        console.log(tableRow(row));
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
