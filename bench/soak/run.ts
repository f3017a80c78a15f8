// Soak: 1,000 chat turns in one tab of headless Chromium (Debian's) against a production build, checking
// that what the app keeps is bounded (issue 17, item 8). At each checkpoint it reports IndexedDB usage
// (navigator.storage.estimate), the records per store, the main-thread JS heap after a forced GC (CDP),
// DOM nodes (CDP Memory.getDOMCounters, and elements counted through open shadow roots), the rendered
// chat turns and the number of performance measures. Writes bench/RESULTS-soak.md.
// Usage: npx tsx bench/soak/run.ts [--turns 500,1000] [--reuse-dist] [--no-write]
//   --reuse-dist copies dist/ (an existing production build) instead of building again.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/browser.ts';

const root = process.cwd();
const dist = join(root, 'bench', 'out', 'soak-dist');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const checkpoints = [0, ...(arg('--turns') ?? '500,1000').split(',').map(Number)].sort((a, b) => a - b);
const total = checkpoints[checkpoints.length - 1]!;
const reuse = process.argv.includes('--reuse-dist');

/** Ordinary messages a user might send, in rotation: topics, refinements, negations, Korean, a reset. */
const TEXTS = [
  'I want to see food', 'show me cats', 'no more animals', 'more sports please', '고양이 보고 싶어요', '음식 말고 여행',
  'flags of asia', 'something cute', 'hearts and stars', 'only desserts', 'I like dogs too', 'weather and sky',
  'music and instruments', 'start over', 'show me vehicles', 'happy faces', '꽃 보여줘', 'less food, more travel',
];

interface Checkpoint {
  turns: number;
  seconds: number;
  idbUsage: number;
  idbDetail: number | null;
  records: Record<string, number>;
  heapUsed: number;
  heapTotal: number;
  domNodes: number;
  documents: number;
  listeners: number;
  elements: number;
  /** Nodes of every kind reachable in the document and its shadow roots: DOM nodes (CDP) minus this is detached or unreachable. */
  attached: number;
  /** Nodes per tree (the document, each shadow root by its host) and the commonest node kinds: where growth is. */
  byRoot: Record<string, string>;
  renderedTurns: number;
  measures: number;
}

async function snapshot(page: Page, cdp: CDPSession, turns: number, seconds: number): Promise<Checkpoint> {
  await page.waitForTimeout(1500); // let pending impressions and the last feed settle
  const inPage = await page.evaluate(async () => {
    const est = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: Record<string, number> };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('private-recommender');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const records: Record<string, number> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      records[name] = await new Promise<number>((resolve, reject) => {
        const r = db.transaction(name, 'readonly').objectStore(name).count();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    }
    db.close();
    // Elements in the document and in every open shadow root below it; chat turns likewise. (A loop, not
    // nested named functions: tsx's esbuild would wrap those in a __name helper the page does not have.)
    let elements = 0;
    let renderedTurns = 0;
    let attached = 0;
    const byRoot: Record<string, string> = {};
    const roots: (Document | ShadowRoot)[] = [document];
    while (roots.length) {
      const root = roots.pop()!;
      renderedTurns += root.querySelectorAll('.turn').length;
      for (const el of Array.from(root.querySelectorAll('*'))) {
        elements++;
        if (el.shadowRoot) roots.push(el.shadowRoot);
      }
      // Every node (elements, text, comments: Lit's markers) in this tree, shadow roots counted on their own.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      let here = 0;
      const kinds: Record<string, number> = {};
      while (walker.nextNode()) {
        here++;
        kinds[walker.currentNode.nodeName] = (kinds[walker.currentNode.nodeName] ?? 0) + 1;
      }
      attached += here;
      const host = root instanceof ShadowRoot ? root.host.localName : 'document';
      byRoot[host] = `${(Number.parseInt(byRoot[host] ?? '0', 10) + here)} ${JSON.stringify(Object.entries(kinds).sort((a, b) => b[1] - a[1]).slice(0, 3))}`;
    }
    return {
      usage: est.usage ?? 0, idb: est.usageDetails?.indexedDB ?? null, records, elements, renderedTurns,
      measures: performance.getEntriesByType('measure').length, attached, byRoot,
    };
  });
  // Twice: a detached DOM subtree may need a second full GC to be freed.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
  return {
    byRoot: inPage.byRoot, turns, seconds, idbUsage: inPage.usage, idbDetail: inPage.idb, records: inPage.records, heapUsed: heap.usedSize, heapTotal: heap.totalSize,
    domNodes: dom.nodes, documents: dom.documents, listeners: dom.jsEventListeners, elements: inPage.elements, attached: inPage.attached, renderedTurns: inPage.renderedTurns,
    measures: inPage.measures,
  };
}

async function main(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  if (reuse) {
    if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error('--reuse-dist: no dist/index.html');
    cpSync(join(root, 'dist'), dist, { recursive: true });
  } else {
    console.log('Building (production)…');
    const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (b.status !== 0) throw new Error('build failed');
  }
  const server = await preview({ logLevel: 'warn', build: { outDir: dist }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const results: Checkpoint[] = [];
  const errors: string[] = [];
  let failedTurns = 0;
  try {
    const ctx = await browser.newContext({ serviceWorkers: 'block' });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor({ timeout: 120_000 });
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    const cdp = await ctx.newCDPSession(page);
    const t0 = Date.now();
    let sent = 0;
    for (const target of checkpoints) {
      while (sent < target) {
        const n = Math.min(25, target - sent);
        const r = await page.evaluate(async ({ from, n, texts }) => {
          const rec = (globalThis as unknown as { __recommender: { send(t: string): Promise<void>; state: { banner: string | null } } }).__recommender;
          let failed = 0;
          for (let i = 0; i < n; i++) {
            await rec.send(`${texts[(from + i) % texts.length]!}`);
            if (rec.state.banner && /fail|error|full/i.test(rec.state.banner)) failed++;
          }
          return { failed };
        }, { from: sent, n, texts: TEXTS });
        failedTurns += r.failed;
        sent += n;
        if (sent % 100 === 0) console.log(`${sent} turns, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      }
      const c = await snapshot(page, cdp, sent, (Date.now() - t0) / 1000);
      results.push(c);
      console.log(JSON.stringify(c));
      if (target !== total) report(results, errors, failedTurns, false);
    }
    await ctx.close();
  } finally {
    await browser.close();
    await server.close();
  }

  report(results, errors, failedTurns, true);
}

function report(results: Checkpoint[], errors: string[], failedTurns: number, done: boolean): void {
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  const storeNames = ['turns', 'intents', 'events', 'searchLogs', 'quarantine'];
  const header = `| turns | elapsed | IndexedDB usage (estimate) | of which IndexedDB | ${storeNames.join(' | ')} | main JS heap used (after GC) | DOM nodes alive (CDP) | nodes in the document incl. shadow roots | elements incl. shadow roots | listeners | chat turns rendered | performance measures |`;
  const sep = `|${' --- |'.repeat(12 + storeNames.length)}`;
  const table = results.map((r) => `| ${r.turns} | ${r.seconds.toFixed(0)} s | ${mb(r.idbUsage)} | ${r.idbDetail === null ? '-' : mb(r.idbDetail)} | ${storeNames.map((s) => r.records[s] ?? 0).join(' | ')} | ${mb(r.heapUsed)} | ${r.domNodes} | ${r.attached} | ${r.elements} | ${r.listeners} | ${r.renderedTurns} | ${r.measures} |`).join('\n');
  const chromiumVersion = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
  const cmd = `npx tsx bench/soak/run.ts${arg('--turns') ? ` --turns ${arg('--turns')}` : ''}${reuse ? ' --reuse-dist' : ''}`;
  const md = [
    '# Soak: storage, heap and DOM over a long session (issue 17, item 8)',
    '',
    `Command: \`${cmd}\``,
    `Date: ${new Date().toISOString().slice(0, 10)}`,
    `Machine: 2-core VM, no GPU (${cpus().length} cores reported, ${cpus()[0]?.model ?? 'cpu'}), ${chromiumVersion}, Node ${process.version}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    `Build: production (\`vite build\`${reuse ? ', copied from dist/' : ''}), served by vite preview on localhost; service workers blocked; one tab; turns sent through \`__recommender.send\` in rotation over ${TEXTS.length} ordinary messages.`,
    '',
    header,
    sep,
    table,
    '',
    `Turns whose banner reported a failure: ${failedTurns}. Page errors: ${errors.length}${errors.length ? ` (${[...new Set(errors)].slice(0, 3).join('; ')})` : ''}.`,
    ...(done ? [] : [`Partial: stopped after ${results.at(-1)?.turns ?? 0} of ${total} turns (written at each checkpoint).`, '']),
  ].join('\n');
  if (done) console.log(`\n${md}`);
  if (!process.argv.includes('--no-write')) writeFileSync(join(root, 'bench', 'RESULTS-soak.md'), md);
}

if (!existsSync(join(root, 'package.json'))) throw new Error('run from the repository root');
await main();
