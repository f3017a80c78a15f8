// The source registry's contract: the default rows keep today's weights and order, a new source is
// one row passed through the same mechanism (ranked and explained in its own words), and per-item
// penalties down-weight after fusion without changing why an item is shown.
import { beforeAll, describe, expect, test } from 'vitest';
import type { CatalogItem } from '../../../src/core/catalog.ts';
import { deliver, FEED_SOURCES } from '../../../src/core/delivery.ts';
import type { LexicalIndex } from '../../../src/core/lexical.ts';
import { applyPenalties } from '../../../src/core/fusion/penalty.ts';
import { rankCandidates } from '../../../src/core/fusion/rank.ts';
import { DEFAULT_FUSION_WEIGHTS, DEFAULT_SOURCES, weightsOf } from '../../../src/core/fusion/registry.ts';
import { defineSource } from '../../../src/core/fusion/retrieval-source.ts';
import { intentOf, loadStickers } from '../core/stickers.ts';

let items: CatalogItem[];
let lexical: LexicalIndex;
beforeAll(() => {
  ({ items, lexical } = loadStickers());
});
const idx = (id: string) => items.findIndex((i) => i.id === id);

describe('the default registry', () => {
  test('keeps the measured weights and the feed sources in their order', () => {
    expect(DEFAULT_FUSION_WEIGHTS).toEqual({ intent: 0.25, lexical: 1, knowledge: 1, u2i: 0.25, session: 0.5, explore: 1, similar: 0.5, topic: 0.3, popular: 0.05, fresh: 0.05 });
    expect(FEED_SOURCES).toEqual(['lexical', 'intent', 'knowledge', 'u2i', 'session', 'explore', 'similar', 'topic', 'popular', 'fresh']);
    expect(DEFAULT_SOURCES.every((s) => s.normalisation === 'max')).toBe(true);
  });

  test('refuses two sources with one id', () => {
    expect(() => weightsOf([...DEFAULT_SOURCES, DEFAULT_SOURCES[0]])).toThrow(RangeError);
  });
});

describe('a source added through the registry', () => {
  // Proposes two fixed stickers, only when the user has said something; says why in its own words.
  const picks = () => [idx('1F431'), idx('1F355')];
  const editorsPick = defineSource({
    id: 'editors',
    candidates: (ctx) => (ctx.intent ? picks().filter((i) => !ctx.blocked.has(i)).map((itemIndex, r) => ({ source: 'editors' as const, itemIndex, score: 2 - r })) : []),
    normalisation: 'max',
    weight: 2,
    explain: () => "the editors' pick",
  });

  // Without the topic source, whose pseudo-relevance feedback also favours pizza for "food": the
  // assertions below count the new row's weight against the word matches alone.
  const base = DEFAULT_SOURCES.filter((s) => s.id !== 'topic');

  test('is asked, ranked by its own weight and explained by its own words', () => {
    const intent = intentOf({ keyPhrases: [{ text: 'food', weight: 1 }] });
    const feed = deliver({ items, lexical, intent, k: 10, sources: [...base, editorsPick] });
    expect(feed[0]).toMatchObject({ id: '1F431', source: 'editors', why: "the editors' pick" });
    // Pizza is food too: lexical and the new source agree on it, and it outranks food the new source did not name.
    expect(feed[1]!.id).toBe('1F355');
    expect(feed.slice(2).every((e) => e.source === 'lexical')).toBe(true);
    // Without the row, the same request is today's feed.
    const plain = deliver({ items, lexical, intent, k: 10, sources: base });
    expect(plain.map((e) => e.id)).not.toContain('1F431');
  });

  test('honours the blocked set like every other source', () => {
    const intent = intentOf({ keyPhrases: [{ text: 'food', weight: 1 }] });
    const feed = deliver({ items, lexical, intent, k: 10, exclude: new Set(['1F431']), sources: [...base, editorsPick] });
    expect(feed.map((e) => e.id)).not.toContain('1F431');
    expect(feed[0]).toMatchObject({ id: '1F355', source: 'editors' });
  });
});

describe('penalties', () => {
  const candidates = [
    { source: 'lexical' as const, itemIndex: 0, score: 3, reason: { kind: 'said' as const, phrase: 'space' } },
    { source: 'lexical' as const, itemIndex: 1, score: 2, reason: { kind: 'said' as const, phrase: 'space' } },
    { source: 'lexical' as const, itemIndex: 2, score: 1, reason: { kind: 'said' as const, phrase: 'space' } },
  ];

  test('multiply the fused score after fusion; the explanation stays', () => {
    const { items: ranked } = rankCandidates({ candidates, k: 3, weights: { lexical: 1 }, penalties: new Map([[0, 0.5]]) });
    expect(ranked.map((r) => r.itemIndex)).toEqual([1, 0, 2]);
    expect(ranked[1]!.score).toBeCloseTo(0.5, 9);
    expect(ranked[1]!.explanation).toBe("because you said 'space'");
  });

  test('a factor of 1 changes nothing, 0 sends an item to the end, outside [0, 1] is refused', () => {
    const fused = [
      { itemIndex: 4, score: 1, contributions: [] },
      { itemIndex: 7, score: 0.5, contributions: [] },
    ];
    expect(applyPenalties(fused, new Map([[4, 1]]))).toEqual(fused);
    expect(applyPenalties(fused, new Map([[4, 0]])).map((f) => f.itemIndex)).toEqual([7, 4]);
    expect(() => applyPenalties(fused, new Map([[4, 1.5]]))).toThrow(RangeError);
    expect(() => applyPenalties(fused, new Map([[4, NaN]]))).toThrow(RangeError);
  });

  test('reach the feed through deliver', () => {
    const intent = intentOf({ keyPhrases: [{ text: 'food', weight: 1 }] });
    const plain = deliver({ items, lexical, intent, k: 5 });
    const top = idx(plain[0]!.id);
    const penalised = deliver({ items, lexical, intent, k: 5, penalties: new Map([[top, 0]]) });
    expect(penalised[0]!.id).not.toBe(plain[0]!.id);
    expect(penalised.map((e) => e.id)).not.toContain(plain[0]!.id);
  });
});
