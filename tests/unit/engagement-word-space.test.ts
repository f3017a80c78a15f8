// The catalog's word space and what the session and explore sources do with it: the contract the
// retrieval worker and the steering simulation share (bench/engagement/steering.ts).
import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../src/core/catalog.ts';
import { buildLexicalIndex } from '../../src/core/lexical.ts';
import { deliver } from '../../src/core/delivery.ts';
import { catalogStrata, coverCandidates } from '../../src/core/engagement/explore.ts';
import { noPictures, sessionInput } from '../../src/core/engagement/session-input.ts';
import { sessionCandidates } from '../../src/core/engagement/session-source.ts';
import { buildWordSpace, rowSimilarity, wordSessionVector } from '../../src/core/engagement/word-space.ts';
import { emptyIntent } from '../../src/core/intent.ts';
import { EXPLORE_EXPLANATION } from '../../src/core/fusion/sources/explore.ts';

const item = (id: string, title: string, tags: string[], category: string, sub: string, popularity = 0.5): CatalogItem => ({
  id, title, titles: {}, tags: { en: tags }, category, categories: [sub], safety: 'safe', popularity,
});
// Two dogs, a cat, two faces, a car, a bus: words shared within each kind.
const items: CatalogItem[] = [
  item('dog', 'dog', ['dog', 'pet', 'animal'], 'animals', 'mammal', 0.2),
  item('poodle', 'poodle', ['dog', 'poodle', 'animal'], 'animals', 'mammal', 0.1),
  item('cat', 'cat', ['cat', 'pet', 'animal'], 'animals', 'mammal', 0.3),
  item('grin', 'grinning face', ['face', 'smile'], 'smileys', 'face-smiling', 0.9),
  item('joy', 'joy face', ['face', 'smile', 'tears'], 'smileys', 'face-smiling', 0.8),
  item('car', 'car', ['car', 'vehicle'], 'travel', 'transport', 0.4),
  item('bus', 'bus', ['bus', 'vehicle'], 'travel', 'transport', 0.35),
];
const rowOf = new Map(items.map((it, i) => [it.id, i]));

describe('word space', () => {
  const space = buildWordSpace(items, ['tags', 'titles']);
  it('makes unit rows in which items sharing words are alike and others are not', () => {
    for (let r = 0; r < items.length; r++) expect(rowSimilarity(space, r, r)).toBeCloseTo(1, 5);
    expect(rowSimilarity(space, 0, 1)).toBeGreaterThan(rowSimilarity(space, 0, 2));
    expect(rowSimilarity(space, 0, 2)).toBeGreaterThan(0);
    expect(rowSimilarity(space, 0, 5)).toBe(0);
  });
  it('uses the category fields only when asked', () => {
    const withCategories = buildWordSpace(items);
    expect(rowSimilarity(space, 3, 0)).toBe(0);
    expect(rowSimilarity(withCategories, 0, 2)).toBeGreaterThan(rowSimilarity(space, 0, 2));
  });
  it('steers a catalog without pictures: a liked dog brings the other dog first, explained by the like', () => {
    const vector = wordSessionVector([{ itemId: 'dog', kind: 'like', at: 0 }], space, rowOf, 1000);
    const c = sessionCandidates({ session: null, items: noPictures(items.length), words: { space, vector }, k: 3, exclude: new Set([0]), liked: [{ itemIndex: 0, title: '🐶 dog' }] });
    expect(c.map((x) => items[x.itemIndex]!.id)).toEqual(['poodle', 'cat']);
    expect(c[0]!.reason).toEqual({ kind: 'liked', title: '🐶 dog' });
  });
  it('has no session vector from skips alone', () => {
    expect(wordSessionVector([{ itemId: 'dog', kind: 'skip', at: 0 }], space, rowOf, 1000)).toBeNull();
  });
});

describe('cold screens cover the catalog', () => {
  const strata = catalogStrata(items)!;
  it('show one item of each part first (heaviest part first), the most popular of it, then the parts shown least', () => {
    const first = coverCandidates({ strata, shown: [], k: 3 }).map((c) => items[c.itemIndex]!.id);
    expect(first).toEqual(['grin', 'cat', 'car']);
    const second = coverCandidates({ strata, shown: [2, 3, 5], k: 3 }).map((c) => items[c.itemIndex]!.id);
    expect(second).toEqual(['joy', 'dog', 'bus']);
  });
});

describe('the feed of a user who engaged with nothing', () => {
  const lexical = buildLexicalIndex(items, { formatVersion: 1, id: 't', name: 't', kind: 'stickers', itemCount: items.length, items: 'items.json' } as never);
  const cold = (intent: ReturnType<typeof emptyIntent> | null, liked: string[] = []) =>
    deliver({
      items, lexical, intent, k: 3,
      session: sessionInput({
        events: liked.map((id) => ({ itemId: id, kind: 'like', at: 0 })), rowOf, now: 1000, rows: items.length, pictures: null,
        words: buildWordSpace(items), liked: liked.map((id) => ({ itemIndex: rowOf.get(id)!, title: id })), shown: new Set(),
      })!,
    });
  it('explores, and says so', () => {
    const feed = cold(null);
    expect(feed.map((e) => e.id)).toEqual(['grin', 'cat', 'car']);
    expect(feed.every((e) => e.source === 'explore' && e.why === EXPLORE_EXPLANATION)).toBe(true);
  });
  it('after a like, leaves a screen of 3 to the session (exploration keeps 30% of a screen at most); stops when words are asked for', () => {
    expect(cold(null, ['car']).some((e) => e.source === 'explore')).toBe(false);
    const asked = { ...emptyIntent('u', 0), keyPhrases: [{ text: 'bus', weight: 1, lastTurn: 0 }] };
    const feed = cold(asked);
    expect(feed.some((e) => e.source === 'explore')).toBe(false);
    expect(feed[0]!.id).toBe('bus');
  });
});
