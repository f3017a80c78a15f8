// The CLIP source's calibrated "no match" floor: a hit below it contributes nothing (no candidate, no
// "looks like" reason); at or above it, the hit is fused as before.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CatalogItem } from '../../../src/core/catalog.ts';
import { deliver } from '../../../src/core/delivery.ts';
import { aboveClipFloor } from '../../../src/core/fusion/sources/clip.ts';
import type { LexicalIndex } from '../../../src/core/lexical.ts';
import { intentOf, loadStickers } from '../core/stickers.ts';

let items: CatalogItem[];
let lexical: LexicalIndex;
beforeAll(() => {
  ({ items, lexical } = loadStickers());
});
const idx = (id: string) => items.findIndex((i) => i.id === id);

describe('clipFloor', () => {
  test('a nonsense phrase whose best picture is below the floor claims nothing', () => {
    const intent = intentOf({ keyPhrases: [{ text: 'xqzvwk', weight: 1 }] });
    const hits = [{ item: idx('1F355'), score: 0.41, because: [{ phrase: 'xqzvwk' }] }, { item: idx('1F431'), score: 0.39, because: [{ phrase: 'xqzvwk' }] }];
    const without = deliver({ items, lexical, intent, k: 10, intentHits: hits });
    expect(without[0]!.source).toBe('intent');
    expect(without[0]!.why).toMatch(/looks like/);
    const floored = deliver({ items, lexical, intent, k: 10, intentHits: hits, clipFloor: 0.5 });
    expect(floored.some((e) => e.source === 'intent')).toBe(false);
    expect(floored.some((e) => /looks like/.test(e.why))).toBe(false);
    // Nothing else matched either: the feed is the popular one, as with no CLIP hits at all.
    expect(floored).toEqual(deliver({ items, lexical, intent, k: 10 }));
  });

  test('the floor applies where it was calibrated: to phrases the catalog does not know', () => {
    const pizza = idx('1F355');
    const taco = idx('1F32E');
    // A phrase with word matches keeps its picture hits, even below the floor: they re-rank related items.
    const known = intentOf({ keyPhrases: [{ text: 'cheese', weight: 1 }] });
    const knownHits = [{ item: taco, score: 0.3, because: [{ phrase: 'cheese' }] }, { item: pizza, score: 0.9, because: [{ phrase: 'cheese' }] }];
    const fed = deliver({ items, lexical, intent: known, k: 10, intentHits: knownHits, clipFloor: 0.5 });
    expect(fed[0]!.id).toBe('1F355');
    expect(fed.map((e) => e.id)).toContain('1F32E');
    // A phrase no item's words know: below the floor its picture hits are dropped, at or above they stay.
    const unknown = intentOf({ keyPhrases: [{ text: 'zyxwv', weight: 1 }] });
    const unknownHits = [{ item: taco, score: 0.3, because: [{ phrase: 'zyxwv' }] }, { item: pizza, score: 0.9, because: [{ phrase: 'zyxwv' }] }];
    const honest = deliver({ items, lexical, intent: unknown, k: 10, intentHits: unknownHits, clipFloor: 0.5 }).map((e) => e.id);
    expect(honest).toContain('1F355');
    expect(honest).not.toContain('1F32E');
    expect(deliver({ items, lexical, intent: unknown, k: 10, intentHits: unknownHits }).map((e) => e.id)).toContain('1F32E');
  });

  test('the floor applies to the cosine, not to the phrase-weighted score', () => {
    const hits = [{ item: 1, score: 0.3, because: [{ phrase: 'Cat' }] }, { item: 2, score: 0.2, because: [{ phrase: 'cat' }] }];
    // Weight 0.5: scores 0.3 and 0.2 are cosines 0.6 and 0.4.
    expect(aboveClipFloor(hits, 0.5, new Map([['cat', 0.5]])).map((h) => h.item)).toEqual([1]);
    expect(aboveClipFloor(hits, 0.5).map((h) => h.item)).toEqual([]);
    expect(aboveClipFloor(hits, undefined)).toBe(hits);
  });

  test('the shipped calibration names the model and a floor in the cosine range', () => {
    const cal = JSON.parse(readFileSync('public/models/clip-mini/calibration.json', 'utf8')) as { modelId: string; noMatchFloor: number; date: string; measuredOn: unknown };
    const identity = JSON.parse(readFileSync('public/models/clip-mini/identity.json', 'utf8')) as { modelId: string };
    expect(cal.modelId).toBe(identity.modelId);
    expect(cal.noMatchFloor).toBeGreaterThan(-1);
    expect(cal.noMatchFloor).toBeLessThan(1);
    expect(cal.measuredOn).toBeTruthy();
    expect(cal.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
