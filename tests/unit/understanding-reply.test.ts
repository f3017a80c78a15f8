// Issue 14's invariant over every labelled utterance (tests/golden/understanding, dev and blind): when
// the reply names a topic ("Here are some drink stickers"), the top of the feed shows it. Runs the
// product path in Node: understandTurn with the compact engine and the information node (as the llm
// worker does), the intent merge, then delivery with the registry's sources.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CatalogItem, parseCatalogItems, parseCatalogManifest } from '../../src/core/catalog.ts';
import { deliver } from '../../src/core/delivery.ts';
import { createCompactEngine, type CompactEngine } from '../../src/core/extract/engine.ts';
import { informationNode } from '../../src/core/extract/information.ts';
import { emptyIntent, type Intent, type TurnExtraction } from '../../src/core/intent.ts';
import { mergeIntent } from '../../src/core/intent-merge.ts';
import { type KnowledgeBase, parseKnowledge } from '../../src/core/knowledge/format.ts';
import { REPLY_MAX_NAMED } from '../../src/core/lang/pack.ts';
import { LANGUAGE_PACKS } from '../../src/core/lang/packs.ts';
import { buildLexicalIndex, type LexicalIndex, scorePhrases } from '../../src/core/lexical.ts';
import { understandTurn } from '../../src/core/understand.ts';

const TOP = 10;
/**
 * Utterances that still break the invariant (66 before the reply named only what the catalog knows,
 * 10 after; 6 on 2026-11-30 later, once 축하해 stems to 축하 not 축, a 하다 predicate's noun is its own
 * phrase and a place is cut out of the phrase it ends; 4 once small talk that implies a topic became a
 * new topic, checked here like any other, and the reply names the implied topics the feed's first
 * screen shows most of, src/core/implied-topics.ts); still 4 once a word the catalog lacks is read for
 * what it implies (informationNode's catalogItems: "bake → hot" passes, "결혼식 청첩장" now names rings
 * the hearts outrank): head-only matches outranked ("mother's day gift", "thanksgiving dinner",
 * "더워"). A ratchet: it may only go down (bench/RESULTS-knowledge.md). Since 2026-12-01 over dev2 too
 * (where "similar stuff pls" had replied "identical" and "only warm stuff" the opposite, "cool"): 7,
 * still 4 on dev and the old blind part ("더워" passes, "내일 딸 생일이에요" names the speech balloon),
 * and 3 on dev2: an occasion's name no catalog word matches ("st paddy's day pub crawl") and an implied
 * topic the first screen shows less of than its others (보름달 for 추석, 과자 for 빼빼로데이).
 * 3 once a concept's Korean name is its closest translation or the catalog's own title pair (a
 * birthday's "balloon" had been named 말풍선, the speech balloon; 빼빼로데이's cookie 과자) and a Korean
 * noun with its particles ("가족들이랑") is read as the concept itself; 2 once "mother's day gift" is the
 * gift beside the occasion. "결혼식 청첩장" (rings, which the hearts outrank) and "st paddy's day pub
 * crawl" (the occasion's name, which no catalog word matches) remain.
 */
const KNOWN_MISSES = 2;
const dir = 'public/models/catalogs/stickers';

interface Conversation { id: string; turns: string[]; kind: string; mustNotShow: string[] }
const conversations: Conversation[] = ['understanding-dev.jsonl', 'understanding-dev2.jsonl', 'understanding-blind.jsonl'].flatMap((f) =>
  readFileSync(`tests/golden/understanding/${f}`, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Conversation),
);

let items: CatalogItem[];
let lexical: LexicalIndex;
let engine: CompactEngine;
let kb: KnowledgeBase;

beforeAll(() => {
  const manifest = parseCatalogManifest(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')));
  items = parseCatalogItems(JSON.parse(readFileSync(`${dir}/${manifest.items}`, 'utf8')), manifest);
  lexical = buildLexicalIndex(items, manifest);
  const model = (f: string) => JSON.parse(readFileSync(`public/models/compact-engine/${f}`, 'utf8')) as unknown;
  engine = createCompactEngine({ items, categoryLabels: manifest.categoryLabels, taskModel: model('task-classifier.json'), places: model('places.json') });
  kb = parseKnowledge(JSON.parse(readFileSync('public/models/knowledge/knowledge.json', 'utf8')));
});

/** Words of the reply templates themselves ("coming right up"): a reply saying them names no topic. */
const TEMPLATE_WORDS = new Set(LANGUAGE_PACKS.flatMap((pk) => Object.values(pk.reply.templates).flat().flatMap((t) => t('', '').toLocaleLowerCase().split(/[^\p{L}]+/u))));

/**
 * The topics a reply may speak of: the said phrases and the implied ones by either name
 * (src/core/understand.ts replySubject, src/core/extract/engine.ts speakable). An implied topic that is
 * a word of a said phrase ("gift" in "mother's day gift") or of the template is not named on its own.
 */
function candidateTopics(x: TurnExtraction): { text: string; itemIds: string[] }[] {
  if (x.task === 'less_of' || x.task === 'start_over' || x.task === 'chit_chat') return [];
  // "only the ones that can't fly": the reply names what the feed leaves out ("same topic without fly").
  if (x.task === 'refine' && x.refineNot) return [];
  const saidWords = new Set(x.keyPhrases.flatMap((p) => p.text.toLocaleLowerCase().split(' ')));
  const implied = (x.expansions ?? []).flatMap((e) => [e.text, ...(e.label && e.label !== e.text ? [e.label] : [])]
    .filter((text) => !TEMPLATE_WORDS.has(text.toLocaleLowerCase()) && !saidWords.has(text.toLocaleLowerCase()))
    .map((text) => ({ text, itemIds: [...(e.itemIds ?? [])] })));
  return [...x.keyPhrases.map((p) => ({ text: p.text, itemIds: [] })), ...implied];
}

/** The reply names a phrase: it starts a word there (a Korean particle may follow). */
function names(reply: string, phrase: string): boolean {
  const p = phrase.toLocaleLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[\\s,.'"“‘(])${p}(?![a-z])`, 'u').test(reply.toLocaleLowerCase());
}

/** Does one of the feed's top items show this topic: its words match it, or it is the linked item. */
function shown(topic: { text: string; itemIds: readonly string[] }, top: readonly string[]): boolean {
  const rows = new Set(top.map((id) => items.findIndex((it) => it.id === id)));
  if (topic.itemIds.some((id) => top.includes(id))) return true;
  return [...scorePhrases(lexical, [{ text: topic.text, weight: 1 }]).keys()].some((i) => rows.has(i));
}

describe('understanding: the reply names only what the feed shows (issue 14)', () => {
  it('every labelled utterance: a topic the reply names is in the top of the feed', async () => {
    const failures: string[] = [];
    let named = 0;
    for (const c of conversations) {
      let intent: Intent = emptyIntent('test', 0);
      for (const [i, text] of c.turns.entries()) {
        const previous = intent;
        const outcome = await understandTurn(text, {
          engine, previous, turnId: `${c.id}-${i}`, catalogItems: (p) => engine.gazetteer.itemIdsOf(p),
          enrich: (extraction) => ({ ...extraction, ...informationNode({ text, extraction, previous, kb, catalogItems: (p) => engine.gazetteer.itemIdsOf(p) }) }),
        });
        if (outcome.kind !== 'understood') continue;
        intent = mergeIntent(intent, outcome.extraction, `t${i}`, i + 1).intent;
        const top = deliver({ items, lexical, intent, k: TOP }).map((e) => e.id);
        // A place counts as shown by its country's flag, linked by the expansion that came from it.
        const linked = outcome.extraction.expansions ?? [];
        for (const topic of candidateTopics(outcome.extraction)) {
          if (!names(outcome.reply, topic.text)) continue;
          const from = linked.filter((e) => e.from.toLocaleLowerCase().startsWith(topic.text.toLocaleLowerCase())).flatMap((e) => e.itemIds ?? []);
          topic.itemIds = [...topic.itemIds, ...from];
          named++;
          if (!shown(topic, top)) failures.push(`${c.id} turn ${i + 1} "${text}": reply "${outcome.reply}" names "${topic.text}", not in the top ${TOP}`);
        }
      }
    }
    expect(named).toBeGreaterThan(100);
    expect(failures.length, failures.join('\n')).toBeLessThanOrEqual(KNOWN_MISSES);
  }, 120_000);
});

describe('the reply names what leads the feed', () => {
  const replyTo = async (text: string) => {
    const previous = emptyIntent('test', 0);
    const outcome = await understandTurn(text, {
      engine, previous, turnId: 't0', catalogItems: (p) => engine.gazetteer.itemIdsOf(p),
      enrich: (extraction) => ({ ...extraction, ...informationNode({ text, extraction, previous, kb, catalogItems: (p) => engine.gazetteer.itemIdsOf(p) }) }),
    });
    return outcome.kind === 'understood' ? outcome.reply : '';
  };

  it('a told turn: what it means, not the word it mentions ("can\'t walk" after leg day)', async () => {
    const reply = await replyTo("leg day absolutely destroyed me, can't walk lol");
    expect(reply).not.toMatch(/\bwalk/i);
    expect(reply).toMatch(/lifting weights|gym|biceps/i);
  });

  it('a request: what it asks for, not what its place implies', async () => {
    expect(await replyTo("I'm flying to Seoul next week and want to try street food")).toMatch(/street food/i);
  });

  it('"similar stuff" is about the feed, not identity; an opposite property is never named', async () => {
    expect(await replyTo('similar stuff pls')).not.toMatch(/identical|equal/i);
  });
});

describe('an implied topic the reply was given to name stays named', () => {
  it('"고양이 보여줘", then "새해 복 많이 받으세요": the reply names the fireworks, not "what would you like"', async () => {
    const text = '새해 복 많이 받으세요';
    const first = await understandTurn('고양이 보여줘', { engine, previous: emptyIntent('test', 0), turnId: 't0' });
    if (first.kind !== 'understood') throw new Error('the first turn was not understood');
    const previous = mergeIntent(emptyIntent('test', 0), first.extraction, 't0', 1).intent;
    const outcome = await understandTurn(text, {
      engine, previous, turnId: 't1', catalogItems: (p) => engine.gazetteer.itemIdsOf(p),
      enrich: (extraction) => ({ ...extraction, ...informationNode({ text, extraction, previous, kb, catalogItems: (p) => engine.gazetteer.itemIdsOf(p) }) }),
    });
    expect(outcome.kind === 'understood' ? outcome.reply : '').toMatch(/불꽃|파티|축하|폭죽/);
  });
});
