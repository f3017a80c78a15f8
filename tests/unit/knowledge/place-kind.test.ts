// "<a place> <a kind>" (issue 14, twentieth round, seen in the page): "한국 음식 알려줘" had matched every
// food by 음식 alike (the mango, the apple, the blueberries after the flag). An item that the phrase's
// words match in part and that an expansion of its other word brings (the cooked rice, one of the things
// 한국 brings) meets both words: it ranks above the foods only 음식 finds. An expansion of the very word
// that matched ("기타 치는": 치는 → 번개, the thunder cloud that 치는 also matches) adds nothing. A
// nationality before a kind ("japanese food") is read as its country for its things, at a modifier's share.
import { describe, expect, it } from 'vitest';
import { productTurns } from './product-turns.ts';

describe('a kind of a place\'s things', () => {
  it('한국 음식: the flag, then Korean food before every other food', () => {
    const top = productTurns('한국 음식 알려줘').top.map((it) => it.title);
    expect(top[0]).toBe('flag: South Korea');
    expect(top.slice(1, 3)).toEqual(expect.arrayContaining(['cooked rice']));
    expect(top.slice(0, 5)).not.toContain('mango');
    expect(top.slice(0, 5)).not.toContain('red apple');
  });

  it('japanese food: a nationality modifying a kind is its country\'s things of that kind (sushi, rice ball), not mount fuji', () => {
    const { intent, top } = productTurns('japanese food');
    const titles = top.map((it) => it.title);
    expect(titles.slice(0, 4)).toEqual(expect.arrayContaining(['sushi', 'rice ball']));
    expect(titles.slice(0, 5)).not.toContain('mount fuji');
    expect(intent.information.places).toEqual([]);
  });

  it.each(['show me korean food', 'i love korean food'])('"%s": the nationality\'s country is a place reading ("korean" -> Korea, whose country is South Korea), its food first', (text) => {
    const titles = productTurns(text).top.map((it) => it.title);
    expect(titles.slice(0, 4)).toEqual(expect.arrayContaining(['cooked rice', 'pot of food']));
    expect(titles.slice(0, 5)).not.toContain('mango');
  });

  it('mexican music: the music leads, the taco (a thing of Mexico, no music) stays below it', () => {
    const titles = productTurns('mexican music').top.map((it) => it.title);
    expect(titles.slice(0, 5)).not.toContain('taco');
    expect(titles.slice(0, 5).some((t) => /music/.test(t))).toBe(true);
  });

  it('an expansion of the word that matched adds nothing: 기타 치는 거 is the guitar, not the thunder cloud', () => {
    const top = productTurns('기타 치는 거', '비슷한 느낌으로 몇 개 더').top.map((it) => it.title);
    expect(top[0]).toBe('guitar');
  });
});
