// Words read by where they stand (issue 14): a Korean refinement's predicate before 것/애들 is a verb
// even where it is spelt like a pronoun ("하늘 나는 애들만": flying, not "I"); the words of a situation
// named in several words are read for its meaning ("on my way to work" is commuting, not workers),
// except its head and the words it implies itself ("I can't sleep"); a rare word one step from a
// catalog word is understood ("brolly" -> umbrella).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Intent, parseTurnExtraction } from '../../../src/core/intent.ts';
import { propertyItemsReader } from '../../../src/core/knowledge/expand.ts';
import { parseKnowledge } from '../../../src/core/knowledge/format.ts';
import { koreanClausePredicates, koreanDictionaryForms } from '../../../src/core/lang/ko/predicate.ts';
import { engine, kb, productTurns } from './product-turns.ts';

/** The product's turns (extraction with the knowledge reader, the information node, the merge), then the feed. */
function feedAfter(...texts: string[]): { intent: Intent; titles: string[]; categories: string[][] } {
  const { intent, top } = productTurns(...texts);
  return { intent, titles: top.map((it) => it.title), categories: top.map((it) => it.categories) };
}

describe('Korean predicates by position', () => {
  it.each([
    ['나는', ['나다', '날다']], ['입는', ['입다']], ['부는', ['부다', '불다']], ['작은', ['작다']], ['귀여운', ['귀엽다']],
    ['먹을', ['먹다']], ['탈', ['탈다', '타다']], ['노란', ['노라다', '노랄다', '노랗다']],
  ])('"%s" may come from %j', (word, forms) => {
    expect(koreanDictionaryForms(word)).toEqual(forms);
  });

  it('finds the word before the dependent noun, and before 수 있는', () => {
    expect(koreanClausePredicates('하늘 나는 애들만')).toEqual(['나는']);
    expect(koreanClausePredicates('날 수 있는 것만 보여줘')).toEqual(['날']);
    expect(koreanClausePredicates('겨울에 입는 거만')).toEqual(['입는']);
    expect(koreanClausePredicates('고양이 보여줘')).toEqual([]);
  });

  it.each([['동물 스티커', '하늘 나는 애들만'], ['동물 보여줘', '날 수 있는 것만']])('"%s", then "%s" keeps the animals that fly', (topic, refine) => {
    const { intent, categories } = feedAfter(topic, refine);
    expect(intent.refinements?.map((r) => r.text)).toContain('날다');
    const birds = categories.filter((c) => c.includes('animal-bird')).length;
    expect(birds).toBeGreaterThanOrEqual(5);
    expect(categories.filter((c) => c.includes('animal-mammal') && !c.includes('animal-bird')).length).toBeLessThanOrEqual(1);
  });

  it('"나는" in running text is still the pronoun: "나는 고양이가 좋아" asks for cats', () => {
    const { intent, titles } = feedAfter('나는 고양이가 좋아');
    expect([...intent.keyPhrases, ...intent.likes].map((p) => p.text).join(' ')).not.toMatch(/날다/);
    expect(titles.filter((t) => /cat/.test(t)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('a situation named in several words is read for its meaning', () => {
  it('"on my way to work" is commuting: no workers, and the brolly is an umbrella', () => {
    const { intent, titles } = feedAfter('show me some dogs', 'soaked on my way to work again, forgot my brolly');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('work');
    expect(titles.filter((t) => /worker/.test(t))).toEqual([]);
    expect(titles.some((t) => /umbrella/.test(t))).toBe(true);
  });

  it('its head and the words it implies stay ("I can\'t sleep" keeps sleep, "it\'s so hot today" keeps hot)', () => {
    expect(feedAfter("I can't sleep").titles.some((t) => /sleep/.test(t))).toBe(true);
    expect(feedAfter("it's so hot today").titles.some((t) => /hot/.test(t))).toBe(true);
  });
});

describe('a vague word beside a clearer one is no topic', () => {
  it('"how do octopuses even work" is about octopuses: sea animals, no workers', () => {
    const { intent, titles } = feedAfter('how do octopuses even work, teach me');
    expect(intent.keyPhrases.map((p) => p.text)).toEqual(['octopus']);
    expect(titles.filter((t) => /worker/.test(t))).toEqual([]);
    expect(titles).toContain('octopus');
  });

  it('joined to another phrase as its equal it stays ("fire and ice")', () => {
    const { titles } = feedAfter('fire and ice stickers');
    expect(titles).toContain('fire');
    expect(titles.some((t) => /\bice\b/.test(t))).toBe(true);
  });

  it('alone it is the topic ("show me fire")', () => {
    expect(feedAfter('show me fire').titles).toContain('fire');
  });

  it('the knowledge file lists sense counts, and a corrupt line is a clear error', () => {
    expect(kb.senseCount('work')).toBeGreaterThanOrEqual(18);
    expect(kb.senseCount('octopus')).toBe(0);
    const file = JSON.parse(readFileSync('public/models/knowledge/knowledge.json', 'utf8'));
    expect(() => parseKnowledge({ ...file, senses: 'work many' })).toThrow(/senses/);
  });
});

describe('Korean basic words reach English concepts', () => {
  it.each([['하늘', 'sky'], ['바다', 'sea'], ['겨울', 'winter'], ['입다', 'wear']])('"%s" names %s', (ko, en) => {
    const names = (kb.surfaces.get(ko) ?? []).map((s) => kb.concepts[s.concept]!.en);
    expect(names).toContain(en);
  });
});

describe('Korean city names of the zones CLDR\'s English file leaves out', () => {
  it('"엄마가 오클랜드에서 오셔" names New Zealand, and Tokyo is 도쿄 (not 도쿄 타워)', () => {
    const { intent, titles } = feedAfter('치킨 스티커', '아 그리고 엄마가 오클랜드에서 오셔');
    expect(intent.information?.places.map((p) => p.country)).toContain('New Zealand');
    expect(titles).toContain('flag: New Zealand');
    expect(kb.concepts.find((c) => c.kind === 'city' && c.en === 'Tokyo')?.ko).toBe('도쿄');
  });
});

describe('the reply to a refinement read by position', () => {
  it('quotes a dictionary form ("\'날다\'에 맞는"), and keeps a modifier as said ("작은 쪽")', async () => {
    const reply = async (topic: string, refine: string) => {
      const previous = feedAfter(topic).intent;
      const x = parseTurnExtraction(engine.extract(refine, { previous, context: { expansions: [], places: [], itemsWithProperty: propertyItemsReader(kb) } }));
      return Promise.all([0, 1, 2].map((seed) => engine.reply(x, { language: 'ko', seed })));
    };
    for (const r of await reply('동물 보여줘', '하늘 나는 애들만')) expect(r).toMatch(/'날다'에 맞/);
    for (const r of await reply('동물 보여줘', '엄청 작은 애들만')) expect(r).toMatch(/작은 쪽/);
  });
});

describe('a refinement to what lacks a property', () => {
  it('"birds", then "only the ones that can\'t fly": the flying birds leave, the rest stay', () => {
    const { intent, titles } = feedAfter('birds', "only the ones that can't fly");
    expect(intent.refinements).toEqual([expect.objectContaining({ text: 'fly', not: true })]);
    expect(titles).toContain('penguin');
    expect(titles).not.toContain('dove');
    expect(titles).not.toContain('eagle');
  });

  it('"food", then "only the ones that aren\'t spicy" (and "음식", then "안 매운 것만"): nothing spicy', () => {
    for (const [topic, refine] of [['food', "only the ones that aren't spicy"], ['음식 보여줘', '안 매운 것만'], ['음식 보여줘', '맵지 않은 거만']] as const) {
      const { intent, titles } = feedAfter(topic, refine);
      expect(intent.refinements?.every((r) => r.not)).toBe(true);
      expect(titles).not.toContain('hot pepper');
      expect(titles.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('asking for the property again afterwards is a plain refinement ("only the spicy ones")', () => {
    const { intent, titles } = feedAfter('food', "only the ones that aren't spicy", 'only the spicy ones');
    expect(intent.refinements?.find((r) => r.text === 'spicy')?.not).toBeUndefined();
    expect(titles).toContain('hot pepper');
  });

  it('the reply says what is left out', async () => {
    const previous = feedAfter('birds').intent;
    const x = parseTurnExtraction(engine.extract("only the ones that can't fly", { previous, context: { expansions: [], places: [], itemsWithProperty: propertyItemsReader(kb) } }));
    expect(x.refineNot).toBe(true);
    const replies = await Promise.all([0, 1, 2].map((seed) => engine.reply(x, { language: 'en', seed })));
    for (const r of replies) expect(r).toMatch(/leaving fly out|without fly/);
    const ko = parseTurnExtraction(engine.extract('안 매운 것만', { previous: feedAfter('음식 보여줘').intent, context: { expansions: [], places: [], itemsWithProperty: propertyItemsReader(kb) } }));
    for (const seed of [0, 1]) expect(await engine.reply(ko, { language: 'ko', seed })).toMatch(/'매운' 쪽.*빼/);
  });
});

describe('a Korean word that names nothing after the word before it', () => {
  it('"방금 한 말 취소" takes back what was said: 말 is no horse; "말 보여줘" still shows horses', () => {
    const { intent, titles } = feedAfter('벌은 싫어 쏘일 것 같아', '방금 한 말 취소! 꿀벌 귀엽다');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('말');
    expect(titles.filter((t) => /horse/.test(t))).toEqual([]);
    expect(feedAfter('말 보여줘').titles).toContain('horse');
  });
});

describe('a Korean counter after a numeral measures and names nothing', () => {
  it('"몇 개 더" asks for more of the guitars, not for dogs (개); "개 보여줘" still shows dogs', () => {
    const more = feedAfter('기타 치는 거', '비슷한 느낌으로 몇 개 더');
    expect([...more.intent.keyPhrases, ...more.intent.likes].map((p) => p.text)).not.toContain('개');
    expect(more.titles).toContain('guitar');
    expect(more.titles.filter((t) => /\bdog\b/.test(t))).toEqual([]);
    expect(feedAfter('개 보여줘').titles).toContain('dog');
    expect(feedAfter('강아지 두 마리 보여줘').titles.some((t) => /\bdog\b/.test(t))).toBe(true);
  });
});

describe('"late" before a month or a time of day places it in time', () => {
  it('"munich in late september": no "late" phrase, no alarm clock; "running late" is still read (the situation: the alarm clock)', () => {
    const munich = feedAfter("munich in late september. yes, it's for the beer tents");
    expect(munich.intent.keyPhrases.map((p) => p.text).filter((t) => /late/.test(t))).toEqual([]);
    expect(munich.titles).not.toContain('alarm clock');
    // Read through the situation its words name (no one item carries "running" and "late" together).
    expect(feedAfter("i'm running late").titles).toContain('alarm clock');
  });
});

describe('"left" after a count is what remains, not the direction', () => {
  it('"i have like 3 bucks left": money, no left arrows; "cant" (can\'t typed without its apostrophe) names nothing', () => {
    const payday = feedAfter('payday cant come soon enough, i have like 3 bucks left');
    expect(payday.intent.keyPhrases.map((p) => p.text).filter((t) => /left|cant/.test(t))).toEqual([]);
    expect(payday.titles.filter((t) => /left|cat/.test(t))).toEqual([]);
    expect(payday.titles.slice(0, 3)).toContain('money bag');
    // the direction stays a direction
    expect(feedAfter('show me the left arrow').titles.slice(0, 3)).toContain('left arrow');
    expect(feedAfter('turn left').intent.keyPhrases.map((p) => p.text).join(' ')).toContain('left');
  });
});

describe('a number counts what follows: never the topic', () => {
  it('"two weeks in oaxaca", "after two years", "forty minutes", "38 degrees": no clock, keycap or two-hump camel', () => {
    for (const text of ["we're doing two weeks in oaxaca over the holidays", 'he broke up with me over text. after two years.', "haven't moved in forty minutes on the interstate", "it's 38 degrees in here"]) {
      const { intent, titles } = feedAfter(text);
      expect(intent.keyPhrases.map((p) => p.text).filter((t) => /\b(?:two|forty|degree|minute|week|year)/.test(t))).toEqual([]);
      expect(titles.filter((t) => /o’clock|thirty|keycap|two-hump|two hearts/.test(t))).toEqual([]);
    }
    // a counted thing is still the topic
    expect(feedAfter('show me two dogs').titles.some((t) => /\bdog\b/.test(t))).toBe(true);
    // a time after "a" is a thing, not a measure: "a summer dress", "a night sky"
    expect(feedAfter('i want a summer dress').intent.keyPhrases.map((p) => p.text)).toContain('summer dress');
    expect(feedAfter('a night sky please').intent.keyPhrases.map((p) => p.text)).toContain('night sky');
  });
  it('a flag\'s region code is no word: "the ac just died" shows no Ascension Island', () => {
    expect(feedAfter('the ac just died').titles.filter((t) => t.startsWith('flag:'))).toEqual([]);
    expect(feedAfter('ascension island flag').titles.slice(0, 3)).toContain('flag: Ascension Island');
  });
});

describe('Korean chat as typed', () => {
  it('tears glued to a word ("입대해ㅠㅠ") leave the word readable: enlisting, the saluting face', () => {
    const { titles } = feedAfter('나 내일 입대해ㅠㅠ');
    expect(titles.slice(0, 5)).toEqual(expect.arrayContaining(['saluting face', 'military helmet']));
  });
  it('"not that" with something else told is a new topic, not a refusal that empties the turn', () => {
    const { intent, titles } = feedAfter('수박 이모지', '아 그거 말고 빼빼로데이에 뭐 주지');
    expect(intent.task).toBe('new_topic');
    expect((intent.expansions ?? []).map((e) => e.text)).toContain('chocolate bar');
    expect(titles.filter((t) => /grinning/.test(t))).toEqual([]);
    expect(intent.dislikes.map((d) => d.text)).toEqual(['수박']);
  });
});

describe('a situation named in a phrase of its own is read for its meaning', () => {
  it('"머리 깨질 거 같아" (a splitting head) is the headache, not every picture of hair', () => {
    const { intent, titles } = feedAfter('어제 회식 때 너무 달렸나 봐 머리 깨질 거 같아');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('머리 깨질');
    expect(titles.filter((t) => /hair/.test(t))).toEqual([]);
    expect(titles).toContain('face with head-bandage');
  });
});

describe('occasions as people say them', () => {
  it('"ten years married tomorrow", "eid mubarak!!", "my dad is retiring": the anniversary, Eid, the retirement', () => {
    const texts = (t: string) => (feedAfter(t).intent.expansions ?? []).map((e) => e.text);
    expect(texts('ten years married tomorrow, still can\'t believe she said yes')).toContain('anniversary');
    expect(feedAfter('eid mubarak!! heading to my grandparents').titles.slice(0, 3)).toEqual(expect.arrayContaining(['crescent moon', 'star and crescent']));
    // "dad retiring": the person is who it is for, and what remains is read for its meaning
    const { intent, titles } = feedAfter("my dad's retiring, party's on friday");
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('retiring');
    expect(titles.slice(0, 5)).toEqual(expect.arrayContaining(['party popper']));
  });
});

describe('a refinement by the word before "ones"', () => {
  it('"music things", then "only instruments you blow into": the wind instruments, no guitar or violin', () => {
    const { titles } = feedAfter('music things', 'only instruments you blow into');
    expect(titles.slice(0, 4)).toEqual(expect.arrayContaining(['saxophone', 'trumpet', 'flute']));
    expect(titles.filter((t) => /guitar|violin/.test(t))).toEqual([]);
  });
  it('"bugs", then "the ones with wings": a refinement by its form, whatever the classifier read; no fairies', () => {
    const { intent, titles } = feedAfter('bugs', 'the ones with wings');
    expect(intent.task).toBe('refine');
    expect(titles.filter((t) => /fairy|money/.test(t))).toEqual([]);
    expect(titles).toEqual(expect.arrayContaining(['butterfly', 'honeybee']));
  });
  it('"clothes", then "winter ones only": the scarf, the gloves and the coat first', () => {
    expect(feedAfter('clothes', 'winter ones only').titles.slice(0, 4)).toEqual(expect.arrayContaining(['scarf', 'gloves', 'coat']));
  });
});

describe('a temperature or a broken machine is the weather it makes', () => {
  it('"it\'s 38 degrees in here and the ac just died", "밖은 35도래": the heat, not sad faces or a giraffe', () => {
    const en = feedAfter("it's 38 degrees in here and the ac just died");
    expect(en.titles.slice(0, 10)).toEqual(expect.arrayContaining(['hot face']));
    expect(en.titles.filter((t) => /pensive|crying|disappointed/.test(t))).toEqual([]);
    const ko = feedAfter('기린 보여줘', '아 그건 나중에. 에어컨 고장났는데 밖은 35도래 진짜 죽겠다');
    expect(ko.titles.slice(0, 10)).toEqual(expect.arrayContaining(['hot face']));
    // an angle is no weather
    expect((feedAfter('turn it 90 degrees').intent.expansions ?? []).map((e) => e.text)).not.toContain('heatwave');
  });
  it('a refinement of nothing shown is read as a statement: "the ac just died" alone', () => {
    expect(feedAfter('the ac just died').titles.slice(0, 10)).toEqual(expect.arrayContaining(['hot face']));
  });
});

describe('a person named as the subject or by whose place it is, beside something else, is who it is for', () => {
  it('"친구가 결혼해요": the wedding, not the friend', () => {
    const wedding = feedAfter('친구가 결혼해요');
    expect(wedding.intent.information?.people.map((p) => p.text)).toContain('친구');
    expect(wedding.intent.keyPhrases.map((p) => p.text)).not.toContain('친구');
  });

  it('"reunion dinner for chinese new year at grandma\'s": grandma is whose place, not the topic', () => {
    const { intent } = feedAfter("reunion dinner for chinese new year at grandma's");
    expect(intent.information?.people.map((p) => p.text)).toContain('grandma');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('grandma');
  });

  it('alone, the person is the topic ("show me grandma")', () => {
    expect(feedAfter('show me grandma').intent.keyPhrases.map((p) => p.text)).toContain('grandma');
  });
});

describe('words as a story tells them (2026-12-01)', () => {
  it('"way too much wine last night" is a hangover told, not a request for wine or for less of it', () => {
    const { intent, titles } = feedAfter('way too much wine last night and now my head is pounding');
    expect(intent.dislikes.map((d) => d.text)).not.toContain('wine');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('wine');
    expect(titles).toContain('face with head-bandage');
    expect(titles).not.toContain('wine glass');
  });

  it('a Korean place name is its head ("한라산" a mountain, "북한산" no North Korea, "부산역" a station in Busan)', () => {
    expect(feedAfter('한라산 가고 싶다').titles.filter((t) => /mountain|mount fuji/.test(t)).length).toBeGreaterThanOrEqual(3);
    expect(feedAfter('북한산 찍고 왔더니 다리가 후들후들').titles).not.toContain('flag: North Korea');
    // A word the place's name also spells is not meant beside it: Paris, not the fly (파리).
    expect(feedAfter('파리에 가고 싶어').titles).not.toContain('fly');
    expect(feedAfter('파리에 가고 싶어').titles).toContain('flag: France');
    const busan = feedAfter('부산역에서 만나').titles;
    expect(busan).toContain('flag: South Korea');
    expect(busan).toContain('station');
  });

  it('a verb in a form the seeds do not list is read by its dictionary form ("울고 싶다": crying)', () => {
    const { intent, titles } = feedAfter('남친이랑 헤어졌어 오늘은 그냥 울고 싶다');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('울고');
    expect(titles.filter((t) => /crying/.test(t)).length).toBeGreaterThanOrEqual(2);
  });

  it('"눈이 와요" is snow, not eyes; "산에 가고 싶다" is the mountains', () => {
    const snow = feedAfter('눈이 와요').titles;
    expect(snow.filter((t) => /snow/.test(t)).length).toBeGreaterThanOrEqual(3);
    expect(snow.filter((t) => /eyes/.test(t))).toEqual([]);
    expect(feedAfter('산에 가고 싶다').titles.filter((t) => /mountain/.test(t)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('a named country among many flags', () => {
  it.each([['flag of france', 'flag: France'], ['show me the flag of japan', 'flag: Japan'], ['국기 중에 일본', 'flag: Japan']])('"%s" puts %s first', (text, flag) => {
    // Every flag matches "flag" alike; the named country's had been cut from the word matches' pool,
    // and its link alone only tied the others.
    expect(feedAfter(text).titles[0]).toBe(flag);
  });
});

describe('proper names in titles are names', () => {
  it('"reunion dinner for chinese new year" shows no flag of Réunion or of Papua New Guinea', () => {
    const { titles } = feedAfter("reunion dinner for chinese new year at grandma's");
    expect(titles.filter((t) => t.startsWith('flag:'))).toEqual([]);
    expect(titles).toContain('red envelope');
  });

  it('a place said by its own name keeps its flag ("learn more about Vietnam before my trip")', () => {
    expect(feedAfter('I want to learn more about Vietnam before my trip').titles[0]).toBe('flag: Vietnam');
  });
});

describe('indefinite pronouns name no one', () => {
  it('"eid mubarak everyone!" is Eid, not friends and busts for "everyone"', () => {
    const { intent, titles } = feedAfter('eid mubarak everyone!');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('eid mubarak everyone');
    expect(titles.filter((t) => /bust|holding hands/.test(t))).toEqual([]);
    expect(titles).toContain('star and crescent');
  });
});
