// Side by side in one run: what one chat turn costs in the app as it was before the worker redesign
// (an older commit, built into its own folder) and as it is now. Per turn: messages between threads
// (page <-> workers counted in the page; worker <-> worker from the retrieval worker's own counters,
// which the old design did not need: it routed everything through the page), BroadcastChannel
// messages, ranks, and turn -> feed updated (send until the new feed is in state, plus one frame).
// Usage: npx tsx bench/app/turn-messages.ts [--old <commit>] [--turns N] [--warm N] [--clean]   (writes bench/RESULTS-turn.md)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/browser.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
/** The last commit before the redesign (issue 13). */
const OLD = arg('--old', '9de075a');
const TURNS = Number(arg('--turns', '40'));
/**
 * Warm-up turns after the encoder is ready, on sentences the measured turns do not use (their phrases
 * are still encoded when measured). V8 keeps compiling the encoder's 27 MB onnxruntime wasm with its
 * optimising tier on the renderer's thread pool for seconds after its first uses: in a trace of 20
 * turns after the old 3-turn warm-up, 4 s of CPU over the first 6 s, on a 2-core machine, and those
 * turns were the run's slowest on both sides (2026-11-30). 0 measures from the old start.
 */
const WARM = Number(arg('--warm', '12'));
const root = process.cwd();
const out = join(root, 'bench', 'out');

function build(dir: string, outDir: string): void {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { cwd: dir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`build failed in ${dir}`);
}

/** Counts every message the page sends to or receives from a worker, and every broadcast (any context). */
const INSTRUMENT = `(() => {
  // tsx (esbuild keepNames) wraps named functions in the evaluated callbacks with __name.
  globalThis.__name = globalThis.__name || ((f) => f);
  const c = { toWorker: 0, fromWorker: 0, broadcasts: 0, rankCalls: 0 };
  globalThis.__bench = c;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (data, ...rest) {
    c.toWorker++;
    if (data && data.type === 'APPLY' && Array.isArray(data.path) && data.path.at(-1) === 'rank') c.rankCalls++;
    return post.call(this, data, ...rest);
  };
  const W = Worker;
  globalThis.Worker = class extends W { constructor(...a) { super(...a); this.addEventListener('message', () => c.fromWorker++); } };
  for (const name of ['private-recommender/changes/v1', 'private-recommender/changes/v2']) new BroadcastChannel(name).onmessage = () => c.broadcasts++;
})();`;

const WARM_TEXTS = ['show me dogs', 'I want fruit', 'cars and bikes', 'something spooky', 'birds please', 'ocean animals',
  '음식 보여줘', 'books and pencils', 'winter things', 'show me clocks', 'hands and gestures', 'show me buildings'];
const TEXTS = ['I want to see food', 'show me cats', 'more sports please', 'flags of asia', 'something cute', 'hearts and stars',
  '고양이 보고 싶어요', 'music and dancing', 'show me trains', 'I like flowers', 'weather please', 'tools and hammers'];

interface Sample {
  ms: number; toWorker: number; fromWorker: number; betweenWorkers: number; broadcasts: number; ranks: number;
  /** Where the time went (new design; NaN where not measured): the understanding DAG in the llm worker, the
   * retrieval worker's wait for phrase vectors, and the rest of its rank. */
  understandMs: number; encodeWaitMs: number; rankMs: number;
  /** Epoch-clock stages (new design): send -> the intent reaches the retrieval worker -> its view is posted -> the feed is drawn. */
  toIntentMs: number; intentToViewMs: number; viewToFrameMs: number;
}

async function turn(page: Page, text: string, isNew: boolean): Promise<Sample | null> {
  return page.evaluate(async ({ text, isNew }) => {
    const rec = (globalThis as unknown as { __recommender: EventTarget & { state: { feed: unknown }; send(t: string): Promise<void>; retrievalCounters?(): Promise<{ ranks: number; views: number; encodeCalls: number; intentsReceived: number; encodeWaitMs?: number; rankMs?: number; lastIntentAt?: number; lastViewAt?: number }> } }).__recommender;
    const c = (globalThis as unknown as { __bench: Record<string, number> }).__bench;
    const wk0 = isNew ? await rec.retrievalCounters!() : null;
    const before2 = { ...c }; // the counters call itself is bench traffic
    const feed0 = rec.state.feed;
    const t0 = performance.now();
    const epoch0 = performance.timeOrigin + t0;
    const fed = new Promise<number>((resolve) => {
      const on = () => {
        if (rec.state.feed !== feed0 && (rec.state.feed as unknown[]).length > 0) {
          rec.removeEventListener('change', on);
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }
      };
      rec.addEventListener('change', on);
      setTimeout(() => resolve(-1), 5000);
    });
    await rec.send(text);
    const ms = await fed;
    const drawnAt = epoch0 + ms;
    await new Promise((r) => setTimeout(r, 400)); // late messages of this turn (a second rank, broadcasts) land
    const after = { ...c };
    const wk1 = isNew ? await rec.retrievalCounters!() : null;
    // Encoder calls are comlink calls (the call and its answer); intents and views are one-way posts on
    // their own ports (src/messages/port.ts), so they do not pass the Worker objects counted in the page.
    const betweenWorkers = wk0 && wk1 ? 2 * (wk1.encodeCalls - wk0.encodeCalls) + (wk1.intentsReceived - wk0.intentsReceived) : 0;
    const viewPushes = wk0 && wk1 ? wk1.views - wk0.views : 0;
    const dag = performance.getEntriesByName('turn:worker-dag').at(-1);
    const understandMs = dag && dag.startTime >= t0 - 1 ? dag.duration : NaN;
    const encodeWaitMs = wk0 && wk1 && wk1.encodeWaitMs !== undefined ? wk1.encodeWaitMs - (wk0.encodeWaitMs ?? 0) : NaN;
    const rankMs = wk0 && wk1 && wk1.rankMs !== undefined ? wk1.rankMs - (wk0.rankMs ?? 0) - encodeWaitMs : NaN;
    const intentAt = wk1?.lastIntentAt && wk1.lastIntentAt !== wk0?.lastIntentAt ? wk1.lastIntentAt : NaN;
    // The first view after the intent (later ones, within the 400 ms wait, would overwrite lastViewAt: none expected with one rank a turn).
    const viewAt = wk1?.lastViewAt && wk1.lastViewAt !== wk0?.lastViewAt ? wk1.lastViewAt : NaN;
    const ranks = wk0 && wk1 ? wk1.ranks - wk0.ranks : after.rankCalls! - before2.rankCalls!;
    return ms < 0 ? null : {
      ms, toWorker: after.toWorker! - before2.toWorker!, fromWorker: after.fromWorker! - before2.fromWorker! + viewPushes,
      betweenWorkers, broadcasts: after.broadcasts! - before2.broadcasts!, ranks, understandMs, encodeWaitMs, rankMs,
      toIntentMs: intentAt - epoch0, intentToViewMs: viewAt - intentAt, viewToFrameMs: drawnAt - viewAt,
    };
  }, { text, isNew });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function main(): Promise<void> {
  const oldTree = join(out, 'old-tree');
  if (!existsSync(oldTree)) {
    execFileSync('git', ['worktree', 'add', '--detach', oldTree, OLD], { stdio: 'inherit' });
    symlinkSync(join(root, 'node_modules'), join(oldTree, 'node_modules'));
  }
  console.log(`Building ${OLD} and the working tree…`);
  build(oldTree, join(out, 'dist-old'));
  build(root, join(out, 'dist-new'));
  const servers = await Promise.all(['dist-old', 'dist-new'].map((d) => preview({ logLevel: 'warn', build: { outDir: join(out, d) }, preview: { port: 0, host: '127.0.0.1' } })));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const samples: Record<'old' | 'new', Sample[]> = { old: [], new: [] };
  try {
    const pages: Record<'old' | 'new', Page> = {} as never;
    for (const [i, side] of (['old', 'new'] as const).entries()) {
      const ctx = await browser.newContext({ serviceWorkers: 'block' });
      await ctx.addInitScript(INSTRUMENT);
      const page = await ctx.newPage();
      await page.goto(servers[i]!.resolvedUrls!.local[0]!);
      await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor();
      // Warm: the encoder loads on the first turns; measured turns start with it ready.
      for (const t of TEXTS.slice(0, 3)) await turn(page, t, side === 'new');
      await page.waitForFunction(() => (globalThis as unknown as { __recommender: { state: { statuses: { encoder: { state: string } } } } }).__recommender.state.statuses.encoder.state === 'ready', null, { timeout: 120_000 });
      for (let i = 0; i < WARM; i++) await turn(page, WARM_TEXTS[i % WARM_TEXTS.length]!, side === 'new');
      pages[side] = page;
    }
    // Alternate old and new turn by turn, so both see the same machine load.
    for (let i = 0; i < TURNS; i++) {
      const text = `${TEXTS[i % TEXTS.length]}${i >= TEXTS.length ? ` ${['again', 'too', 'now', 'also'][Math.floor(i / TEXTS.length) % 4]}` : ''}`;
      for (const side of ['old', 'new'] as const) {
        const s = await turn(pages[side], text, side === 'new');
        if (s) samples[side].push(s);
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  const chromiumVersion = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
  const row = (what: string, f: (s: Sample) => number, fmt = (x: number) => x.toFixed(1)) =>
    `| ${what} | ${fmt(mean(samples.old.map(f)))} | ${fmt(mean(samples.new.map(f)))} |`;
  const ms = (side: 'old' | 'new') => samples[side].map((s) => s.ms);
  const md = `# One chat turn, before and after the worker redesign

Command: \`npx tsx bench/app/turn-messages.ts --old ${OLD} --turns ${TURNS} --warm ${WARM}\`
Date: ${new Date().toISOString().slice(0, 10)}
Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), no GPU, ${chromiumVersion}, Node ${process.version}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}
Turns measured: old ${samples.old.length}, new ${samples.new.length} (each changes the intent; the encoder warm; old and new alternate turn by turn in one browser).
Warm-up per side: 3 turns, the encoder ready, then ${WARM} turns on other sentences (V8 compiles the encoder's wasm in the background for seconds after its first uses).

Messages are raw postMessage calls; a comlink call is two (the request and its answer), a callback
into the page too. Page <-> worker messages are counted in the page on the Worker objects, plus (new
design) the retrieval worker's view pushes, one-way posts on their own port (one per view, from its
counters); worker <-> worker messages (new design only) from the retrieval worker's counters (encoder
calls, two each; intents received, one-way posts, one each).
Broadcasts: every BroadcastChannel message from any context of the tab.

| per turn (mean) | old (${OLD}) | new |
| --- | --- | --- |
${row('messages page -> workers', (s) => s.toWorker)}
${row('messages workers -> page', (s) => s.fromWorker)}
${row('messages worker <-> worker', (s) => s.betweenWorkers)}
${row('all thread messages', (s) => s.toWorker + s.fromWorker + s.betweenWorkers)}
${row('BroadcastChannel messages', (s) => s.broadcasts)}
${row('ranks', (s) => s.ranks)}
| turn -> feed updated p50 | ${pct(ms('old'), 50).toFixed(1)} ms | ${pct(ms('new'), 50).toFixed(1)} ms |
| turn -> feed updated p95 | ${pct(ms('old'), 95).toFixed(1)} ms | ${pct(ms('new'), 95).toFixed(1)} ms |

Where the new design's turn goes (ms; understanding: the llm worker's DAG, from the page's
\`turn:worker-dag\` measure; encoder wait and rank: the retrieval worker's counters, summed over the
ranks of the turn; the rest is messaging, IndexedDB, scheduling and the frame):

| new, per turn | p50 | p95 | max |
| --- | --- | --- | --- |
${(['toIntentMs', 'understandMs', 'intentToViewMs', 'encodeWaitMs', 'rankMs', 'viewToFrameMs', 'ms'] as const).map((k) => {
    const xs = samples.new.map((x) => x[k]).filter((x) => Number.isFinite(x));
    const name = {
      toIntentMs: 'send -> intent at the retrieval worker', understandMs: '  of which understanding (llm worker)',
      intentToViewMs: 'intent -> view posted', encodeWaitMs: '  of which waiting for phrase vectors', rankMs: '  of which the rank without the wait',
      viewToFrameMs: 'view posted -> feed drawn (next frame)', ms: 'turn -> feed updated',
    }[k];
    return `| ${name} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`;
  }).join('\n')}

Turn -> feed updated, turn by turn in the order measured (ms; where the slow ones fall):
${(['old', 'new'] as const).map((side) => `- ${side}: ${ms(side).map((x) => x.toFixed(0)).join(' ')}`).join('\n')}
`;
  console.log(md);
  // Console only: the new design's stages turn by turn (send -> intent / intent -> view / view -> drawn).
  console.log(`new stages per turn (ms): ${samples.new.map((x) => [x.toIntentMs, x.intentToViewMs, x.viewToFrameMs].map((v) => v.toFixed(0)).join('/')).join(' ')}`);
  writeFileSync(join(root, 'bench', 'RESULTS-turn.md'), md);
  if (process.argv.includes('--clean')) {
    execFileSync('git', ['worktree', 'remove', '--force', oldTree]);
    rmSync(join(out, 'dist-old'), { recursive: true, force: true });
  }
}

await main();
