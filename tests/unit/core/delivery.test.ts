// The fused delivery path on the real sticker catalog: lexical + CLIP-like intent hits + U2I + popularity.
import { beforeAll, describe, expect, test } from 'vitest';
import type { CatalogItem } from '../../../src/core/catalog.ts';
import { deliver } from '../../../src/core/delivery.ts';
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
