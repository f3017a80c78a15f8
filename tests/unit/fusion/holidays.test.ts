// A holiday's symbols in a feed about celebrating (src/core/fusion/holidays.ts): the jack-o-lantern and
// the Christmas tree fill only a feed about their own holiday; outside celebrating, the turkey is a bird.
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
    expect(titles('christmas stickers')).toContain('Christmas tree');
  });

  it('outside celebrating a symbol is what it is: birds keep the turkey, costumes the ghost', () => {
    expect(titles('birds')).toContain('turkey');
    expect(titles('no clowns please', 'scratch that, clowns are fine')).toContain('ghost');
  });
});
