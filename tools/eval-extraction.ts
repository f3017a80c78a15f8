// Measures each understanding component against the golden sets in tests/golden/extraction/:
// key phrases, likes, dislikes (precision / recall / F1, micro-averaged over phrases), entities
// (compact only), task (accuracy on the extraction set and on the classifier's held-out split) and
// time per turn. Every engine that can run in Node is measured: the compact engine and the basic
// baseline (src/core/basic-engine.ts). Prints a Markdown table.
// Two golden sets: extraction.jsonl ("dev": the extractor's rules were written while looking at its
// errors) and extraction-blind.jsonl ("blind": written after, evaluated without changing anything for it).
// Run: npx tsx tools/eval-extraction.ts [--set dev|blind] [--engine compact|basic] [--errors]
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createBasicEngine } from '../src/core/basic-engine.ts';
import { createCompactEngine, type CompactEngine } from '../src/core/extract/engine.ts';
import { ENTITY_TYPES, type GazetteerItem } from '../src/core/extract/gazetteer.ts';
import { parseCatalogManifest } from '../src/core/catalog.ts';
import { TASKS, parseTurnExtraction, type TurnExtraction } from '../src/core/intent.ts';
import { matchTokens } from '../src/core/text.ts';
import type { UnderstandingEngine } from '../src/core/understand.ts';
import { TaskExampleSchema, readJsonl } from './train-task-classifier.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const GoldSchema = z
  .object({
    id: z.string(),
    lang: z.enum(['en', 'ko']),
    text: z.string().min(1),
    keyPhrases: z.array(z.string()),
    likes: z.array(z.string()),
    dislikes: z.array(z.string()),
    task: z.enum(TASKS),
    entities: z.array(z.object({ type: z.enum(ENTITY_TYPES), text: z.string() }).strict()),
  })
  .strict();
type Gold = z.infer<typeof GoldSchema>;

/** Phrases compare after the same normalisation the lexical index uses: "cats" = "cat", "고양이를" = "고양이". */
const norm = (s: string) => matchTokens(s).join(' ');

class Counts {
  tp = 0;
  fp = 0;
  fn = 0;
  add(predicted: readonly string[], expected: readonly string[]) {
    const p = new Set(predicted.map(norm));
    const e = new Set(expected.map(norm));
    for (const x of p) if (e.has(x)) this.tp++;
    else this.fp++;
    for (const x of e) if (!p.has(x)) this.fn++;
  }
  /** NaN when nothing was predicted (precision undefined) or nothing expected (recall undefined). */
  get precision() {
    return this.tp + this.fp === 0 ? NaN : this.tp / (this.tp + this.fp);
  }
  get recall() {
    return this.tp + this.fn === 0 ? NaN : this.tp / (this.tp + this.fn);
  }
  get f1() {
    const p = Number.isNaN(this.precision) ? 0 : this.precision;
    const r = Number.isNaN(this.recall) ? 0 : this.recall;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
}

/** An entity matches when the types agree and one text's words contain the other's ("camping" in "camping trip"). */
function entityMatches(a: { type: string; text: string }, b: { type: string; text: string }): boolean {
  if (a.type !== b.type) return false;
  const x = norm(a.text).split(' ');
  const y = norm(b.text).split(' ');
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

interface Row {
  engine: string;
  lang: string;
  n: number;
  keyPhrases: Counts;
  likes: Counts;
  dislikes: Counts;
  entities: Counts | null;
  task: number;
  language: number;
  heldOutTask: number | null;
  heldOutN: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

async function loadCompact(): Promise<CompactEngine> {
  const dir = join(root, 'public/models/catalogs/stickers');
  const manifest = parseCatalogManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  const items = JSON.parse(await readFile(join(dir, manifest.items), 'utf8')) as GazetteerItem[];
  const read = async (f: string) => JSON.parse(await readFile(join(root, 'public/models/compact-engine', f), 'utf8')) as unknown;
  return createCompactEngine({ items, categoryLabels: manifest.categoryLabels, taskModel: await read('task-classifier.json'), places: await read('places.json') });
}

const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : (x * 100).toFixed(1));
const prf = (c: Counts) => `${pct(c.precision)} / ${pct(c.recall)} / ${pct(c.f1)}`;

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

async function evaluate(engine: UnderstandingEngine, compact: CompactEngine | null, gold: Gold[], heldOut: { text: string; task: string; lang: string }[], lang: string, showErrors: boolean): Promise<Row> {
  const rows = lang === 'all' ? gold : gold.filter((g) => g.lang === lang);
  const row: Row = {
    engine: engine.name, lang, n: rows.length, keyPhrases: new Counts(), likes: new Counts(), dislikes: new Counts(),
    entities: compact ? new Counts() : null, task: 0, language: 0, heldOutTask: null, heldOutN: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0,
  };
  let taskOk = 0;
  let langOk = 0;
  for (const g of rows) {
    const x: TurnExtraction = parseTurnExtraction(await engine.extract(g.text, { previous: null }));
    row.keyPhrases.add(x.keyPhrases.map((p) => p.text), g.keyPhrases);
    row.likes.add(x.likes, g.likes);
    row.dislikes.add(x.dislikes, g.dislikes);
    if (x.task === g.task) taskOk++;
    if (x.language === g.lang) langOk++;
    if (compact && row.entities) {
      const predicted = compact.understand(g.text).entities;
      for (const p of predicted) if (g.entities.some((e) => entityMatches(p, e))) row.entities.tp++;
      else row.entities.fp++;
      for (const e of g.entities) if (!predicted.some((p) => entityMatches(p, e))) row.entities.fn++;
    }
    if (showErrors && lang === 'all') {
      const same = (a: readonly string[], b: readonly string[]) => a.map(norm).sort().join('|') === b.map(norm).sort().join('|');
      const bad = !same(x.keyPhrases.map((p) => p.text), g.keyPhrases) || !same(x.likes, g.likes) || !same(x.dislikes, g.dislikes) || x.task !== g.task;
      if (bad) {
        console.log(`${g.id} ${g.text}\n   got  kp=${x.keyPhrases.map((p) => p.text).join(';')} like=${x.likes.join(';')} dis=${x.dislikes.join(';')} task=${x.task}\n   want kp=${g.keyPhrases.join(';')} like=${g.likes.join(';')} dis=${g.dislikes.join(';')} task=${g.task}`);
      }
    }
  }
  row.task = rows.length ? taskOk / rows.length : 0;
  row.language = rows.length ? langOk / rows.length : 0;
  const held = lang === 'all' ? heldOut : heldOut.filter((h) => h.lang === lang);
  if (held.length) {
    let ok = 0;
    for (const h of held) if ((await engine.extract(h.text, { previous: null })).task === h.task) ok++;
    row.heldOutTask = ok / held.length;
    row.heldOutN = held.length;
  }
  // Time per turn, warm (one untimed pass first): every golden utterance, several passes.
  const times: number[] = [];
  const texts = [...rows.map((g) => g.text), ...held.map((h) => h.text)];
  for (let pass = 0; pass < 6; pass++) {
    for (const t of texts) {
      const t0 = performance.now();
      const x = await engine.extract(t, { previous: null });
      await engine.reply(x, { language: x.language, seed: pass });
      if (pass > 0) times.push(performance.now() - t0);
    }
  }
  row.meanMs = times.reduce((a, b) => a + b, 0) / times.length;
  row.p50Ms = percentile(times, 0.5);
  row.p95Ms = percentile(times, 0.95);
  row.p99Ms = percentile(times, 0.99);
  return row;
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : undefined;
  const showErrors = args.includes('--errors');
  const set = args.includes('--set') ? args[args.indexOf('--set') + 1] : 'dev';
  const goldFile = set === 'blind' ? 'extraction-blind.jsonl' : 'extraction.jsonl';
  const gold = await readJsonl(join(root, 'tests/golden/extraction', goldFile), GoldSchema);
  const heldOut = (await readJsonl(join(root, 'tests/golden/extraction/tasks.jsonl'), TaskExampleSchema)).filter((e) => e.split === 'test');
  const t0 = performance.now();
  const compact = await loadCompact();
  const loadMs = performance.now() - t0;
  const engines: [UnderstandingEngine, CompactEngine | null][] = [[compact, compact], [createBasicEngine(), null]];
  const out: Row[] = [];
  for (const [engine, c] of engines) {
    if (only && engine.name !== only) continue;
    for (const lang of ['en', 'ko', 'all']) out.push(await evaluate(engine, c, gold, heldOut, lang, showErrors));
  }
  console.log(`golden (${set}): tests/golden/extraction/${goldFile} (${gold.length} turns: en ${gold.filter((g) => g.lang === 'en').length}, ko ${gold.filter((g) => g.lang === 'ko').length}); task held-out: tasks.jsonl split=test (${heldOut.length})`);
  console.log(`compact engine load (read + parse items.json, build gazetteer, parse model): ${loadMs.toFixed(0)} ms`);
  console.log('P / R / F1 in %, micro-averaged over phrases; task and language: accuracy in %; time: extract + reply per turn, warm.\n');
  console.log('| engine | lang | turns | key phrases P / R / F1 | likes P / R / F1 | dislikes P / R / F1 | entities P / R / F1 | task acc (golden) | task acc (held-out, n) | language acc | ms/turn mean / p50 / p95 / p99 |');
  console.log('| --- | --- | ---: | --- | --- | --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of out) {
    console.log(`| ${r.engine} | ${r.lang} | ${r.n} | ${prf(r.keyPhrases)} | ${prf(r.likes)} | ${prf(r.dislikes)} | ${r.entities ? prf(r.entities) : 'n/a'} | ${pct(r.task)} | ${r.heldOutTask === null ? 'n/a' : `${pct(r.heldOutTask)} (${r.heldOutN})`} | ${pct(r.language)} | ${[r.meanMs, r.p50Ms, r.p95Ms, r.p99Ms].map((x) => x.toFixed(2)).join(' / ')} |`);
  }
}

await main();
