// More of the ways people name everyday situations, typed as a new user would (issue 14, twenty-third
// round): "finally friday" and "드디어 금요일" had shown a long drum and the default grinning faces, "이가
// 너무 아파" a skin tone (이 is also "this" and "two"), "my legs are killing me" horse racing, "폰 액정
// 깨졌어" the default faces; "월드컵 결승 보는 날" searched for 날 (a day, and the roller skate's blade).
import { describe, expect, it } from 'vitest';
import { productTurns } from './product-turns.ts';

const top = (text: string, n = 10) => productTurns(text).top.slice(0, n).map((it) => it.title);

describe('everyday situations by the words people use', () => {
  it('the end of the week, in both languages', () => {
    expect(top('finally friday', 5)).toContain('party popper');
    expect(top('드디어 금요일', 5)).toContain('party popper');
  });

  it('a toothache, in both languages', () => {
    expect(top('my tooth hurts so bad', 3)).toContain('tooth');
    const ko = top('이가 너무 아파', 3);
    expect(ko).toContain('tooth');
    expect(top('이가 너무 아파').filter((t) => /skin tone|keycap/.test(t))).toEqual([]);
  });

  it('sore legs, in both languages', () => {
    expect(top('my legs are killing me after leg day')).not.toContain('horse racing');
    expect(top('다리가 너무 아파', 5)).toContain('person getting massage');
    expect(top('다리가 너무 아파')).not.toContain('bridge at night');
  });

  it('a cracked phone, in both languages', () => {
    expect(top('my phone screen cracked', 5)).toContain('mobile phone');
    expect(top('폰 액정 깨졌어', 5)).toContain('mobile phone');
  });

  it('a day after a verb is a day, not a topic', () => {
    const { intent, top: feed } = productTurns('오늘 월드컵 결승 보는 날');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('날');
    expect(feed.map((it) => it.title)).not.toContain('roller skate');
    expect(feed.slice(0, 3).map((it) => it.title)).toContain('soccer ball');
  });
});

describe('an ordinal ranks what follows, it is not the topic', () => {
  it('"my first marathon" is the marathon, not the first quarter moon; "first grade" stays back to school', () => {
    const marathon = top('just finished my first marathon');
    expect(marathon).not.toContain('first quarter moon');
    expect(marathon.slice(0, 3)).toContain('person running');
    const school = top("my daughter starts first grade monday and i'm a mess");
    expect(school.filter((t) => /quarter moon|passing grade/.test(t))).toEqual([]);
    expect(top('show me the first quarter moon', 3)).toContain('first quarter moon');
  });
});

describe('a situation named by a weekday is read', () => {
  it('"ugh mondays" is the Monday blues; a weekday said as a date is no topic', () => {
    expect(top('ugh mondays', 5)).toContain('weary face');
    expect(top('월요병 진짜 심하다', 5)).toContain('weary face');
    expect(productTurns('party on saturday').intent.keyPhrases.map((p) => p.text)).toEqual(['party']);
  });
});

describe('family news and a Korean date, as chat writes them', () => {
  it('a birth, a rescue dog, a grandmother in hospital (had: coral and teapots, ten cats, eight people)', () => {
    expect(top('조카가 태어났어!', 3)).toContain('baby bottle');
    const rescue = top('유기견 입양했어', 5);
    expect(rescue).toContain('dog face');
    expect(rescue.filter((t) => /\bcat\b/.test(t))).toEqual([]);
    expect(top('할머니가 입원하셨어')).toContain('hospital');
  });

  it('a Korean weekday is a date, not a phrase ("토요일에 바베큐 파티해")', () => {
    expect(productTurns('토요일에 바베큐 파티해').intent.keyPhrases.map((p) => p.text)).toEqual(['파티']);
  });
});

describe('good and bad news about things', () => {
  it('a proposal is the engagement (the ring), a lost wallet the purse and the cards, in both languages', () => {
    expect(top('my boyfriend proposed!!', 5)).toContain('ring');
    expect(top('lost my wallet', 3)).toContain('purse');
    expect(top('지갑 잃어버렸어', 3)).toContain('credit card');
  });

  it('a fight with someone is the anger, not the person ("친구랑 싸웠어" had shown eight men)', () => {
    expect(top('친구랑 싸웠어', 3)).toContain('angry face');
    expect(top('엄마랑 다퉜어', 3)).toContain('angry face');
    expect(top('we fought about money', 5)).toContain('angry face');
  });
});

describe('a situation said in its own words, one content word among them (2026-12-02)', () => {
  it.each(['had a fight with my mom', 'got into a fight with my boyfriend'])('"%s": the anger, not the ninja that "fight" names', (text) => {
    const titles = top(text, 10);
    expect(titles.slice(0, 4)).toContain('angry face');
    expect(titles).not.toContain('ninja');
  });
});
