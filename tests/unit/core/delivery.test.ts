// The fused delivery path on the real sticker catalog: lexical + CLIP-like intent hits + U2I + popularity.
import { beforeAll, describe, expect, test } from 'vitest';
import type { CatalogItem } from '../../../src/core/catalog.ts';
import { deliver, pictureDislikes } from '../../../src/core/delivery.ts';
import { buildLexicalIndex, type LexicalIndex } from '../../../src/core/lexical.ts';
import { intentOf, loadStickers } from './stickers.ts';

let items: CatalogItem[];
let lexical: LexicalIndex;
beforeAll(() => {
  ({ items, lexical } = loadStickers());
});
const idx = (id: string) => items.findIndex((i) => i.id === id);
const cat = (id: string) => items[idx(id)]!.category;

describe('deliver', () => {
  test('lexical alone: "food" gives food & drink with the reason', () => {
    const feed = deliver({ items, lexical, intent: intentOf({ keyPhrases: [{ text: 'food', weight: 1 }] }), k: 20 });
    expect(feed).toHaveLength(20);
    expect(feed.every((e) => cat(e.id) === 'food-drink')).toBe(true);
    expect(feed[0]!.why).toBe("because you said 'food'");
    expect(feed[0]!.source).toBe('lexical');
  });

  test('intent hits (CLIP) join the lexical ones; an item both sources agree on wins', () => {
    const pizza = idx('1F355');
    const taco = idx('1F32E');
    // "cheese": lexically the cheese wedge (title) beats pizza (tag); CLIP also likes pizza: together pizza wins.
    const intent = intentOf({ keyPhrases: [{ text: 'cheese', weight: 1 }] });
    const lexicalOnly = deliver({ items, lexical, intent, k: 10 });
    expect(lexicalOnly[0]!.id).toBe('1F9C0');
    const feed = deliver({ items, lexical, intent, k: 10, intentHits: [{ item: taco, score: 0.4, because: [{ phrase: 'cheese' }] }, { item: pizza, score: 0.9, because: [{ phrase: 'cheese' }] }] });
    expect(feed[0]!.id).toBe('1F355');
    expect(feed[0]!.why).toBe("because you said 'cheese'");
    expect(feed.map((e) => e.id)).toContain('1F32E'); // proposed by CLIP alone
  });

  test('dislikes, unsafe items and excluded ids never appear, whichever source proposes them', () => {
    const unsafeItems = items.map((it) => (it.id === '1F355' ? { ...it, safety: 'unsafe' as const } : it));
    const intent = intentOf({ keyPhrases: [{ text: 'pizza', weight: 1 }, { text: 'food', weight: 0.5 }], dislikes: ['cat'] });
    const cat1 = items.findIndex((i) => i.title === 'cat');
    const feed = deliver({
      items: unsafeItems, lexical, intent, k: 30, exclude: new Set(['1F354']),
      intentHits: [{ item: idx('1F355'), score: 1, because: [{ phrase: 'pizza' }] }, { item: cat1, score: 1, because: [{ phrase: 'pizza' }] }],
    });
    const ids = feed.map((e) => e.id);
    expect(ids).not.toContain('1F355');
    expect(ids).not.toContain('1F354');
    expect(ids).not.toContain(items[cat1]!.id);
  });

  test('a U2I vector personalises the cold feed and says so', () => {
    const dim = 4;
    const data = new Float32Array(items.length * dim);
    items.forEach((it, i) => data.set(it.category === 'flags' ? [1, 0, 0, 0] : [0, 1, 0, 0], i * dim));
    const u2i = { user: new Float32Array([1, 0, 0, 0]), items: { rows: items.length, dim, data } };
    const feed = deliver({ items, lexical, intent: null, k: 10, u2i });
    expect(feed.filter((e) => cat(e.id) === 'flags').length).toBeGreaterThanOrEqual(8);
    expect(feed[0]!.why).toMatch(/taste|liked/);
    const cold = deliver({ items, lexical, intent: null, k: 10 });
    expect(cold.every((e) => e.source === 'popular')).toBe(true);
  });
});

describe('pictureDislikes: "no cats" for items that only have pictures', () => {
  const hits = (pairs: [number, number][], complete = false) => ({ hits: pairs.map(([item, score]) => ({ item, score })), complete });

  test('an item near the disliked phrase and nearer to it than to the wanted one is disliked', () => {
    // Item 0 looks like a cat, item 1 like a banana; the user says "no cats, a banana".
    const cat = hits([[0, 0.31], [1, 0.12], [2, 0.05]], true);
    const banana = hits([[1, 0.33], [0, 0.28], [2, 0.02]], true);
    expect([...pictureDislikes([cat], [banana], 1)]).toEqual([0]);
  });

  test('an item closer to a wanted phrase than to the disliked one is kept', () => {
    const cat = hits([[0, 0.31]], false);
    const wanted = hits([[0, 0.4], [5, 0.2]], false);
    expect(pictureDislikes([cat], [wanted], 1).size).toBe(0);
  });

  test('outside the wanted hits, only a disliked score above the last wanted score proves it; otherwise keep', () => {
    const wanted = hits([[7, 0.5], [8, 0.3]], false);
    expect([...pictureDislikes([hits([[3, 0.35]])], [wanted], 1)]).toEqual([3]);
    expect(pictureDislikes([hits([[3, 0.25]])], [wanted], 1).size).toBe(0);
  });

  test('only the `top` nearest items of a disliked phrase can be disliked; no wanted phrase means near is enough', () => {
    const cat = hits([[0, 0.3], [1, 0.29], [2, 0.1]], true);
    expect([...pictureDislikes([cat], [], 2)].sort()).toEqual([0, 1]);
  });
});
