// What a feed about celebrating leaves out (src/core/fusion/celebrating.ts): the jack-o-lantern and the
// Christmas tree fill only a feed about their own holiday, and nothing sad shows; outside celebrating,
// the turkey is a bird.
import { describe, expect, it } from 'vitest';
import { productTurns } from '../knowledge/product-turns.ts';

const titles = (...turns: string[]) => productTurns(...turns).top.map((it) => it.title);
const OTHER_HOLIDAYS = ['jack-o-lantern', 'Christmas tree', 'tanabata tree'];

describe("a holiday's symbols", () => {
  it.each([['gift ideas for my mom'], ['친구 줄 선물 추천해줘'], ["my dad's 60th on saturday"], ['다음 달 엄마 칠순 잔치라 선물 고민 중']])('%s: no other holiday fills the feed', (text) => {
    const got = titles(text);
    expect(got.length).toBe(10);
    expect(got.filter((t) => OTHER_HOLIDAYS.includes(t))).toEqual([]);
  });

  it("the holiday named keeps its own: halloween's jack-o-lantern, christmas's tree", () => {
    expect(titles('할로윈 스티커')).toContain('jack-o-lantern');
    // Every item tagged halloween ties on the word; the jack-o-lantern, which the knowledge layer names
    // as Halloween's, goes before the rest of the ties (sources/lexical.ts TIE_SHARE).
    expect(titles('halloween')).toContain('jack-o-lantern');
    expect(titles('christmas stickers')).toContain('Christmas tree');
  });

  it('outside celebrating a symbol is what it is: birds keep the turkey, costumes the ghost', () => {
    expect(titles('birds')).toContain('turkey');
    expect(titles('no clowns please', 'scratch that, clowns are fine')).toContain('ghost');
  });

  it('a broad word does not bring another holiday\'s symbols either: a graduation\'s "celebration" is no Santa', () => {
    const got = titles('my son graduates next week');
    expect(got.filter((t) => /Claus|Christmas|jack-o-lantern/.test(t))).toEqual([]);
  });
});

describe('an implied occasion is read as if named', () => {
  it('"my son graduates next week": the graduation cap and the students, not the clothing beside the cap', () => {
    const got = titles('my son graduates next week');
    expect(got.slice(0, 4)).toEqual(expect.arrayContaining(['graduation cap', 'student']));
    expect(got.filter((t) => /glasses|goggles|lab coat|safety vest|necktie/.test(t))).toEqual([]);
  });

  it('the things a situation names in one subgroup still fill it: a cold\'s unwell faces', () => {
    expect(titles('콧물 줄줄 나고 목이 칼칼해ㅠ').filter((t) => /face/.test(t)).length).toBeGreaterThanOrEqual(5);
  });
});

describe('nothing sad in a feed about celebrating', () => {
  it("\"mother's day gift\": the hearts and flowers, not the broken heart nor the wilted flower", () => {
    const got = titles("mother's day gift");
    expect(got).toContain('wrapped gift');
    expect(got.filter((t) => /broken heart|wilted flower/.test(t))).toEqual([]);
  });

  it('a sad birthday is still a birthday: no other holiday\'s symbols ("생일인데 혼자라 너무 슬퍼")', () => {
    expect(titles('생일인데 혼자라 너무 슬퍼').filter((t) => /jack-o-lantern|Christmas|Claus/.test(t))).toEqual([]);
  });

  it('a feed that speaks of sadness keeps it, and an exam is no celebration', () => {
    expect(titles('heartbroken, sad love songs please').some((t) => /broken heart|crying/.test(t))).toBe(true);
    expect(titles("my grandpa's funeral is tomorrow")).toContain('funeral urn');
  });
});
