// A turn that tells a situation or an occasion and asks for nothing is read for it (issue 14, ninth
// round): an occasion leads a feeling beside it ("hanukkah at my cousin's tomorrow, so excited": the
// menorah before the excited faces); in English the statement's other words are circumstances and weigh
// less ("first night of hanukkah tonight": not the night sky); a turn that asks for something keeps its
// words ("christmas stickers with cats"). The situation seed also knows more kinds and more of the ways
// people put them (pregnancy, a dead battery, getting lost; an exam is a situation, whose nerves count).
import { describe, expect, it } from 'vitest';
import { composeReply } from '../../../src/core/extract/reply.ts';
import { type Intent, parseTurnExtraction } from '../../../src/core/intent.ts';
import { expandPhrase } from '../../../src/core/knowledge/expand.ts';
import { findConcepts } from '../../../src/core/knowledge/match.ts';
import { items, kb, productTurns } from './product-turns.ts';

function feedAfter(...texts: string[]): { intent: Intent; titles: string[] } {
  const { intent, top } = productTurns(...texts);
  return { intent, titles: top.map((it) => it.title.toLowerCase()) };
}
const weightOf = (intent: Intent, text: string) => intent.expansions.find((e) => e.text.toLowerCase() === text)?.weight ?? 0;

describe('an occasion leads a feeling beside it', () => {
  it('hanukkah, so excited: the menorah first, the excited faces below it', () => {
    const { intent, titles } = feedAfter("hanukkah at my cousin's tomorrow, so excited");
    expect(weightOf(intent, 'menorah')).toBeGreaterThan(2 * weightOf(intent, 'star-struck'));
    expect(titles.slice(0, 3)).toContain('menorah');
  });

  it('추석이라 너무 신나: the full moon before the excited faces', () => {
    const { intent } = feedAfter('추석이라 너무 신나');
    const moon = Math.max(...intent.expansions.filter((e) => /moon/.test(e.text)).map((e) => e.weight));
    expect(moon).toBeGreaterThan(1.5 * weightOf(intent, 'star-struck'));
  });
});

describe("a statement's other words are circumstances (English)", () => {
  it('first night of hanukkah tonight: the menorah and the star of David, not the night sky', () => {
    const { intent, titles } = feedAfter('first night of hanukkah tonight');
    const night = intent.keyPhrases.find((p) => p.text.includes('night'));
    expect(night?.weight ?? 0).toBeLessThan(0.5);
    expect(titles.slice(0, 4).filter((t) => t.includes('night'))).toEqual([]);
  });

  it('the reply names the occasion, not a circumstance beside it (trick or treat for halloween)', () => {
    const { intent } = feedAfter('trick or treat for halloween');
    const x = parseTurnExtraction({ keyPhrases: intent.keyPhrases.map((p) => ({ text: p.text, weight: p.weight })), likes: [], dislikes: [], task: 'new_topic', language: 'en', safety: { verdict: 'safe', categories: [] } });
    for (const seed of [0, 1, 2, 3]) {
      const reply = composeReply(x, 'en', seed);
      expect(reply).toMatch(/halloween/i);
      expect(reply).not.toMatch(/\btreat\b/i);
    }
  });

  it("a word of an occasion's name is the occasion: \"st patrick's day parade tomorrow\" is no day (steam rooms, the sun)", () => {
    const { intent, titles } = feedAfter("st patrick's day parade tomorrow");
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('day');
    expect(titles.slice(0, 3)).toContain('shamrock');
    expect(titles.filter((t) => t.includes('steamy'))).toEqual([]);
  });

  it("a phrase that names an occasion and a thing is the thing, beside the occasion (\"mother's day gift\": the gift and the flowers)", () => {
    const { intent, titles } = feedAfter("mother's day gift");
    expect(intent.keyPhrases.map((p) => p.text)).toEqual(['gift']);
    expect(titles.slice(0, 3)).toEqual(expect.arrayContaining(['wrapped gift', 'bouquet']));
    // at a circumstance's weight: "valentines day card" is the hearts and the love letter, not playing cards
    const card = feedAfter('valentines day card').titles;
    expect(card.slice(0, 3)).toContain('love letter');
    expect(card.filter((t) => /card/.test(t))).toEqual([]);
  });

  it("a weekday or a month is when, not what: \"my dad's 60th on saturday\" brings no last-quarter moon (saturday: \"the last day of the week\")", () => {
    const { intent, titles } = feedAfter('show me trains', "oh wait it's my dad's 60th on saturday");
    expect(intent.expansions.filter((e) => /saturday/i.test(e.from))).toEqual([]);
    expect(titles.filter((t) => /last|moon/.test(t))).toEqual([]);
    expect(titles[0]).toBe('birthday cake');
    // nor a month ("march" had read as walking)
    expect(feedAfter('my sister gets married in march').intent.expansions.filter((e) => /march/i.test(e.from))).toEqual([]);
  });

  it('being ill, said plainly: "i\'m feeling sick" is the thermometer and the nausea, not green things (sick ~ green); "feeling" names nothing', () => {
    const sick = feedAfter("i'm feeling sick").titles;
    expect(sick.slice(0, 3)).toEqual(expect.arrayContaining(['face with thermometer', 'nauseated face']));
    expect(sick.filter((t) => /green|grinning/.test(t))).toEqual([]); // nor the grinning faces "face with thermometer" half-matches
    expect(feedAfter('feeling great today').intent.expansions.filter((e) => /feel/.test(e.from))).toEqual([]);
  });

  it('a Korean situation named by its own name is read for it: "몸이 아파서 누워 있어" is no body parts', () => {
    const { intent, titles } = feedAfter('몸이 아파서 누워 있어');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('몸');
    expect(titles.slice(0, 3)).toContain('face with thermometer');
    expect(titles).not.toContain('ear');
  });

  it('a refusal whose words lie inside a situation\'s name is the situation told: "오늘 몸이 안 좋아" (unwell), while "고양이 안 좋아" still refuses', () => {
    const { intent, titles } = feedAfter('고양이 보여줘', '아 근데 오늘 몸이 안 좋아');
    expect(intent.dislikes.map((d) => d.text)).not.toContain('몸');
    expect(titles.slice(0, 3)).toContain('face with thermometer');
    expect(feedAfter('고양이 안 좋아').intent.dislikes.map((d) => d.text)).toContain('고양이');
  });

  it('a told situation whose things have no name in the language is not answered "what would you like to see?": the feed changed', () => {
    const told = parseTurnExtraction({ keyPhrases: [], likes: [], dislikes: [], task: 'new_topic', language: 'ko', safety: { verdict: 'unchecked', categories: [] },
      expansions: [{ text: 'face with thermometer', weight: 0.5, reason: '몸이 안 좋아 → 몸이 아파 → face with thermometer', from: '몸이 안 좋아' }] });
    for (const seed of [0, 1, 2, 3]) expect(composeReply(told, 'ko', seed)).not.toMatch(/무엇을 보고 싶으세요/);
    // Nothing implied, nothing said: the reply still asks.
    expect(composeReply({ ...told, expansions: [] }, 'ko', 0)).toMatch(/무엇을 보고 싶으세요/);
  });

  it('a refinement fitted by definitions ("just the stormy ones") does not ask how to narrow: the feed has narrowed', () => {
    const refined = parseTurnExtraction({ keyPhrases: [], likes: [], dislikes: [], task: 'refine', language: 'en', safety: { verdict: 'unchecked', categories: [] },
      expansions: [{ text: 'storm', weight: 0.6, reason: 'stormy → storm', from: 'stormy', itemIds: ['1F300', '1F329'] }] });
    for (const seed of [0, 1, 2]) expect(composeReply(refined, 'en', seed)).not.toMatch(/narrow it down/);
    // Only an opposite, or nothing fitted: it still asks.
    expect(composeReply({ ...refined, expansions: [{ text: 'calm', weight: 0.6, reason: 'stormy → not calm', from: 'stormy', opposite: true }] }, 'en', 0)).toMatch(/narrow it down/);
  });

  it('small talk that names a topic says it: "halloween" alone is no "tell me what you would like to see"', () => {
    const chat = parseTurnExtraction({ keyPhrases: [{ text: 'halloween', weight: 0.9 }], likes: [], dislikes: [], task: 'chit_chat', language: 'en', safety: { verdict: 'unchecked', categories: [] } });
    for (const seed of [0, 1, 2]) expect(composeReply(chat, 'en', seed)).toMatch(/halloween/i);
    expect(composeReply({ ...chat, keyPhrases: [] }, 'en', 0)).not.toMatch(/halloween/i);
  });

  it('a turn that asks keeps its words: christmas stickers with cats', () => {
    const { intent, titles } = feedAfter('christmas stickers with cats');
    expect(intent.keyPhrases.find((p) => p.text === 'cat')?.weight).toBeGreaterThan(0.6);
    expect(titles.some((t) => t.includes('cat'))).toBe(true);
  });
});

describe('what WordNet says the words mean may name a situation', () => {
  it('scrubbing the kitchen floor: scrubbing is cleaning (a hypernym), so the cleaning things lead', () => {
    const { intent, titles } = feedAfter('scrubbing the kitchen floor');
    expect(intent.expansions.find((e) => e.text === 'broom')?.reason).toMatch(/scrubbing → cleaning/);
    expect(titles.slice(0, 3)).toEqual(expect.arrayContaining(['broom', 'sponge']));
    expect(intent.keyPhrases.find((p) => p.text === 'kitchen floor')?.weight ?? 0).toBeLessThan(0.5);
  });
});

describe('more kinds of situation, and more ways to say them', () => {
  it.each([
    ['she is pregnant with twins', 'en', 'pregnant woman'],
    ['임신했어요', 'ko', 'pregnant woman'],
    ['my battery died again', 'en', 'low battery'],
    ['충전기 놓고 왔어', 'ko', 'low battery'],
    ['i think we got lost', 'en', 'world map'],
    ['길을 잃었어', 'ko', 'world map'],
    ['dozing off at my desk', 'en', 'sleepy face'],
    ['stage fright before the recital', 'en', 'anxious face with sweat'],
    ['deep cleaning the garage', 'en', 'broom'],
    ['got caught in the rain', 'en', 'umbrella'],
  ] as const)('"%s" (%s) implies %s', (text, lang, implied) => {
    expect(expandPhrase(kb, text, lang, 20).map((x) => x.text.toLowerCase())).toContain(implied);
  });

  it('an exam is a situation: nerves beside it keep their weight (시험 때문에 너무 떨려)', () => {
    const { intent } = feedAfter('내일 시험이라 너무 떨려');
    expect(weightOf(intent, 'anxious face with sweat')).toBeGreaterThan(0.3);
  });
});

describe('Korean: 죽다 after a state is how much, not death', () => {
  it('더워서 죽을 것 같아: the heat, not congee or dice', () => {
    const { intent } = feedAfter('더워서 죽을 것 같아');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('죽');
    expect(intent.expansions.map((e) => e.text)).toContain('hot face');
    expect(intent.expansions.map((e) => e.text)).not.toContain('die');
  });

  it('숨 막혀 죽는 줄: nothing about dying', () => {
    const { intent } = feedAfter('출근길 버스에서 숨 막혀 죽는 줄');
    expect(intent.expansions.some((e) => /die|death|dice/.test(e.text))).toBe(false);
  });

  it('죽 the noun stays (죽 먹고 싶어)', () => {
    const { intent } = feedAfter('죽 먹고 싶어');
    expect(intent.keyPhrases.map((p) => p.text)).toContain('죽');
  });
});

describe('a turn that asks for something beside a situation: the asked thing leads', () => {
  const food = (titles: string[]) => titles.filter((t) => items.find((it) => it.title.toLowerCase() === t)?.category === 'food-drink').length;
  it("flying somewhere and wanting to try its street food: food, not the flight's planes, fills the top", () => {
    const { intent, titles } = feedAfter("I'm flying to Seoul next week and want to try street food");
    expect(weightOf(intent, 'south korea')).toBeGreaterThan(0.5); // the place is no circumstance
    expect(food(titles)).toBeGreaterThanOrEqual(7);
  });

  it('the same situation told without an ask still leads with its things', () => {
    const told = feedAfter("I'm flying to Seoul next week");
    const asked = feedAfter("I'm flying to Seoul next week and want to try street food");
    expect(weightOf(told.intent, 'airport')).toBeGreaterThan(weightOf(asked.intent, 'airport'));
    expect(told.titles.some((t) => t.includes('airplane'))).toBe(true);
  });
});

describe('what a told turn means outweighs the words it mentions (wanted.ts leads)', () => {
  it('"leg day absolutely destroyed me, can\'t walk lol": the gym before the walking people', () => {
    const { titles } = feedAfter("leg day absolutely destroyed me, can't walk lol");
    const gym = titles.findIndex((t) => /lifting weights|flexed biceps/.test(t));
    const walking = titles.findIndex((t) => /walking/.test(t));
    expect(gym).toBeGreaterThanOrEqual(0);
    if (walking >= 0) expect(gym).toBeLessThan(walking);
  });

  it('a request keeps its words above what its place implies ("flying to Seoul ... want to try street food")', () => {
    const { intent, titles } = feedAfter("I'm flying to Seoul next week and want to try street food");
    expect(titles[0]).toBe('flag: south korea');
    // No vehicle of the trip above the food asked for.
    const food = titles.findIndex((t, i) => i > 0 && items.find((it) => it.title.toLowerCase() === t)?.category === 'food-drink');
    const vehicle = titles.findIndex((t) => /airplane|train|railway|locomotive|ship/.test(t));
    expect(food).toBeGreaterThan(0);
    if (vehicle >= 0) expect(food).toBeLessThan(vehicle);
    expect(intent.keyPhrases.map((p) => p.text)).toContain('street food');
  });

  it('a name of a phrase said does not lead it ("판다": panda is the word itself)', () => {
    const { titles } = feedAfter('판다', '이런 거 더 보여줘');
    expect(titles[0]).toBe('panda');
  });
});

describe('a thing the knowledge layer names is matched as a whole (lexical.ts minShare)', () => {
  it('a cold implies the face with a medical mask, not every smiley that is a face', () => {
    const { titles } = feedAfter('콧물 줄줄 나고 목이 칼칼해ㅠ');
    expect(titles).toEqual(expect.arrayContaining(['face with medical mask', 'face with thermometer']));
    // They lead; the grinning faces had come second, by the one word "face" of three face names.
    expect(titles.slice(0, 6).filter((t) => /grinning|beaming|smiling/.test(t))).toEqual([]);
  });
});

describe('seasons and the holiday greeting', () => {
  it('"happy holidays everyone" is the Christmas season, a topic, not small talk', () => {
    const { intent, titles } = feedAfter('happy holidays everyone');
    expect(intent.task).toBe('new_topic');
    expect(titles.slice(0, 6)).toContain('christmas tree');
  });

  it('"겨울 스티커" (winter stickers): the snowman, the scarf and the coat', () => {
    const { titles } = feedAfter('겨울 스티커');
    expect(titles).toEqual(expect.arrayContaining(['snowman', 'scarf', 'coat']));
  });
});

describe('a situation named with other words among its own', () => {
  const names = (text: string) => findConcepts(kb, text).map((m) => kb.concepts[m.concept]!.en);
  it('"my head is absolutely pounding" is the headache ("head is pounding")', () => {
    expect(names('my head is absolutely pounding')).toContain('headache');
  });
  it('Korean: "눈이 펑펑 온다" is a snow day (눈이 온다), "일이 진짜 산더미야" stress (일이 산더미)', () => {
    expect(names('눈이 펑펑 온다')).toContain('snow day');
    expect(names('회사에서 일이 진짜 산더미야')).toContain('stressed');
    // A name's light predicate counts as its word: "머리가 진짜 너무 아파" (머리 아파), "비가 엄청 많이 와" (비가 와).
    expect(names('머리가 진짜 너무 아파')).toContain('headache');
    expect(names('오늘 비가 엄청 많이 와')).toContain('rainy day');
  });
  it('not across another noun or a time ("we won the game last night" is no game night)', () => {
    expect(names('we won the game last night')).not.toContain('board games');
  });
  it('not where the words are far apart', () => {
    expect(names('my head was fine until the band next door started pounding')).not.toContain('headache');
  });
});

describe("words of a situation's name that no one item carries together", () => {
  it('"my daughter starts first grade" is back to school, not the first quarter moon', () => {
    const { intent, titles } = feedAfter("my daughter starts first grade monday and i'm a mess");
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('first grade');
    expect(titles).not.toContain('first quarter moon');
    expect(titles.slice(0, 5).some((t) => ['books', 'backpack', 'school'].includes(t))).toBe(true);
  });

  it('a name whose words one item carries stays its words ("hot dog")', () => {
    expect(feedAfter('hot dog eating contest tonight').titles.slice(0, 3)).toContain('hot dog');
  });
});
