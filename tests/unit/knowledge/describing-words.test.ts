// A describing word before a thing the catalog has ("cute hedgehogs", "귀여운 고양이") is not read through
// the other keywords of the one emoji it is a keyword of (issue 14, twenty-second round, typed as a new
// user would): CLDR lists "cute" with "emotion", "heart" and "special" on the pink heart, and those had
// filled the feed with ten hearts and no hedgehog. A Korean phrase that ends in a verb's modifier ("기타
// 치는": playing the guitar) has no noun head, and keeps its reading.
import { describe, expect, it } from 'vitest';
import { productTurns } from './product-turns.ts';

const topTitles = (text: string, n = 10) => productTurns(text).top.slice(0, n).map((it) => it.title);

describe('a describing word before a thing', () => {
  it('"cute hedgehogs": the hedgehog first, not a screen of hearts', () => {
    const top = topTitles('cute hedgehogs');
    expect(top[0]).toBe('hedgehog');
    expect(top.filter((t) => /heart/.test(t)).length).toBeLessThanOrEqual(2);
  });

  it('"귀여운 고양이": cats, no hearts', () => {
    const top = topTitles('귀여운 고양이');
    expect(top.filter((t) => /cat/.test(t)).length).toBeGreaterThanOrEqual(8);
    expect(top.filter((t) => /heart$/.test(t))).toEqual([]);
  });

  it('"기타 치는 거": a verb-final phrase keeps its thing', () => {
    expect(topTitles('기타 치는 거', 3)).toContain('guitar');
  });
});
