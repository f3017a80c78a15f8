// The retrieval worker's rank (rankFeed: index search, sources, fusion, cards) in Node, on intents
// the app itself produced, so its CPU can be profiled and compared before and after a change: the
// browser's stage timings (turn-messages.ts) say how long a rank took, not where. Step 1 drives a
// built app in Chromium through a chat and stores the intent after each turn and the CLIP vectors of
// its phrases; step 2 ranks those intents in order (phrases met in earlier turns stay known, as in the
// worker), with a freshly loaded catalog on each repetition, and prints per-turn medians.
// Usage: npx tsx bench/app/rank-cpu.ts --capture <dist folder>   (writes bench/out/rank-inputs.json)
//        npx tsx bench/app/rank-cpu.ts [--reps N] [--dump <file>]   (node --cpu-prof --import tsx ... to profile)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/browser.ts';
import type { Intent } from '../../src/core/intent.ts';
import { wantedPhrases } from '../../src/core/wanted.ts';
import { CatalogSource } from '../../src/workers/catalog-source.ts';
import { Catalogs, type LoadedCatalog } from '../../src/workers/retrieval/catalogs.ts';
import { rankFeed } from '../../src/workers/retrieval/rank.ts';

const INPUTS = 'bench/out/rank-inputs.json';
/** The stickers' calibrated no-match floor (public/models/clip-mini/calibration.json), as the worker passes it. */
const CLIP_FLOOR = 0.7713;
const TEXTS = ['show me dogs', 'I want fruit', 'cars and bikes', 'something spooky', 'birds please', 'ocean animals',
  '음식 보여줘', 'books and pencils', 'winter things', 'show me clocks', 'hands and gestures', 'show me buildings',
  'I want to see food', 'show me cats', 'more sports please', 'flags of asia', 'something cute', 'hearts and stars',
  '고양이 보고 싶어요', 'music and dancing', 'show me trains', 'I like flowers', 'weather please', 'tools and hammers'];
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);

interface Inputs { turns: { text: string; intent: Intent | null; feed: string[] }[]; phrases: string[]; vectors: number[][] }

async function capture(dist: string): Promise<void> {
  const server = await preview({ logLevel: 'warn', build: { outDir: dist }, preview: { port: 0, host: '127.0.0.1' } });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const ctx = await browser.newContext({ serviceWorkers: 'block' });
    await ctx.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);'); // tsx's keepNames helper
    const page = await ctx.newPage();
    await page.goto(server.resolvedUrls!.local[0]!);
    await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor();
    type Rec = { send(t: string): Promise<void>; state: { intent: Intent | null; feed: { id: string }[] }; encodeTexts(m: string, t: string[]): Promise<{ vectors: number[][] }> };
    const turns: Inputs['turns'] = [];
    for (const text of TEXTS) {
      turns.push(await page.evaluate(async (text) => {
        const rec = (globalThis as unknown as { __recommender: Rec }).__recommender;
        await rec.send(text);
        await new Promise((r) => setTimeout(r, 700)); // the view, and a second one if vectors arrived late
        return { text, intent: rec.state.intent, feed: rec.state.feed.map((c) => c.id) };
      }, text));
    }
    const phrases = [...new Set(turns.flatMap((t) => (t.intent ? [...wantedPhrases(t.intent), ...t.intent.dislikes].map((p) => p.text) : [])))];
    const { vectors } = await page.evaluate((p) => (globalThis as unknown as { __recommender: Rec }).__recommender.encodeTexts('clip-mini', p), phrases);
    writeFileSync(INPUTS, JSON.stringify({ turns, phrases, vectors } satisfies Inputs));
    console.log(`${turns.length} turns, ${phrases.length} phrases -> ${INPUTS}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function loadStickers(): Promise<LoadedCatalog> {
  const catalogs = new Catalogs(new CatalogSource(new URL('../../public/models/', import.meta.url)), () => {});
  const indexed = new Promise<void>((r) => (catalogs.onIndexReady = () => r()));
  const cat = await catalogs.get('stickers');
  await indexed;
  return cat;
}

async function rank(): Promise<void> {
  // The worker fetches its files; here they are read from public/.
  const netFetch = globalThis.fetch;
  globalThis.fetch = (async (u: URL | string, init?: RequestInit) => {
    const url = new URL(String(u));
    if (url.protocol !== 'file:') return netFetch(u, init);
    return new Response(readFileSync(fileURLToPath(url)), { headers: { 'content-type': url.pathname.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
  }) as typeof fetch;
  const inputs = JSON.parse(readFileSync(INPUTS, 'utf8')) as Inputs;
  // One Float32Array per phrase for the whole run, as the worker's PhraseVectors keeps them.
  const vectors = new Map(inputs.phrases.map((p, i) => [p, Float32Array.from(inputs.vectors[i]!)]));
  const run = (cat: LoadedCatalog, intent: Intent | null) => {
    const queries = intent ? [...wantedPhrases(intent).filter((p) => !p.reason), ...intent.dislikes].flatMap((p) => {
      const vector = vectors.get(p.text);
      return vector ? [{ text: p.text, weight: p.weight, vector }] : [];
    }) : [];
    return rankFeed({ cat, intent, k: 24, queries, exclude: new Set(), clipFloor: CLIP_FLOOR }).cards;
  };
  const reps = Number(arg('--reps') ?? 20);
  const ms: number[][] = inputs.turns.map(() => []);
  let cards: unknown[] = [];
  for (let r = 0; r < reps; r++) {
    const cat = await loadStickers(); // a new index: nothing searched yet
    cards = inputs.turns.map((t, i) => {
      const t0 = performance.now();
      const c = run(cat, t.intent);
      ms[i]!.push(performance.now() - t0);
      return c;
    });
  }
  const dump = arg('--dump');
  if (dump) writeFileSync(dump, JSON.stringify(cards));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const perTurn = ms.map(median);
  const first = ms.map((xs) => xs[0]!);
  console.log(`rankFeed over ${inputs.turns.length} turns in order (stickers, ${reps} repetitions; first: the first repetition, JIT cold):`);
  console.log(`  per turn, median over repetitions: p50 ${median(perTurn).toFixed(2)} ms, max ${Math.max(...perTurn).toFixed(2)} ms, sum ${perTurn.reduce((a, b) => a + b, 0).toFixed(1)} ms`);
  console.log(`  first repetition: p50 ${median(first).toFixed(2)} ms, max ${Math.max(...first).toFixed(2)} ms, sum ${first.reduce((a, b) => a + b, 0).toFixed(1)} ms`);
}

const dist = arg('--capture');
if (dist) await capture(dist);
else await rank();
