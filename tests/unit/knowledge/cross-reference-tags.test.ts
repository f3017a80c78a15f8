// Tags that point at another item rather than say what an item is (tools/knowledge/tag-senses.ts
// crossReferenceTags, 2026-12-02): CLDR tags the snake "ophiuchus" and "zodiac", the crab "cancer", the
// animal drawn for a star sign. As rare tags, "show me snakes" had filled with the twelve signs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossReferenceTags } from '../../../tools/knowledge/tag-senses.ts';
import { productTurns } from './product-turns.ts';

type Item = { id: string; title: string; titles?: Record<string, string>; tags: Record<string, string[]>; categories: string[]; rareTags?: Record<string, string[]> };
const items = JSON.parse(readFileSync('public/models/catalogs/stickers/items.json', 'utf8')) as Item[];
const byTitle = (t: string) => items.find((it) => it.title === t)!;

describe('cross-reference tags', () => {
  it('the sign\'s name and its kind\'s tags, in both languages; the item\'s own words stay ("serpent", "bull")', () => {
    const refs = crossReferenceTags(items);
    expect(refs.get(byTitle('snake').id)).toEqual({ en: ['bearer', 'ophiuchus', 'zodiac'], ko: ['뱀주인자리', '별자리'] });
    expect(refs.get(byTitle('ox').id)?.en).toEqual(['taurus', 'zodiac']);
    expect(refs.get(byTitle('Ophiuchus').id)).toBeUndefined();
    expect(refs.has(byTitle('sleeping face').id)).toBe(false); // "ZZZ" is no proper name
  });

  it('the shipped catalog carries them as rare tags', () => {
    expect(byTitle('snake').rareTags?.en).toEqual(expect.arrayContaining(['ophiuchus', 'zodiac']));
    expect(byTitle('crab').rareTags?.en).toEqual(expect.arrayContaining(['cancer', 'zodiac']));
  });

  it.each([['show me snakes', 'snake'], ['show me crabs', 'crab'], ['scorpions', 'scorpion'], ['뱀 보여줘', 'snake']])('"%s": the %s and its kin, at most two star signs', (text, first) => {
    const top = productTurns(text).top;
    expect(top[0]!.title).toBe(first);
    expect(top.filter((it) => it.categories.includes('zodiac')).length).toBeLessThanOrEqual(2);
  });
});
