// What a topic holds by WordNet's hypernyms (KnowledgeBase.itemsOfKind, tools/knowledge/properties.ts
// itemKinds): "vehicles" is the airplane and the canoe too, whose words never say vehicle, so a
// refinement can narrow to them; a dog is the poodle, not the hot dog. Product path (product-turns.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { associatesReader } from '../../../src/core/knowledge/expand.ts';
import { KnowledgeError, parseKnowledge } from '../../../src/core/knowledge/format.ts';
import { stemKorean } from '../../../src/core/lang/ko/stem.ts';
import { items, kb, productTurns } from './product-turns.ts';

const titles = (...turns: string[]) => productTurns(...turns).top.map((it) => it.title);

describe('kinds of a topic (issue 14)', () => {
  it('the file says what items are kinds of, by their senses and hypernyms, not by a shared word', () => {
    const titleOf = (ids: readonly string[]) => ids.map((id) => items.find((it) => it.id === id)?.title);
    expect(titleOf(kb.itemsOfKind('vehicle'))).toEqual(expect.arrayContaining(['airplane', 'canoe', 'bicycle', 'ambulance']));
    // The hot dog's WordNet sense lists "dog" as slang; a kind of dog it is not.
    expect(titleOf(kb.itemsOfKind('dog'))).toEqual(expect.arrayContaining(['dog', 'poodle', 'guide dog']));
    expect(titleOf(kb.itemsOfKind('dog'))).not.toContain('hot dog');
    // A plural title is read by its singular where WordNet lists only that.
    expect(titleOf(kb.itemsOfKind('fruit'))).toContain('blueberries');
    expect(titleOf(kb.itemsOfKind('clothing'))).toContain('socks');
    // Nor a hypernym's lemma in a minor sense: the lion is a "big cat, cat" (cat's seventh sense).
    expect(titleOf(kb.itemsOfKind('cat'))).toContain('cat');
    expect(titleOf(kb.itemsOfKind('cat'))).not.toEqual(expect.arrayContaining(['lion']));
    expect(titleOf(kb.itemsOfKind('animal'))).toContain('lion');
    // A synonym that is among the word's main senses counts ("drink" of "beverage").
    expect(titleOf(kb.itemsOfKind('drink'))).toContain('hot beverage');
    expect(kb.itemsOfKind('zimwaggle')).toEqual([]);
  });

  it('a malformed kinds table is a clear error on first use; a file without it has no kinds', () => {
    const raw = JSON.parse(readFileSync('public/models/knowledge/knowledge.json', 'utf8'));
    expect(() => parseKnowledge({ ...raw, kinds: { words: 'vehicle', lists: '' } })).toThrow(KnowledgeError);
    expect(() => parseKnowledge({ ...raw, kinds: { words: 'vehicle', lists: '' } })).toThrow(/kinds/);
    // An index past the item list is caught when the word is read.
    const broken = parseKnowledge({ ...raw, kinds: { words: 'vehicle', lists: '999999' } });
    expect(() => broken.itemsOfKind('vehicle')).toThrow(/kinds\.lists/);
    const { kinds: _, ...without } = raw;
    expect(parseKnowledge(without).itemsOfKind('vehicle')).toEqual([]);
  });

  it('"vehicles", then "only the ones that fly": the aircraft, which no word of theirs calls a vehicle', () => {
    const top = titles('vehicles', 'only the ones that fly');
    expect(top.slice(0, 3)).toEqual(expect.arrayContaining(['helicopter', 'airplane']));
    expect(top.slice(0, 3)).not.toContain('automobile');
  });

  it('"vehicles", then "just the ones that go on water": boats only', () => {
    const { top } = productTurns('vehicles', 'just the ones that go on water');
    expect(top.length).toBeGreaterThanOrEqual(5);
    expect(top.map((it) => it.title)).toEqual(expect.arrayContaining(['canoe', 'sailboat', 'ferry']));
    expect(top.map((it) => it.title)).not.toContain('automobile');
  });

  it('a refinement that picks a kind out of several keeps the whole kind: "vehicles", then "just the ones that go in the air"', () => {
    const kind = (t: string) => items.find((it) => it.title === t)!.categories[0];
    const top = titles('vehicles', 'just the ones that go in the air');
    expect(top).toHaveLength(10);
    // every one an aircraft, the parachute and the cable cars too; no boat ("craft: ... on water or air")
    expect(top.map(kind).every((k) => k === 'transport-air')).toBe(true);
    expect(top).toContain('parachute');
    const boats = titles('탈것 보여줘', '바다에서 타는 것만');
    expect(boats.slice(0, 7).map(kind).every((k) => k === 'transport-water')).toBe(true);
    expect(boats).toEqual(expect.arrayContaining(['canoe', 'ferry', 'speedboat']));
  });

  it('what an activity\'s verb says counts as its property: "sports", then "only the ones in the water" (swim: travel through water)', () => {
    const top = titles('sports', 'only the ones in the water');
    expect(top.slice(0, 6)).toEqual(expect.arrayContaining(['person swimming', 'person playing water polo']));
    expect(top).not.toContain('tennis');
    expect(kb.itemsWithProperty('water').map((id) => items.find((it) => it.id === id)?.title)).toContain('person swimming');
  });

  it('not a kind that is most of the topic: "fruit", then "only the red ones" is the red fruit, not every fruit', () => {
    const top = titles('fruit', 'only the red ones');
    expect(top.slice(0, 3)).toContain('red apple');
    expect(top).not.toContain('banana');
  });

  it('Korean: "탈것 보여줘" (no tag says 탈것), then "하늘을 나는 것만" narrows the vehicles to the aircraft', () => {
    const { intent, top } = productTurns('탈것 보여줘', '하늘을 나는 것만');
    // The topic was read for its meaning and held by no phrase: the refinement narrows it, not replaces it.
    expect(intent.refinements.length).toBeGreaterThan(0);
    expect(top.slice(0, 4).map((it) => it.title)).toEqual(expect.arrayContaining(['helicopter', 'airplane']));
  });

  it('a word said only in passing names no kinds ("pitch to the whole board": no skateboard)', () => {
    const { intent } = productTurns('have to pitch to the whole board tomorrow and i\'m freaking out');
    expect(intent.expansions.filter((e) => e.from === 'board' && e.itemIds?.length)).toEqual([]);
  });

  it('a vague word names no kinds ("more along those lines": no railway lines)', () => {
    const { intent } = productTurns('rocket stickers', 'show me more along those lines');
    expect(intent.expansions.filter((e) => e.from === 'line' && e.itemIds?.length)).toEqual([]);
  });

  it('"show me dogs": the dogs before the hot dog', () => {
    const top = titles('show me dogs');
    const hotDog = top.indexOf('hot dog');
    for (const dog of ['dog', 'poodle', 'guide dog']) {
      expect(top.indexOf(dog)).toBeGreaterThanOrEqual(0);
      if (hotDog >= 0) expect(top.indexOf(dog)).toBeLessThan(hotDog);
    }
  });
});

describe('a refinement by where things are (Korean)', () => {
  it('a one-syllable noun keeps a particle of two syllables; one ending in a one-syllable particle stays whole', () => {
    expect(stemKorean('물에서').stem).toBe('물');
    expect(stemKorean('입으로').stem).toBe('입');
    expect(stemKorean('포도').stem).toBe('포도');
    expect(stemKorean('사과').stem).toBe('사과');
  });

  it('"운동 스티커", then "물에서 하는 것만": water is the property, the light verb 하는 none', () => {
    const { intent } = productTurns('운동 스티커', '물에서 하는 것만');
    expect(intent.refinements.map((r) => r.text)).toEqual(['물']);
    expect(intent.expansions.find((e) => e.from === '물' && e.text === 'water')?.itemIds?.length).toBeGreaterThan(0);
  });

  it('a position word is no property ("물 위에 있는 것만": on the water, not "위")', () => {
    const { intent } = productTurns('탈것 보여줘', '물 위에 떠 있는 것만');
    expect(intent.refinements.map((r) => r.text)).not.toContain('위');
  });
});

describe("a refinement's word in its main sense", () => {
  it('"food", then "only the spicy ones": not the blueberries ("spicy" is "blue" only as racy)', () => {
    const { intent, top } = productTurns('food', 'only the spicy ones');
    expect(intent.expansions.map((e) => e.text)).not.toContain('blue');
    expect(top.map((it) => it.title)).not.toContain('blueberries');
    expect(top.slice(0, 3).map((it) => it.title)).toContain('hot pepper');
  });
});

describe('a refinement by what goes with a season', () => {
  it('"옷 스티커", then "겨울에 입는 거만" (only what you wear in winter): the scarf and the coat lead', () => {
    const { intent, top } = productTurns('옷 스티커', '겨울에 입는 거만');
    expect(intent.refinements.map((r) => r.text)).toContain('겨울');
    expect(top.slice(0, 4).map((it) => it.title)).toEqual(expect.arrayContaining(['scarf', 'coat']));
  });

  it('"clothes", then "only the stuff you wear in winter": the season in the clause is the refinement, not dropped', () => {
    const { intent, top } = productTurns('clothes', 'only the stuff you wear in winter');
    expect(intent.refinements.map((r) => r.text)).toContain('winter');
    // The scarf, the gloves and the coat are never tagged clothes: the clothing subgroup, where most of
    // what "clothes" matched lies, holds them (narrow.ts homeKinds).
    expect(top.slice(0, 5).map((it) => it.title)).toEqual(expect.arrayContaining(['scarf', 'gloves', 'coat']));
  });

  it('a word that names no season or situation has no associates', () => {
    expect(associatesReader(kb)('zimwaggle')).toEqual([]);
    expect(associatesReader(kb)('winter')).toEqual(expect.arrayContaining(['scarf', 'coat']));
  });
});

describe('a refinement by what is done with a thing (a verb\'s definition names its kind)', () => {
  it('the file lists the kinds a verb\'s definition names as the verb\'s property ("blow: play or sound a wind instrument")', () => {
    const titleOf = (ids: readonly string[]) => ids.map((id) => items.find((it) => it.id === id)?.title);
    expect(titleOf(kb.itemsWithProperty('blow'))).toEqual(expect.arrayContaining(['saxophone', 'trumpet', 'flute']));
    expect(titleOf(kb.itemsWithProperty('strum'))).toEqual(expect.arrayContaining(['guitar', 'violin']));
    expect(titleOf(kb.itemsWithProperty('blow'))).not.toContain('guitar');
  });

  it('"musical instruments", then "only the ones you blow into": the wind instruments, no guitar', () => {
    const top = titles('musical instruments', 'only the ones you blow into');
    expect(top.slice(0, 3)).toEqual(expect.arrayContaining(['saxophone', 'trumpet']));
    expect(top).not.toContain('guitar');
  });

  it('Korean: "악기 스티커", then "입으로 부는 것만" (only the ones you blow with your mouth)', () => {
    const top = titles('악기 스티커', '입으로 부는 것만');
    expect(top.slice(0, 3)).toEqual(expect.arrayContaining(['saxophone', 'trumpet']));
    expect(top).not.toContain('microscope');
  });
});

describe('a definition\'s size word is the thing\'s, not a part\'s', () => {
  it('"동물 보여줘", then "엄청 작은 애들만": the mouse, not the giraffe ("having ... small horns")', () => {
    const titleOf = (ids: readonly string[]) => ids.map((id) => items.find((it) => it.id === id)?.title);
    expect(titleOf(kb.itemsWithProperty('small'))).toContain('mouse');
    expect(titleOf(kb.itemsWithProperty('small'))).not.toContain('giraffe');
    const top = titles('동물 보여줘', '엄청 작은 애들만');
    expect(top.slice(0, 3)).toContain('mouse');
    expect(top).not.toContain('giraffe');
  });

  it('a word no definition says reads as the adjective WordNet puts it beside ("tiny" -> small)', () => {
    expect(kb.itemsWithProperty('tiny')).toEqual([]);
    const top = titles('animals', 'only the tiny ones');
    expect(top.slice(0, 3)).toContain('mouse');
    expect(top).not.toContain('gorilla');
    // A word some definitions say keeps its own items: "massive" leads with the elephant.
    expect(titles('animals', 'only the massive ones')[0]).toBe('elephant');
  });
});
