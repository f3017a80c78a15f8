// Measures what the knowledge layer costs: the shipped file's size (raw and gzip), the time to parse
// it once at load, and the time it adds per chat turn (expandPhrases over the turn's text plus
// expandIntentPhrases over an intent of typical size), p50/p95 over every turn of the dev, dev2 and
// old blind conversations in tests/golden/understanding/; and, separately, the product's whole knowledge step
// per turn, the information node (places, expansions, occasions, the statement reading, undo), after
// the compact engine's extraction (not timed). Prints a Markdown table.
//
//   npx tsx bench/knowledge/run.ts
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expandIntentPhrases, expandPhrases } from '../../src/core/knowledge/expand.ts';
import { parseKnowledge } from '../../src/core/knowledge/format.ts';
import { prepareMatching } from '../../src/core/knowledge/match.ts';
import { findPlaces } from '../../src/core/knowledge/places.ts';
import { parseCatalogItems, parseCatalogManifest } from '../../src/core/catalog.ts';
import { createCompactEngine } from '../../src/core/extract/engine.ts';
import { informationNode } from '../../src/core/extract/information.ts';
import { emptyIntent, parseTurnExtraction, type Intent } from '../../src/core/intent.ts';
import { mergeIntent } from '../../src/core/intent-merge.ts';
import { propertyItemsReader } from '../../src/core/knowledge/expand.ts';

const FILE = 'public/models/knowledge/knowledge.json';
const WARMUP_ROUNDS = 2;
const ROUNDS = 5;

const LOAD_ROUNDS = 5;
const gz = gzipSync(readFileSync(FILE), { level: 9 }).length;
/** Load = read the file (as fetch would hand it over) + JSON.parse + parseKnowledge + prepareMatching; median of a few cold loads. */
const loads: { read: number; json: number; index: number; total: number }[] = [];
let raw = Buffer.alloc(0);
let kb!: ReturnType<typeof parseKnowledge>;
for (let r = 0; r < LOAD_ROUNDS; r++) {
  const t0 = performance.now();
  raw = readFileSync(FILE);
  const text = raw.toString('utf8');
  const t1 = performance.now();
  const json = JSON.parse(text) as unknown;
  const t2 = performance.now();
  kb = parseKnowledge(json);
  // As the llm worker loads it: the matcher's own index is built with the file, not in the first turn.
  prepareMatching(kb);
  const t3 = performance.now();
  loads.push({ read: t1 - t0, json: t2 - t1, index: t3 - t2, total: t3 - t0 });
}
loads.sort((a, b) => a.total - b.total);
const load = loads[Math.floor(LOAD_ROUNDS / 2)]!;

const turns: { text: string; lang: 'en' | 'ko' }[] = [];
const conversations: string[][] = [];
for (const f of ['understanding-blind.jsonl', 'understanding-dev.jsonl', 'understanding-dev2.jsonl']) {
  for (const line of readFileSync(`tests/golden/understanding/${f}`, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as { lang: 'en' | 'ko'; turns: string[] };
    for (const t of c.turns) turns.push({ text: t, lang: c.lang });
    conversations.push(c.turns);
  }
}

/** One turn's work: places, the turn's own words, and an intent of a few phrases. */
function turn(t: { text: string; lang: 'en' | 'ko' }) {
  findPlaces(kb, t.text);
  const fromText = expandPhrases(kb, [{ text: t.text, weight: 1 }], t.lang);
  const words = t.text.split(/\s+/).slice(0, 4);
  expandIntentPhrases(kb, { keyPhrases: words.map((w, i) => ({ text: w, weight: 1 - i * 0.1 })), likes: [], dislikes: [], language: t.lang });
  return fromText.length;
}

const firstRound: number[] = [];
// The first pass over all turns on the freshly loaded file: edges and senses are decoded on first use.
for (const t of turns) {
  const s = performance.now();
  turn(t);
  firstRound.push(performance.now() - s);
}
for (let r = 1; r < WARMUP_ROUNDS; r++) for (const t of turns) turn(t);
const times: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const t of turns) {
    const s = performance.now();
    turn(t);
    times.push(performance.now() - s);
  }
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(`Knowledge layer: ${kb.concepts.length} concepts, ${kb.surfaces.size} surface forms, ${kb.edges.reduce((a, l) => a + l.length, 0)} edges, ${kb.relations.length} relations`);
console.log('| measure | value |\n| --- | --- |');
console.log(`| ${FILE} raw | ${(raw.length / 1e6).toFixed(2)} MB (${raw.length} bytes) |`);
console.log(`| gzip -9 | ${(gz / 1e6).toFixed(2)} MB (${gz} bytes) |`);
console.log(`| load: read + JSON.parse + parseKnowledge + prepareMatching (median of ${LOAD_ROUNDS}) | ${load.total.toFixed(0)} ms (read ${load.read.toFixed(0)}, JSON.parse ${load.json.toFixed(0)}, validate + index ${load.index.toFixed(0)}) |`);
console.log(`| per turn, p50 (${times.length} turns: ${turns.length} x ${ROUNDS}) | ${q(0.5).toFixed(3)} ms |`);
console.log(`| per turn, p95 | ${q(0.95).toFixed(3)} ms |`);
console.log(`| per turn, max | ${times[times.length - 1]!.toFixed(3)} ms |`);
firstRound.sort((a, b) => a - b);
console.log(`| per turn, first pass after load (${firstRound.length} turns): p95 / max | ${firstRound[Math.floor(0.95 * firstRound.length)]!.toFixed(3)} / ${firstRound[firstRound.length - 1]!.toFixed(3)} ms |`);

// The product's knowledge step: the information node of each turn, as the llm worker runs it, over
// whole conversations (the previous intent matters: undo, refinements), after warm-up rounds.
const dir = 'public/models/catalogs/stickers';
const manifest = parseCatalogManifest(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')));
const items = parseCatalogItems(JSON.parse(readFileSync(`${dir}/${manifest.items}`, 'utf8')), manifest);
const model = (f: string) => JSON.parse(readFileSync(`public/models/compact-engine/${f}`, 'utf8')) as unknown;
const engine = createCompactEngine({ items, categoryLabels: manifest.categoryLabels, taskModel: model('task-classifier.json'), places: model('places.json') });
const nodeTimes: number[] = [];
function conversation(turnsOf: string[], record: boolean): void {
  let intent: Intent = emptyIntent('bench', 0);
  turnsOf.forEach((text, i) => {
    const x = parseTurnExtraction(engine.extract(text, { previous: intent, context: { expansions: [], places: [], itemsWithProperty: propertyItemsReader(kb) } }));
    const s = performance.now();
    const node = informationNode({ text, extraction: x, previous: intent, kb, catalogItems: (phrase) => engine.gazetteer.itemIdsOf(phrase) });
    if (record) nodeTimes.push(performance.now() - s);
    intent = mergeIntent(intent, { ...x, ...node }, `t${i}`, i + 1).intent;
  });
}
for (let r = 0; r < WARMUP_ROUNDS; r++) for (const c of conversations) conversation(c, false);
for (let r = 0; r < ROUNDS; r++) for (const c of conversations) conversation(c, true);
nodeTimes.sort((a, b) => a - b);
const nq = (p: number) => nodeTimes[Math.min(nodeTimes.length - 1, Math.floor(p * nodeTimes.length))]!;
console.log(`| information node per turn (the product's knowledge step), p50 / p95 / max (${nodeTimes.length} turns) | ${nq(0.5).toFixed(3)} / ${nq(0.95).toFixed(3)} / ${nodeTimes[nodeTimes.length - 1]!.toFixed(3)} ms |`);
