// Measures the sticker feed after whole conversations (tests/golden/understanding/*.jsonl, specs in its
// README): each turn goes through the compact engine and the intent merge exactly as in the app, then
// the feed is delivered in Node with the lexical and popularity sources. The CLIP source is left out
// (it needs the encoder model; the demo model alone reaches R@10 0.058 on tag queries), and so is U2I
// (no user). Prints, per split and language: share of the top 10 that is relevant (and the best share
// any feed could reach: the catalog has only so many relevant items), must-show hit rate,
// must-not-show rate, and for nonsense turns how often a word-matching source claimed a match.
//
//   npx tsx tools/eval-understanding.ts [--product] [--knowledge | --knowledge-file PATH] [--split blind|blind2|dev|dev2|dev3|all] [--errors] [--each] [--slots]
//
// --slots tallies, per kind, language and source, how many top-10 slots were relevant and how many not.
//
// --knowledge-file evaluates another (candidate) knowledge file instead of the shipped one.
//
// --knowledge adds the knowledge layer's expansions (src/core/knowledge/) as extra weighted key phrases
// before delivery. THIS IS AN EVAL-ONLY INTEGRATION: the engine itself does not call the knowledge
// layer yet; expandIntentPhrases() is the function the real integration will call.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type CatalogItem, parseCatalogItems, parseCatalogManifest } from '../src/core/catalog.ts';
import { deliver } from '../src/core/delivery.ts';
import { createCompactEngine } from '../src/core/extract/engine.ts';
import { emptyIntent, type Intent, parseTurnExtraction } from '../src/core/intent.ts';
import { DECAY_PER_TURN, mergeIntent } from '../src/core/intent-merge.ts';
import { expandIntentPhrases, expandPhrases, type Expansion, refinementReaders } from '../src/core/knowledge/expand.ts';
import { informationNode } from '../src/core/extract/information.ts';
import { type KnowledgeBase, parseKnowledge } from '../src/core/knowledge/format.ts';
import { buildLexicalIndex } from '../src/core/lexical.ts';
import { matchTokens } from '../src/core/text.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
/** --product: the app's own path (information node inside the turn, registry sources); with or without the knowledge file. */
const product = args.includes('--product');
const useKnowledge = args.includes('--knowledge') || args.includes('--knowledge-file');
const split = args.includes('--split') ? args[args.indexOf('--split') + 1]! : 'all';
const showErrors = args.includes('--errors');
/** --each: one line per conversation (id, relevance, must-show missed, must-not-show shown), to diff two runs. */
const showEach = args.includes('--each');
/** --slots: where the top-10 slots go, per kind and source (relevant / not), to find what fills them. */
const showSlots = args.includes('--slots');
/** Another knowledge file to evaluate (a candidate build), instead of the shipped one. */
const knowledgeFile = args.includes('--knowledge-file') ? args[args.indexOf('--knowledge-file') + 1]! : join(root, 'public/models/knowledge/knowledge.json');
const K = 10;

const ConversationSchema = z.object({
  id: z.string(), lang: z.enum(['en', 'ko']), split: z.enum(['dev', 'blind', 'blind2', 'dev2', 'dev3']), kind: z.string(),
  turns: z.array(z.string().min(1)).min(1), mustShow: z.array(z.string()), mustNotShow: z.array(z.string()), relevant: z.array(z.string()),
}).strict();
type Conversation = z.infer<typeof ConversationSchema>;

const dir = join(root, 'public/models/catalogs/stickers');
const manifest = parseCatalogManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
const items = parseCatalogItems(JSON.parse(readFileSync(join(dir, manifest.items), 'utf8')), manifest);
const lexical = buildLexicalIndex(items, manifest);
const readModel = (f: string) => JSON.parse(readFileSync(join(root, 'public/models/compact-engine', f), 'utf8')) as unknown;
const engine = createCompactEngine({ items, categoryLabels: manifest.categoryLabels, taskModel: readModel('task-classifier.json'), places: readModel('places.json') });
const kb: KnowledgeBase | null = useKnowledge ? parseKnowledge(JSON.parse(readFileSync(knowledgeFile, 'utf8'))) : null;

// --- relevance specs (tests/golden/understanding/README.md)
const byId = new Map(items.map((it) => [it.id, it]));
const tokensOf = new Map<string, Set<string>>();
for (const it of items) {
  const texts = [it.title, ...Object.values(it.titles), ...Object.values(it.tags).flat()];
  tokensOf.set(it.id, new Set(texts.flatMap((t) => matchTokens(t))));
}
function matchesOne(it: CatalogItem, spec: string): boolean {
  const colon = spec.indexOf(':');
  const kind = spec.slice(0, colon);
  const value = spec.slice(colon + 1);
  switch (kind) {
    case 'id': return it.id === value;
    case 'cat': return it.category === value;
    case 'sub': return it.categories.includes(value);
    case 'flag': return it.categories.includes('country-flag') && (it.tags.en ?? []).includes(value);
    case 'tag': return matchTokens(value).every((t) => tokensOf.get(it.id)!.has(t));
    default: throw new Error(`Unknown spec "${spec}"`);
  }
}
export const matchesSpec = (it: CatalogItem, spec: string) => spec.split('&').every((part) => matchesOne(it, part));

// --- one conversation -> the feed after its last turn
function knowledgePhrases(kb: KnowledgeBase, intent: Intent, turns: readonly string[]): Expansion[] {
  // What the intent's phrases imply, plus what the turns' own words imply (the compact engine drops
  // words the catalog lacks, "thirsty", "Seoul", before they reach the intent). Older turns decay.
  const fromTurns = expandPhrases(kb, turns.map((t, i) => ({ text: t, weight: DECAY_PER_TURN ** (turns.length - 1 - i) })), intent.language);
  const fromIntent = expandIntentPhrases(kb, intent);
  const disliked = new Set(intent.dislikes.map((d) => d.text.toLowerCase()));
  const merged = new Map<string, Expansion>();
  for (const x of [...fromIntent, ...fromTurns]) {
    const k = x.text.toLowerCase();
    if (disliked.has(k)) continue;
    if (!merged.has(k) || merged.get(k)!.weight < x.weight) merged.set(k, x);
  }
  return [...merged.values()];
}

/**
 * The product path, as the llm and retrieval workers run it: each turn's extraction goes through the
 * information node (places, knowledge expansions of one hop, undo) before the merge, and delivery uses
 * the source registry (knowledge links included) with refinement and dislike recency.
 */
function runProduct(c: Conversation) {
  let intent = emptyIntent('eval', 0);
  c.turns.forEach((text, i) => {
    const x = parseTurnExtraction(engine.extract(text, { previous: intent, ...(kb ? { context: { expansions: [], places: [], ...refinementReaders(kb) } } : {}) }));
    const enriched = { ...x, ...informationNode({ text, extraction: x, previous: intent, kb, catalogItems: (phrase) => engine.gazetteer.itemIdsOf(phrase) }) };
    intent = mergeIntent(intent, enriched, `t${i}`, i + 1).intent;
  });
  const feed = deliver({ items, lexical, intent, k: K });
  const expansions = intent.expansions.map((e) => ({ text: e.text, weight: e.weight, reason: e.reason })) as unknown as Expansion[];
  return { intent, feed, expansions };
}

function run(c: Conversation) {
  if (product) return runProduct(c);
  let intent = emptyIntent('eval', 0);
  c.turns.forEach((text, i) => {
    const x = engine.extract(text, { previous: intent });
    intent = mergeIntent(intent, x, `t${i}`, i + 1).intent;
  });
  let expansions: Expansion[] = [];
  let delivered = intent;
  if (kb) {
    expansions = knowledgePhrases(kb, intent, c.turns);
    const literal = new Set(intent.keyPhrases.map((p) => p.text.toLowerCase()));
    delivered = { ...intent, keyPhrases: [...intent.keyPhrases, ...expansions.filter((x) => !literal.has(x.text.toLowerCase())).map((x) => ({ text: x.text, weight: x.weight, lastTurn: intent.turn }))] };
  }
  const feed = deliver({ items, lexical, intent: delivered, k: K });
  return { intent, feed, expansions };
}

// --- metrics
const files = ['understanding-blind.jsonl', 'understanding-dev.jsonl', 'understanding-blind2.jsonl', 'understanding-dev2.jsonl', 'understanding-dev3.jsonl'];
const conversations: Conversation[] = files.flatMap((f) => {
  try {
    return readFileSync(join(root, 'tests/golden/understanding', f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => ConversationSchema.parse(JSON.parse(l)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}).filter((c) => split === 'all' || c.split === split);

/** How many catalog items a conversation's relevance specs accept (cached per spec set). */
const relevantCounts = new Map<string, number>();
function relevantCount(c: Conversation): number {
  const key = c.relevant.join('|');
  let n = relevantCounts.get(key);
  if (n === undefined) relevantCounts.set(key, (n = items.filter((it) => c.relevant.some((s) => matchesSpec(it, s))).length));
  return n;
}

const slots = new Map<string, { good: number; bad: number }>();
interface Acc { n: number; relSum: number; relN: number; ceilSum: number; showHit: number; showN: number; notShown: number; notN: number; nonsense: number; nonsenseClaimed: number }
const acc = new Map<string, Acc>();
const get = (k: string) => acc.get(k) ?? acc.set(k, { n: 0, relSum: 0, relN: 0, ceilSum: 0, showHit: 0, showN: 0, notShown: 0, notN: 0, nonsense: 0, nonsenseClaimed: 0 }).get(k)!;
for (const c of conversations) {
  const { feed, expansions, intent } = run(c);
  const top = feed.slice(0, K).map((e) => byId.get(e.id)!);
  const rel = c.relevant.length ? top.filter((it) => c.relevant.some((s) => matchesSpec(it, s))).length / K : NaN;
  // The best any feed could score: the catalog's relevant items, at most K (a property of the labels).
  const ceiling = c.relevant.length ? Math.min(K, relevantCount(c)) / K : NaN;
  const missed = c.mustShow.filter((s) => !top.some((it) => matchesSpec(it, s)));
  const shownBad = c.mustNotShow.filter((s) => top.some((it) => matchesSpec(it, s)));
  const claimed = feed.slice(0, K).some((e) => e.source === 'lexical');
  if (showSlots) {
    feed.slice(0, K).forEach((e) => {
      const it = byId.get(e.id)!;
      const label = e.source === 'lexical' && e.why.includes('→') ? 'lexical-expansion' : e.source;
      const good = c.relevant.some((s) => matchesSpec(it, s));
      const key = `${c.kind} ${c.lang} ${label}`;
      const t = slots.get(key) ?? slots.set(key, { good: 0, bad: 0 }).get(key)!;
      if (good) t.good++; else t.bad++;
    });
  }
  for (const key of [`${c.split} ${c.lang}`, `${c.split} all`, `kind ${c.kind} ${c.lang}`]) {
    const a = get(key);
    a.n++;
    if (!Number.isNaN(rel)) { a.relSum += rel; a.ceilSum += ceiling; a.relN++; }
    a.showN += c.mustShow.length; a.showHit += c.mustShow.length - missed.length;
    a.notN += c.mustNotShow.length; a.notShown += shownBad.length;
    if (c.kind === 'nonsense') { a.nonsense++; if (claimed) a.nonsenseClaimed++; }
  }
  if (showEach) console.log(`${c.id} rel=${Number.isNaN(rel) ? '-' : rel.toFixed(1)} missed=${missed.join(',')} bad=${shownBad.join(',')}${c.kind === 'nonsense' && claimed ? ' claimed' : ''}`);
  if (showErrors && (missed.length || shownBad.length || (!Number.isNaN(rel) && rel < 0.8) || (c.kind === 'nonsense' && claimed))) {
    console.log(`${c.id} rel=${Number.isNaN(rel) ? '-' : rel.toFixed(1)}${Number.isNaN(ceiling) ? '' : `/${ceiling.toFixed(1)}`} missed=${missed.join(',')} bad=${shownBad.join(',')} | ${c.turns.join(' / ')}`);
    console.log(`   phrases: ${intent.keyPhrases.map((p) => `${p.text}:${p.weight.toFixed(2)}`).join(', ')} dislikes: ${intent.dislikes.map((d) => d.text).join(',')}`);
    if (expansions.length) console.log(`   expansions: ${expansions.slice(0, 8).map((x) => `${x.text}:${x.weight.toFixed(2)} (${x.reason})`).join('; ')}`);
    console.log(`   top: ${feed.slice(0, K).map((e) => `${byId.get(e.id)!.title}${c.relevant.some((s) => matchesSpec(byId.get(e.id)!, s)) ? '+' : ''} [${e.source[0]}]`).join(' | ')}`);
  }
}
if (showSlots) {
  console.log('| kind lang source | relevant | not |\n| --- | --- | --- |');
  for (const [k, t] of [...slots].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`| ${k} | ${t.good} | ${t.bad} |`);
}
const f3 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
console.log(`Understanding eval (${useKnowledge ? 'with knowledge expansion' : 'engine alone'}), top ${K} of the sticker feed, lexical + popularity sources (no CLIP, no U2I).`);
console.log('| part | n | relevance@10 | best possible | must-show hit | must-not-show rate | nonsense claimed |\n| --- | --- | --- | --- | --- | --- | --- |');
for (const [k, a] of [...acc].sort((x, y) => (x[0].startsWith('kind') === y[0].startsWith('kind') ? x[0].localeCompare(y[0]) : x[0].startsWith('kind') ? 1 : -1))) {
  console.log(`| ${k} | ${a.n} | ${f3(a.relSum / a.relN)} | ${f3(a.ceilSum / a.relN)} | ${f3(a.showHit / a.showN)} (${a.showHit}/${a.showN}) | ${f3(a.notShown / a.notN)} (${a.notShown}/${a.notN}) | ${a.nonsense ? `${a.nonsenseClaimed}/${a.nonsense}` : '-'} |`);
}
