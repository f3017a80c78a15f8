// Refusals and narrowings as people type them (issue 14): a reason given beside a refusal is a
// circumstance, not a new topic ("drinks", then "nothing with alcohol, i'm driving"); a narrowing said
// after its object ("baked stuff only") is one, and a refusal before it does not take it ("skip anything
// frozen, baked stuff only"); and a refusal by name covers the kinds the knowledge layer knows of it
// ("no alcohol": the sake, whose words never say alcohol).
import { describe, expect, it } from 'vitest';
import { reasonsOf } from '../../../src/core/lang/packs.ts';
import { productTurns } from './product-turns.ts';

const titles = (...texts: string[]) => productTurns(...texts).top.map((it) => it.title);

describe('a reason beside a refusal', () => {
  it('finds the reason clause in both languages, and none in a plain request', () => {
    expect(reasonsOf("nothing with alcohol, i'm driving").spans).toEqual([", i'm driving"]);
    expect(reasonsOf('no nuts please because my son is allergic').spans).toHaveLength(1);
    expect(reasonsOf('다이어트 중이라서 단 건 빼줘').spans.join(' ')).toContain('중이라서');
    expect(reasonsOf('술은 빼줘, 운전해야 되니까').spans.join(' ')).toContain('되니까');
    expect(reasonsOf('show me cars').spans).toEqual([]);
    expect(reasonsOf('고양이 보여줘').spans).toEqual([]);
  });

  it.each([
    [['drinks', "nothing with alcohol, i'm driving"], 'drink', 'alcohol'],
    [['i am thirsty', 'nothing with alcohol, i am driving'], null, 'alcohol'],
    [['음료 보여줘', '술은 빼줘, 운전해야 되니까'], '음료', '술'],
    // As typed in chat: "im" for "i'm", and no comma before the reason.
    [['drinks', 'nothing with alcohol im driving'], 'drink', 'alcohol'],
  ] as const)('%j keeps the topic on screen and refuses only what it names', (turns, topic, refused) => {
    const { intent, top } = productTurns(...turns);
    expect(intent.task).toBe('less_of');
    expect(intent.dislikes.map((d) => d.text)).toContain(refused);
    if (topic) expect(intent.keyPhrases.map((p) => p.text)).toContain(topic);
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('driving');
    // Before, "driving" became the topic: golfers (a drive) and cars filled the feed.
    expect(top.filter((it) => it.category === 'food-drink').length).toBeGreaterThanOrEqual(8);
    expect(top.map((it) => it.title).join(' ')).not.toMatch(/golf|automobile|beer|wine|cocktail/);
  });

  it('a new request with a reason is still a new topic', () => {
    const { intent } = productTurns('drinks', "show me cars, i'm driving to work");
    expect(intent.keyPhrases.map((p) => p.text)).toContain('car');
  });
});

describe('a narrowing said after its object', () => {
  it('"desserts", then "skip anything frozen, baked stuff only": no ice cream, the baked ones', () => {
    const { intent, top } = productTurns('desserts', 'skip anything frozen, baked stuff only');
    expect(intent.task).toBe('refine');
    expect(intent.dislikes.map((d) => d.text)).toEqual(['frozen']);
    expect(intent.refinements?.map((r) => r.text)).toEqual(['baked']);
    const shown = top.map((it) => it.title);
    expect(shown.join(' ')).not.toMatch(/ice/);
    expect(shown.filter((t) => /cake|cookie|pie|doughnut|bread|croissant/.test(t)).length).toBeGreaterThanOrEqual(4);
  });

  it('"fruit", then "red stuff only" narrows like "only the red ones"', () => {
    expect(productTurns('fruit', 'red stuff only').intent.refinements?.map((r) => r.text)).toEqual(['red']);
    expect(titles('fruit', 'red stuff only').slice(0, 2)).toEqual(titles('fruit', 'only the red ones').slice(0, 2));
  });

  it('Korean: "날씨 이모지", then "겨울 느낌 나는 걸로" (with a winter feel) narrows to the winter weather; "매운 거로" is a refinement', () => {
    const { intent, top } = productTurns('날씨 이모지', '겨울 느낌 나는 걸로');
    expect(intent.refinements?.map((r) => r.text)).toEqual(['겨울']);
    expect(top.map((it) => it.title)).toEqual(expect.arrayContaining(['snowflake', 'cloud with snow']));
    expect(top.map((it) => it.title).join(' ')).not.toMatch(/\bsun\b/);
    expect(productTurns('음식 보여줘', '매운 거로').intent.task).toBe('refine');
  });

  it('"sports stuff" alone is a topic, not a narrowing', () => {
    expect(productTurns('sports stuff').intent.task).not.toBe('refine');
  });
});

describe('a property read through what it is of', () => {
  it('"weather icons", then "just the stormy ones": the storms (through "storm"), no sun', () => {
    const shown = titles('weather icons', 'just the stormy ones');
    expect(shown).toEqual(expect.arrayContaining(['cyclone', 'cloud with lightning', 'cloud with lightning and rain']));
    expect(shown.join(' ')).not.toMatch(/\bsun\b/);
  });

  it('"weather icons", then "just the rainy ones": the rain and the umbrellas first', () => {
    expect(titles('weather icons', 'just the rainy ones').slice(0, 4)).toEqual(expect.arrayContaining(['cloud with rain', 'umbrella with rain drops']));
  });
});

describe('a refusal covers its kinds', () => {
  it('"drinks", then "no alcohol": the sake goes with the wine, and the refusal keeps its kinds', () => {
    expect(titles('drinks')).toContain('sake');
    const { intent, top } = productTurns('drinks', 'no alcohol please');
    expect(top.map((it) => it.title)).not.toContain('sake');
    expect(intent.dislikes.find((d) => d.text === 'alcohol')?.itemIds).toContain('1F376');
  });

  it('a later request for one of them still brings it back ("no alcohol", then "sake please" or "wine please")', () => {
    expect(titles('drinks', 'no alcohol please', 'sake please')[0]).toBe('sake');
    // The request is weighed against the refusal by exact words: near spellings of "wine" (wing, wind,
    // winking) had made it look broader than "alcohol", and the wine stayed hidden.
    expect(titles('drinks', 'no alcohol please', 'wine please')[0]).toBe('wine glass');
  });

  it("a refusal's kinds are what WordNet calls kinds of it: \"no more cats\" holds the cat itself, no other animal", () => {
    const { intent } = productTurns('show me cats', 'no more cats');
    expect(intent.dislikes.find((d) => d.text === 'cat')?.itemIds ?? []).toEqual(['1F408']);
  });
});
