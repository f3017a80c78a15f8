// lexical.ts on MiniSearch: words as people type them find their items, every hit says which phrase
// matched, and exclusions stay exact.
import { beforeAll, describe, expect, test } from 'vitest';
import type { CatalogItem } from '../../../src/core/catalog.ts';
import { buildLexicalIndex, dislikedItems, type LexicalIndex, scorePhrases } from '../../../src/core/lexical.ts';
import { intentOf, loadStickers } from './stickers.ts';

let items: CatalogItem[];
let lexical: LexicalIndex;
beforeAll(() => {
  ({ items, lexical } = loadStickers());
});
const top = (ix: LexicalIndex, text: string, n = 10) =>
  [...scorePhrases(ix, [{ text, weight: 1 }]).values()].sort((a, b) => b.score - a.score || a.item - b.item).slice(0, n);
const titles = (hs: { item: number }[]) => hs.map((h) => items[h.item]!.title);

describe('wanted phrases, as typed', () => {
  test('a dropped letter, a plural and a Korean particle find the word', () => {
    expect(titles(top(lexical, 'bnana'))).toContain('banana');
    expect(titles(top(lexical, 'tigers'))).toContain('tiger');
    expect(titles(top(lexical, '고양이가')).some((t) => /cat/.test(t))).toBe(true);
    // A one-syllable noun with a particle: the Korean stemmer finds "물" (water) in "물을".
    expect(top(lexical, '물을').length).toBeGreaterThan(0);
  });

  test('every hit says which phrase matched and the item text it matched', () => {
    const hits = [...scorePhrases(lexical, [{ text: 'pizza', weight: 1 }, { text: 'cheese', weight: 0.5 }]).values()];
    const pizza = hits.find((h) => items[h.item]!.id === '1F355')!;
    expect(pizza.because.map((b) => b.phrase).sort()).toEqual(['cheese', 'pizza']);
    expect(pizza.because.find((b) => b.phrase === 'pizza')!.matched).toBe('pizza');
    expect(pizza.because.find((b) => b.phrase === 'cheese')!.matched).toBe('cheese');
    expect(JSON.parse(JSON.stringify(pizza.because[0]))).toHaveProperty('matched');
  });

  test('an exact word outranks its near spellings; a phrase weighs by its weight', () => {
    const cat = top(lexical, 'cat', 3);
    expect(cat[0]!.score).toBeGreaterThan(0);
    expect(titles(cat)[0]).toMatch(/cat/);
    const half = [...scorePhrases(lexical, [{ text: 'cat', weight: 0.5 }]).values()].sort((a, b) => b.score - a.score)[0]!;
    expect(half.score).toBeCloseTo(cat[0]!.score * 0.5, 6);
  });

  test('nonsense matches nothing', () => {
    expect(top(lexical, 'xqzvwk')).toHaveLength(0);
  });
});

describe('exclusions stay exact', () => {
  test('"no cats" excludes cats, not words that start like "cat" or are one edit away', () => {
    const mini = [
      { id: 'a', title: 'cat', titles: {}, tags: { en: ['pet'] }, category: 'animals', categories: [], safety: 'safe', popularity: 0 },
      { id: 'b', title: 'catalogue', titles: {}, tags: { en: ['book'] }, category: 'objects', categories: [], safety: 'safe', popularity: 0 },
      { id: 'c', title: 'cart', titles: {}, tags: { en: ['shop'] }, category: 'objects', categories: [], safety: 'safe', popularity: 0 },
      { id: 'd', title: 'bat', titles: {}, tags: { en: ['cats', 'night'] }, category: 'animals', categories: [], safety: 'safe', popularity: 0 },
    ] as unknown as CatalogItem[];
    const ix = buildLexicalIndex(mini);
    const out = dislikedItems(ix, intentOf({ dislikes: ['cats'] }));
    expect([...out].map((i) => mini[i]!.id).sort()).toEqual(['a', 'd']);
    // The wanted side does reach the near words.
    expect([...scorePhrases(ix, [{ text: 'cats', weight: 1 }]).keys()].map((i) => mini[i]!.id)).toEqual(expect.arrayContaining(['a', 'b', 'd']));
  });

  test('on the sticker catalog, "no cat" hides every cat and nothing merely near it', () => {
    const out = dislikedItems(lexical, intentOf({ dislikes: ['cat'] }));
    const hidden = [...out].map((i) => items[i]!.title);
    expect(hidden).toContain('cat');
    expect(hidden.some((t) => /catalog|cattle|cart\b/.test(t))).toBe(false);
  });
});

describe('tags used in a rare sense (CatalogItem.rareTags)', () => {
  const item = (id: string, tags: string[], rareTags?: string[]): CatalogItem => ({
    id, title: id, titles: {}, tags: { en: tags }, ...(rareTags ? { rareTags: { en: rareTags } } : {}), category: 'objects', categories: [], safety: 'safe', popularity: 0,
  });
  const ix = buildLexicalIndex([item('petri dish', ['bacteria', 'culture', 'lab'], ['culture']), item('theatre masks', ['culture', 'art'])]);
  const ranked = (text: string) => top(ix, text).map((h) => ({ id: ix.items[h.item]!.id, score: h.score }));

  test('match with a low weight, below an item that means the word as usual', () => {
    const got = ranked('culture');
    expect(got.map((h) => h.id)).toEqual(['theatre masks', 'petri dish']);
    expect(got[1]!.score).toBeLessThan(got[0]!.score / 2);
  });

  test('still say what they matched, and the item\'s other tags count in full', () => {
    const hit = [...scorePhrases(ix, [{ text: 'culture', weight: 1 }]).values()].find((h) => ix.items[h.item]!.id === 'petri dish')!;
    expect(hit.because[0]!.matched).toBe('culture');
    expect(ranked('bacteria')[0]).toMatchObject({ id: 'petri dish' });
    expect(ranked('bacteria')[0]!.score).toBeCloseTo(ranked('art')[0]!.score, 6);
  });

  test('the shipped sticker catalog marks the culture tag of the petri dish as rare (tools/knowledge/tag-senses.ts)', () => {
    expect(items.find((it) => it.id === '1F9EB')?.rareTags?.en).toContain('culture');
  });
});
