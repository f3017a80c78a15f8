// The product's path from chat turns to the sticker feed, shared by the knowledge tests: each turn's
// extraction (with the knowledge layer's property reader), its information node and the intent merge,
// as the llm worker runs them; then the feed as delivery ranks it (lexical and popularity sources).
import { readFileSync } from 'node:fs';
import { type CatalogItem, parseCatalogItems, parseCatalogManifest } from '../../../src/core/catalog.ts';
import { deliver } from '../../../src/core/delivery.ts';
import { informationNode } from '../../../src/core/extract/information.ts';
import { emptyIntent, type Intent, parseTurnExtraction } from '../../../src/core/intent.ts';
import { mergeIntent } from '../../../src/core/intent-merge.ts';
import { refinementReaders } from '../../../src/core/knowledge/expand.ts';
import { type KnowledgeBase, parseKnowledge } from '../../../src/core/knowledge/format.ts';
import { buildLexicalIndex } from '../../../src/core/lexical.ts';
import { items as rawItems, manifest as rawManifest, stickerEngine } from '../extract/fixtures.ts';

export const engine = stickerEngine();
const manifest = parseCatalogManifest(rawManifest);
export const items = parseCatalogItems(rawItems, manifest);
const lexical = buildLexicalIndex(items, manifest);
export const kb: KnowledgeBase = parseKnowledge(JSON.parse(readFileSync('public/models/knowledge/knowledge.json', 'utf8')));

/** The intent after `texts`, one turn each, and the top 10 of the feed for it. */
export function productTurns(...texts: string[]): { intent: Intent; top: CatalogItem[] } {
  let intent = emptyIntent('u', 0);
  texts.forEach((text, i) => {
    const x = parseTurnExtraction(engine.extract(text, { previous: intent, context: { expansions: [], places: [], ...refinementReaders(kb) } }));
    const enriched = parseTurnExtraction({ ...x, ...informationNode({ text, extraction: x, previous: intent, kb, catalogItems: (p) => engine.gazetteer.itemIdsOf(p) }) });
    intent = mergeIntent(intent, enriched, `t${i}`, i + 1).intent;
  });
  return { intent, top: deliver({ items, lexical, intent, k: 10 }).map((e) => items.find((it) => it.id === e.id)!) };
}
