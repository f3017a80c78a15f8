// Lexical retrieval and ranking over the real shipped sticker catalog.
import { beforeAll, describe, expect, test } from 'vitest';
import type { CatalogItem } from '../../../src/core/catalog.ts';
import { deliver } from '../../../src/core/delivery.ts';
import { buildLexicalIndex, type LexicalIndex, scorePhrases } from '../../../src/core/lexical.ts';
import { intentOf, loadStickers } from './stickers.ts';

let items: CatalogItem[];
let lexical: LexicalIndex;
beforeAll(() => {
  ({ items, lexical } = loadStickers());
});
const byId = (id: string) => items.find((i) => i.id === id)!;
const cats = (ids: { id: string }[]) => ids.map((e) => byId(e.id).category);

describe('the shipped sticker catalog', () => {
  test('holds the 1,911 emojibase stickers keyed by hexcode, each with an image and en + ko text', () => {
    expect(items).toHaveLength(1911);
    expect(new Set(items.map((i) => i.id)).size).toBe(1911);
    expect(byId('1F355').title).toBe('pizza');
    expect(byId('1F355').titles.ko).toBeTruthy();
    expect(items.every((i) => i.image && /^images\/[0-9A-F-]+\.webp$/.test(i.image))).toBe(true);
    expect(items.filter((i) => (i.tags.ko?.length ?? 0) > 0).length).toBeGreaterThan(1800);
  });
});

describe('lexical ranking', () => {
  test('"food" fills the top with food & drink stickers, and says why', () => {
    const feed = deliver({ items, lexical, intent: intentOf({ keyPhrases: [{ text: 'food', weight: 1 }] }), k: 20 });
    expect(cats(feed).every((c) => c === 'food-drink')).toBe(true);
    expect(feed[0]!.why).toMatch(/because you said .food./);
    expect(feed[0]!.source).toBe('lexical');
  });

  test('Korean words match Korean titles and tags, with particles on the stored side handled by prefix', () => {
    const feed = deliver({ items, lexical, intent: intentOf({ keyPhrases: [{ text: '고양이', weight: 1 }], language: 'ko' }), k: 10 });
    expect(feed.every((e) => /cat/.test(byId(e.id).title))).toBe(true);
    const food = deliver({ items, lexical, intent: intentOf({ keyPhrases: [{ text: '음식', weight: 1 }], language: 'ko' }), k: 10 });
    expect(cats(food).filter((c) => c === 'food-drink').length).toBeGreaterThanOrEqual(9);
  });

  test('a misspelled or inflected word the catalog does not have finds its nearest spelling; a dislike never does', () => {
    const ids = (text: string) => deliver({ items, lexical, intent: intentOf({ keyPhrases: [{ text, weight: 1 }] }), k: 5 }).map((e) => e.id);
    expect(ids('bananna')).toContain('1F34C'); // banana
    expect(ids('pizzas')).toContain('1F355'); // pizza
    expect(ids('xqzvwk')).not.toContain('1F34C');
    // "no bananna" does not hide bananas: exclusions need the word itself.
    const feed = deliver({ items, lexical, intent: intentOf({ keyPhrases: [{ text: 'fruit', weight: 1 }], dislikes: ['bananna'] }), k: 40 });
    expect(feed.map((e) => e.id)).toContain('1F34C');
  });

  test('a phrase of several words prefers items matching all of them', () => {
    const hits = [...scorePhrases(lexical, [{ text: 'red apple', weight: 1 }]).values()].sort((a, b) => b.score - a.score);
    expect(byId(items[hits[0]!.item]!.id).title).toBe('red apple');
  });

  test('several interests are served together, weighted', () => {
    const feed = deliver({ items, lexical, intent: intentOf({ keyPhrases: [{ text: 'pizza', weight: 1 }, { text: 'cat', weight: 0.5 }] }), k: 10 });
    const titles = feed.map((e) => byId(e.id).title);
    expect(titles[0]).toBe('pizza');
    expect(titles.filter((t) => /cat/.test(t)).length).toBeGreaterThanOrEqual(5);
  });

  test('dislikes remove whole categories ("no animals") and single things ("no cats")', () => {
    const noAnimals = deliver({ items, lexical, intent: intentOf({ keyPhrases: [{ text: 'nature', weight: 1 }], dislikes: ['animals'] }), k: 50 });
    expect(noAnimals.length).toBe(50);
    expect(noAnimals.some((e) => /^(cat|dog|tiger|monkey)/.test(byId(e.id).title))).toBe(false);
    const noCats = deliver({ items, lexical, intent: intentOf({ keyPhrases: [{ text: 'animal', weight: 1 }], dislikes: ['cat'] }), k: 50 });
    expect(noCats.some((e) => /\bcat\b/.test(byId(e.id).title))).toBe(false);
    expect(noCats.some((e) => /\bdog\b/.test(byId(e.id).title))).toBe(true);
  });

  test('unsafe and excluded items never appear; popularity fills the rest', () => {
    const unsafeItems = items.map((it) => (it.id === '1F355' ? { ...it, safety: 'unsafe' as const } : it));
    const lx = buildLexicalIndex(unsafeItems);
    const feed = deliver({ items: unsafeItems, lexical: lx, intent: intentOf({ keyPhrases: [{ text: 'pizza', weight: 1 }] }), k: 24, exclude: new Set(['1F344-200D-1F7EB']) });
    expect(feed.some((e) => e.id === '1F355')).toBe(false);
    expect(feed.some((e) => e.id === '1F344-200D-1F7EB')).toBe(false);
    expect(feed).toHaveLength(24);
    expect(feed.at(-1)!.source).toBe('popular');
  });

  test('no intent gives the popular feed, deterministically', () => {
    const a = deliver({ items, lexical, intent: null, k: 24 });
    expect(a.map((e) => e.source).every((s) => s === 'popular')).toBe(true);
    expect(deliver({ items, lexical, intent: null, k: 24 })).toEqual(a);
  });
});
