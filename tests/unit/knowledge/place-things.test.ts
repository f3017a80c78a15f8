// What a place is known for (tools/knowledge/place-things.ts, src/core/extract/journey.ts placeThings):
// a trip's feed holds the destination's things beside its flag, a city its country's, and a journey's
// origin keeps its flag above them.
import { describe, expect, it } from 'vitest';
import { PLACE_THINGS } from '../../../tools/knowledge/place-things.ts';
import { items, kb, productTurns } from './product-turns.ts';

const titles = (...turns: string[]) => productTurns(...turns).top.map((t) => t.title);
const expansionTexts = (...turns: string[]) => (productTurns(...turns).intent.expansions ?? []).map((e) => e.text.toLowerCase());

describe('what a place is known for', () => {
  it('every thing in the seed names a catalog item by its title or a tag, and every place is a known place', () => {
    const names = new Set(items.flatMap((it) => [it.title, ...(it.tags.en ?? [])].map((t) => t.toLowerCase())));
    expect(PLACE_THINGS.flatMap((p) => p.things.filter((t) => !names.has(t.toLowerCase())).map((t) => `${p.place}: ${t}`))).toEqual([]);
    const places = new Set(kb.concepts.filter((c) => c.kind !== 'word').map((c) => c.en.toLowerCase()));
    expect(PLACE_THINGS.map((p) => p.place).filter((p) => !places.has(p))).toEqual([]);
  });

  it('a city takes its country\'s things: "going to oaxaca next month" brings the taco and the cactus, not only trains', () => {
    const top = titles('going to oaxaca next month');
    expect(top[0]).toBe('flag: Mexico');
    expect(top).toEqual(expect.arrayContaining(['taco', 'cactus']));
  });

  it('a place with its own things lists them first: Kyoto\'s shrine before Japan\'s sushi', () => {
    const x = expansionTexts('a week in kyoto');
    expect(x.indexOf('shinto shrine')).toBeGreaterThanOrEqual(0);
    expect(x.indexOf('shinto shrine')).toBeLessThan(x.indexOf('sushi') < 0 ? Infinity : x.indexOf('sushi'));
  });

  it('popular destinations by their Korean names too: 후쿠오카, 치앙마이, 맨해튼, 밴프', () => {
    for (const [text, cc] of [['후쿠오카 당일치기 가능??', 'JP'], ['다음 주에 치앙마이 한 달 살기 가요', 'TH'], ['다음 달에 맨해튼으로 출장 가', 'US'], ['밴프 가서 호수 보고 올 거야', 'CA']] as const) {
      expect(productTurns(text).intent.information?.places.map((p) => p.countryCode), text).toContain(cc);
    }
  });

  it('a journey keeps the flag of where it starts above the destination\'s things', () => {
    const top = titles('파리에서 로스앤젤레스로 갑니다');
    expect(top).toEqual(expect.arrayContaining(['flag: France', 'flag: United States']));
  });

  it('two destinations share the screen and the turn stays valid (it had overflowed the intent\'s expansions)', () => {
    const { intent } = productTurns('싱가포르 경유해서 발리 가요');
    expect(intent.information?.places.map((p) => p.countryCode).sort()).toEqual(['ID', 'SG']);
    expect((intent.expansions ?? []).length).toBeLessThanOrEqual(24);
  });

  it('a trip word is the journey, not a situation told beside it: "trip to paris" keeps Paris\'s things at their weight', () => {
    // "trip → flight" (a kind of trip) had counted as a situation told and capped the croissant at 0.17.
    const x = productTurns('trip to paris').intent.expansions ?? [];
    expect(x.find((e) => e.text === 'croissant')?.weight).toBeGreaterThan(0.6);
    expect(titles('trip to paris')).toContain('croissant');
    // "제주도 여행 가요": the trip seed told by "여행" leaves Jeju's tangerine where it was.
    expect((productTurns('제주도 여행 가요').intent.expansions ?? []).find((e) => e.text === 'tangerine')?.weight).toBeGreaterThan(0.6);
  });

  it('beside a destination, words that only say a journey is made are no topic ("traveling", "여행")', () => {
    const en = productTurns("I'm traveling from San Francisco to Seoul next week. I want to learn more about Seoul culture");
    expect(en.intent.keyPhrases.map((p) => p.text)).not.toContain('travel');
    expect(en.top.map((t) => t.title).slice(0, 5)).not.toContain('locomotive');
    expect(productTurns('제주도 여행').intent.keyPhrases.map((p) => p.text)).not.toContain('여행');
    // Without a place the word is the topic.
    expect(productTurns('show me travel stickers').intent.keyPhrases.map((p) => p.text)).toContain('travel');
  });

  it('a word reached as an adjective whose main sense is a thing is not the thing: travel reaches no locomotive', () => {
    expect(expansionTexts('여행')).not.toContain('locomotive');
    expect(expansionTexts('i love to travel')).not.toContain('locomotive');
  });
});
