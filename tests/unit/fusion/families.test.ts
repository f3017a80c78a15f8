// Variant families (src/core/fusion/families.ts): one picture drawn for different people counts as one
// thing, and the feed shows a few of a family before the rest of what fits.
import { describe, expect, it } from 'vitest';
import { variantFamily } from '../../../src/core/fusion/families.ts';
import { rankCandidates } from '../../../src/core/fusion/rank.ts';
import { productTurns } from '../knowledge/product-turns.ts';

describe('variant families', () => {
  it('person words make one family; other words do not', () => {
    expect(variantFamily('man getting massage')).toBe(variantFamily('woman getting massage'));
    expect(variantFamily('family: man, woman, boy')).toBe(variantFamily('family: woman, woman, girl, girl'));
    expect(variantFamily('kiss: man, man')).toBe(variantFamily('kiss: woman, man'));
    // The picture drawn for no one in particular is of the family too.
    expect(variantFamily('man vampire')).toBe(variantFamily('vampire'));
    expect(variantFamily('woman student')).toBe(variantFamily('student'));
    // And the one whose people are not listed.
    expect(variantFamily('couple with heart')).toBe(variantFamily('couple with heart: woman, man'));
    expect(variantFamily('family')).toBe(variantFamily('family: man, woman, boy'));
    expect(variantFamily('man')).not.toBe(variantFamily('vampire'));
    expect(variantFamily('flag: South Korea')).not.toBe(variantFamily('flag: Japan'));
    expect(variantFamily('waxing crescent moon')).not.toBe(variantFamily('waning crescent moon'));
  });

  it('the first three of a family keep their place; the rest fall behind other fitting items', () => {
    const candidates = [0, 1, 2, 3, 4].map((i) => ({ source: 'lexical' as const, itemIndex: i, score: 1 - i * 0.01 }))
      .concat([{ source: 'lexical' as const, itemIndex: 5, score: 0.9 }]);
    const families = ['f', 'f', 'f', 'f', 'f', 'moon'];
    const { items } = rankCandidates({ candidates, k: 6, families });
    expect(items.map((r) => r.itemIndex)).toEqual([0, 1, 2, 5, 3, 4]);
    // Without families the fused order stands.
    expect(rankCandidates({ candidates, k: 6 }).items.map((r) => r.itemIndex)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('"추석 연휴에 시골 할머니댁 내려가": the full moon beside a few families, not ten families', () => {
    const top = productTurns('추석 연휴에 시골 할머니댁 내려가').top.map((it) => it.title);
    expect(top.filter((t) => t.startsWith('family:')).length).toBeLessThanOrEqual(4);
    expect(top).toContain('full moon');
  });

  it('a family is one sample of the topic: "rocket stickers" fills with aircraft, not people at work', () => {
    // The person, man and woman astronaut had made the people-at-work subgroup the topic (health workers, students).
    const top = productTurns('rocket stickers').top.map((it) => it.title);
    expect(top.filter((t) => /health worker|student|teacher/.test(t))).toEqual([]);
    expect(top).toEqual(expect.arrayContaining(['helicopter', 'airplane']));
  });
});
