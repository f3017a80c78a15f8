// Turns that follow on from the one before (2026-12-02, found reading dev3's errors and typing as a new
// user): a request tied to the occasion told before asks within it ("housewarming saturday", then
// "what should i bring as a gift though?" had shown any gift, and "though" had been a topic: the thought
// balloon); a change of subject ends it however the turn asks; refusing what is shown and naming what
// is wanted instead ("i hate these, show me dogs instead") hides what is shown (the cats had stayed).
import { describe, expect, it } from 'vitest';
import { productTurns } from './product-turns.ts';

const after = (...texts: string[]) => productTurns(...texts);
const titlesAfter = (...texts: string[]) => after(...texts).top.map((it) => it.title);
const HOUSE = /\bhouse\b|potted plant/;

describe('a request tied to the occasion told before', () => {
  it('"housewarming ...", then "what should i bring as a gift though?": the gift and the housewarming', () => {
    const { intent, top } = after('housewarming at our new place saturday, bring snacks lol', 'what should i bring as a gift though?');
    const titles = top.map((it) => it.title);
    expect(titles[0]).toBe('wrapped gift');
    expect(titles.filter((t) => HOUSE.test(t)).length).toBeGreaterThanOrEqual(2);
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('though');
  });

  it('"my sister\'s wedding is next month", then "what should i get her as a gift?": the wedding stays', () => {
    const titles = titlesAfter("my sister's wedding is next month", 'what should i get her as a gift?');
    expect(titles).toContain('wrapped gift');
    expect(titles.filter((t) => /wedding|ring|veil|tuxedo/.test(t)).length).toBeGreaterThanOrEqual(3);
  });

  it('"다음 주 토요일 집들이 해", then "그날 선물 뭐 가져가지?": 그날 is no topic, the housewarming stays', () => {
    const { intent, top } = after('다음 주 토요일 집들이 해', '그날 선물 뭐 가져가지?');
    expect(intent.keyPhrases.map((p) => p.text)).toContain('선물');
    expect(top.map((it) => it.title)).toContain('wrapped gift');
    expect(top.filter((it) => HOUSE.test(it.title)).length).toBeGreaterThanOrEqual(2);
  });

  it('a change of subject ends it: "different topic: what should i bring as a gift though?" is any gift', () => {
    const titles = titlesAfter('housewarming at our new place saturday', 'different topic: what should i bring as a gift though?');
    expect(titles).toContain('wrapped gift');
    expect(titles.filter((t) => HOUSE.test(t))).toEqual([]);
  });

  it('a new topic with nothing tying it stays new: "going to tokyo next week", then "show me cats"', () => {
    const titles = titlesAfter('going to tokyo next week', 'show me cats');
    expect(titles.filter((t) => /japan|shrine|fuji|sushi/i.test(t))).toEqual([]);
  });

  it('"anyway" opening a new matter is no topic', () => {
    const { intent } = after('show me sailboats', "anyway. haven't moved an inch in forty minutes on the interstate, i'm losing it");
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('anyway');
  });
});

describe('refusing what is shown and naming what is wanted instead', () => {
  it.each([
    ['show me cats', 'i hate these, show me dogs instead'],
    ['show me cats', 'ugh i hate them. dogs please'],
    ['show me cats', 'dogs please, not these'],
    ['고양이 보여줘', '이거 싫어 강아지 보여줘'],
  ])('"%s", then "%s": the dogs, and no cat', (topic, turn) => {
    const { intent, top } = after(topic, turn);
    const titles = top.map((it) => it.title);
    expect(titles.filter((t) => /\bdog\b|poodle/.test(t)).length).toBeGreaterThanOrEqual(4);
    expect(titles.filter((t) => /\bcat\b/.test(t))).toEqual([]);
    expect(intent.dislikes.length).toBeGreaterThan(0);
  });

  it('naming the topic on screen again is no refusal of it ("dogs and cats but not these": cats stay asked for)', () => {
    const { intent } = after('show me cats', 'dogs and cats but not these');
    expect(intent.dislikes.map((d) => d.text)).not.toContain('cat');
  });

  it('a refusal that names its own thing refuses that thing, not what is shown ("not these dogs" after cats)', () => {
    const { intent } = after('show me cats', 'show me dogs, but not these dogs');
    expect(intent.dislikes.map((d) => d.text)).not.toContain('cat');
  });
});
