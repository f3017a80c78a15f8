// Occasions of other calendars and of a life (tools/knowledge/occasions.ts), and an occasion's name read
// as a name (issue 14): "super bowl" is no bowl and "world cup" no cup, where a situation's name keeps
// its head ("can't sleep" is about sleep).
import { describe, expect, it } from 'vitest';
import { productTurns } from './product-turns.ts';

const top = (n: number, ...texts: string[]) => productTurns(...texts).top.slice(0, n).map((it) => it.title);

describe("an occasion's name is a name", () => {
  it('"super bowl party at mine sunday": the football and the stadium, no bowls of food', () => {
    const shown = top(10, 'super bowl party at mine sunday');
    expect(shown.slice(0, 4)).toContain('american football');
    expect(shown).toContain('stadium');
    expect(shown.join(' ')).not.toMatch(/bowl|canned food|pot of food/);
  });

  it('"watching the world cup final tonight": the ball and the trophy, no cups or globes', () => {
    const shown = top(10, 'watching the world cup final tonight');
    expect(shown.slice(0, 3)).toEqual(expect.arrayContaining(['trophy', 'soccer ball']));
    expect(shown.join(' ')).not.toMatch(/cup with straw|teacup|globe|world map/);
  });
});

describe('occasions beyond the ones every calendar has', () => {
  it.each([
    ['happy canada day everyone', ['flag: Canada', 'maple leaf']],
    ['heading to a passover seder tonight', ['flatbread', 'star of David']],
    ['my grandpa\'s funeral is tomorrow', ['headstone', 'wilted flower']],
    ['조카 백일이라 선물 고르는 중', ['baby']],
    ['복날이라 삼계탕 먹으러 가', ['poultry leg']],
    ['회사 망년회 장기자랑 뭐하지', ['clinking beer mugs', 'party popper']],
    // A snack is no "light informal meal" read word by word: 간식 had shown the light bulb, the candle and the flashlight.
    ['간식 보여줘', ['cookie', 'popcorn', 'pretzel']],
    ['show me snacks', ['cookie', 'popcorn', 'pretzel']],
    ['we\'re going on our honeymoon next week', ['couple with heart', 'tropical drink']],
    ['신혼여행 가요', ['couple with heart', 'tropical drink']],
  ])('"%s" shows %j', (text, things) => {
    expect(top(10, text)).toEqual(expect.arrayContaining(things));
  });
});

describe('the occasions the intent keeps (shown in the intent inspector)', () => {
  it.each([
    ['switching gears, diwali at my aunt\'s this weekend and i need something festive', ['diwali']],
    ['eid mubarak!! heading to my grandparents for the big lunch', ['eid mubarak']],
    ['lunar new year dinner at my in-laws tonight', ['lunar new year']],
    ['추석에 큰집 가서 전 부치고 올게ㅋㅋ', ['추석']],
    ['빼빼로데이에 뭐 주지', ['빼빼로데이']],
    ['happy birthday to my mom', ['birthday']],
  ])('%s', (text, occasions) => {
    // Every occasion the knowledge layer knows by name, as said, without its particle, and not inside a longer one.
    expect(productTurns(text).intent.information?.occasions.map((o) => o.text)).toEqual(occasions);
  });

  it('a turn with no occasion keeps none', () => {
    expect(productTurns("i'm so thirsty").intent.information?.occasions).toEqual([]);
  });
});
