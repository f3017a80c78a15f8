// App benchmarks in headless Chromium (Debian's), against a production build:
//   delivery path (stored intent -> ranked feed of 20) on the sticker catalog and synthetic 10k / 100k
//   catalogs; chat turn -> feed updated with the compact engine; cold start to first feed painted and
//   bytes transferred; JS heap after 200 turns. Prints a table and writes bench/RESULTS-app.md.
// Usage: npx tsx bench/app/run.ts [--quick]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/browser.ts';

const quick = process.argv.includes('--quick');
const root = process.cwd();
const dist = join(root, 'bench', 'out', 'dist');

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Synthetic catalogs made from the sticker vocabulary: realistic words, many more items. */
function makeSynthetic(n: number): void {
  const stickers = JSON.parse(readFileSync(join(root, 'public/models/catalogs/stickers/items.json'), 'utf8')) as {
    title: string; titles: Record<string, string>; tags: Record<string, string[]>; category: string; categories: string[];
  }[];
  let seed = 42;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const items = Array.from({ length: n }, (_, i) => {
    const a = stickers[Math.floor(rnd() * stickers.length)]!;
    const b = stickers[Math.floor(rnd() * stickers.length)]!;
    return {
      id: `s${i}`, title: `${a.title} ${b.title.split(' ')[0]}`, titles: a.titles.ko ? { ko: a.titles.ko } : {},
      tags: { en: [...(a.tags.en ?? []).slice(0, 4), ...(b.tags.en ?? []).slice(0, 2)], ko: (a.tags.ko ?? []).slice(0, 4) },
      category: a.category, categories: a.categories, glyph: '■', safety: 'safe', popularity: Math.round(rnd() * 1e4) / 1e4,
    };
  });
  const dir = join(dist, 'models', 'catalogs', `synth-${n / 1000}k`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'items.json'), JSON.stringify(items));
  const m = JSON.parse(readFileSync(join(root, 'public/models/catalogs/stickers/manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...m, id: `synth-${n / 1000}k`, name: `Synthetic ${n / 1000}k`, itemCount: n, index: undefined, licence: { summary: 'Generated for benchmarks from the sticker vocabulary', file: 'LICENSE.md' } }));
  writeFileSync(join(dir, 'LICENSE.md'), 'Generated for benchmarks from the sticker catalog vocabulary (emojibase-data, MIT / CLDR Unicode licence).\n');
}

interface Row { what: string; n: number; p50: number; p95: number; unit: string; target: string }
const rows: Row[] = [];
const facts: string[] = [];

async function main(): Promise<void> {
  console.log('Building (production)…');
  rmSync(dist, { recursive: true, force: true });
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (b.status !== 0) throw new Error('build failed');
  const sizes = quick ? [10_000] : [10_000, 100_000];
  for (const n of sizes) makeSynthetic(n);
  const listPath = join(dist, 'models', 'catalogs', 'index.json');
  const list = JSON.parse(readFileSync(listPath, 'utf8')) as { catalogs: { id: string; name: string; manifest: string }[] };
  for (const n of sizes) list.catalogs.push({ id: `synth-${n / 1000}k`, name: `Synthetic ${n / 1000}k`, manifest: `synth-${n / 1000}k/manifest.json` });
  writeFileSync(listPath, JSON.stringify(list));

  // What an offline-ready install downloads: every file the service worker precaches, gzip-compressed
  // (as a static host would serve it), against the 15 MB target.
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gz = 0;
  for (const f of precached) {
    const buf = readFileSync(join(dist, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 6 }).length;
  }
  facts.push(`Offline install (service-worker precache): ${precached.length} files, ${(raw / 1e6).toFixed(1)} MB raw, ${(gz / 1e6).toFixed(1)} MB gzip. Target: under 15 MB compressed (the synthetic benchmark catalogs are excluded from this count).`);

  const server = await preview({ logLevel: 'warn', build: { outDir: dist }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    // Cold start: a fresh context (empty cache, no service worker yet), navigation to first feed item painted.
    const colds: number[] = [];
    let bytes = 0;
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const ctx = await browser.newContext({ serviceWorkers: 'block' });
      const page = await ctx.newPage();
      // Every response of the page and its workers, body + headers as received.
      const sizes: Promise<number>[] = [];
      ctx.on('requestfinished', (r) => sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize).catch(() => 0)));
      await page.goto(url);
      await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      colds.push(await page.evaluate(() => performance.now()));
      await page.waitForTimeout(500);
      bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      await ctx.close();
    }
    rows.push({ what: 'cold start -> first feed painted (localhost)', n: colds.length, p50: pct(colds, 50), p95: pct(colds, 95), unit: 'ms', target: '< 2000' });
    facts.push(`Bytes transferred on a cold start until the first feed (+0.5 s): ${(bytes / 1e6).toFixed(2)} MB (encoded, as sent; vite preview does not compress). Target: demo under 15 MB compressed.`);

    const ctx = await browser.newContext({ serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.goto(url);
    await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();

    // Chat turn -> feed updated (compact engine), measured in the page: send() resolves after the turn is
    // stored and the feed re-ranked; one animation frame more for the paint.
    const turnTexts = ['I want to see food', 'show me cats', 'no more animals', 'more sports please', '고양이 보고 싶어요', '음식 말고 여행', 'start over', 'flags of asia', 'something cute', 'hearts and stars'];
    // The first turn also starts the CLIP encoder (model download and compile, in its worker); measured
    // on its own, then the steady state once the encoder is ready.
    const first = await measure(page, 1, turnTexts);
    rows.push({ what: 'first chat turn -> feed updated (encoder loading alongside)', n: 1, p50: first[0]!, p95: first[0]!, unit: 'ms', target: '-' });
    await page.waitForFunction(() => (globalThis as unknown as { __recommender: { state: { statuses: { encoder: { state: string } } } } }).__recommender.state.statuses.encoder.state === 'ready', null, { timeout: 120_000 });
    await measure(page, 3, turnTexts);
    await page.evaluate(() => performance.clearMeasures());
    const turnMs = await measure(page, quick ? 20 : 60, turnTexts);
    // The app's own measures per turn (src/app/recommender.ts): worker round trip, then feed / conversation.
    const parts = await page.evaluate(() => {
      const by: Record<string, number[]> = {};
      for (const m of performance.getEntriesByType('measure')) (by[m.name] ??= []).push(m.duration);
      return by;
    });
    // The feed follows the intent the worker sends as soon as it is merged (before the disk write):
    // turn -> feed = send to early intent + feed re-ranked from it.
    const und = parts['turn:understand'] ?? [];
    const earlyAt = parts['turn:early-intent'] ?? [];
    const feed = parts['turn:feed-early'] ?? [];
    const toFeed = earlyAt.map((u, i) => u + (feed[i] ?? 0));
    rows.push({ what: 'chat turn -> feed updated (compact engine, stickers)', n: toFeed.length, p50: pct(toFeed, 50), p95: pct(toFeed, 95), unit: 'ms', target: 'p95 <= 150' });
    rows.push({ what: '  of which: send -> merged intent back from the llm worker', n: earlyAt.length, p50: pct(earlyAt, 50), p95: pct(earlyAt, 95), unit: 'ms', target: '-' });
    rows.push({ what: '  llm worker round trip to the durable commit (IndexedDB + DAG + messaging)', n: und.length, p50: pct(und, 50), p95: pct(und, 95), unit: 'ms', target: '-' });
    rows.push({ what: '  IndexedDB in the llm worker (2 transactions)', n: (parts['turn:worker-store'] ?? []).length, p50: pct(parts['turn:worker-store'] ?? [0], 50), p95: pct(parts['turn:worker-store'] ?? [0], 95), unit: 'ms', target: '-' });
    rows.push({ what: '  understanding DAG (guards, extraction, reply)', n: (parts['turn:worker-dag'] ?? []).length, p50: pct(parts['turn:worker-dag'] ?? [0], 50), p95: pct(parts['turn:worker-dag'] ?? [0], 95), unit: 'ms', target: '-' });
    rows.push({ what: '  of which: feed re-ranked from the early intent', n: feed.length, p50: pct(feed, 50), p95: pct(feed, 95), unit: 'ms', target: '-' });
    rows.push({ what: 'chat turn -> turn stored, feed and conversation rendered', n: turnMs.length, p50: pct(turnMs, 50), p95: pct(turnMs, 95), unit: 'ms', target: '-' });

    for (const catalogId of ['stickers', ...sizes.map((n) => `synth-${n / 1000}k`)]) {
      await page.evaluate((id) => (globalThis as unknown as { __recommender: { selectCatalog(id: string): Promise<void> } }).__recommender.selectCatalog(id), catalogId);
      await page.waitForTimeout(200);
      const ms = await page.evaluate(async (k) => {
        const rec = (globalThis as unknown as { __recommender: { refreshFeed(): Promise<void>; state: { feedMs: number | null } } }).__recommender;
        await rec.refreshFeed(); // warm: catalog loaded, lexical index built
        const out: number[] = [];
        for (let i = 0; i < k; i++) {
          const t = performance.now();
          await rec.refreshFeed();
          out.push(performance.now() - t);
        }
        return out;
      }, quick ? 20 : 100);
      const count = await page.evaluate(() => (globalThis as unknown as { __recommender: { state: { intent: unknown } } }).__recommender.state.intent !== null);
      rows.push({ what: `delivery path: stored intent -> feed of 24 (${catalogId})${count ? '' : ' [no intent]'}`, n: ms.length, p50: pct(ms, 50), p95: pct(ms, 95), unit: 'ms', target: catalogId === 'synth-10k' ? 'p95 <= 16' : '-' });
    }

    // CLIP text encoding in the encoder worker, per phrase, on WASM and on WebGPU (a software adapter here).
    for (const device of ['wasm', 'webgpu'] as const) {
      const ms = await page.evaluate(async ({ device, n }) => {
        const rec = (globalThis as unknown as { __recommender: { encodeTexts(m: string, t: string[], d: string): Promise<unknown> } }).__recommender;
        await rec.encodeTexts('clip-mini', ['warm up'], device);
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          await rec.encodeTexts('clip-mini', [`phrase number ${i}`], device);
          out.push(performance.now() - t);
        }
        return out;
      }, { device, n: quick ? 10 : 40 });
      rows.push({ what: `CLIP text encoding, one phrase (${device}${device === 'webgpu' ? ', software adapter' : ''})`, n: ms.length, p50: pct(ms, 50), p95: pct(ms, 95), unit: 'ms', target: '-' });
    }

    // Memory after 200 turns (stickers).
    await page.evaluate(() => (globalThis as unknown as { __recommender: { selectCatalog(id: string): Promise<void> } }).__recommender.selectCatalog('stickers'));
    await measure(page, quick ? 50 : 200, turnTexts);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    facts.push(`Main-thread JS heap after ${quick ? 70 : 260} turns (after GC): ${(heap.usedSize / 1e6).toFixed(1)} MB used of ${(heap.totalSize / 1e6).toFixed(1)} MB.`);
    // Workers: WASM linear memory as each worker counts it (src/workers/memory-probe.ts), and each
    // worker's JS heap through the DevTools protocol (a browser session attached to the worker targets).
    const wasm = await page.evaluate(() => (globalThis as unknown as { __recommender: { wasmMemory(): Promise<Record<string, { memories: number; bytes: number }>> } }).__recommender.wasmMemory());
    const heaps = await workerHeaps(browser);
    for (const [name, w] of Object.entries(wasm)) {
      const h = heaps.find((x) => x.url.includes(`${name}.worker`));
      facts.push(`${name} worker after the same turns: WASM linear memory ${(w.bytes / 1e6).toFixed(1)} MB in ${w.memories} memor${w.memories === 1 ? 'y' : 'ies'}; JS heap ${h ? `${(h.used / 1e6).toFixed(1)} MB used of ${(h.total / 1e6).toFixed(1)} MB (after GC)` : 'not reachable'}.`);
    }
    await ctx.close();
  } finally {
    await browser.close();
    await server.close();
  }

  const chromiumVersion = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
  const header = '| what | runs | p50 | p95 | target |\n| --- | --- | --- | --- | --- |';
  const table = rows.map((r) => `| ${r.what} | ${r.n} | ${r.p50.toFixed(1)} ${r.unit} | ${r.p95.toFixed(1)} ${r.unit} | ${r.target} |`).join('\n');
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), no GPU, ${chromiumVersion}, Node ${process.version}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
  const md = `# App benchmarks\n\nCommand: \`npx tsx bench/app/run.ts${quick ? ' --quick' : ''}\`\nDate: ${new Date().toISOString().slice(0, 10)}\nMachine: ${machine}\n\n${header}\n${table}\n\n${facts.map((f) => `- ${f}`).join('\n')}\n`;
  console.log(`\n${md}`);
  if (!quick) writeFileSync(join(root, 'bench', 'RESULTS-app.md'), md);
}

/** JS heap of every dedicated worker, via a browser-level DevTools session attached to each worker target. */
async function workerHeaps(browser: Browser): Promise<{ url: string; used: number; total: number }[]> {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const out: { url: string; used: number; total: number }[] = [];
  let next = 1;
  const pending = new Map<number, (r: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
  });
  for (const t of targetInfos.filter((x) => x.type === 'worker')) {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })) as { sessionId: string };
    const call = (method: string) => new Promise<unknown>((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
    await call('HeapProfiler.collectGarbage');
    const h = (await call('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    out.push({ url: t.url, used: h.usedSize, total: h.totalSize });
    await cdp.send('Target.detachFromTarget', { sessionId });
  }
  await cdp.detach();
  return out;
}

async function measure(page: Page, n: number, texts: string[]): Promise<number[]> {
  return page.evaluate(
    async ({ n, texts }) => {
      const rec = (globalThis as unknown as { __recommender: { send(t: string): Promise<void> } }).__recommender;
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await rec.send(texts[i % texts.length]!);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        out.push(performance.now() - t);
      }
      return out;
    },
    { n, texts },
  );
}

if (!existsSync(join(root, 'package.json'))) throw new Error('run from the repository root');
await main();

