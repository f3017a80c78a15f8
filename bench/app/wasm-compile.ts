// How much CPU V8 spends compiling the encoder's onnxruntime wasm while a user chats: one build (a dist
// folder) in a fresh browser, the app opened, the same turns sent one after another, and a Chrome trace
// of V8's wasm compile events summed by name (CPU time where the trace has it), the compile CPU that
// falls in each turn (send, feed drawn, 400 ms more), and which onnxruntime files the encoder fetched.
// Compare two builds by running it on each.
// Usage: npx tsx bench/app/wasm-compile.ts <dist folder> [--turns N]
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/browser.ts';

const dist = process.argv[2]!;
const i = process.argv.indexOf('--turns');
const TURNS = i >= 0 ? Number(process.argv[i + 1]) : 27;
const TEXTS = ['show me dogs', 'I want fruit', 'cars and bikes', 'something spooky', 'birds please', 'ocean animals',
  '음식 보여줘', 'books and pencils', 'winter things', 'show me clocks', 'hands and gestures', 'show me buildings',
  'I want to see food', 'show me cats', 'more sports please', 'flags of asia', 'something cute', 'hearts and stars',
  '고양이 보고 싶어요', 'music and dancing', 'show me trains', 'I like flowers', 'weather please', 'tools and hammers',
  'show me pizza', 'rainy days', 'space and rockets'];

const server = await preview({ logLevel: 'warn', build: { outDir: dist }, preview: { port: 0, host: '127.0.0.1' } });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  await ctx.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);'); // tsx (esbuild keepNames) wraps named functions
  const page = await ctx.newPage();
  const ort: string[] = [];
  page.on('request', (r) => /ort-wasm/.test(r.url()) && ort.push(r.url().split('/').pop()!));
  await browser.startTracing(page, { categories: ['blink.user_timing', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'disabled-by-default-v8.wasm.turbofan'] });
  const t0 = Date.now();
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor();
  const turnMs: number[] = [];
  for (let t = 0; t < TURNS; t++) {
    turnMs.push(await page.evaluate(async (text) => {
      const rec = (globalThis as unknown as { __recommender: EventTarget & { state: { feed: unknown }; send(t: string): Promise<void> } }).__recommender;
      const feed0 = rec.state.feed;
      performance.mark('bench-turn');
      const s = performance.now();
      const fed = new Promise<number>((resolve) => {
        const on = () => { if (rec.state.feed !== feed0) { rec.removeEventListener('change', on); requestAnimationFrame(() => resolve(performance.now() - s)); } };
        rec.addEventListener('change', on);
        setTimeout(() => resolve(-1), 5000);
      });
      await rec.send(text);
      const ms = await fed;
      await new Promise((r) => setTimeout(r, 400));
      return ms;
    }, `${TEXTS[t % TEXTS.length]!}${t >= TEXTS.length ? ' again' : ''}`));
  }
  const wallS = (Date.now() - t0) / 1000;
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: { name: string; ph: string; ts: number; dur?: number; tdur?: number; cat: string }[] };
  // Compile CPU within each turn: from its mark to the next one (the last: to the end of the trace).
  const turnAt = trace.traceEvents.filter((e) => e.name === 'bench-turn').map((e) => e.ts).sort((a, b) => a - b);
  const perTurn = turnAt.map(() => 0);
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || (e.name !== 'wasm.TopTierCompilation' && e.name !== 'wasm.CompileLazy')) continue;
    let t = -1;
    while (t + 1 < turnAt.length && turnAt[t + 1]! <= e.ts) t++;
    if (t >= 0) perTurn[t]! += (e.tdur ?? e.dur ?? 0) / 1000;
  }
  const byName = new Map<string, { n: number; wallMs: number; cpuMs: number }>();
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !/wasm/i.test(e.cat)) continue;
    const r = byName.get(e.name) ?? { n: 0, wallMs: 0, cpuMs: 0 };
    r.n++;
    r.wallMs += (e.dur ?? 0) / 1000;
    r.cpuMs += (e.tdur ?? e.dur ?? 0) / 1000;
    byName.set(e.name, r);
  }
  console.log(`${dist}: onnxruntime files fetched: ${[...new Set(ort)].join(', ')}; ${TURNS} turns in ${wallS.toFixed(1)} s`);
  console.log('| wasm trace event | count | wall ms | CPU ms |\n| --- | --- | --- | --- |');
  for (const [name, r] of [...byName].sort((a, b) => b[1].cpuMs - a[1].cpuMs).slice(0, 12)) console.log(`| ${name} | ${r.n} | ${r.wallMs.toFixed(0)} | ${r.cpuMs.toFixed(0)} |`);
  console.log(`wasm compile CPU per turn (lazy + top tier, ms): ${perTurn.map((x) => x.toFixed(0)).join(' ')}`);
  const sorted = turnMs.filter((x) => x >= 0).sort((a, b) => a - b);
  console.log(`turn -> feed: p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms; per turn: ${turnMs.map((x) => x.toFixed(0)).join(' ')}`);
} finally {
  await browser.close();
  await server.close();
}
